import { useId, useState, type ReactNode } from 'react';
import { Button } from '../../components/Button.js';
import { cx } from '../../components/cx.js';
import { downloadText, fileNameOf, toCsv, toTsv } from './csv.js';
import { useSpiegelTexts } from './texts.js';

export interface TableCell {
  text: string;
  /**
   * Hidden: because of small numbers (true or 'klein-aantal', shown as "< threshold"), or to
   * protect another cell ('secundair', shown as "x"), each with an explanation.
   */
  suppressed?: boolean | 'klein-aantal' | 'secundair' | null;
  /** Numbers are right-aligned. */
  numeric?: boolean;
  className?: string;
  /** Shown after the text, e.g. a mark for a clear difference (not copied). */
  extra?: ReactNode;
}

export interface TableRow {
  header: string;
  cells: TableCell[];
  className?: string;
}

export interface DataTableProps {
  caption: string;
  /** Column headings; the first is the heading of the row headers. */
  columns: string[];
  rows: TableRow[];
  threshold: number;
  /** Extra notes under the table (what a mark means, where a number comes from). */
  notes?: ReactNode;
  /** Stable id for tests and links. */
  testId?: string;
}

/**
 * A real table behind every chart: caption, column and row headers with scope, small numbers
 * as "< 10" with a footnote, and buttons to copy it (tab-separated, for a spreadsheet) or
 * download it as CSV. Both give exactly the text in the cells.
 */
export function DataTable({ caption, columns, rows, threshold, notes, testId }: DataTableProps) {
  const t = useSpiegelTexts();
  const captionId = useId();
  const [status, setStatus] = useState('');
  const anySuppressed = rows.some((r) => r.cells.some((c) => c.suppressed));
  const hiddenText = (c: TableCell) =>
    c.suppressed === 'secundair' ? t('secondary') : t('suppressed', { t: threshold });
  const matrix = () => [
    columns,
    ...rows.map((r) => [r.header, ...r.cells.map((c) => (c.suppressed ? hiddenText(c) : c.text))]),
  ];

  async function copy() {
    const text = toTsv(matrix());
    try {
      await navigator.clipboard.writeText(text);
      setStatus(t('copied'));
    } catch {
      // Older browsers, or no permission: copy through a hidden text field.
      const area = document.createElement('textarea');
      area.value = text;
      area.setAttribute('readonly', '');
      area.className = 'ks-visually-hidden';
      document.body.append(area);
      area.select();
      const ok = document.execCommand('copy');
      area.remove();
      setStatus(ok ? t('copied') : t('copyFailed'));
    }
  }

  return (
    <div className="ks-table-block" data-testid={testId}>
      <div className="utrecht-table-container ks-table-scroll" role="region" aria-labelledby={captionId} tabIndex={0}>
        <table className="utrecht-table utrecht-table--html-table ks-data-table">
          <caption id={captionId} className="utrecht-table__caption">
            {caption}
          </caption>
          <thead className="utrecht-table__header">
            <tr className="utrecht-table__row">
              {columns.map((c, i) => (
                <th key={i} scope="col" className="utrecht-table__header-cell">
                  {c}
                </th>
              ))}
            </tr>
          </thead>
          <tbody className="utrecht-table__body">
            {rows.map((r, i) => (
              <tr key={`${r.header}-${i}`} className={cx('utrecht-table__row', r.className)}>
                <th scope="row" className="utrecht-table__header-cell">
                  {r.header}
                </th>
                {r.cells.map((c, k) => (
                  <td
                    key={k}
                    className={cx('utrecht-table__cell', c.numeric && 'utrecht-table__cell--numeric-data', c.className)}
                  >
                    {c.suppressed ? (
                      <abbr
                        className="ks-suppressed"
                        title={
                          c.suppressed === 'secundair' ? t('secondaryTitle') : t('suppressedTitle', { t: threshold })
                        }
                      >
                        {hiddenText(c)}
                      </abbr>
                    ) : (
                      c.text
                    )}
                    {!c.suppressed && c.extra}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {(anySuppressed || notes) && (
        <div className="ks-table-notes">
          {anySuppressed && (
            <p className="utrecht-paragraph utrecht-paragraph--small">{t('suppressedNote', { t: threshold })}</p>
          )}
          {notes}
        </div>
      )}
      <div className="utrecht-button-group ks-table-actions">
        <Button appearance="secondary-action" onClick={() => void copy()} aria-label={`${t('copy')}: ${caption}`}>
          {t('copy')}
        </Button>
        <Button
          appearance="secondary-action"
          onClick={() => downloadText(fileNameOf(caption), toCsv(matrix()))}
          aria-label={`${t('csv')}: ${caption}`}
        >
          {t('csv')}
        </Button>
      </div>
      <p className="utrecht-paragraph utrecht-paragraph--small ks-table-status" role="status">
        {status}
      </p>
    </div>
  );
}
