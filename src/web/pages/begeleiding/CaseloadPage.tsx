import { useCallback, useDeferredValue, useMemo, useState } from 'react';
import type { ApiClient, SessionUser } from '../../api.js';
import { casefileApi, type CaseloadRow } from '../../api-casefile.js';
import { PageHeading } from '../../components/PageHeading.js';
import { useDocumentTitle } from '../../components/useDocumentTitle.js';
import { Failed, Loading, useRemote } from './shared.js';
import { CaseloadFilters, NO_FILTERS, type Filters, type SortKey } from './CaseloadFilters.js';
import { CaseloadPager, CaseloadTable } from './CaseloadTable.js';
import { useTexts } from './texts.js';
import './begeleiding.css';

/** Rows per page: a team's 1,500 clients are never drawn at once. */
const PAGE_SIZE = 50;

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
  const team = user.role === 'teamleider';
  const title = team ? tx('caseload.titleTeam') : tx('caseload.title');
  useDocumentTitle(title);
  const calls = useMemo(() => casefileApi(api), [api]);
  const load = useCallback(() => calls.caseload(), [calls]);
  const [remote, reload] = useRemote(load, onSessionEnded);
  const [filters, setFilters] = useState<Filters>(NO_FILTERS);
  const [page, setPage] = useState(0);
  const deferred = useDeferredValue(filters);
  const set = <K extends keyof Filters>(key: K, value: Filters[K]) => {
    setFilters((f) => ({ ...f, [key]: value }));
    setPage(0);
  };

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
          <CaseloadFilters filters={filters} set={set} team={team} consultants={consultants} />
          <p className="utrecht-paragraph ks-count" role="status">
            {tx('caseload.count', { shown: shown.length, total: rows.length })}
          </p>
          {shown.length === 0 ? (
            <p className="utrecht-paragraph">{tx('caseload.none')}</p>
          ) : (
            <>
              <CaseloadTable rows={shown.slice(page * PAGE_SIZE, (page + 1) * PAGE_SIZE)} team={team} />
              <CaseloadPager page={page} pageSize={PAGE_SIZE} shown={shown.length} onPage={setPage} />
            </>
          )}
        </>
      )}
    </>
  );
}
