import { z } from 'zod';

/**
 * The environment, parsed once on first use. This is the only module that reads
 * process.env; everything else asks `env()`. Parsing is lazy (not at import) so
 * `next build` can load route modules on a machine with no database configured.
 * Every variable is documented in .env.example.
 */
const booleanFlag = z
  .enum(['true', 'false', '1', '0', ''])
  .optional()
  .transform((value) => value === 'true' || value === '1');

const ZEnv = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  DATABASE_URL: z.url({ protocol: /^postgres(ql)?$/, error: 'DATABASE_URL must be a postgres:// URL' }),
  SMTP_URL: z.url({ protocol: /^smtps?$/, error: 'SMTP_URL must be an smtp:// or smtps:// URL' }),
  MAIL_FROM: z.string().min(3).default('dsr-desk <privacy@dsr-desk.localhost>'),
  APP_URL: z
    .url()
    .default('http://localhost:3000')
    .transform((url) => url.replace(/\/+$/, '')),
  APP_SECRET: z.string().min(32, 'APP_SECRET must be at least 32 characters (openssl rand -base64 48)'),
  ORGANISATION_NAME: z.string().min(1).max(120).default('Example Ltd'),
  TIME_ZONE: z
    .string()
    .default('UTC')
    .refine((zone) => {
      try {
        new Intl.DateTimeFormat('en', { timeZone: zone });
        return true;
      } catch {
        return false;
      }
    }, 'TIME_ZONE must be an IANA time zone such as Europe/London'),
  VERIFICATION_TOKEN_TTL_HOURS: z.coerce.number().int().min(1).max(168).default(24),
  UNVERIFIED_REQUEST_TTL_DAYS: z.coerce.number().int().min(1).max(90).default(7),
  RATE_LIMIT_PER_EMAIL_PER_DAY: z.coerce.number().int().min(1).default(5),
  RATE_LIMIT_PER_IP_PER_HOUR: z.coerce.number().int().min(1).default(20),
  /** Staff sign-in links per address in 15 minutes, and per client IP in an hour. */
  SIGN_IN_LIMIT_PER_EMAIL: z.coerce.number().int().min(1).default(5),
  SIGN_IN_LIMIT_PER_IP_PER_HOUR: z.coerce.number().int().min(1).default(20),
  TRUST_PROXY: booleanFlag,
  /** Files handed to requesters and the sources' staged data live here, outside the web root, when STORAGE_URL is unset. */
  STORAGE_DIR: z.string().min(1).default('.data/storage'),
  /** Where packages and uploads are stored: s3://bucket/prefix, or a local folder (file:///path or a path); unset, STORAGE_DIR. */
  STORAGE_URL: z
    .string()
    .regex(
      /^(s3:\/\/[a-z0-9][a-z0-9.-]{1,61}[a-z0-9](\/.*)?|file:\/\/\/.+|[^:]+)$/,
      'STORAGE_URL must be s3://bucket/prefix, file:///path or a folder path',
    )
    .optional(),
  /** For an S3-compatible service other than AWS (MinIO, Ceph, R2…): its endpoint URL. */
  S3_ENDPOINT: z.url().optional(),
  S3_REGION: z.string().min(1).default('us-east-1'),
  /** Path-style URLs (endpoint/bucket/key), which most S3-compatible servers need. */
  S3_FORCE_PATH_STYLE: booleanFlag,
  /** Server-side encryption asked for on every upload; none for a server that offers none. */
  S3_SERVER_SIDE_ENCRYPTION: z.enum(['AES256', 'aws:kms', 'none']).default('AES256'),
  /** Unset, the AWS SDK's usual chain applies (instance role, ~/.aws, …). */
  AWS_ACCESS_KEY_ID: z.string().min(1).optional(),
  AWS_SECRET_ACCESS_KEY: z.string().min(1).optional(),
  /** Largest file staff may attach to a fulfilment, in megabytes. */
  MAX_ATTACHMENT_MB: z.coerce.number().int().min(1).max(1024).default(25),
  /** Jobs one worker runs at once; email delivery is mostly waiting on SMTP and the database, so more than the cores. */
  WORKER_CONCURRENCY: z.coerce.number().int().min(1).max(50).default(8),
  /** Pooled SMTP connections per process (options in SMTP_URL's query, such as ?maxConnections=, win). */
  SMTP_MAX_CONNECTIONS: z.coerce.number().int().min(1).max(50).default(5),
  /** Requests the web process handles at once; WEB_MAX_QUEUED more wait a few seconds, the rest get 503 at once. */
  WEB_MAX_CONCURRENT: z.coerce.number().int().min(1).max(1000).default(64),
  WEB_MAX_QUEUED: z.coerce.number().int().min(0).max(10000).default(128),
  /** Slots for gathering and packaging, apart from WORKER_CONCURRENCY, so mail never holds them up. */
  FULFILMENT_CONCURRENCY: z.coerce.number().int().min(1).max(20).default(2),
  /**
   * Encrypts data-source secrets at rest (connection strings, webhook signing secrets):
   * 32 bytes, base64 (openssl rand -base64 32). Unset, a key is derived from APP_SECRET.
   * After changing either, `npm run sources:rekey` re-encrypts the saved secrets (scripts/rekey-data-sources.ts).
   */
  ENCRYPTION_KEY: z
    .string()
    .optional()
    .refine(
      (value) => value === undefined || Buffer.from(value, 'base64').length === 32,
      'ENCRYPTION_KEY must be 32 bytes, base64 (openssl rand -base64 32)',
    ),
  /**
   * Signs the audit log's tree heads and export manifests: an Ed25519 seed, 32 bytes, base64
   * (openssl rand -base64 32). Unset, one is derived from APP_SECRET. Auditors get the public key
   * from /staff/audit or `npm run audit:verify -- --public-key`.
   */
  AUDIT_SIGNING_KEY: z
    .string()
    .optional()
    .refine(
      (value) => value === undefined || Buffer.from(value, 'base64').length === 32,
      'AUDIT_SIGNING_KEY must be 32 bytes, base64 (openssl rand -base64 32)',
    ),
  /** How often the worker seals new audit events into the Merkle tree and signs a tree head (the log's maximum merge delay is about twice this). */
  AUDIT_SEAL_INTERVAL_MS: z.coerce.number().int().min(100).max(600_000).default(1000),
  /** Offers the pseudo-locale en-XA (accented, 40 % longer English) through the language cookie: for layout tests, not for requesters. */
  PSEUDO_LOCALE: booleanFlag,
  /**
   * Retired: private network addresses are one audited admin setting (Settings → Data sources). Set true
   * (as before it was retired), it turns that setting on at the next `npm start` if no admin has decided
   * either way, and is ignored from then on.
   */
  ALLOW_PRIVATE_WEBHOOK_URLS: z
    .string()
    .optional()
    .transform((value) => value === 'true' || value === '1'),
  /** A JSON file of data sources to create or update on start (see db/seed/demo-data-sources.json). */
  DATA_SOURCES_FILE: z.string().min(1).optional(),
  /** The demo shop database (made-up customers) the embedded default creates; set to use your own copy. */
  DEMO_SHOP_DATABASE_URL: z.url({ protocol: /^postgres(ql)?$/, error: 'DEMO_SHOP_DATABASE_URL must be a postgres:// URL' }).optional(),
  /** The demo CRM database in MySQL/MariaDB the embedded default creates when a server answers; set to use your own. */
  DEMO_CRM_DATABASE_URL: z.url({ protocol: /^mysql$/, error: 'DEMO_CRM_DATABASE_URL must be a mysql:// URL' }).optional(),
});

export type Env = z.infer<typeof ZEnv>;

let cached: Env | undefined;

export function env(): Env {
  if (cached) return cached;
  // An empty variable (`DATABASE_URL=` in .env) means "not set", as in .env.example.
  const present = Object.fromEntries(Object.entries(process.env).filter(([, value]) => value !== ''));
  const result = ZEnv.safeParse(present);
  if (!result.success) {
    const problems = result.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`).join('\n');
    throw new Error(`Invalid environment:\n${problems}\nSee .env.example.`);
  }
  cached = result.data;
  return cached;
}

/** Tests change variables between runs of the same process; production never calls this. */
export function resetEnvForTests(): void {
  cached = undefined;
}
