/**
 * `npm run audit:verify`: seals what is committed, then checks every event's hash, its leaf in the
 * Merkle tree and every signed tree head, and names the first event where the log breaks.
 * `--tree-head <size>:<root>` (repeatable) also requires heads kept elsewhere to still be in the log.
 * Exit code 0 intact, 1 broken, 2 usage. Records the run itself as an audit event (actor "system").
 *
 * `npm run audit:verify -- --export <file> [--public-key <base64>]`: checks an export from /staff/audit
 * offline against its Ed25519-signed manifest line (signature, tree head, sha256 of the data, row
 * count), and that the signing key is the one given (default: this server's). 0 valid, 1 not, 2 usage.
 *
 * `npm run audit:verify -- --public-key`: prints the log's public key and its fingerprint.
 */
import { existsSync } from 'node:fs';
import { parseArgs } from 'node:util';

if (existsSync('.env')) process.loadEnvFile('.env');
(process.env as Record<string, string>).NODE_ENV ||= 'production';
const { applyEmbeddedCommandDefaults } = await import('./local-defaults');
applyEmbeddedCommandDefaults();

const usage = [
  'usage: npm run audit:verify [-- --batch-size 5000] [--tree-head <size>:<root hex> ...]',
  '       npm run audit:verify -- --export <export file> [--public-key <base64>]',
  '       npm run audit:verify -- --public-key',
].join('\n');

type CommandLine = {
  batchSize: number;
  exportFile: string | undefined;
  publicKey: string | undefined;
  isShowingKey: boolean;
  treeHeads: { treeSize: number; rootHash: string }[];
};

function parseCommandLine(): CommandLine {
  try {
    const { values } = parseArgs({
      strict: true,
      allowPositionals: false,
      options: {
        'batch-size': { type: 'string' },
        export: { type: 'string' },
        'public-key': { type: 'string' },
        'show-public-key': { type: 'boolean' },
        'tree-head': { type: 'string', multiple: true },
        help: { type: 'boolean' },
      },
      args: process.argv
        .slice(2)
        .map((argument, index, all) =>
          argument === '--public-key' && (all[index + 1] === undefined || all[index + 1]!.startsWith('--'))
            ? '--show-public-key'
            : argument,
        ),
    });
    if (values.help) {
      console.log(usage);
      process.exit(0);
    }
    const batchSize = Number(values['batch-size'] ?? 5000);
    if (!Number.isInteger(batchSize) || batchSize < 1) throw new Error('--batch-size must be a positive whole number');
    if (values.export !== undefined && !existsSync(values.export)) throw new Error(`no such file: ${values.export}`);
    const treeHeads = (values['tree-head'] ?? []).map((text) => {
      const match = /^(\d+):([0-9a-f]{64})$/.exec(text);
      if (!match) throw new Error(`--tree-head must be <size>:<64 hex digits>, not ${text}`);
      return { treeSize: Number(match[1]), rootHash: match[2]! };
    });
    if (values['public-key'] !== undefined && Buffer.from(values['public-key'], 'base64').length !== 32)
      throw new Error('--public-key must be 32 bytes, base64');
    return {
      batchSize,
      exportFile: values.export,
      publicKey: values['public-key'],
      isShowingKey: values['show-public-key'] === true,
      treeHeads,
    };
  } catch (error) {
    console.error(`${error instanceof Error ? error.message : String(error)}\n${usage}`);
    process.exit(2);
  }
}

