import { formattingLocaleOf, type SupportedLocale } from '@/lib/i18n/locales';
import { type Translator, translatorFor } from '@/lib/i18n/translator';
import type { TAccessInformation } from '@/lib/validation/access-information';
import type { TColumnPresentation } from '@/lib/validation/data-source';
import { type CellContext, type CellValue, formatCell } from './format-cell';
import {
  INDEX_PATH,
  MANIFEST_PATH,
  type PackageFile,
  type PackageManifest,
  type PackageSource,
  packageCsvPath,
  packageJsonPath,
} from './package-manifest';

/** One table as the readable page shows it: its label, its columns' labels and formats, and its first rows. */
export type ReadableTable = {
  name: string;
  label: string;
  columns: { name: string; label: string; presentation?: TColumnPresentation }[];
  /** The first rows (at most MAX_SHOWN_ROWS_PER_TABLE), or null when they were not kept (the table is listed, not shown). */
  rows: CellValue[][] | null;
};

export type PackageIndexInput = {
  organisationName: string;
  manifest: PackageManifest;
  /** The requester's IANA time zone: dates and times on the page are shown in it. */
  timeZone: string;
  /** The request's language: every fixed text, and how dates and numbers are written. */
  language?: SupportedLocale;
  /** Per source slug, its tables in the package's order. */
  readableTables?: Map<string, ReadableTable[]>;
  /** GDPR Art. 15(1)(a)–(h), from the request's regime in settings. */
  accessInformation?: TAccessInformation;
  contact?: { contactEmail?: string; privacyNoticeUrl?: string };
};

/**
 * `index.html`: the page a requester opens first. It shows their data itself, one
 * section per source and table with the map's labels and formats, and what the law
 * says an access answer must also tell them (Art. 15(1)(a)–(h)). Self-contained (no
 * scripts, no fetched resources; its own policy forbids both) and every value escaped,
 * since the package holds text that came from other systems. Its size is bounded by
 * the rows kept for it at staging (readable-limits.ts), whatever the tables' sizes.
 */
