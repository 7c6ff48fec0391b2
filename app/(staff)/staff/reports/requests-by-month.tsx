import { BarChartFigure, type ChartSeries } from '@/components/charts/bar-chart-figure';
import type { MonthTypeStatusCount } from '@/lib/reports/get-request-report';
import type { ReportRange } from '@/lib/reports/resolve-report-range';
import { type RequestType, requestTypeLabels, requestTypes } from '@/lib/validation/request-type';
import { FiguresTable } from './figures-table';

const typeColours: Record<RequestType, string> = {
  access: '#0b5cad',
  export: '#6f42c1',
  deletion: '#b35900',
  correction: '#1b7f4b',
  opt_out_sale: '#a3195b',
  opt_out_targeted_ads: '#5b6770',
  limit_sensitive: '#8a6d00',
  marketing_unsubscribe: '#0f7c8c',
  restriction: '#3d3d99',
  objection: '#7a3b1f',
};
const series: ChartSeries[] = requestTypes.map((type) => ({ key: type, label: requestTypeLabels[type].title, colour: typeColours[type] }));

/** Every month the range touches, so a month without requests shows as a gap, not as missing. */
function monthsOf({ from, to }: ReportRange): string[] {
  const months: string[] = [];
  let [year, month] = from.slice(0, 7).split('-').map(Number) as [number, number];
  const last = to.slice(0, 7);
  for (let key = from.slice(0, 7); key <= last; ) {
    months.push(key);
    month += 1;
    if (month > 12) [year, month] = [year + 1, 1];
    key = `${year}-${String(month).padStart(2, '0')}`;
  }
  return months;
}

function monthLabel(month: string): string {
  return new Intl.DateTimeFormat('en-GB', { month: 'short', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${month}-01T00:00:00Z`));
}

/** Requests received per month by type: a stacked bar chart and, below it, the same figures as a table. */
export function RequestsByMonth({ range, rows }: { range: ReportRange; rows: MonthTypeStatusCount[] }) {
  const data = monthsOf(range).map((month) => {
    const counts = Object.fromEntries(
      requestTypes.map((type) => [
        type,
        rows.filter((row) => row.month === month && row.type === type).reduce((sum, row) => sum + row.count, 0),
      ]),
    );
    return { month: monthLabel(month), ...counts, total: requestTypes.reduce((sum, type) => sum + counts[type]!, 0) } as Record<
      string,
      string | number
    >;
  });
  const busiest = data.reduce<Record<string, string | number> | null>(
    (best, row) => (best === null || Number(row.total) > Number(best.total) ? row : best),
    null,
  );
  const total = data.reduce((sum, row) => sum + Number(row.total), 0);
  return (
    <BarChartFigure
      caption="Requests received per month, by type"
      summary={`Bar chart of ${total.toLocaleString('en')} requests over ${data.length} months${busiest && total > 0 ? `; the busiest month was ${busiest.month} with ${Number(busiest.total).toLocaleString('en')}` : ''}. The table below gives every figure.`}
      data={data}
      categoryKey="month"
      series={series}
      isStacked
    >
      <FiguresTable
        caption="Requests received per month, by type"
        rowHeading="Month"
        columns={requestTypes.map((type) => requestTypeLabels[type].title)}
        rows={data.map((row) => ({
          key: String(row.month),
          label: String(row.month),
          cells: requestTypes.map((type) => Number(row[type])),
        }))}
        hasTotal
      />
    </BarChartFigure>
  );
}
