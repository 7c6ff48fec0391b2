/**
 * Every English sentence of the package's index.html, in one place, so the page can be
 * translated by swapping this module for message files. Functions take the values
 * they place; the caller escapes nothing (render-package-index escapes every value).
 */
export const packageIndexText = {
  language: 'en',
  title: (organisation: string, reference: string) => `Your data from ${organisation} — ${reference}`,
  heading: (organisation: string) => `Your personal data held by ${organisation}`,
  requestLabel: 'Request',
  gatheredLabel: 'Gathered',
  timeZoneNote: (timeZone: string) => `Dates and times on this page are in your time zone (${timeZone}).`,
  contentsHeading: 'What is in this package',
  contentsIntro:
    'This page shows the data itself, one section per system we searched and one table per kind of record. The same data is in the folders beside this page, for programs and spreadsheets: one folder per system, each with a JSON file holding everything found there and one CSV file per table.',
  checksumsIntro: (manifestPath: string) =>
    `${manifestPath} lists every file with its SHA-256 checksum, so you can check nothing was changed.`,
  contentsListHeading: 'On this page',
  supplementaryLink: 'About this data: why we hold it, who receives it, how long we keep it, your rights',
  filesLink: 'Files and checksums',
  kindLabels: { postgres: 'Database', mysql: 'Database', webhook: 'Connected system', manual: 'Checked by hand' },
  manualIntro: 'This system has no connection to ours; a member of staff checked it by hand and wrote:',
  noNote: 'No note.',
  nothingFound: 'Nothing about you was found in this system.',
  allTablesFile: 'Everything found here, all tables together, for programs:',
  bytes: (count: number) => `${count.toLocaleString('en-GB')} bytes`,
  rowCount: (count: number) => (count === 1 ? '1 record' : `${count.toLocaleString('en-GB')} records`),
  tableCaption: (table: string, count: number) => `${table}: ${count === 1 ? '1 record' : `${count.toLocaleString('en-GB')} records`}`,
  csvFile: 'The same table as a spreadsheet (CSV):',
  noRows: 'No records about you in this table.',
  rowsCut: (shown: number, total: number, csvPath: string) =>
    `This table has ${total.toLocaleString('en-GB')} records; the first ${shown.toLocaleString('en-GB')} are shown here. Every record is in ${csvPath}.`,
  notShown: 'This table is not shown on this page; its records are in the file below.',
  emptyCell: '—',
  yes: 'Yes',
  no: 'No',
  supplementaryHeading: 'About this data',
  supplementaryIntro:
    'The law gives you a right to know, besides the data itself, why we hold it and what happens to it (GDPR Article 15).',
  supplementary: {
    purposes: 'Why we use it',
    categories: 'What kinds of data we hold',
    recipients: 'Who we share it with',
    retention: 'How long we keep it',
    source: 'Where it came from, if not from you',
    automatedDecisions: 'Automated decisions and profiling',
    rights: 'Your rights',
    complaint: 'Your right to complain',
  },
  complaintSentence: (authority: string) => `You can complain to ${authority}.`,
  complaintFallback:
    'You can complain to the data protection authority of the country you live or work in, or where you think the law was broken.',
  defaultRights:
    'You can ask us to correct data that is wrong, to erase it, to limit how we use it, or object to how we use it. Ask us using the contact below.',
  notStated: (contact: string | null) => (contact ? `Ask us at ${contact} and we will tell you.` : 'Ask us and we will tell you.'),
  contactHeading: 'Questions',
  contactSentence: 'Write to us at',
  privacyNotice: 'Our privacy notice',
  filesHeading: 'Files and checksums',
  filesCaption: (indexPath: string, manifestPath: string) =>
    `Every file in this package with its size and SHA-256 checksum (${indexPath} and ${manifestPath} aside)`,
  fileColumn: 'File',
  sizeColumn: 'Size (bytes)',
  checksumColumn: 'SHA-256',
} as const;
