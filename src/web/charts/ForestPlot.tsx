import { useId } from 'react';
import { textWidth } from './scale.js';
import './charts.css';

export interface ForestEstimate {
  estimate: number;
  lower: number;
  upper: number;
}

export interface ForestRow {
  key: string;
  label: string;
  crude: ForestEstimate | null;
  adjusted: ForestEstimate | null;
  /** Text drawn instead of estimates (reference group, too small). */
  note?: string;
}

export interface ForestPlotProps {
  title: string;
  description: string;
  rows: ForestRow[];
  formatTick: (value: number) => string;
}

/** Odds ratios with 95% intervals on a log scale, a line at 1 (no difference); open dot without, filled dot with adjustment. */
export function ForestPlot({ title, description, rows, formatTick }: ForestPlotProps) {
  const titleId = useId();
  const descId = useId();
  const rowH = 40;
  const labelW = Math.min(280, Math.max(110, ...rows.map((r) => textWidth(r.label) + 16)));
  const plotW = 420;
  const width = labelW + plotW + 20;
  const height = rows.length * rowH + 34;
  const values = rows
    .flatMap((r) => [r.crude, r.adjusted])
    .filter((e): e is ForestEstimate => e !== null)
    .flatMap((e) => [e.lower, e.upper]);
  const span = Math.max(2, ...values.map((v) => Math.max(v, 1 / v)).filter(Number.isFinite));
  const limit = [2, 4, 8, 16, 32].find((l) => l >= span) ?? 32;
  const lo = Math.log(1 / limit),
    hi = Math.log(limit);
  const x = (v: number) => labelW + ((Math.max(lo, Math.min(hi, Math.log(v))) - lo) / (hi - lo)) * plotW;
  const ticks = [1 / limit, 1 / Math.sqrt(limit), 1, Math.sqrt(limit), limit];
  const axisY = rows.length * rowH + 4;

  const estimate = (e: ForestEstimate, y: number, kind: 'crude' | 'adjusted') => (
    <g>
      <line className="ks-chart__ci" x1={x(e.lower)} x2={x(e.upper)} y1={y} y2={y} />
      <circle className={`ks-chart__dot--${kind}`} cx={x(e.estimate)} cy={y} r={5} />
    </g>
  );

  return (
    <svg
      className="ks-chart"
      role="img"
      aria-labelledby={titleId}
      aria-describedby={descId}
      viewBox={`0 0 ${width} ${height}`}
      width={width}
      height={height}
    >
      <title id={titleId}>{title}</title>
      <desc id={descId}>{description}</desc>
      {ticks.map((t) => (
        <g key={t}>
          <line className={t === 1 ? 'ks-chart__zero' : 'ks-chart__grid'} x1={x(t)} x2={x(t)} y1={0} y2={axisY} />
          <text x={x(t)} y={axisY + 16} textAnchor="middle" className="ks-chart__muted">
            {formatTick(t)}
          </text>
        </g>
      ))}
      {rows.map((r, i) => {
        const y = i * rowH + 4;
        return (
          <g key={r.key}>
            <text x={labelW - 8} y={y + rowH / 2 + 4} textAnchor="end">
              {r.label}
            </text>
            {r.note && (
              <text x={x(1) + 6} y={y + rowH / 2 + 4} className="ks-chart__muted">
                {r.note}
              </text>
            )}
            {r.crude && estimate(r.crude, y + 12, 'crude')}
            {r.adjusted && estimate(r.adjusted, y + 26, 'adjusted')}
          </g>
        );
      })}
    </svg>
  );
}
