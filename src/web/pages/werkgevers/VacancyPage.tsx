import { useCallback, useMemo } from 'react';
import { addDays, todayIso } from '../../../domain/dates.js';
import { Link } from '../../components/Link.js';
import { PageHeading } from '../../components/PageHeading.js';
import { useDocumentTitle } from '../../components/useDocumentTitle.js';
import { Badge, Failed, Loading, RefusedPage, isRefusal, useFormatDate, useRemote } from '../begeleiding/shared.js';
import { MiniForm, useSavedNotice } from './Form.js';
import { FollowUpForm } from './FollowUpForm.js';
import type { PageProps } from './WerkgeversPage.js';
import { werkgeversApi, type ProposalItem, type Suggestions, type VacancyAnswer } from './api.js';
import { useTexts, type WerkgeverText } from './texts.js';

type Calls = ReturnType<typeof werkgeversApi>;

/** A vacancy: its judged requirements, suggestions that explain themselves, and the proposals through their stages. */
export function VacancyPage(props: PageProps & { vacancyId: number }) {
  const tx = useTexts();
  const calls = useMemo(() => werkgeversApi(props.api), [props.api]);
  const load = useCallback(
    async () => ({
      vacancy: await calls.vacancy(props.vacancyId),
      suggestions: await calls.suggestions(props.vacancyId),
    }),
    [calls, props.vacancyId],
  );
  const [state, reload] = useRemote(load, props.onSessionEnded);
  useDocumentTitle(state.status === 'ok' ? state.data.vacancy.title : tx('vacancies'));
  if (state.status === 'loading') return <Loading />;
  if (state.status === 'error')
    return isRefusal(state.error) ? <RefusedPage error={state.error} /> : <Failed onRetry={() => void reload()} />;
  const { vacancy, suggestions } = state.data;
  return (
    <>
      <p className="utrecht-paragraph">
        <Link href={`/werkgevers/${vacancy.employerId}`}>{vacancy.employerName}</Link>
      </p>
      <PageHeading>{vacancy.title}</PageHeading>
      <p className="utrecht-paragraph">
        {vacancy.place}, {vacancy.hoursPerWeek} uur · {tx('competences')}: {vacancy.competences.join(', ')}
      </p>
      <Requirements vacancy={vacancy} calls={calls} reload={reload} />
      <SuggestionsView vacancy={vacancy} suggestions={suggestions} calls={calls} reload={reload} />
      <section aria-labelledby="ks-proposals">
        <h2 className="utrecht-heading-2" id="ks-proposals">
          {tx('proposals')}
        </h2>
        {vacancy.proposals.map((p) => (
          <ProposalView key={p.id} proposal={p} calls={calls} reload={reload} />
        ))}
      </section>
    </>
  );
}

interface Part {
  calls: Calls;
  reload: () => Promise<void>;
}

function Requirements({ vacancy, calls, reload }: Part & { vacancy: VacancyAnswer }) {
  const tx = useTexts();
  const kinds = ['taalniveau', 'diploma', 'ervaring', 'rijbewijs', 'culturele_fit', 'vaardigheid', 'overig'] as const;
  return (
    <section aria-labelledby="ks-requirements">
      <h2 className="utrecht-heading-2" id="ks-requirements">
        {tx('requirements')}
      </h2>
      <p className="utrecht-paragraph">{tx('requirementsIntro')}</p>
      <ul className="utrecht-unordered-list">
        {vacancy.requirements.map((r) => (
          <li key={r.id}>
            <strong>{r.description}</strong> — {tx(`assessment.${r.assessment}`)}
            {r.reason ? `: ${r.reason}` : ''}
            {r.outcome && ` · ${tx('employerAnswer')}: ${r.employerAnswer} (${tx(`outcome.${r.outcome}`)})`}
            {r.toRaise && (
              <>
                {' '}
                <Badge tone="warning">{tx('toRaise')}</Badge>
                <MiniForm
                  title={`${tx('recordAnswer')}: ${r.description}`}
                  submit={tx('recordAnswer')}
                  fields={[
                    { name: 'raisedOn', label: tx('raisedOn'), initial: todayIso() },
                    { name: 'employerAnswer', label: tx('employerAnswer') },
                    {
                      name: 'outcome',
                      label: tx('outcome'),
                      options: (['geschrapt', 'aangepast', 'gehandhaafd'] as const).map(
                        (o) => [o, tx(`outcome.${o}`)] as const,
                      ),
                    },
                  ]}
                  onSubmit={async (v) => {
                    await calls.patch(`/vacatures/${vacancy.id}/eisen/${r.id}`, v);
                    await reload();
                  }}
                />
              </>
            )}
          </li>
        ))}
      </ul>
      <MiniForm
        title={tx('addRequirement')}
        submit={tx('addRequirement')}
        fields={[
          { name: 'kind', label: tx('kind'), options: kinds.map((k) => [k, k.replace('_', ' ')] as const) },
          { name: 'description', label: tx('description') },
          {
            name: 'assessment',
            label: tx('assessment'),
            options: (['niet_nodig', 'arbeidsmarktrelevant'] as const).map((a) => [a, tx(`assessment.${a}`)] as const),
          },
          { name: 'reason', label: tx('reason') },
        ]}
        onSubmit={async (v) => {
          await calls.post(`/vacatures/${vacancy.id}/eisen`, { ...v, reason: v.reason || null });
          await reload();
        }}
      />
    </section>
  );
}

