import { useCallback, useDeferredValue, useMemo, useState } from 'react';
import type { ApiClient, SessionUser } from '../../api.js';
import { casefileApi, type CaseloadRow } from '../../api-casefile.js';
import { Link } from '../../components/Link.js';
import { PageHeading } from '../../components/PageHeading.js';
import { useDocumentTitle } from '../../components/useDocumentTitle.js';
import { Badge, Failed, Loading, useFormatDate, useRemote } from './shared.js';
import { useTexts } from './texts.js';
import './begeleiding.css';

type SortKey = 'name' | 'last' | 'next' | 'ladder';
type StatusFilter = '' | CaseloadRow['status'];

interface Filters {
  search: string;
  consultant: string;
  status: StatusFilter;
  sort: SortKey;
  stapel: boolean;
  intensief: boolean;
  meetmoment: boolean;
}

const collator = new Intl.Collator('nl', { sensitivity: 'base' });

/** Filter and sort in one pass over the rows already loaded: no request per row or per choice. */
export function selectRows(rows: readonly CaseloadRow[], f: Filters): CaseloadRow[] {
  const words = f.search.trim().toLocaleLowerCase('nl').split(/\s+/).filter(Boolean);
  const result = rows.filter((r) => {
    if (f.consultant && String(r.consultantId ?? '') !== f.consultant) return false;
    if (f.status && r.status !== f.status) return false;
    if (f.stapel && !r.flags.onderOpDeStapel) return false;
    if (f.intensief && !r.flags.intensiefTeWeinig) return false;
    if (f.meetmoment && !r.flags.meetmomentNodig) return false;
    if (words.length) {
      const name = r.name.toLocaleLowerCase('nl');
      if (!words.every((w) => name.includes(w))) return false;
    }
    return true;
  });
  const byName = (a: CaseloadRow, b: CaseloadRow) => collator.compare(a.name, b.name);
  const nullsLast = (a: string | number | null, b: string | number | null) =>
    a === null ? (b === null ? 0 : 1) : b === null ? -1 : a < b ? -1 : a > b ? 1 : 0;
  const compare: Record<SortKey, (a: CaseloadRow, b: CaseloadRow) => number> = {
    name: byName,
    last: (a, b) => b.daysWithoutConversation - a.daysWithoutConversation || byName(a, b),
    next: (a, b) => nullsLast(a.nextConversation, b.nextConversation) || byName(a, b),
    ladder: (a, b) => nullsLast(a.ladderStep, b.ladderStep) || byName(a, b),
  };
  return result.sort(compare[f.sort]);
}

export interface PageProps {
  api: ApiClient;
  user: SessionUser;
  onSessionEnded: () => void;
}

