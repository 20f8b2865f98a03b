import { todayIso } from '../../../domain/dates.js';
import { DataTable } from '../../components/DataTable.js';
import { useCallback, useMemo, useState } from 'react';
import type { ApiClient, SessionUser } from '../../api.js';
import { FEATURE_ROLES, type Role } from '../../../domain/roles.js';
import { Link } from '../../components/Link.js';
import { PageHeading } from '../../components/PageHeading.js';
import { Button } from '../../components/Button.js';
import { useDocumentTitle } from '../../components/useDocumentTitle.js';
import { Badge, Failed, Loading, useFormatDate, useRemote } from '../begeleiding/shared.js';
import { MirrorSection, ReportSection } from './MirrorSection.js';
import { TracksPart } from './TracksPart.js';
import { werkgeversApi } from './api.js';
import { useTexts } from './texts.js';
import '../begeleiding/begeleiding.css';

export interface PageProps {
  api: ApiClient;
  user: SessionUser;
  onSessionEnded: () => void;
}

const has = (list: readonly Role[], role: Role) => list.includes(role);

/** The start of the employer pages: employers, signals and overdue follow-up; the mirror for policy roles. */
export function WerkgeversPage(props: PageProps) {
  const tx = useTexts();
  useDocumentTitle(tx('title'));
  const role = props.user.role;
  const works = has(FEATURE_ROLES.employers, role);
  const mirror = has(FEATURE_ROLES.employerMirror, role);
  // a signal entered below shows at once in the caseload signals above
  const [signalsVersion, setSignalsVersion] = useState(0);
  return (
    <>
      <PageHeading>{tx('title')}</PageHeading>
      <p className="utrecht-paragraph">{tx('intro')}</p>
      {works && <CaseloadSignals key={signalsVersion} {...props} />}
      <EmployerList {...props} />
      {works && <TracksPart {...props} onSignal={() => setSignalsVersion((v) => v + 1)} />}
      {mirror && <MirrorSection {...props} />}
      {mirror && <ReportSection {...props} />}
    </>
  );
}

function EmployerList({ api, onSessionEnded }: PageProps) {
  const tx = useTexts();
  const calls = useMemo(() => werkgeversApi(api), [api]);
  const [state, reload] = useRemote(
    useCallback(() => calls.employers(), [calls]),
    onSessionEnded,
  );
  return (
    <section aria-labelledby="ks-employers">
      <h2 className="utrecht-heading-2" id="ks-employers">
        {tx('employers')}
      </h2>
      {state.status === 'loading' && <Loading />}
      {state.status === 'error' && <Failed onRetry={() => void reload()} />}
      {state.status === 'ok' && (
        <DataTable
          caption={tx('employers')}
          captionHidden
          columns={[tx('name'), tx('sector'), tx('size'), tx('marks'), { label: tx('openVacancies'), numeric: true }]}
          rows={state.data.items.map((e) => ({
            key: String(e.id),
            header: <Link href={`/werkgevers/${e.id}`}>{e.name}</Link>,
            cells: [e.sector, e.size, e.marks.join(', '), e.openVacancies],
          }))}
        />
      )}
    </section>
  );
}

function CaseloadSignals({ api, onSessionEnded }: PageProps) {
  const tx = useTexts();
  const date = useFormatDate();
  const calls = useMemo(() => werkgeversApi(api), [api]);
  const load = useCallback(async () => ({ signals: await calls.signals(), overdue: await calls.overdue() }), [calls]);
  const [state, reload] = useRemote(load, onSessionEnded);
  if (state.status === 'loading') return <Loading />;
  if (state.status === 'error') return <Failed onRetry={() => void reload()} />;
  const { signals, overdue } = state.data;
  const today = todayIso();
  return (
    <>
      <section aria-labelledby="ks-signals">
        <h2 className="utrecht-heading-2" id="ks-signals">
          {tx('signals')}
        </h2>
        {signals.items.length === 0 && <p className="utrecht-paragraph">{tx('noSignals')}</p>}
        <ul className="utrecht-unordered-list">
          {signals.items.map((s) => (
            <li key={s.id}>
              <Badge tone="warning">{tx(`signal.${s.kind}`)}</Badge>{' '}
              <Link href={`/klanten/${s.clientId}`}>{s.clientName}</Link> — {s.leadParty}, {s.trackName},{' '}
              {date(s.signalledOn)}{' '}
              <Button
                appearance="subtle"
                onClick={() => void calls.patch(`/signalen/${s.id}`, { seenOn: today }).then(reload)}
              >
                {tx('seen')}
              </Button>
            </li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="ks-overdue">
        <h2 className="utrecht-heading-2" id="ks-overdue">
          {tx('overdue')}
        </h2>
        {overdue.items.length === 0 && <p className="utrecht-paragraph">{tx('noOverdue')}</p>}
        <ul className="utrecht-unordered-list">
          {overdue.items.map((o) => (
            <li key={o.followUpId}>
              <Badge tone="warning">{tx('late')}</Badge>{' '}
              {tx('overdueLine', {
                client: o.clientName,
                employer: o.employerName,
                months: o.months,
                due: date(o.dueOn),
              })}
            </li>
          ))}
        </ul>
      </section>
    </>
  );
}
