/**
 * `npm run audit:verify`: recomputes the audit log's hash chain up to its current head
 * and names the first event where it breaks. Exit code 0 intact, 1 broken, 2 usage.
 * Records the run itself as an audit event (actor "system": whoever runs this owns the server).
 *
 * `npm run audit:verify -- --export <file>`: checks an export from /staff/audit against its
 * signed manifest line (signature, sha256 of the data, row count). Needs the APP_SECRET of
 * the server that made it (the signature is an HMAC keyed from it). 0 valid, 1 not, 2 usage.
 */
import { existsSync } from 'node:fs';
import { parseArgs } from 'node:util';

if (existsSync('.env')) process.loadEnvFile('.env');
(process.env as Record<string, string>).NODE_ENV ||= 'production';
const { applyEmbeddedCommandDefaults } = await import('./local-defaults');
applyEmbeddedCommandDefaults();

const usage = 'usage: npm run audit:verify [-- --batch-size 5000]\n       npm run audit:verify -- --export <export file>';

function parseCommandLine(): { batchSize: number; exportFile: string | undefined } {
  try {
    const { values } = parseArgs({ strict: true, allowPositionals: false, options: { 'batch-size': { type: 'string' }, export: { type: 'string' }, help: { type: 'boolean' } } });
    if (values.help) {
      console.log(usage);
      process.exit(0);
    }
    const batchSize = Number(values['batch-size'] ?? 5000);
    if (!Number.isInteger(batchSize) || batchSize < 1) throw new Error('--batch-size must be a positive whole number');
    if (values.export !== undefined && !existsSync(values.export)) throw new Error(`no such file: ${values.export}`);
    return { batchSize, exportFile: values.export };
  } catch (error) {
    console.error(`${error instanceof Error ? error.message : String(error)}\n${usage}`);
    process.exit(2);
  }
}

async function verifyChain({ batchSize }: { batchSize: number }): Promise<number> {
  const { createDatabase } = await import('@/db/client');
  const { env } = await import('@/lib/env');
  const { verifyAuditChain } = await import('@/lib/audit/verify-audit-chain');
  const { breakReasonLabels } = await import('@/lib/audit/break-reason-labels');
  const { db, close } = createDatabase(env().DATABASE_URL, { max: 1 });
  const startedAt = Date.now();
  // A terminal gets one line rewritten in place; a log file a line at most every few seconds.
  const isTerminal = process.stderr.isTTY;
  let lastShownAt = 0;
  try {
    const result = await verifyAuditChain(db, {
      actor: 'system',
      batchSize,
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
    if (!result.firstBreak) {
      console.log('the audit chain is intact');
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

async function verifyExport(file: string): Promise<number> {
  const { verifyExportFile } = await import('@/lib/audit/verify-export-file');
  const result = await verifyExportFile(file);
  if (result.manifest) {
    const { log, format, rowCount, generatedAt, filters, chainHead } = result.manifest;
    console.log(`${log} log, ${format}, ${rowCount} rows, generated ${generatedAt}`);
    console.log(`filters: ${JSON.stringify(filters)}`);
    console.log(`audit chain head: ${chainHead ? `event ${chainHead.eventId}, ${chainHead.hash}` : 'none (no hashed events yet)'}`);
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
process.exitCode = options.exportFile ? await verifyExport(options.exportFile) : await verifyChain(options);
