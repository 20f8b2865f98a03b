import { DataTable } from '../../components/DataTable.js';
import { useEffect, useState } from 'react';
import { API_BASE, type ApiClient } from '../../api.js';
import type { Remote } from '../begeleiding/shared.js';
import type { ImportRun } from './ImportPanel.js';
import { useTexts } from './texts.js';

interface Rejection {
  row: string;
  field: string;
  reason: string;
}

const SHOWN_REJECTIONS = 200;

/** Reads the rejected-rows CSV (regel;veld;reden, fields quoted when they hold ; or "). */
export function parseRejections(text: string): Rejection[] {
  const out: Rejection[] = [];
  for (const line of text
    .replace(/^\uFEFF/, '')
    .split(/\r\n/)
    .slice(1)) {
    if (line === '') continue;
    const cells: string[] = [];
    let i = 0;
    while (i <= line.length) {
      if (line[i] === '"') {
        let j = i + 1;
        let cell = '';
        while (j < line.length) {
          if (line[j] === '"' && line[j + 1] === '"') {
            cell += '"';
            j += 2;
          } else if (line[j] === '"') break;
          else cell += line[j++];
        }
        cells.push(cell);
        i = j + 2;
      } else {
        const end = line.indexOf(';', i);
        cells.push(line.slice(i, end < 0 ? line.length : end));
        i = end < 0 ? line.length + 1 : end + 1;
      }
    }
    out.push({ row: cells[0] ?? '', field: cells[1] ?? '', reason: cells[2] ?? '' });
  }
  return out;
}

/** The outcome of a dry run or an import: counts, and the rejected rows on screen. */
export function RunResult({ run }: { api: ApiClient; run: ImportRun }) {
  const tx = useTexts();
  const [rejections, setRejections] = useState<Rejection[] | null>(null);
  useEffect(() => {
    setRejections(null);
    if (run.rowsRejected === 0) return;
    let live = true;
    void fetch(`${API_BASE}/imports/${run.id}/rejected.csv`, { credentials: 'same-origin' })
      .then((r) => r.text())
      .then((text) => live && setRejections(parseRejections(text)));
    return () => {
      live = false;
    };
  }, [run.id, run.rowsRejected]);
  const summary =
    run.status === 'mislukt'
      ? tx('import.failed', { error: run.error ?? '' })
      : tx(run.dryRun ? 'import.dryRunDone' : 'import.done', {
          total: String(run.rowsTotal),
          inserted: String(run.inserted),
          updated: String(run.updated),
          unchanged: String(run.unchanged),
          rejected: String(run.rowsRejected),
        });
  return (
    <div data-testid="import-result" aria-live="polite">
      <h3 className="utrecht-heading-3">{tx(run.dryRun ? 'import.dryRunTitle' : 'import.doneTitle')}</h3>
      <p className="utrecht-paragraph">{summary}</p>
      {rejections && rejections.length > 0 && (
        <DataTable
          caption={tx('import.rejectedCaption', { n: String(run.rowsRejected) })}
          tall
          testId="import-rejected"
          columns={[{ label: tx('import.row'), numeric: true }, tx('import.field'), tx('import.reason')]}
          rows={rejections.slice(0, SHOWN_REJECTIONS).map((r, i) => ({
            key: String(i),
            header: r.row,
            cells: [r.field, r.reason],
          }))}
        />
      )}
      {run.rowsRejected > 0 && (
        <p className="utrecht-paragraph">
          <a className="utrecht-link" href={`${API_BASE}/imports/${run.id}/rejected.csv`}>
            {tx('import.rejectedDownload')}
          </a>
        </p>
      )}
    </div>
  );
}

/** The latest imports. */
export function ImportHistory({ history }: { history: Remote<ImportRun[]> }) {
  const tx = useTexts();
  if (history.status !== 'ok' || history.data.length === 0) return null;
  return (
    <DataTable
      caption={tx('import.history')}
      testId="import-history"
      columns={(['import.when', 'import.entity', 'import.fileName', 'import.status', 'import.counts'] as const).map(
        (k) => tx(k),
      )}
      rows={history.data.map((r) => ({
        key: String(r.id),
        header: new Date(r.startedAt).toLocaleString('nl-NL'),
        cells: [
          r.entity,
          r.fileName,
          r.status,
          tx('import.historyCounts', {
            total: String(r.rowsTotal),
            inserted: String(r.inserted),
            updated: String(r.updated),
            rejected: String(r.rowsRejected),
          }),
        ],
      }))}
    />
  );
}