function SuggestionsView({
  vacancy,
  suggestions,
  calls,
  reload,
}: Part & { vacancy: VacancyAnswer; suggestions: Suggestions }) {
  const tx = useTexts();
  return (
    <section aria-labelledby="ks-suggestions">
      <h2 className="utrecht-heading-2" id="ks-suggestions">
        {tx('suggestions')}
      </h2>
      <p className="utrecht-paragraph">{tx('suggestionsIntro')}</p>
      {suggestions.items.length === 0 && <p className="utrecht-paragraph">{tx('noSuggestions')}</p>}
      {suggestions.items.slice(0, 5).map((s) => (
        <article key={s.clientId} className="ks-suggestion">
          <h3 className="utrecht-heading-3">
            {s.clientName} · {tx('score', { score: s.score })}
          </h3>
          <ul className="utrecht-unordered-list">
            {s.explanation.map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
          {s.alreadyProposed ? (
            <Badge tone="info">{tx('alreadyProposed')}</Badge>
          ) : (
            <MiniForm
              title={`${tx('propose')}: ${s.clientName}`}
              submit={tx('propose')}
              fields={[
                { name: 'decisionReason', label: tx('proposeReason', { client: s.clientName }) },
                { name: 'proposedOn', label: tx('proposedOn'), initial: todayIso() },
              ]}
              onSubmit={async (v) => {
                await calls.post('/voorstellen', { vacancyId: vacancy.id, clientId: s.clientId, ...v });
                await reload();
              }}
            />
          )}
        </article>
      ))}
    </section>
  );
}

function ProposalView({ proposal: p, calls, reload }: Part & { proposal: ProposalItem }) {
  const tx = useTexts();
  const date = useFormatDate();
  const patch = (body: object) => calls.patch(`/voorstellen/${p.id}`, body).then(reload);
  const { notice, confirm } = useSavedNotice();
  return (
    <article className="ks-proposal" aria-label={p.clientName}>
      <h3 className="utrecht-heading-3">
        {p.clientName} · {tx(`stage.${p.stage}` as WerkgeverText)}
      </h3>
      <p className="utrecht-paragraph">{p.decisionReason}</p>
      {p.stoppedOn && (
        <p className="utrecht-paragraph">
          {tx(p.stoppedStage === 'aangenomen' ? 'placementEnded' : 'stopped', {
            date: date(p.stoppedOn),
            reason: p.stoppedReason ?? '',
          })}
        </p>
      )}
      {!p.stoppedOn && !p.invitedOn && (
        <MiniForm
          title={tx('invite')}
          submit={tx('invite')}
          fields={[{ name: 'invitedOn', label: tx('invitedOn'), initial: todayIso() }]}
          onSubmit={(v) => patch(v)}
        />
      )}
      {!p.stoppedOn && p.invitedOn && !p.hiredOn && (
        <MiniForm
          title={tx('hire')}
          submit={tx('hire')}
          fields={[{ name: 'hiredOn', label: tx('hiredOn'), initial: todayIso() }]}
          onSubmit={(v) => patch(v)}
        />
      )}
      <ul className="utrecht-unordered-list">
        {p.followUps.map((f) =>
          f.heldOn ? (
            <li key={f.id}>
              {tx('followUpHeld', {
                months: f.months,
                held: date(f.heldOn),
                working: f.stillWorking ? tx('stillWorking') : tx('notWorking'),
              })}
            </li>
          ) : (
            <li key={f.id}>
              {tx('followUp', { months: f.months, due: date(f.dueOn) })}{' '}
              {f.overdue && <Badge tone="warning">{tx('late')}</Badge>}
              {f.dueOn <= addDays(todayIso(), 14) && (
                <FollowUpForm
                  title={tx('followUp', { months: f.months, due: date(f.dueOn) })}
                  onSubmit={async (body) => {
                    await calls.patch(`/voorstellen/${p.id}/nazorg/${f.id}`, body);
                    await reload();
                    confirm(body.stillWorking ? tx('followUp.saved') : tx('followUp.ended'));
                  }}
                />
              )}
            </li>
          ),
        )}
      </ul>
      {notice}
    </article>
  );
}
