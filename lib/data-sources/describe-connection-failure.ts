/**
 * A connection failure in words an admin can act on, naming the server and database
 * but never the password: every spelling of it (and the whole connection string) is
 * cut from the driver's message before it reaches a page, a log or the audit trail.
 */
export function describeConnectionFailure(connectionString: string, error: unknown): string {
  const reason = redactSecrets(error instanceof Error ? error.message : String(error), secretsIn(connectionString));
  return `Could not connect to ${describeTarget(connectionString)}: ${reason}`;
}

function describeTarget(connectionString: string): string {
  try {
    const url = new URL(connectionString);
    const database = decodeURIComponent(url.pathname.replace(/^\//, '')) || 'the default database';
    return `${url.hostname || 'the local socket'}${url.port ? `:${url.port}` : ''}, database ${database}`;
  } catch {
    return 'the database';
  }
}

/**
 * The error a source operation threw, with every spelling of the connection's password
 * (and the whole connection string) cut from its message, so a driver that echoes them
 * (a parse error of the URL, a value in a failed statement) never carries them to the
 * request page, the worker's log or the audit trail. An error that holds no secret is
 * returned as it is, its code and class kept.
 */
export function withoutConnectionSecrets(connectionString: string, error: unknown): unknown {
  const secrets = secretsIn(connectionString);
  if (error instanceof AggregateError) {
    const errors = error.errors.map((inner) => withoutConnectionSecrets(connectionString, inner));
    const message = redactSecrets(error.message, secrets);
    if (message === error.message && errors.every((inner, index) => inner === error.errors[index])) return error;
    return new AggregateError(errors, message);
  }
  if (!(error instanceof Error)) {
    const text = String(error);
    const redacted = redactSecrets(text, secrets);
    return redacted === text ? error : new Error(redacted);
  }
  const message = redactSecrets(error.message, secrets);
  if (message === error.message && !secrets.some((secret) => error.stack?.includes(secret))) return error;
  const redacted = new Error(message);
  redacted.name = error.name;
  const code = (error as { code?: unknown }).code;
  if (code !== undefined) Object.assign(redacted, { code });
  return redacted;
}

function secretsIn(connectionString: string): string[] {
  const secrets = [connectionString];
  try {
    const url = new URL(connectionString);
    if (url.password) secrets.push(url.password, safeDecode(url.password));
    const queryPassword = url.searchParams.get('password');
    if (queryPassword) secrets.push(queryPassword, encodeURIComponent(queryPassword));
  } catch {
    // Not a URL: only the whole string is known to be secret.
  }
  // Longest first, so a password inside the connection string does not leave the rest behind.
  return [...new Set(secrets.filter((secret) => secret.length > 0))].sort((left, right) => right.length - left.length);
}

function redactSecrets(message: string, secrets: string[]): string {
  return secrets.reduce((text, secret) => text.split(secret).join('[hidden]'), message);
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
