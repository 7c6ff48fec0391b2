import { formatDays } from '@/lib/reports/format-figures';
import { type AnnualDisclosure, disclosureCategoryLabels } from '@/lib/reports/get-annual-disclosure';
import { FiguresTable } from './figures-table';

const days = (value: number | null) => formatDays(value) || 'None answered';

/** The CCPA §7102 figures for one calendar year, laid out as a business publishes them. */
export function AnnualDisclosureTable({ disclosure }: { disclosure: AnnualDisclosure }) {
  return (
    <FiguresTable
      caption={`Requests received in ${disclosure.year} (CCPA Regulations §7102)`}
      rowHeading="Request"
      columns={[
        'Received',
        'Complied with in whole or in part',
        'Denied',
        'Withdrawn',
        'Still open',
        'Median days to respond',
        'Mean days to respond',
      ]}
      rows={disclosure.rows.map((row) => ({
        key: row.category,
        label: disclosureCategoryLabels[row.category],
        cells: [
          row.received,
          row.compliedInWholeOrPart,
          row.denied,
          row.withdrawn,
          row.stillOpen,
          days(row.medianDaysToRespond),
          days(row.meanDaysToRespond),
        ],
      }))}
    />
  );
}
