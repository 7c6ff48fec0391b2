import { formatDays } from '@/lib/reports/format-figures';
import { type AnnualDisclosure, disclosureCategoryLabels } from '@/lib/reports/get-annual-disclosure';

/** The CCPA §7102 figures for one calendar year, laid out as a business publishes them. */
export function AnnualDisclosureTable({ disclosure }: { disclosure: AnnualDisclosure }) {
  return (
    <div className="table-scroll">
      <table className="data report-table">
        <caption className="table-caption">Requests received in {disclosure.year} (CCPA Regulations §7102)</caption>
        <thead>
          <tr>
            <th scope="col">Request</th>
            <th scope="col" className="number">
              Received
            </th>
            <th scope="col" className="number">
              Complied with in whole or in part
            </th>
            <th scope="col" className="number">
              Denied
            </th>
            <th scope="col" className="number">
              Withdrawn
            </th>
            <th scope="col" className="number">
              Still open
            </th>
            <th scope="col" className="number">
              Median days to respond
            </th>
            <th scope="col" className="number">
              Mean days to respond
            </th>
          </tr>
        </thead>
        <tbody>
          {disclosure.rows.map((row) => (
            <tr key={row.category}>
              <th scope="row">{disclosureCategoryLabels[row.category]}</th>
              <td className="number">{row.received.toLocaleString('en')}</td>
              <td className="number">{row.compliedInWholeOrPart.toLocaleString('en')}</td>
              <td className="number">{row.denied.toLocaleString('en')}</td>
              <td className="number">{row.withdrawn.toLocaleString('en')}</td>
              <td className="number">{row.stillOpen.toLocaleString('en')}</td>
              <td className="number">{formatDays(row.medianDaysToRespond) || 'None answered'}</td>
              <td className="number">{formatDays(row.meanDaysToRespond) || 'None answered'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
