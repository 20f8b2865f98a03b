import { useCallback, useMemo, useState, type FormEvent } from 'react';
import { casefileApi, type BottomOfPileAnswer, type IntervisionAnswer } from '../../api-casefile.js';
import { Button } from '../../components/Button.js';
import { DataTable } from '../../components/DataTable.js';
import { Link } from '../../components/Link.js';
import { PageHeading } from '../../components/PageHeading.js';
import { useDocumentTitle } from '../../components/useDocumentTitle.js';
import { navigate } from '../../router.js';
import type { PageProps } from './CaseloadPage.js';
import { Failed, Loading, RefusedPage, isRefusal, useFormatDate, useRemote } from './shared.js';
import { ClientPicker } from './ClientPicker.js';
import { useI18n } from '../../i18n/i18n.js';
import { codeLabel } from '../../../domain/codes.js';
import { monthLabel } from '../../../domain/dates.js';
import { useTexts, type BegeleidingText } from './texts.js';
import './begeleiding.css';

const collator = new Intl.Collator('nl', { sensitivity: 'base' });

/** The team leader's page: caseloads per consultant, the bottom of the pile, and intervision. */
export function TeamPage({ api, onSessionEnded }: PageProps) {
  const tx = useTexts();
  useDocumentTitle(tx('team.title'));
  const calls = useMemo(() => casefileApi(api), [api]);
  // one call: the team's caseload is gathered once on the server for all three parts
  const load = useCallback(() => calls.teamPage(), [calls]);
  const [remote, reload] = useRemote(load, onSessionEnded);
  const [caseId, setCaseId] = useState('');
  const [missing, setMissing] = useState(false);

  const clients = useMemo(
    () => (remote.status === 'ok' ? [...remote.data.clients].sort((a, b) => collator.compare(a.name, b.name)) : []),
    [remote],
  );

  function openCase(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!caseId) {
      setMissing(true);
      document.getElementById('ks-case-client')?.focus();
      return;
    }
    navigate(`/team/intervisie/${caseId}`);
  }

  return (
    <>
      <PageHeading>{tx('team.title')}</PageHeading>
      {remote.status === 'loading' && <Loading />}
      {remote.status === 'error' && <Failed onRetry={() => void reload()} />}
      {remote.status === 'ok' && (
        <>
          <p className="utrecht-paragraph">{tx('team.intro', { team: remote.data.overview.teamName })}</p>
          <section aria-labelledby="team-caseloads" className="ks-section">
            <h2 id="team-caseloads" className="utrecht-heading-2">
              {tx('team.caseloads')}
            </h2>
            <DataTable
              caption={tx('team.caption')}
              columns={[
                tx('team.col.consultant'),
                { label: tx('team.col.active'), numeric: true },
                { label: tx('team.col.onHold'), numeric: true },
                { label: tx('team.col.conversations'), numeric: true },
                { label: tx('team.col.instruments'), numeric: true },
                { label: tx('team.col.stapel'), numeric: true },
              ]}
              rows={remote.data.overview.consultants.map((c) => ({
                key: String(c.consultantId ?? 'none'),
                header: c.name,
                cells: [
                  c.activeClients,
                  c.onHoldClients,
                  c.conversationsLast90Days,
                  c.instrumentsStartedLast12Months,
                  c.onderOpDeStapel,
                ],
              }))}
            />
          </section>
          <BottomOfPileSection answer={remote.data.bottom} />
          <section aria-labelledby="team-intervision" className="ks-section">
            <h2 id="team-intervision" className="utrecht-heading-2">
              {tx('team.intervision')}
            </h2>
            <p className="utrecht-paragraph">{tx('team.intervisionIntro')}</p>
            <form className="ks-filters" noValidate onSubmit={openCase}>
              <div className={missing ? 'utrecht-form-field utrecht-form-field--invalid' : 'utrecht-form-field'}>
                <ClientPicker
                  id="ks-case-client"
                  label={tx('team.intervisionClient')}
                  clients={clients}
                  error={missing ? tx('team.intervisionMissing') : null}
                  onChange={(id) => {
                    setCaseId(id === null ? '' : String(id));
                    setMissing(false);
                  }}
                />
              </div>
              <div className="ks-filters__submit">
                <Button type="submit" appearance="primary-action">
                  {tx('team.intervisionOpen')}
                </Button>
              </div>
            </form>
          </section>
        </>
      )}
    </>
  );
}