export function renderPackageIndex({
  organisationName,
  manifest,
  timeZone,
  language = 'en',
  readableTables = new Map(),
  accessInformation = {},
  contact = {},
}: PackageIndexInput): string {
  const generatedAt = new Date(manifest.generatedAt);
  const sizes = new Map(manifest.files.map((file) => [file.path, file]));
  const t = translatorFor(language);
  const locale = formattingLocaleOf(language);
  const gathered = new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeStyle: 'short', timeZone }).format(generatedAt);
  const context: PageContext = {
    t,
    timeZone,
    locale,
    words: { empty: t('package.emptyCell'), yes: t('package.yes'), no: t('package.no') },
  };
  return `<!doctype html>
<html lang="${escapeHtml(language)}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(t('package.title', { organisation: organisationName, reference: manifest.reference }))}</title>
<style>
body { font-family: system-ui, sans-serif; line-height: 1.5; max-width: 70rem; margin: 2rem auto; padding: 0 1rem; color: #1a1a1a; }
.scroll { overflow-x: auto; }
table { border-collapse: collapse; width: 100%; margin: 0.5rem 0 1.5rem; }
caption { text-align: left; font-weight: 600; padding-bottom: 0.25rem; }
th, td { border: 1px solid #bbb; padding: 0.35rem 0.5rem; text-align: left; vertical-align: top; }
td.number { text-align: right; }
code { font-size: 0.85em; word-break: break-all; }
.note { white-space: pre-wrap; background: #f4f4f4; padding: 0.5rem; }
.cell { white-space: pre-wrap; overflow-wrap: anywhere; }
dt { font-weight: 600; margin-top: 0.75rem; }
dd { margin-left: 0; white-space: pre-wrap; }
</style>
</head>
<body>
<h1>${escapeHtml(t('package.heading', { organisation: organisationName }))}</h1>
<dl>
<dt>${escapeHtml(t('package.requestLabel'))}</dt><dd>${escapeHtml(manifest.reference)} (${escapeHtml(`${t(`requestTypes.${manifest.requestType}.title`)} — ${t(`requestTypes.${manifest.requestType}.description`)}`)})</dd>
<dt>${escapeHtml(t('package.gatheredLabel'))}</dt><dd><time datetime="${escapeHtml(manifest.generatedAt)}">${escapeHtml(gathered)}</time></dd>
</dl>
<p>${escapeHtml(t('package.timeZoneNote', { timeZone }))}</p>
<h2>${escapeHtml(t('package.contentsHeading'))}</h2>
<p>${escapeHtml(t('package.contentsIntro'))} ${manifest.csv ? `${escapeHtml(t('package.csvNote'))} ` : ''}${escapeHtml(t('package.checksumsIntro', { manifestPath: MANIFEST_PATH }))}</p>
<nav aria-label="${escapeHtml(t('package.contentsListHeading'))}"><ul>
${manifest.sources.map((source) => `<li><a href="#source-${escapeHtml(source.slug)}">${escapeHtml(source.name)}</a></li>`).join('\n')}
<li><a href="#about-this-data">${escapeHtml(t('package.supplementaryLink'))}</a></li>
<li><a href="#files">${escapeHtml(t('package.filesLink'))}</a></li>
</ul></nav>
${manifest.sources.map((source) => renderSource(source, sizes, readableTables.get(source.slug), context)).join('\n')}
${renderAccessInformation(t, accessInformation, contact)}
<h2 id="files">${escapeHtml(t('package.filesHeading'))}</h2>
<div class="scroll"><table>
<caption>${escapeHtml(t('package.filesCaption', { indexPath: INDEX_PATH, manifestPath: MANIFEST_PATH }))}</caption>
<thead><tr><th scope="col">${escapeHtml(t('package.fileColumn'))}</th><th scope="col">${escapeHtml(t('package.sizeColumn'))}</th><th scope="col">${escapeHtml(t('package.checksumColumn'))}</th></tr></thead>
<tbody>
${manifest.files.map((file) => `<tr><th scope="row">${escapeHtml(file.path)}</th><td class="number">${escapeHtml(new Intl.NumberFormat(locale).format(file.sizeBytes))}</td><td><code>${escapeHtml(file.sha256)}</code></td></tr>`).join('\n')}
</tbody>
</table></div>
</body>
</html>
`;
}

function renderSource(
  source: PackageSource,
  files: Map<string, PackageFile>,
  readable: ReadableTable[] | undefined,
  context: PageContext,
): string {
  const { t } = context;
  const heading = `<section aria-labelledby="source-${escapeHtml(source.slug)}">
<h2 id="source-${escapeHtml(source.slug)}">${escapeHtml(source.name)} <small>(${escapeHtml(t(`package.kinds.${source.kind}`))})</small></h2>`;
  if (source.kind === 'manual') {
    return `${heading}\n<p>${escapeHtml(t('package.manualIntro'))}</p>\n<p class="note">${escapeHtml(source.note ?? t('package.noNote'))}</p>\n</section>`;
  }
  const tables = Object.entries(source.rowCounts);
  const jsonPath = packageJsonPath(source.slug);
  const jsonSize = files.get(jsonPath)?.sizeBytes;
  const body =
    tables.length === 0
      ? `<p>${escapeHtml(t('package.nothingFound'))}</p>`
      : tables
          .map(([table, count]) =>
            renderTable(
              source,
              table,
              count,
              readable?.find((candidate) => candidate.name === table),
              context,
            ),
          )
          .join('\n');
  return `${heading}
<p>${escapeHtml(t('package.allTablesFile'))} <a href="${escapeHtml(jsonPath)}">${escapeHtml(jsonPath)}</a>${jsonSize === undefined ? '' : ` (${escapeHtml(t('package.bytes', { count: jsonSize }))})`}.</p>
${body}
</section>`;
}

