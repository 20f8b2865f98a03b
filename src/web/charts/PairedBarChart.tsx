import { useId } from 'react';
import { niceMax, textWidth } from './scale.js';
import './charts.css';

export interface PairedValue {
  value: number | null;
  lower?: number | null;
  upper?: number | null;
  label: string;
}

export interface PairedRow {
  key: string;
  label: string;
  /** One value per series (one or two series). */
  values: PairedValue[];
}

export interface PairedBarChartProps {
  title: string;
  description: string;
  rows: PairedRow[];
  /** Class suffix per series: "bar", "clear", "b". */
  seriesClass: string[];
  /** Values can be negative (points difference): bars go left and right of a zero line. */
  diverging?: boolean;
  /** Unit after axis ticks, e.g. "%" or " pp". */
  unit: string;
  /** Label drawn where a value is missing (suppressed). */
  missingLabel: string;
  formatTick: (value: number) => string;
}

const BAR_H = 13;

/** Horizontal bars per group, one or two series (e.g. here and nationally), with intervals. */
export function PairedBarChart({
  title,
  description,
  rows,
  seriesClass,
  diverging = false,
  unit,
  missingLabel,
  formatTick,
}: PairedBarChartProps) {
  const titleId = useId();
  const descId = useId();
  const series = seriesClass.length;
  const rowH = series * (BAR_H + 3) + 10;
  const labelW = Math.min(280, Math.max(100, ...rows.map((r) => textWidth(r.label) + 16)));
  const plotW = 360;
  const width = labelW + plotW + 70;
  const height = rows.length * rowH + 30;
  const all = rows
    .flatMap((r) => r.values.flatMap((v) => [v.value, v.upper ?? null, v.lower ?? null]))
    .filter((v): v is number => v !== null);
  const max = niceMax(Math.max(diverging ? 2 : 5, ...all.map((v) => Math.abs(v))));
  const min = diverging ? -max : 0;
  const x = (v: number) => labelW + ((Math.max(min, Math.min(max, v)) - min) / (max - min)) * plotW;
  const ticks = diverging ? [-max, -max / 2, 0, max / 2, max] : [0, max / 2, max];
  const axisY = rows.length * rowH + 6;

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
          <line className={t === 0 ? 'ks-chart__zero' : 'ks-chart__grid'} x1={x(t)} x2={x(t)} y1={0} y2={axisY} />
          <text x={x(t)} y={axisY + 16} textAnchor="middle" className="ks-chart__muted">
            {formatTick(t)}
            {unit}
          </text>
        </g>
      ))}
      {rows.map((r, ri) => {
        const y0 = ri * rowH + 5;
        return (
          <g key={r.key}>
            <text x={labelW - 8} y={y0 + (series * (BAR_H + 3)) / 2 + 4} textAnchor="end">
              {r.label}
            </text>
            {r.values.map((v, si) => {
              const y = y0 + si * (BAR_H + 3);
              if (v.value === null)
                return (
                  <text key={si} x={x(0) + 4} y={y + BAR_H - 2} className="ks-chart__muted">
                    {missingLabel}
                  </text>
                );
              const from = x(Math.min(0, v.value));
              const to = x(Math.max(0, v.value));
              const cls = seriesClass[si] === 'bar' && diverging && v.value < 0 ? 'neg' : seriesClass[si];
              return (
                <g key={si}>
                  <rect
                    className={`ks-chart__bar ks-chart__bar--${cls}`}
                    x={from}
                    y={y}
                    width={Math.max(1, to - from)}
                    height={BAR_H}
                  />
                  {v.lower != null && v.upper != null && (
                    <>
                      <line
                        className="ks-chart__ci"
                        x1={x(v.lower)}
                        x2={x(v.upper)}
                        y1={y + BAR_H / 2}
                        y2={y + BAR_H / 2}
                      />
                      <line className="ks-chart__ci" x1={x(v.lower)} x2={x(v.lower)} y1={y + 2} y2={y + BAR_H - 2} />
                      <line className="ks-chart__ci" x1={x(v.upper)} x2={x(v.upper)} y1={y + 2} y2={y + BAR_H - 2} />
                    </>
                  )}
                  <text x={Math.max(to, v.upper != null ? x(v.upper) : to) + 4} y={y + BAR_H - 2}>
                    {v.label}
                  </text>
                </g>
              );
            })}
          </g>
        );
      })}
    </svg>
  );
}