/** The team's clients without a conversation for a long time, longest first. */
function BottomOfPileSection({ answer }: { answer: BottomOfPileAnswer }) {
  const tx = useTexts();
  const date = useFormatDate();
  return (
    <section aria-labelledby="team-bottom" className="ks-section">
      <h2 id="team-bottom" className="utrecht-heading-2">
        {tx('team.bottom')}
      </h2>
      <p className="utrecht-paragraph">{tx('team.bottomIntro')}</p>
      {answer.items.length === 0 ? (
        <p className="utrecht-paragraph">{tx('team.bottomNone')}</p>
      ) : (
        <DataTable
          caption={tx('team.bottomCaption')}
          captionHidden
          tall
          columns={[
            tx('team.col.client'),
            tx('team.col.consultant'),
            tx('team.col.last'),
            { label: tx('team.col.days'), numeric: true },
          ]}
          rows={answer.items.map((c) => ({
            key: String(c.id),
            header: <Link href={`/klanten/${c.id}`}>{c.name}</Link>,
            cells: [
              c.consultantName ?? '—',
              c.lastConversation ? date(c.lastConversation) : tx('caseload.never'),
              c.daysWithoutConversation,
            ],
          }))}
        />
      )}
    </section>
  );
}

/** The anonymised case for intervision: printable, no name, BSN, address or birth date. */
export function IntervisionPage({ api, onSessionEnded, clientId }: PageProps & { clientId: number }) {
  const tx = useTexts();
  useDocumentTitle(tx('iv.title'));
  const calls = useMemo(() => casefileApi(api), [api]);
  const [withFreeText, setWithFreeText] = useState(false);
  const load = useCallback(() => calls.intervision(clientId, withFreeText), [calls, clientId, withFreeText]);
  const [remote, reload] = useRemote<IntervisionAnswer>(load, onSessionEnded);
  if (remote.status === 'error' && isRefusal(remote.error)) return <RefusedPage error={remote.error} />;
  return (
    <div className="ks-intervision">
      <p className="utrecht-paragraph ks-no-print">
        <Link href="/team">{tx('iv.back')}</Link>
      </p>
      <PageHeading>{tx('iv.title')}</PageHeading>
      <p className="utrecht-paragraph">{tx('iv.intro')}</p>
      {remote.status === 'loading' && <Loading />}
      {remote.status === 'error' && <Failed onRetry={() => void reload()} />}
      {remote.status === 'ok' && !remote.data.freeText.included && remote.data.freeText.leftOut > 0 && (
        <FreeTextLeftOut count={remote.data.freeText.leftOut} onConfirm={() => setWithFreeText(true)} />
      )}
      {remote.status === 'ok' && <Summary data={remote.data} />}
    </div>
  );
}

/** Free texts can hold health details: left out until the team leader confirms they hold none. */
const FREE_TEXT = {
  nl: {
    leftOut: (n: number) =>
      `${n} vrije ${n === 1 ? 'tekst is' : 'teksten zijn'} weggelaten (redenen, doelen): daarin kunnen gezondheidsgegevens staan.`,
    confirm: 'Ik heb deze teksten in het dossier gelezen: er staan geen gezondheidsgegevens in. Neem ze op.',
  },
  en: {
    leftOut: (n: number) =>
      `${n} free ${n === 1 ? 'text was' : 'texts were'} left out (reasons, goals): they may hold health details.`,
    confirm: 'I have read these texts in the file: they hold no health details. Include them.',
  },
} as const;

function FreeTextLeftOut({ count, onConfirm }: { count: number; onConfirm: () => void }) {
  const texts = FREE_TEXT[useI18n().lang === 'en' ? 'en' : 'nl'];
  return (
    <div className="ks-no-print">
      <p className="utrecht-paragraph">{texts.leftOut(count)}</p>
      <p className="utrecht-paragraph">
        <Button appearance="secondary-action" onClick={onConfirm}>
          {texts.confirm}
        </Button>
      </p>
    </div>
  );
}

