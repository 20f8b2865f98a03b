import { useId } from 'react';
import { niceMax, textWidth, twoLines } from './scale.js';
import './charts.css';

export interface MatrixValue {
  value: number;
  lower?: number | null;
  upper?: number | null;
  /** A clear difference: drawn darker (rate) or marked with an asterisk (composition). */
  emphasis?: boolean;
  /** The value as text, formatted for the user's language. */
  label: string;
}

/** A value, "suppressed" (drawn as "< threshold"), or null (nothing to draw, e.g. an empty group). */
export type MatrixCellValue = MatrixValue | 'suppressed' | 'secundair' | null;

export interface MatrixChartProps {
  title: string;
  description: string;
  columns: { key: string; label: string }[];
  rows: { key: string; label: string }[];
  value: (row: string, column: string) => MatrixCellValue;
  /** "rate": bars from 0 with intervals, each column its own scale; "diverging": bars left and right of 0, one scale. */
  mode: 'rate' | 'diverging';
  suppressedLabel: string;
  /** Drawn where a cell is hidden to protect another one (default "x"). */
  secondaryLabel?: string;
  /** Text under a column heading that gives its scale, e.g. "schaal 0–40%". */
  scaleLabel: (max: number) => string;
}

const ROW_H = 26;
const COL_W = 116;
const BAR_W = 64;

/**
 * Groups down, decision moments across: every stage side by side for every group, as one SVG
 * (role="img" with a title and description; the table next to it carries the numbers).
 */
export function MatrixChart({
  title,
  description,
  columns,
  rows,
  value,
  mode,
  suppressedLabel,
  secondaryLabel = 'x',
  scaleLabel,
}: MatrixChartProps) {
  const titleId = useId();
  const descId = useId();
  const labelW = Math.min(300, Math.max(120, ...rows.map((r) => textWidth(r.label) + 16)));
  const headH = 52;
  const width = labelW + columns.length * COL_W + 8;
  const height = headH + rows.length * ROW_H + 8;
  const values = columns.map((c) => rows.map((r) => value(r.key, c.key)));
  const numbers = (col: MatrixCellValue[]) =>
    col.filter((v): v is MatrixValue => v !== null && v !== 'suppressed' && v !== 'secundair');
  const columnMax = values.map((col) =>
    mode === 'rate' ? niceMax(Math.max(5, ...numbers(col).map((v) => v.upper ?? v.value))) : 0,
  );
  const absMax = niceMax(Math.max(2, ...values.flatMap((col) => numbers(col).map((v) => Math.abs(v.value)))));

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
      {rows.map(
        (r, i) =>
          i % 2 === 1 && (
            <rect key={r.key} className="ks-chart__row--alt" x={0} y={headH + i * ROW_H} width={width} height={ROW_H} />
          ),
      )}
      {columns.map((c, ci) => {
        const x0 = labelW + ci * COL_W;
        const lines = twoLines(c.label, 16);
        return (
          <g key={c.key}>
            {lines.map((line, li) => (
              <text key={li} x={x0 + 2} y={14 + li * 14} className="ks-chart__head">
                {line}
              </text>
            ))}
            {/* one scale for every column in the diverging view: said once, not above every column */}
            {(mode === 'rate' || ci === 0) && (
              <text x={x0 + 2} y={44} className="ks-chart__muted">
                {scaleLabel(mode === 'rate' ? columnMax[ci] : absMax)}
              </text>
            )}
            {mode === 'diverging' && (
              <line className="ks-chart__zero" x1={x0 + BAR_W / 2} x2={x0 + BAR_W / 2} y1={headH} y2={height - 8} />
            )}
            {mode === 'rate' && <line className="ks-chart__axis" x1={x0} x2={x0} y1={headH} y2={height - 8} />}
          </g>
        );
      })}
      {rows.map((r, ri) => {
        const y = headH + ri * ROW_H;
        return (
          <g key={r.key}>
            <text x={labelW - 8} y={y + 17} textAnchor="end">
              {r.label}
            </text>
            {columns.map((c, ci) => {
              const x0 = labelW + ci * COL_W;
              const v = values[ci][ri];
              if (v === null) return null;
              if (v === 'suppressed' || v === 'secundair') {
                return (
                  <text key={c.key} x={x0 + 4} y={y + 17} className="ks-chart__muted">
                    {v === 'secundair' ? secondaryLabel : suppressedLabel}
                  </text>
                );
              }
              if (mode === 'rate') {
                const s = (n: number) => x0 + (Math.min(n, columnMax[ci]) / columnMax[ci]) * BAR_W;
                return (
                  <g key={c.key}>
                    <rect
                      className={v.emphasis ? 'ks-chart__bar ks-chart__bar--clear' : 'ks-chart__bar'}
                      x={x0}
                      y={y + 6}
                      width={Math.max(1, s(v.value) - x0)}
                      height={14}
                    />
                    {v.lower != null && v.upper != null && (
                      <g className="ks-chart__ci">
                        <line className="ks-chart__ci" x1={s(v.lower)} x2={s(v.upper)} y1={y + 13} y2={y + 13} />
                        <line className="ks-chart__ci" x1={s(v.lower)} x2={s(v.lower)} y1={y + 8} y2={y + 18} />
                        <line className="ks-chart__ci" x1={s(v.upper)} x2={s(v.upper)} y1={y + 8} y2={y + 18} />
                      </g>
                    )}
                    <text x={x0 + BAR_W + 4} y={y + 17}>
                      {v.label}
                    </text>
                  </g>
                );
              }
              const mid = x0 + BAR_W / 2;
              const len = (Math.min(Math.abs(v.value), absMax) / absMax) * (BAR_W / 2);
              return (
                <g key={c.key}>
                  <rect
                    className={v.value < 0 ? 'ks-chart__bar ks-chart__bar--neg' : 'ks-chart__bar ks-chart__bar--clear'}
                    x={v.value < 0 ? mid - len : mid}
                    y={y + 6}
                    width={Math.max(1, len)}
                    height={14}
                  />
                  <text x={x0 + BAR_W + 4} y={y + 17} fontWeight={v.emphasis ? 700 : 400}>
                    {v.label}
                    {v.emphasis ? '*' : ''}
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