export function CaseloadPage({ api, user, onSessionEnded }: PageProps) {
  const tx = useTexts();
  const date = useFormatDate();
  const team = user.role === 'teamleider';
  const title = team ? tx('caseload.titleTeam') : tx('caseload.title');
  useDocumentTitle(title);
  const calls = useMemo(() => casefileApi(api), [api]);
  const load = useCallback(() => calls.caseload(), [calls]);
  const [remote, reload] = useRemote(load, onSessionEnded);
  const [filters, setFilters] = useState<Filters>({
    search: '',
    consultant: '',
    status: '',
    sort: 'name',
    stapel: false,
    intensief: false,
    meetmoment: false,
  });
  const deferred = useDeferredValue(filters);
  const set = <K extends keyof Filters>(key: K, value: Filters[K]) => setFilters((f) => ({ ...f, [key]: value }));

  const rows = remote.status === 'ok' ? remote.data.items : [];
  const shown = useMemo(() => selectRows(rows, deferred), [rows, deferred]);
  const consultants = useMemo(() => {
    const seen = new Map<string, string>();
    for (const r of rows) if (r.consultantId !== null) seen.set(String(r.consultantId), r.consultantName ?? '');
    return [...seen].sort((a, b) => collator.compare(a[1], b[1]));
  }, [rows]);

  return (
    <>
      <PageHeading>{title}</PageHeading>
      <p className="utrecht-paragraph">{team ? tx('caseload.introTeam') : tx('caseload.intro')}</p>
      {remote.status === 'loading' && <Loading />}
      {remote.status === 'error' && <Failed onRetry={() => void reload()} />}
      {remote.status === 'ok' && (
        <>
          <form
            className="ks-filters"
            role="search"
            aria-label={tx('caseload.filterForm')}
            onSubmit={(e) => e.preventDefault()}
          >
            <div className="utrecht-form-field">
              <label className="utrecht-form-label" htmlFor="ks-caseload-search">
                {tx('caseload.search')}
              </label>
              <input
                id="ks-caseload-search"
                type="search"
                className="utrecht-textbox utrecht-textbox--html-input"
                value={filters.search}
                onChange={(e) => set('search', e.target.value)}
              />
            </div>
            {team && (
              <div className="utrecht-form-field">
                <label className="utrecht-form-label" htmlFor="ks-caseload-consultant">
                  {tx('caseload.consultant')}
                </label>
                <select
                  id="ks-caseload-consultant"
                  className="utrecht-select utrecht-select--html-select"
                  value={filters.consultant}
                  onChange={(e) => set('consultant', e.target.value)}
                >
                  <option value="">{tx('caseload.allConsultants')}</option>
                  {consultants.map(([id, name]) => (
                    <option key={id} value={id}>
                      {name}
                    </option>
                  ))}
                </select>
              </div>
            )}
            <div className="utrecht-form-field">
              <label className="utrecht-form-label" htmlFor="ks-caseload-status">
                {tx('caseload.status')}
              </label>
              <select
                id="ks-caseload-status"
                className="utrecht-select utrecht-select--html-select"
                value={filters.status}
                onChange={(e) => set('status', e.target.value as StatusFilter)}
              >
                <option value="">{tx('caseload.allStatuses')}</option>
                <option value="actief">{tx('status.actief')}</option>
                <option value="on-hold">{tx('status.on-hold')}</option>
                <option value="uitgestroomd">{tx('status.uitgestroomd')}</option>
              </select>
            </div>
            <div className="utrecht-form-field">
              <label className="utrecht-form-label" htmlFor="ks-caseload-sort">
                {tx('caseload.sort')}
              </label>
              <select
                id="ks-caseload-sort"
                className="utrecht-select utrecht-select--html-select"
                value={filters.sort}
                onChange={(e) => set('sort', e.target.value as SortKey)}
              >
                <option value="name">{tx('caseload.sort.name')}</option>
                <option value="last">{tx('caseload.sort.last')}</option>
                <option value="next">{tx('caseload.sort.next')}</option>
                <option value="ladder">{tx('caseload.sort.ladder')}</option>
              </select>
            </div>
            <fieldset className="utrecht-form-fieldset ks-filters__flags">
              <legend className="utrecht-form-fieldset__legend utrecht-form-label">{tx('caseload.filters')}</legend>
              <div className="ks-choice">
                <input
                  id="ks-flag-stapel"
                  type="checkbox"
                  className="utrecht-checkbox utrecht-checkbox--html-input"
                  checked={filters.stapel}
                  onChange={(e) => set('stapel', e.target.checked)}
                  aria-describedby="ks-flag-stapel-help"
                />
                <label className="utrecht-form-label utrecht-form-label--checkbox" htmlFor="ks-flag-stapel">
                  {tx('caseload.flag.stapel')}
                </label>
                <span id="ks-flag-stapel-help" className="ks-help">
                  {' '}
                  ({tx('caseload.flag.stapelHelp')})
                </span>
              </div>
              <div className="ks-choice">
                <input
                  id="ks-flag-intensief"
                  type="checkbox"
                  className="utrecht-checkbox utrecht-checkbox--html-input"
                  checked={filters.intensief}
                  onChange={(e) => set('intensief', e.target.checked)}
                  aria-describedby="ks-flag-intensief-help"
                />
                <label className="utrecht-form-label utrecht-form-label--checkbox" htmlFor="ks-flag-intensief">
                  {tx('caseload.flag.intensief')}
                </label>
                <span id="ks-flag-intensief-help" className="ks-help">
                  {' '}
                  ({tx('caseload.flag.intensiefHelp')})
                </span>
              </div>
              <div className="ks-choice">
                <input
                  id="ks-flag-meetmoment"
                  type="checkbox"
                  className="utrecht-checkbox utrecht-checkbox--html-input"
                  checked={filters.meetmoment}
                  onChange={(e) => set('meetmoment', e.target.checked)}
                  aria-describedby="ks-flag-meetmoment-help"
                />
                <label className="utrecht-form-label utrecht-form-label--checkbox" htmlFor="ks-flag-meetmoment">
                  {tx('caseload.flag.meetmoment')}
                </label>
                <span id="ks-flag-meetmoment-help" className="ks-help">
                  {' '}
                  ({tx('caseload.flag.meetmomentHelp')})
                </span>
              </div>
            </fieldset>
          </form>
          <p className="utrecht-paragraph ks-count" role="status">
            {tx('caseload.count', { shown: shown.length, total: rows.length })}
          </p>
          {shown.length === 0 ? (
            <p className="utrecht-paragraph">{tx('caseload.none')}</p>
          ) : (
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
                  {shown.map((r) => (
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
          )}
        </>
      )}
    </>
  );
}