function Summary({ data }: { data: IntervisionAnswer }) {
  const tx = useTexts();
  const { lang } = useI18n();
  const month = (m: string | null) => monthLabel(m, lang);
  const row = (label: string, value: string) => (
    <div className="ks-facts__row">
      <dt>{label}</dt>
      <dd>{value}</dd>
    </div>
  );
  const kinds = Object.entries(data.conversations.byKind);
  return (
    <>
      <p className="utrecht-paragraph ks-no-print">
        <Button appearance="secondary-action" onClick={() => window.print()}>
          {tx('iv.print')}
        </Button>
      </p>
      <section aria-labelledby="iv-person" className="ks-section">
        <h2 id="iv-person" className="utrecht-heading-2">
          {tx('iv.person')}
        </h2>
        <dl className="ks-facts ks-facts--columns">
          {row(tx('iv.ageBand'), data.ageBand)}
          {row(tx('iv.status'), tx(`status.${data.status}`))}
          {row(tx('iv.household'), codeLabel('household', data.household))}
          {row(tx('iv.education'), codeLabel('educationLevel', data.educationLevel))}
          {row(tx('iv.language'), codeLabel('dutchLanguageLevel', data.dutchLanguageLevel))}
          {row(tx('iv.workExperience'), codeLabel('workExperience', data.workExperience))}
          {row(tx('iv.doelgroepregister'), data.doelgroepregister ? tx('yes') : tx('no'))}
        </dl>
      </section>
      <section aria-labelledby="iv-diag" className="ks-section">
        <h2 id="iv-diag" className="utrecht-heading-2">
          {tx('iv.diagnoses')}
        </h2>
        {data.diagnoses.length === 0 ? (
          <p className="utrecht-paragraph">{tx('none')}</p>
        ) : (
          <ul className="utrecht-unordered-list">
            {data.diagnoses.map((d, i) => (
              <li key={i} className="utrecht-unordered-list__item">
                {month(d.month)}: {tx(d.distance === 'kort' ? 'diagnosis.kortShort' : 'diagnosis.langShort')}.{' '}
                {d.reasons}
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="iv-plans" className="ks-section">
        <h2 id="iv-plans" className="utrecht-heading-2">
          {tx('iv.plans')}
        </h2>
        {data.plans.length === 0 ? (
          <p className="utrecht-paragraph">{tx('none')}</p>
        ) : (
          <ul className="utrecht-unordered-list">
            {data.plans.map((p, i) => (
              <li key={i} className="utrecht-unordered-list__item">
                {tx('iv.planLine', {
                  month: month(p.month),
                  status: tx(`plan.status.${p.status}` as BegeleidingText),
                  done: p.stepsDone,
                  steps: p.steps,
                })}
                {p.goals.length > 0 && (
                  <ul className="utrecht-unordered-list">
                    {p.goals.map((g, j) => (
                      <li key={j} className="utrecht-unordered-list__item">
                        {g}
                      </li>
                    ))}
                  </ul>
                )}
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="iv-instr" className="ks-section">
        <h2 id="iv-instr" className="utrecht-heading-2">
          {tx('iv.instruments')}
        </h2>
        {data.instruments.length === 0 ? (
          <p className="utrecht-paragraph">{tx('none')}</p>
        ) : (
          <ul className="utrecht-unordered-list">
            {data.instruments.map((a, i) => (
              <li key={i} className="utrecht-unordered-list__item">
                {a.name} (SRG {a.srgCode}), {month(a.requestedMonth)}
                {a.startedMonth && ` – ${month(a.startedMonth)}`}
                {a.endedMonth && ` – ${month(a.endedMonth)}`}
                {a.outcome && `, ${tx(`instr.outcome.${a.outcome}` as BegeleidingText)}`}
                {a.satisfaction !== null && `, ${tx('instr.satisfaction')}: ${a.satisfaction}/5`}.
                {a.reason && ` ${tx('instr.why', { reason: a.reason })}`}
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="iv-conv" className="ks-section">
        <h2 id="iv-conv" className="utrecht-heading-2">
          {tx('iv.conversations')}
        </h2>
        <p className="utrecht-paragraph">
          {tx('iv.conversationsTotal', { total: data.conversations.total })}
          {kinds.length > 0 && (
            <>: {kinds.map(([k, n]) => `${tx(`conv.kind.${k}` as BegeleidingText)} ${n}`).join(', ')}</>
          )}
        </p>
      </section>
      <LadderAndWork data={data} />
      <section aria-labelledby="iv-questions" className="ks-section">
        <h2 id="iv-questions" className="utrecht-heading-2">
          {tx('iv.questions')}
        </h2>
        <ol className="utrecht-ordered-list">
          <li className="utrecht-ordered-list__item">{tx('iv.q1')}</li>
          <li className="utrecht-ordered-list__item">{tx('iv.q2')}</li>
          <li className="utrecht-ordered-list__item">{tx('iv.q3')}</li>
        </ol>
      </section>
    </>
  );
}

/** The ladder steps and work periods of the case, by month. */
function LadderAndWork({ data }: { data: IntervisionAnswer }) {
  const tx = useTexts();
  const { lang } = useI18n();
  const month = (m: string | null) => monthLabel(m, lang);
  return (
    <>
      <section aria-labelledby="iv-ladder" className="ks-section">
        <h2 id="iv-ladder" className="utrecht-heading-2">
          {tx('iv.ladder')}
        </h2>
        {data.ladderSteps.length === 0 ? (
          <p className="utrecht-paragraph">{tx('none')}</p>
        ) : (
          <ol className="utrecht-ordered-list">
            {data.ladderSteps.map((s, i) => (
              <li key={i} className="utrecht-ordered-list__item">
                {month(s.month)}: {s.step} – {tx(`ladder.${s.step}` as BegeleidingText)}
              </li>
            ))}
          </ol>
        )}
      </section>
      <section aria-labelledby="iv-work" className="ks-section">
        <h2 id="iv-work" className="utrecht-heading-2">
          {tx('iv.work')}
        </h2>
        {data.workPeriods.length === 0 ? (
          <p className="utrecht-paragraph">{tx('none')}</p>
        ) : (
          <ul className="utrecht-unordered-list">
            {data.workPeriods.map((w, i) => (
              <li key={i} className="utrecht-unordered-list__item">
                {tx('iv.workLine', {
                  start: month(w.startMonth),
                  end: w.endMonth ? month(w.endMonth) : '…',
                  hours: w.hoursPerWeek,
                })}
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}