async function verifyChain({ batchSize, treeHeads }: CommandLine): Promise<number> {
  const { createDatabase } = await import('@/db/client');
  const { env } = await import('@/lib/env');
  const { verifyAuditChain } = await import('@/lib/audit/verify-audit-chain');
  const { sealAuditLogFully } = await import('@/lib/audit/seal-audit-log');
  const { breakReasonLabels } = await import('@/lib/audit/break-reason-labels');
  const { db, close } = createDatabase(env().DATABASE_URL, { max: 1 });
  const startedAt = Date.now();
  // A terminal gets one line rewritten in place; a log file a line at most every few seconds.
  const isTerminal = process.stderr.isTTY;
  let lastShownAt = 0;
  try {
    await sealAuditLogFully(db);
    const result = await verifyAuditChain(db, {
      actor: 'system',
      batchSize,
      knownTreeHeads: treeHeads,
      onProgress: ({ checkedCount, lastEventId, headEventId }) => {
        const line = `checked ${checkedCount.toLocaleString('en')} events (id ${lastEventId} of ${headEventId}, ${Math.floor((100 * lastEventId) / headEventId)}%)`;
        if (Date.now() - lastShownAt < (isTerminal ? 200 : 5000)) return;
        lastShownAt = Date.now();
        process.stderr.write(isTerminal ? `\r${line}` : `${line}\n`);
      },
    });
    if (isTerminal && lastShownAt > 0) process.stderr.write('\n');
    const seconds = ((Date.now() - startedAt) / 1000).toFixed(1);
    console.log(`checked ${result.checkedCount.toLocaleString('en')} events in ${seconds} s`);
    console.log(result.head ? `head: event ${result.head.eventId}, hash ${result.head.hash ?? '(none)'}` : 'the audit log is empty');
    console.log(`sealed: ${result.sealedCount.toLocaleString('en')} events; not sealed yet: ${result.unsealedCount.toLocaleString('en')}`);
    if (result.treeHead) {
      const { treeSize, rootHash, signedAt, signature } = result.treeHead;
      console.log(
        `signed tree head (keep it; pass it back with --tree-head ${treeSize}:${rootHash}):\n  size ${treeSize}, root ${rootHash}, signed ${signedAt}\n  signature ${signature}`,
      );
    }
    console.log(`public key fingerprint: ${result.publicKeyFingerprint}`);
    if (!result.firstBreak) {
      console.log('the audit log is intact');
      return 0;
    }
    const { eventId, createdAt, reason, expected, found } = result.firstBreak;
    console.log(`BROKEN at event ${eventId} (written ${createdAt}): ${breakReasonLabels[reason]}`);
    console.log(`  expected ${expected ?? '(none)'}\n  found    ${found ?? '(none)'}`);
    return 1;
  } finally {
    await close();
  }
}

/** The server's own public key when this machine has its secret; null when checking a file somewhere else. */
async function serverPublicKey(): Promise<string | null> {
  try {
    const { auditPublicKey } = await import('@/lib/audit/tree-head-signing-key');
    return auditPublicKey().base64;
  } catch {
    return null;
  }
}

async function showPublicKey(): Promise<number> {
  const { auditPublicKey } = await import('@/lib/audit/tree-head-signing-key');
  const { base64, fingerprint } = auditPublicKey();
  console.log(`Ed25519 public key (base64): ${base64}\nsha256 fingerprint: ${fingerprint}`);
  return 0;
}

async function verifyExport(file: string, { publicKey }: CommandLine): Promise<number> {
  const { verifyExportFile } = await import('@/lib/audit/verify-export-file');
  const trustedKey = publicKey ?? (await serverPublicKey());
  const result = await verifyExportFile(file, { publicKey: trustedKey ?? undefined });
  if (result.manifest) {
    const { log, format, rowCount, generatedAt, filters, treeHead, keyFingerprint } = result.manifest;
    console.log(`${log} log, ${format}, ${rowCount} rows, generated ${generatedAt}`);
    console.log(`filters: ${JSON.stringify(filters)}`);
    console.log(
      `audit tree head: ${treeHead ? `size ${treeHead.treeSize}, root ${treeHead.rootHash}, signed ${treeHead.signedAt}` : 'none (nothing sealed yet)'}`,
    );
    console.log(`signed by key ${keyFingerprint}${trustedKey ? '' : ' (no key given to compare with: pass --public-key)'}`);
  }
  if (result.isValid) {
    console.log(`VALID: ${result.rowCount} rows match the signed manifest.`);
    return 0;
  }
  console.log('INVALID:');
  for (const problem of result.problems) console.log(`  - ${problem}`);
  return 1;
}

const options = parseCommandLine();
process.exitCode = options.isShowingKey
  ? await showPublicKey()
  : options.exportFile
    ? await verifyExport(options.exportFile, options)
    : await verifyChain(options);
