import type { CaseloadRow } from '../../api-casefile.js';
import { DataTable } from '../../components/DataTable.js';
import { Link } from '../../components/Link.js';
import { Badge, useFormatDate } from './shared.js';
import { useTexts } from './texts.js';

/** The rows of one page of the caseload as a table. */
export function CaseloadTable({ rows, team }: { rows: readonly CaseloadRow[]; team: boolean }) {
  const tx = useTexts();
  const date = useFormatDate();
  return (
    <DataTable
      caption={tx('caseload.caption')}
      captionHidden
      columns={[
        tx('caseload.col.name'),
        ...(team ? [tx('caseload.col.consultant')] : []),
        tx('caseload.col.last'),
        tx('caseload.col.next'),
        tx('caseload.col.status'),
        tx('caseload.col.ladder'),
        tx('caseload.col.flags'),
      ]}
      rows={rows.map((r) => ({
        key: String(r.id),
        header: <Link href={`/klanten/${r.id}`}>{r.name}</Link>,
        cells: [
          ...(team ? [r.consultantName ?? '—'] : []),
          r.lastConversation ? date(r.lastConversation) : tx('caseload.never'),
          r.nextConversation ? date(r.nextConversation) : tx('caseload.noNext'),
          tx(`status.${r.status}`),
          r.ladderStep === null ? '—' : r.ladderStep,
          <CaseloadFlags key="flags" row={r} />,
        ],
      }))}
    />
  );
}

function CaseloadFlags({ row: r }: { row: CaseloadRow }) {
  const tx = useTexts();
  const due = r.flags.meetmomentNodig;
  const dueNote =
    due?.status === 'te_laat'
      ? ` (${tx('caseload.flag.meetmomentLate')})`
      : due?.status === 'verstuurd'
        ? ` (${tx('caseload.flag.meetmomentSent')})`
        : '';
  return (
    <>
      {r.flags.geenIntake && <Badge tone="warning">{tx('caseload.flag.geenIntake')}</Badge>}
      {r.flags.onderOpDeStapel && <Badge tone="warning">{tx('caseload.flag.stapel')}</Badge>}
      {r.flags.intensiefTeWeinig && <Badge tone="info">{tx('caseload.flag.intensief')}</Badge>}
      {due && (
        <Badge tone={due.status === 'te_laat' ? 'warning' : 'info'}>
          {`${tx('caseload.flag.meetmoment')} ${due.wave}${dueNote}`}
        </Badge>
      )}
    </>
  );
}

/** Previous and next page, with which clients are shown; nothing when one page holds them all. */
export function CaseloadPager({
  page,
  pageSize,
  shown,
  onPage,
}: {
  page: number;
  pageSize: number;
  shown: number;
  onPage: (page: number) => void;
}) {
  const tx = useTexts();
  const pages = Math.ceil(shown / pageSize);
  if (pages <= 1) return null;
  const from = page * pageSize + 1;
  const to = Math.min(shown, (page + 1) * pageSize);
  return (
    <nav className="ks-pager" aria-label={tx('caseload.pager')}>
      <button
        type="button"
        className="utrecht-button utrecht-button--secondary-action"
        disabled={page === 0}
        onClick={() => onPage(page - 1)}
      >
        {tx('caseload.prev')}
      </button>
      <span className="ks-pager__range" aria-live="polite">
        {tx('caseload.pageOf', { from, to, shown })}
      </span>
      <button
        type="button"
        className="utrecht-button utrecht-button--secondary-action"
        disabled={page >= pages - 1}
        onClick={() => onPage(page + 1)}
      >
        {tx('caseload.next')}
      </button>
    </nav>
  );
}
