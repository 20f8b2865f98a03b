import { DataTable } from '../../components/DataTable.js';
import { useCallback, useMemo } from 'react';
import { FEATURE_ROLES } from '../../../domain/roles.js';
import { PROPOSAL_STAGES } from '../../../domain/placement.js';
import { addDays, todayIso } from '../../../domain/dates.js';
import { Link } from '../../components/Link.js';
import { PageHeading } from '../../components/PageHeading.js';
import { useDocumentTitle } from '../../components/useDocumentTitle.js';
import { navigate } from '../../router.js';
import { Failed, Loading, RefusedPage, isRefusal, useRemote } from '../begeleiding/shared.js';
import { MiniForm, words } from './Form.js';
import type { PageProps } from './WerkgeversPage.js';
import { werkgeversApi, type Employer } from './api.js';
import { AgreementsPart, ContactsPart, MarksPart } from './EmployerParts.js';
import { GoodExamplePart, RequestsPart } from './RequestsPart.js';
import { useTexts } from './texts.js';

/** One employer: contacts, marks, agreements, history (counts), vacancies and a form for a new one. */
export function EmployerPage(props: PageProps & { employerId: number }) {
  const tx = useTexts();
  const calls = useMemo(() => werkgeversApi(props.api), [props.api]);
  const load = useCallback(
    async () => ({
      employer: await calls.employer(props.employerId),
      vacancies: FEATURE_ROLES.employers.includes(props.user.role as never)
        ? (
            await props.api.send<{
              items: { id: number; title: string; hoursPerWeek: number; closedOn: string | null }[];
            }>('GET', `/vacatures?werkgever=${props.employerId}`)
          ).items
        : [],
    }),
    [calls, props.api, props.employerId, props.user.role],
  );
  const [state, reload] = useRemote(load, props.onSessionEnded);
  useDocumentTitle(state.status === 'ok' ? state.data.employer.name : tx('title'));
  if (state.status === 'loading') return <Loading />;
  if (state.status === 'error')
    return isRefusal(state.error) ? <RefusedPage error={state.error} /> : <Failed onRetry={() => void reload()} />;
  const { employer, vacancies } = state.data;
  const works = FEATURE_ROLES.employers.includes(props.user.role as never);
  const decides = FEATURE_ROLES.employerProtocol.includes(props.user.role as never);
  const part = { employer, calls, reload, works };
  return (
    <>
      <p className="utrecht-paragraph">
        <Link href="/werkgevers">{tx('back')}</Link>
      </p>
      <PageHeading>{employer.name}</PageHeading>
      <Facts employer={employer} />
      {works && (
        <section aria-labelledby="ks-vacancies">
          <h2 className="utrecht-heading-2" id="ks-vacancies">
            {tx('vacancies')}
          </h2>
          <ul className="utrecht-unordered-list">
            {vacancies.map((v) => (
              <li key={v.id}>
                <Link href={`/werkgevers/vacatures/${v.id}`}>{v.title}</Link> ({v.hoursPerWeek} uur)
              </li>
            ))}
          </ul>
          <MiniForm
            title={tx('newVacancy')}
            submit={tx('save')}
            fields={[
              { name: 'title', label: tx('vacancyTitle') },
              { name: 'place', label: tx('place'), initial: employer.place },
              { name: 'hours', label: tx('hours'), initial: '24' },
              { name: 'competences', label: tx('competences') },
              { name: 'openedOn', label: tx('openedOn'), initial: addDays(todayIso(), -90) },
            ]}
            onSubmit={async (v) => {
              const { id } = await calls.post('/vacatures', {
                employerId: employer.id,
                title: v.title,
                place: v.place,
                hoursPerWeek: Number(v.hours.replace(',', '.')),
                competences: words(v.competences),
                openedOn: v.openedOn,
              });
              navigate(`/werkgevers/vacatures/${id}`);
            }}
          />
        </section>
      )}
      <ContactsPart {...part} />
      <AgreementsPart {...part} />
      <MarksPart {...part} {...props} />
      <RequestsPart {...part} decides={decides} vacancies={vacancies} />
      <GoodExamplePart {...part} decides={decides} />
    </>
  );
}

function Facts({ employer }: { employer: Employer }) {
  const tx = useTexts();
  return (
    <>
      <dl className="ks-facts">
        <dt>{tx('sector')}</dt>
        <dd>{employer.sector}</dd>
        <dt>{tx('size')}</dt>
        <dd>{employer.size}</dd>
      </dl>
      <section aria-labelledby="ks-history">
        <h2 className="utrecht-heading-2" id="ks-history">
          {tx('history')}
        </h2>
        <p className="utrecht-paragraph">{tx('historyIntro')}</p>
        <DataTable
          caption={tx('history')}
          captionHidden
          compact
          columns={[tx('step'), { label: tx('reached'), numeric: true }]}
          rows={PROPOSAL_STAGES.map((s) => ({
            key: s,
            header: tx(`stage.${s}`),
            cells: [employer.history.reached[s]],
          }))}
        />
      </section>
    </>
  );
}
