import { useId, type ReactNode } from 'react';
import { cx } from './cx.js';
import './data-table.css';

export interface DataCell {
  content: ReactNode;
  /** Numbers are right-aligned. */
  numeric?: boolean;
  /** An explanation on hover, e.g. why a number is not shown. */
  title?: string;
}

export interface DataRow {
  key: string;
  /** The row header (th scope="row"). */
  header: ReactNode;
  cells: readonly (DataCell | ReactNode)[];
  /** Extra attributes for the row, e.g. data-client for tests. */
  attributes?: Record<`data-${string}`, string | number>;
}

export interface DataColumn {
  label: string;
  /** Numbers: the heading and the column's cells are right-aligned. */
  numeric?: boolean;
}

export interface DataTableProps {
  caption: ReactNode;
  /** Column headings; the first is the heading of the row headers. */
  columns: readonly (DataColumn | string)[];
  rows: readonly DataRow[];
  testId?: string;
  className?: string;
  /** The caption for screen readers only (a heading above already says it). */
  captionHidden?: boolean;
  /** A long list: the region scrolls at a fixed height. */
  tall?: boolean;
  /** A narrow table inside a section. */
  compact?: boolean;
}

const isCell = (c: DataCell | ReactNode): c is DataCell =>
  typeof c === 'object' && c !== null && 'content' in (c as object);

/**
 * The app's one table: a caption, column headers and row headers with scope, in a region
 * that scrolls on a small screen and can be reached with the keyboard. (The mirror's tables
 * add copy and download on top of the same layout.)
 */
export function DataTable({ caption, columns, rows, testId, className, captionHidden, tall, compact }: DataTableProps) {
  const captionId = useId();
  const cols = columns.map((c) => (typeof c === 'string' ? { label: c } : c));
  return (
    <div
      className={cx('ks-table-wrap', tall && 'ks-table-wrap--tall')}
      role="region"
      aria-labelledby={captionId}
      tabIndex={0}
    >
      <table className={cx('utrecht-table ks-table', compact && 'ks-table--compact', className)} data-testid={testId}>
        <caption id={captionId} className={cx('utrecht-table__caption', captionHidden && 'ks-visually-hidden')}>
          {caption}
        </caption>
        <thead className="utrecht-table__header">
          <tr className="utrecht-table__row">
            {cols.map((c, i) => (
              <th
                key={`${i}-${c.label}`}
                scope="col"
                className={cx('utrecht-table__header-cell', c.numeric && 'ks-num')}
              >
                {c.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="utrecht-table__body">
          {rows.map((r) => (
            <tr key={r.key} className="utrecht-table__row" {...r.attributes}>
              <th scope="row" className="utrecht-table__header-cell">
                {r.header}
              </th>
              {r.cells.map((c, i) => {
                const cell = isCell(c) ? c : { content: c };
                const numeric = cell.numeric ?? cols[i + 1]?.numeric;
                return (
                  <td key={i} className={cx('utrecht-table__cell', numeric && 'ks-num')} title={cell.title}>
                    {cell.content}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
