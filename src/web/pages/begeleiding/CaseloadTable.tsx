import type { CaseloadRow } from '../../api-casefile.js';
import { Link } from '../../components/Link.js';
import { Badge, useFormatDate } from './shared.js';
import { useTexts } from './texts.js';

/** The rows of one page of the caseload as a table. */
export function CaseloadTable({ rows, team }: { rows: readonly CaseloadRow[]; team: boolean }) {
  const tx = useTexts();
  const date = useFormatDate();
  return (
    <div className="ks-table-wrap" role="region" aria-labelledby="ks-caseload-caption" tabIndex={0}>
      <table className="utrecht-table ks-table">
        <caption id="ks-caseload-caption" className="utrecht-table__caption ks-visually-hidden">
          {tx('caseload.caption')}
        </caption>
        <thead className="utrecht-table__header">
          <tr className="utrecht-table__row">
            <th scope="col" className="utrecht-table__header-cell">
              {tx('caseload.col.name')}
            </th>
            {team && (
              <th scope="col" className="utrecht-table__header-cell">
                {tx('caseload.col.consultant')}
              </th>
            )}
            <th scope="col" className="utrecht-table__header-cell">
              {tx('caseload.col.last')}
            </th>
            <th scope="col" className="utrecht-table__header-cell">
              {tx('caseload.col.next')}
            </th>
            <th scope="col" className="utrecht-table__header-cell">
              {tx('caseload.col.status')}
            </th>
            <th scope="col" className="utrecht-table__header-cell">
              {tx('caseload.col.ladder')}
            </th>
            <th scope="col" className="utrecht-table__header-cell">
              {tx('caseload.col.flags')}
            </th>
          </tr>
        </thead>
        <tbody className="utrecht-table__body">
          {rows.map((r) => (
            <tr key={r.id} className="utrecht-table__row">
              <th scope="row" className="utrecht-table__header-cell ks-table__name">
                <Link href={`/klanten/${r.id}`}>{r.name}</Link>
              </th>
              {team && <td className="utrecht-table__cell">{r.consultantName ?? '—'}</td>}
              <td className="utrecht-table__cell">
                {r.lastConversation ? date(r.lastConversation) : tx('caseload.never')}
              </td>
              <td className="utrecht-table__cell">
                {r.nextConversation ? date(r.nextConversation) : tx('caseload.noNext')}
              </td>
              <td className="utrecht-table__cell">{tx(`status.${r.status}`)}</td>
              <td className="utrecht-table__cell">{r.ladderStep === null ? '—' : r.ladderStep}</td>
              <td className="utrecht-table__cell">
                {r.flags.geenIntake && <Badge tone="warning">{tx('caseload.flag.geenIntake')}</Badge>}
                {r.flags.onderOpDeStapel && <Badge tone="warning">{tx('caseload.flag.stapel')}</Badge>}
                {r.flags.intensiefTeWeinig && <Badge tone="info">{tx('caseload.flag.intensief')}</Badge>}
                {r.flags.meetmomentNodig && (
                  <Badge tone={r.flags.meetmomentNodig.status === 'te_laat' ? 'warning' : 'info'}>
                    {`${tx('caseload.flag.meetmoment')} ${r.flags.meetmomentNodig.wave}${r.flags.meetmomentNodig.status === 'te_laat' ? ` (${tx('caseload.flag.meetmomentLate')})` : r.flags.meetmomentNodig.status === 'verstuurd' ? ` (${tx('caseload.flag.meetmomentSent')})` : ''}`}
                  </Badge>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
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
