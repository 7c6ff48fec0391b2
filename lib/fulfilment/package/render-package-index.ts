import { requestTypeLabel } from '@/lib/requests/request-type-label';
import {
  INDEX_PATH,
  MANIFEST_PATH,
  type PackageFile,
  type PackageManifest,
  type PackageSource,
  packageCsvPath,
  packageJsonPath,
} from './package-manifest';

const kindLabels: Record<PackageSource['kind'], string> = {
  postgres: 'Database',
  mysql: 'Database',
  webhook: 'Connected system',
  manual: 'Checked by hand',
  processor: 'Processor',
};

/**
 * `index.html`: the page a requester opens first. Self-contained (no scripts, no
 * fetched resources; its own policy forbids both) and every value escaped, since
 * the package holds text that came from other systems.
 */
export function renderPackageIndex({ organisationName, manifest }: { organisationName: string; manifest: PackageManifest }): string {
  const generatedAt = new Date(manifest.generatedAt);
  const sizes = new Map(manifest.files.map((file) => [file.path, file]));
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Your data from ${escapeHtml(organisationName)} — ${escapeHtml(manifest.reference)}</title>
<style>
body { font-family: system-ui, sans-serif; line-height: 1.5; max-width: 60rem; margin: 2rem auto; padding: 0 1rem; color: #1a1a1a; }
table { border-collapse: collapse; width: 100%; margin: 0.5rem 0 1.5rem; }
caption { text-align: left; font-weight: 600; padding-bottom: 0.25rem; }
th, td { border: 1px solid #bbb; padding: 0.35rem 0.5rem; text-align: left; vertical-align: top; }
td.number { text-align: right; }
code { font-size: 0.85em; word-break: break-all; }
.note { white-space: pre-wrap; background: #f4f4f4; padding: 0.5rem; }
</style>
</head>
<body>
<h1>Your personal data held by ${escapeHtml(organisationName)}</h1>
<dl>
<dt>Request</dt><dd>${escapeHtml(manifest.reference)} (${escapeHtml(requestTypeLabel(manifest.requestType))})</dd>
<dt>Gathered</dt><dd><time datetime="${escapeHtml(manifest.generatedAt)}">${escapeHtml(generatedAt.toUTCString())}</time></dd>
</dl>
<h2>What is in this package</h2>
<p>There is one folder per system we searched. Each folder holds a <strong>JSON file</strong> with everything found in that system (for programs) and one <strong>CSV file</strong> per table, which opens in any spreadsheet. ${manifest.csv ? `${escapeHtml(manifest.csv.note)} ` : ''}<code>${MANIFEST_PATH}</code> lists every file with its SHA-256 checksum, so you can check nothing was changed.</p>
${manifest.sources.map((source) => renderSource(source, sizes)).join('\n')}
<h2>Files and checksums</h2>
<table>
<caption>Every file in this package with its size and SHA-256 checksum (${escapeHtml(INDEX_PATH)} and ${escapeHtml(MANIFEST_PATH)} aside)</caption>
<thead><tr><th scope="col">File</th><th scope="col">Size (bytes)</th><th scope="col">SHA-256</th></tr></thead>
<tbody>
${manifest.files.map((file) => `<tr><th scope="row">${escapeHtml(file.path)}</th><td class="number">${file.sizeBytes}</td><td><code>${escapeHtml(file.sha256)}</code></td></tr>`).join('\n')}
</tbody>
</table>
</body>
</html>
`;
}

function renderSource(source: PackageSource, files: Map<string, PackageFile>): string {
  const heading = `<h2>${escapeHtml(source.name)} <small>(${escapeHtml(kindLabels[source.kind])})</small></h2>`;
  if (source.kind === 'manual') {
    return `${heading}\n<p>This system has no connection to ours; a member of staff checked it by hand and wrote:</p>\n<p class="note">${escapeHtml(source.note ?? 'No note.')}</p>`;
  }
  const tables = Object.entries(source.rowCounts);
  const jsonPath = packageJsonPath(source.slug);
  const rows = tables.map(([table, count]) => {
    const csvPath = packageCsvPath(source.slug, table);
    return `<tr><th scope="row">${escapeHtml(table)}</th><td class="number">${count}</td><td><a href="${escapeHtml(csvPath)}">${escapeHtml(csvPath)}</a></td></tr>`;
  });
  return `${heading}
<p>Everything found here, all tables together: <a href="${escapeHtml(jsonPath)}">${escapeHtml(jsonPath)}</a>${files.has(jsonPath) ? ` (${files.get(jsonPath)!.sizeBytes} bytes)` : ''}.</p>
${
  tables.length === 0
    ? '<p>Nothing about you was found in this system.</p>'
    : `<table>
<caption>Tables from ${escapeHtml(source.name)}: rows about you and the file that holds them</caption>
<thead><tr><th scope="col">Table</th><th scope="col">Rows</th><th scope="col">File</th></tr></thead>
<tbody>
${rows.join('\n')}
</tbody>
</table>`
}`;
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`);
}
