'use client';

import type { ReactNode } from 'react';
import { Bar, BarChart, CartesianGrid, Legend, Tooltip, XAxis, YAxis } from 'recharts';

export type ChartSeries = { key: string; label: string; colour: string };

type BarChartFigureProps = {
  caption: string;
  /** Says in words what the picture shows, for anyone who cannot see it; the table beside it has the figures. */
  summary: string;
  data: Record<string, string | number>[];
  categoryKey: string;
  series: ChartSeries[];
  isStacked?: boolean;
  /** The same figures as a table: the chart's accessible alternative, always shown. */
  children: ReactNode;
};

/**
 * A bar chart (Recharts, drawn as SVG by React: no script or stylesheet of its
 * own, so it runs under the nonce-based CSP) with its table in one <figure>.
 */
export function BarChartFigure({ caption, summary, data, categoryKey, series, isStacked = false, children }: BarChartFigureProps) {
  return (
    <figure className="chart-figure">
      <figcaption>{caption}</figcaption>
      <div className="chart-figure__chart" role="img" aria-label={summary}>
        {/* The keyboard layer is off: the table below gives every figure to keyboard and screen-reader users. */}
        <BarChart
          responsive
          accessibilityLayer={false}
          data={data}
          style={{ width: '100%', height: 300 }}
          margin={{ top: 8, right: 16, bottom: 8, left: 0 }}
        >
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey={categoryKey} />
          <YAxis allowDecimals={false} />
          <Tooltip />
          <Legend />
          {series.map((item) => (
            <Bar
              key={item.key}
              dataKey={item.key}
              name={item.label}
              fill={item.colour}
              stackId={isStacked ? 'stack' : undefined}
              isAnimationActive={false}
            />
          ))}
        </BarChart>
      </div>
      <div className="chart-figure__table">{children}</div>
    </figure>
  );
}
