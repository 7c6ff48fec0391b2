/**
 * `npm run audit:verify-export -- <file>`
 * Checks an audit export (CSV or NDJSON from /staff/audit) against its signed
 * manifest line: signature, sha256 of the data, row count. Needs the APP_SECRET
 * of the server that made the export (the signature is an HMAC keyed from it).
 * Exit code 0 when valid, 1 when not, 2 on wrong usage.
 */
import { existsSync } from 'node:fs';

if (existsSync('.env')) process.loadEnvFile('.env');
const { verifyExportFile } = await import('@/lib/audit/verify-export-file');

const file = process.argv[2];
if (!file || process.argv.length > 3 || !existsSync(file)) {
  console.error('usage: npm run audit:verify-export -- <export file>');
  process.exit(2);
}

const result = await verifyExportFile(file);
if (result.manifest) {
  const { log, format, rowCount, generatedAt, filters, chainHead } = result.manifest;
  console.log(`${log} log, ${format}, ${rowCount} rows, generated ${generatedAt}`);
  console.log(`filters: ${JSON.stringify(filters)}`);
  console.log(`audit chain head: ${chainHead ? `event ${chainHead.eventId}, ${chainHead.hash}` : 'none (no hashed events yet)'}`);
}
if (result.isValid) {
  console.log(`VALID: ${result.rowCount} rows match the signed manifest.`);
  process.exit(0);
}
console.log('INVALID:');
for (const problem of result.problems) console.log(`  - ${problem}`);
process.exit(1);