function renderTable(
  source: PackageSource,
  table: string,
  count: number,
  readable: ReadableTable | undefined,
  context: PageContext,
): string {
  const { t } = context;
  const csvPath = packageCsvPath(source.slug, table);
  const label = readable?.label ?? table;
  const csvLink = `<p>${escapeHtml(t('package.csvFile'))} <a href="${escapeHtml(csvPath)}">${escapeHtml(csvPath)}</a></p>`;
  const heading = `<h3>${escapeHtml(label)}</h3>`;
  if (count === 0) return `${heading}\n<p>${escapeHtml(t('package.noRows'))}</p>\n${csvLink}`;
  if (!readable?.rows)
    return `${heading}\n<p>${escapeHtml(t('package.rowCount', { count }))}. ${escapeHtml(t('package.notShown'))}</p>\n${csvLink}`;
  const rows = readable.rows;
  const cut = rows.length < count ? `<p>${escapeHtml(t('package.rowsCut', { shown: rows.length, total: count, csvPath }))}</p>\n` : '';
  return `${heading}
${cut}<div class="scroll"><table>
<caption>${escapeHtml(t('package.tableCaption', { table: label, count }))}</caption>
<thead><tr>${readable.columns.map((column) => `<th scope="col">${escapeHtml(column.label)}</th>`).join('')}</tr></thead>
<tbody>
${rows
  .map(
    (row) =>
      `<tr>${readable.columns
        .map((column, index) => {
          const value = row[index] ?? null;
          const isNumber = typeof value === 'number' || column.presentation?.format === 'money';
          return `<td class="${isNumber ? 'number' : 'cell'}">${escapeHtml(formatCell(value, column.presentation, context))}</td>`;
        })
        .join('')}</tr>`,
  )
  .join('\n')}
</tbody>
</table></div>
${csvLink}`;
}

function renderAccessInformation(
  t: Translator,
  information: TAccessInformation,
  contact: { contactEmail?: string; privacyNoticeUrl?: string },
): string {
  const fallback = contact.contactEmail ? t('package.notStated', { contact: contact.contactEmail }) : t('package.notStatedWithoutContact');
  const item = (term: string, value: string | undefined) => `<dt>${escapeHtml(term)}</dt>\n<dd>${escapeHtml(value ?? fallback)}</dd>`;
  const authority = information.complaintAuthorityName
    ? `${escapeHtml(t('package.complaintSentence', { authority: information.complaintAuthorityName }))}${
        information.complaintAuthorityUrl
          ? ` <a href="${escapeHtml(information.complaintAuthorityUrl)}">${escapeHtml(information.complaintAuthorityUrl)}</a>`
          : ''
      }`
    : escapeHtml(t('package.complaintFallback'));
  const contactLines = [
    contact.contactEmail
      ? `<p>${escapeHtml(t('package.contactSentence'))} <a href="mailto:${escapeHtml(contact.contactEmail)}">${escapeHtml(contact.contactEmail)}</a>.</p>`
      : '',
    contact.privacyNoticeUrl
      ? `<p><a href="${escapeHtml(contact.privacyNoticeUrl)}">${escapeHtml(t('package.privacyNotice'))}</a></p>`
      : '',
  ].join('\n');
  return `<section aria-labelledby="about-this-data">
<h2 id="about-this-data">${escapeHtml(t('package.supplementaryHeading'))}</h2>
<p>${escapeHtml(t('package.supplementaryIntro'))}</p>
<dl>
${item(t('package.supplementary.purposes'), information.purposes)}
${item(t('package.supplementary.categories'), information.categories)}
${item(t('package.supplementary.recipients'), information.recipients)}
${item(t('package.supplementary.retention'), information.retention)}
${item(t('package.supplementary.source'), information.source)}
${item(t('package.supplementary.automatedDecisions'), information.automatedDecisions)}
${item(t('package.supplementary.rights'), information.rights ?? t('package.defaultRights'))}
<dt>${escapeHtml(t('package.supplementary.complaint'))}</dt>
<dd>${authority}</dd>
</dl>
<h3>${escapeHtml(t('package.contactHeading'))}</h3>
${contactLines || `<p>${escapeHtml(fallback)}</p>`}
</section>`;
}

/** What every part of the page writes with: the request language's messages, formatting locale and cell words. */
type PageContext = CellContext & { t: Translator };

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`);
}
