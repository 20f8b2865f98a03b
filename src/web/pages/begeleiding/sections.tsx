import { useEffect, useState, type ReactNode } from 'react';
import type { CasefileApi, ClientFileAnswer, InstrumentItem, LifeDomains } from '../../api-casefile.js';
import { DataTable } from '../../components/DataTable.js';
import { AddForm } from '../../components/AddForm.js';
import { Button } from '../../components/Button.js';
import { RecordForm, type FieldSpec, type FormValues } from '../../components/RecordForm.js';
import { Alert } from '../../components/Alert.js';
import { ApiError } from '../../api.js';
import { BENEFIT_END_REASONS, targetGroupLabel } from '../../../domain/codes.js';
import { Badge, readable, todayIso, useFormatDate } from './shared.js';
import { useTexts, type BegeleidingText } from './texts.js';

export type Save = (what: string, method: 'POST' | 'PATCH', path: string, body: unknown) => Promise<void>;

export interface SectionProps {
  file: ClientFileAnswer;
  save: Save;
  calls: CasefileApi;
  lifeDomains: LifeDomains['items'];
  reload: () => void;
}

/** A string value of a form, trimmed; undefined when empty (the field is then left out). */
export const str = (v: FormValues, name: string): string | undefined => {
  const value = v[name];
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
};

export function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section className="ks-section" aria-labelledby={`${id}-title`} id={id}>
      <h2 id={`${id}-title`} className="utrecht-heading-2">
        {title}
      </h2>
      {children}
    </section>
  );
}

function None() {
  const tx = useTexts();
  return <p className="utrecht-paragraph ks-muted">{tx('none')}</p>;
}

const options = (values: readonly string[], label: (v: string) => string) =>
  values.map((value) => ({ value, label: label(value) }));
const SCORES = ['1', '2', '3', '4', '5'];
const KINDS = ['gesprek', 'telefoon', 'video', 'huisbezoek'];

// ---------------------------------------------------------------- intake

export function IntakeSection({ file, save, lifeDomains }: SectionProps) {
  const tx = useTexts();
  const date = useFormatDate();
  const [savedOn, setSavedOn] = useState<string | null>(null);
  // A re-intake starts from the previous intake's scores and notes (the latest comes first).
  const previous = file.intakes[0];
  const previousScores = new Map((previous?.scores ?? []).map((s) => [s.lifeDomainId, s]));
  const textFields = ['history', 'situation', 'wishes', 'workExperienceNote', 'diplomas', 'network'] as const;
  const fields: FieldSpec[] = [
    { name: 'heldOn', label: tx('intake.heldOn'), kind: 'date', required: true },
    ...textFields.map((name): FieldSpec => ({ name, label: tx(`intake.${name}`), kind: 'textarea' })),
    {
      name: 'foreignDiplomaValued',
      label: tx('intake.foreignDiplomaValued'),
      kind: 'select',
      options: [
        { value: 'ja', label: tx('yes') },
        { value: 'nee', label: tx('no') },
      ],
      description: tx('intake.foreignDiplomaValued.na'),
    },
    ...lifeDomains.flatMap((d): FieldSpec[] => [
      {
        name: `score_${d.id}`,
        label: tx('intake.score', { domain: d.name }),
        kind: 'select',
        options: options(SCORES, (s) => tx(`score.${s}` as BegeleidingText)),
        grid: { row: d.name, column: tx('intake.col.score') },
      },
      {
        name: `note_${d.id}`,
        label: tx('intake.note', { domain: d.name }),
        kind: 'text',
        grid: { row: d.name, column: tx('intake.col.note') },
      },
    ]),
  ];
  const initial: FormValues = { heldOn: todayIso() };
  for (const d of lifeDomains) {
    const s = previousScores.get(d.id);
    if (s) {
      initial[`score_${d.id}`] = String(s.score);
      initial[`note_${d.id}`] = s.note ?? '';
    }
  }
  return (
    <Section id="intake" title={tx('intake.title')}>
      {file.intakes.length === 0 && <None />}
      {file.intakes.map((intake) => (
        <article key={intake.id} className="ks-record">
          <h3 className="utrecht-heading-3">{tx('intake.heading', { date: date(intake.heldOn) })}</h3>
          <dl className="ks-facts">
            {textFields.map(
              (name) =>
                intake[name] && (
                  <div key={name} className="ks-facts__row">
                    <dt>{tx(`intake.${name}`)}</dt>
                    <dd>{intake[name]}</dd>
                  </div>
                ),
            )}
            {intake.foreignDiplomaValued !== null && (
              <div className="ks-facts__row">
                <dt>{tx('intake.foreignDiplomaValued')}</dt>
                <dd>{intake.foreignDiplomaValued ? tx('yes') : tx('no')}</dd>
              </div>
            )}
          </dl>
          {intake.scores.length > 0 && (
            <DataTable
              caption={tx('intake.domains')}
              compact
              columns={[tx('intake.col.domain'), tx('intake.col.score'), tx('intake.col.note')]}
              rows={intake.scores.map((s) => ({
                key: String(s.lifeDomainId),
                header: s.lifeDomainName,
                cells: [tx(`score.${s.score}` as BegeleidingText), s.note],
              }))}
            />
          )}
        </article>
      ))}
      {savedOn && (
        <Alert type="ok">
          <p className="utrecht-paragraph" role="status">
            {tx('intake.savedNotice', { date: date(savedOn) })}
          </p>
        </Alert>
      )}
      <AddForm
        label={tx('intake.add')}
        submitLabel={tx('save')}
        fields={fields}
        initial={initial}
        grid={{
          caption: tx('intake.domains'),
          rowHeader: tx('intake.col.domain'),
          description: tx('intake.scoreHelp'),
        }}

        fieldOfParam={(param) => {
          const m = /^scores\.(\d+)\.(\w+)/.exec(param);
          if (!m) return undefined;
          const scored = lifeDomains.filter((d) => lastScores[d.id]);
          const domain = scored[Number(m[1])];
          return domain ? `${m[2] === 'note' ? 'note' : 'score'}_${domain.id}` : undefined;
        }}
        onSubmit={async (v) => {
          lastScores = Object.fromEntries(lifeDomains.map((d) => [d.id, str(v, `score_${d.id}`) !== undefined]));
          const diploma = str(v, 'foreignDiplomaValued');
          setSavedOn(null);
          await save(tx('intake.title'), 'POST', 'intakes', {
            heldOn: str(v, 'heldOn'),
            ...Object.fromEntries(textFields.map((name) => [name, str(v, name)])),
            foreignDiplomaValued: diploma === undefined ? null : diploma === 'ja',
            scores: lifeDomains
              .filter((d) => str(v, `score_${d.id}`) !== undefined)
              .map((d) => ({
                lifeDomainId: d.id,
                score: Number(str(v, `score_${d.id}`)),
                note: str(v, `note_${d.id}`),
              })),
          });
          setSavedOn(str(v, 'heldOn') ?? todayIso());
        }}
      >
        {previous && previousScores.size > 0 && (
          <p className="utrecht-paragraph ks-muted">{tx('intake.prefilled', { date: date(previous.heldOn) })}</p>
        )}
      </AddForm>
    </Section>
  );
}
/** Which domains were scored in the last intake that was sent: to place the API's scores.N errors. */
let lastScores: Record<number, boolean> = {};

// ---------------------------------------------------------------- diagnosis and bestand

/**
 * After a diagnosis "kort" the client belongs in the Werkpleinbestand: offered as one click
 * while the client is not in it yet, confirmed on screen.
 */
function WerkpleinOffer({ file, save }: SectionProps) {
  const tx = useTexts();
  const date = useFormatDate();
  const [done, setDone] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const current = file.diagnoses[0];
  const inWerkplein = file.bestandPeriods.some(
    (b) => b.bestand === 'werkplein' && (b.endDate === null || b.endDate >= todayIso()),
  );
  if (done) {
    return (
      <Alert type="ok">
        <p className="utrecht-paragraph" role="status">
          {tx('werkplein.done', { date: date(done) })}
        </p>
      </Alert>
    );
  }
  if (!current || current.distance !== 'kort' || inWerkplein || file.status === 'uitgestroomd') return null;
  const move = async () => {
    const startDate = todayIso();
    setBusy(true);
    setProblem(null);
    try {
      await save(tx('bestand.werkplein'), 'POST', 'bestand', { bestand: 'werkplein', startDate });
      setDone(startDate);
    } catch (err) {
      setProblem(
        err instanceof ApiError ? err.invalidParams?.map((p) => p.reason).join(' ') || err.title : tx('failed'),
      );
    } finally {
      setBusy(false);
    }
  };
  return (
    <Alert type="info">
      <p className="utrecht-paragraph">{tx('werkplein.offer')}</p>
      {problem && (
        <p className="utrecht-paragraph" role="alert">
          {problem}
        </p>
      )}
      <p className="utrecht-paragraph">
        <Button appearance="primary-action" busy={busy} disabled={busy} onClick={() => void move()}>
          {tx('werkplein.move')}
        </Button>
      </p>
    </Alert>
  );
}

export function DiagnosisSection(props: SectionProps) {
  const { file, save } = props;
  const tx = useTexts();
  const date = useFormatDate();
  const [current, ...earlier] = file.diagnoses;
  const line = (d: ClientFileAnswer['diagnoses'][number]) => (
    <>
      <strong>
        {date(d.givenOn)}: {tx(d.distance === 'kort' ? 'diagnosis.kortShort' : 'diagnosis.langShort')}
      </strong>
      {d.givenByName && <> ({tx('by', { name: d.givenByName })})</>}. {d.reasons}
    </>
  );
  return (
    <Section id="diagnose" title={tx('diagnosis.title')}>
      {!current && <None />}
      {current && (
        <>
          <h3 className="utrecht-heading-3">{tx('diagnosis.current')}</h3>
          <p className="utrecht-paragraph">{line(current)}</p>
        </>
      )}
      <WerkpleinOffer {...props} />
      {earlier.length > 0 && (
        <>
          <h3 className="utrecht-heading-3">{tx('diagnosis.history')}</h3>
          <ul className="utrecht-unordered-list">
            {earlier.map((d) => (
              <li key={d.id} className="utrecht-unordered-list__item">
                {line(d)}
              </li>
            ))}
          </ul>
        </>
      )}
      <AddForm
        label={tx('diagnosis.add')}
        submitLabel={tx('save')}
        initial={{ givenOn: todayIso(), distance: '' }}
        fields={[
          { name: 'givenOn', label: tx('diagnosis.givenOn'), kind: 'date', required: true },
          {
            name: 'distance',
            label: tx('diagnosis.distance'),
            kind: 'select',
            required: true,
            options: [
              { value: 'kort', label: tx('diagnosis.kort') },
              { value: 'lang', label: tx('diagnosis.lang') },
            ],
          },
          {
            name: 'reasons',
            label: tx('diagnosis.reasons'),
            kind: 'textarea',
            required: true,
            description: tx('diagnosis.reasonsHelp'),
          },
        ]}
        onSubmit={(v) =>
          save(tx('diagnosis.title'), 'POST', 'diagnoses', {
            givenOn: str(v, 'givenOn'),
            distance: str(v, 'distance'),
            reasons: str(v, 'reasons'),
          })
        }
      />
    </Section>
  );
}

export function BestandSection({ file, save }: SectionProps) {
  const tx = useTexts();
  const date = useFormatDate();
  const name = (b: string) => tx(b === 'werkplein' ? 'bestand.werkplein' : 'bestand.wijk');
  return (
    <Section id="bestand" title={tx('bestand.title')}>
      {file.bestandPeriods.length === 0 ? (
        <None />
      ) : (
        <ul className="utrecht-unordered-list">
          {file.bestandPeriods.map((b) => (
            <li key={b.id} className="utrecht-unordered-list__item">
              {name(b.bestand)}:{' '}
              {b.endDate
                ? tx('file.benefit.period', { start: date(b.startDate), end: date(b.endDate) })
                : tx('file.benefit.running', { start: date(b.startDate) })}
            </li>
          ))}
        </ul>
      )}
      <AddForm
        label={tx('bestand.add')}
        submitLabel={tx('save')}
        initial={{ bestand: '', startDate: todayIso() }}
        fields={[
          {
            name: 'bestand',
            label: tx('bestand.bestand'),
            kind: 'select',
            required: true,
            options: [
              { value: 'werkplein', label: name('werkplein') },
              { value: 'wijk', label: name('wijk') },
            ],
          },
          { name: 'startDate', label: tx('bestand.startDate'), kind: 'date', required: true },
        ]}
        onSubmit={(v) =>
          save(tx('bestand.title'), 'POST', 'bestand', { bestand: str(v, 'bestand'), startDate: str(v, 'startDate') })
        }
      />
    </Section>
  );
}

// ---------------------------------------------------------------- plan of action

export function PlanSection({ file, save, reload }: SectionProps) {
  const tx = useTexts();
  const date = useFormatDate();
  const statusOptions = options(['concept', 'actief', 'afgerond'], (s) => tx(`plan.status.${s}` as BegeleidingText));
  return (
    <Section id="plan" title={tx('plan.title')}>
      {file.plans.length === 0 && <None />}
      {file.plans.map((plan) => (
        <article key={plan.id} className="ks-record" aria-labelledby={`plan-${plan.id}-title`}>
          <h3 id={`plan-${plan.id}-title`} className="utrecht-heading-3">
            {tx('plan.heading', { date: date(plan.createdOn) })}{' '}
            <Badge tone="neutral">{tx(`plan.status.${plan.status}` as BegeleidingText)}</Badge>
          </h3>
          <h4 className="utrecht-heading-4">{tx('plan.goals')}</h4>
          {plan.goals.length === 0 ? (
            <None />
          ) : (
            <ol className="utrecht-ordered-list">
              {plan.goals.map((g) => (
                <li key={g.id} className="utrecht-ordered-list__item">
                  {g.description}
                </li>
              ))}
            </ol>
          )}
          <h4 className="utrecht-heading-4">{tx('plan.steps')}</h4>
          {plan.steps.length === 0 ? (
            <None />
          ) : (
            <ul className="ks-steps">
              {plan.steps.map((s) => (
                <li key={s.id} className="ks-steps__item">
                  <span className="ks-steps__text">
                    {s.description}
                    {s.dueOn && <> ({tx('plan.due', { date: date(s.dueOn) })})</>}
                    {' – '}
                    {s.doneOn ? (
                      <Badge tone="ok">{tx('plan.done', { date: date(s.doneOn) })}</Badge>
                    ) : (
                      <Badge tone="neutral">{tx('plan.open')}</Badge>
                    )}
                  </span>
                  <Button
                    appearance="subtle"
                    onClick={() =>
                      void save(tx('plan.step'), 'PATCH', `plans/${plan.id}/steps/${s.id}`, {
                        doneOn: s.doneOn ? null : todayIso(),
                      }).catch(() => reload())
                    }
                  >
                    {s.doneOn
                      ? tx('plan.markOpen', { step: s.description })
                      : tx('plan.markDone', { step: s.description })}
                  </Button>
                </li>
              ))}
            </ul>
          )}
          <div className="ks-add-row">
            <AddForm
              label={tx('plan.addGoal')}
              submitLabel={tx('save')}
              headingLevel={4}
              initial={{ description: '' }}
              fields={[{ name: 'description', label: tx('plan.goal'), kind: 'textarea', required: true }]}
              onSubmit={(v) =>
                save(tx('plan.goal'), 'POST', `plans/${plan.id}/goals`, { description: str(v, 'description') })
              }
            />
            <AddForm
              label={tx('plan.addStep')}
              submitLabel={tx('save')}
              headingLevel={4}
              initial={{ description: '', goalId: plan.goals[0] ? String(plan.goals[0].id) : '', dueOn: '' }}
              fields={[
                { name: 'description', label: tx('plan.step'), kind: 'textarea', required: true },
                {
                  name: 'goalId',
                  label: tx('plan.stepGoal'),
                  kind: 'select',
                  options: plan.goals.map((g) => ({ value: String(g.id), label: g.description })),
                },
                { name: 'dueOn', label: tx('plan.dueOn'), kind: 'date' },
              ]}
              onSubmit={(v) =>
                save(tx('plan.step'), 'POST', `plans/${plan.id}/steps`, {
                  description: str(v, 'description'),
                  goalId: str(v, 'goalId') ? Number(str(v, 'goalId')) : null,
                  dueOn: str(v, 'dueOn') ?? null,
                })
              }
            />
            <AddForm
              key={`status-${plan.version}`}
              label={tx('plan.changeStatus')}
              submitLabel={tx('plan.saveStatus')}
              headingLevel={4}
              initial={{ status: plan.status }}
              fields={[
                { name: 'status', label: tx('plan.status'), kind: 'select', required: true, options: statusOptions },
              ]}
              onReload={reload}
              onSubmit={(v) =>
                save(tx('plan.status'), 'PATCH', `plans/${plan.id}`, {
                  version: plan.version,
                  status: str(v, 'status'),
                })
              }
            />
          </div>
        </article>
      ))}
      <AddForm
        label={tx('plan.add')}
        submitLabel={tx('save')}
        initial={{ createdOn: todayIso(), status: 'actief', goal: '' }}
        fields={[
          { name: 'createdOn', label: tx('plan.createdOn'), kind: 'date', required: true },
          {
            name: 'status',
            label: tx('plan.status'),
            kind: 'select',
            required: true,
            options: statusOptions.slice(0, 2),
          },
          { name: 'goal', label: tx('plan.firstGoal'), kind: 'textarea' },
        ]}
        fieldOfParam={(p) => (p.startsWith('goals') ? 'goal' : undefined)}
        onSubmit={(v) =>
          save(tx('plan.title'), 'POST', 'plans', {
            createdOn: str(v, 'createdOn'),
            status: str(v, 'status'),
            goals: str(v, 'goal') ? [str(v, 'goal')] : [],
          })
        }
      />
    </Section>
  );
}

// ---------------------------------------------------------------- instruments and the keuzehulp

function InstrumentFacts({ item }: { item: InstrumentItem }) {
  const tx = useTexts();
  return (
    <>
      <p className="utrecht-paragraph ks-instrument__meta">
        SRG {item.srgCode}: {item.srgName}{' '}
        {item.openToAll ? (
          <Badge tone="ok">{tx('instr.openToAll')}</Badge>
        ) : (
          <Badge tone="warning">
            {tx('instr.reserved', { group: targetGroupLabel(item.targetGroup, item.targetGroupNote) })}
          </Badge>
        )}
      </p>
      {item.description && <p className="utrecht-paragraph">{item.description}</p>}
      <dl className="ks-facts">
        {item.asks && (
          <div className="ks-facts__row">
            <dt>{tx('instr.asksLabel')}</dt>
            <dd>{item.asks}</dd>
          </div>
        )}
        {item.yields && (
          <div className="ks-facts__row">
            <dt>{tx('instr.yieldsLabel')}</dt>
            <dd>{item.yields}</dd>
          </div>
        )}
      </dl>
    </>
  );
}

/** Keuzehulp: search the catalogue, see for whom each provision is open, choose one. */
function Keuzehulp({ calls, onChoose }: { calls: CasefileApi; onChoose: (item: InstrumentItem) => void }) {
  const tx = useTexts();
  const [search, setSearch] = useState({ q: '', srg: '', asks: '', openTo: '' });
  const [all, setAll] = useState<InstrumentItem[] | null>(null);
  const [results, setResults] = useState<InstrumentItem[] | null>(null);
  const [srgTypes, setSrgTypes] = useState<{ code: number; name: string }[]>([]);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    let current = true;
    Promise.all([calls.instruments({}), calls.srgTypes()]).then(
      ([list, srg]) => {
        if (!current) return;
        setAll(list.items);
        setResults(list.items);
        setSrgTypes(srg.items);
      },
      () => current && setFailed(true),
    );
    return () => {
      current = false;
    };
  }, [calls]);
  const groups = [
    ...new Set((all ?? []).map((i) => i.targetGroup).filter((g): g is NonNullable<typeof g> => g !== null)),
  ].sort();
  const usedSrg = new Set((all ?? []).map((i) => i.srgCode));
  const run = () => {
    calls.instruments(search).then(
      (list) => setResults(list.items),
      () => setFailed(true),
    );
  };
  const set = (key: keyof typeof search, value: string) => setSearch((s) => ({ ...s, [key]: value }));
  return (
    <div className="ks-keuzehulp">
      <h3 className="utrecht-heading-3">{tx('instr.keuzehulp')}</h3>
      <form
        className="ks-filters"
        role="search"
        aria-label={tx('instr.keuzehulp')}
        onSubmit={(e) => {
          e.preventDefault();
          run();
        }}
      >
        <div className="utrecht-form-field">
          <label className="utrecht-form-label" htmlFor="kh-q">
            {tx('instr.q')}
          </label>
          <input
            id="kh-q"
            type="search"
            className="utrecht-textbox utrecht-textbox--html-input"
            value={search.q}
            onChange={(e) => set('q', e.target.value)}
          />
        </div>
        <div className="utrecht-form-field">
          <label className="utrecht-form-label" htmlFor="kh-srg">
            {tx('instr.srg')}
          </label>
          <select
            id="kh-srg"
            className="utrecht-select utrecht-select--html-select"
            value={search.srg}
            onChange={(e) => set('srg', e.target.value)}
          >
            <option value="">{tx('instr.allSrg')}</option>
            {srgTypes
              .filter((s) => usedSrg.has(s.code))
              .map((s) => (
                <option key={s.code} value={String(s.code)}>
                  {s.code} – {s.name}
                </option>
              ))}
          </select>
        </div>
        <div className="utrecht-form-field">
          <label className="utrecht-form-label" htmlFor="kh-asks">
            {tx('instr.asks')}
          </label>
          <input
            id="kh-asks"
            type="search"
            className="utrecht-textbox utrecht-textbox--html-input"
            value={search.asks}
            onChange={(e) => set('asks', e.target.value)}
          />
        </div>
        <div className="utrecht-form-field">
          <label className="utrecht-form-label" htmlFor="kh-open">
            {tx('instr.openTo')}
          </label>
          <select
            id="kh-open"
            className="utrecht-select utrecht-select--html-select"
            value={search.openTo}
            onChange={(e) => set('openTo', e.target.value)}
          >
            <option value="">{tx('instr.openTo.all')}</option>
            <option value="iedereen">{tx('instr.openTo.iedereen')}</option>
            {groups.map((g) => (
              <option key={g} value={g}>
                {tx('instr.reserved', { group: targetGroupLabel(g) })}
              </option>
            ))}
          </select>
        </div>
        <div className="ks-filters__submit">
          <Button type="submit" appearance="secondary-action">
            {tx('instr.search')}
          </Button>
        </div>
      </form>
      {failed && (
        <p className="utrecht-paragraph" role="alert">
          {tx('failed')}
        </p>
      )}
      {results && (
        <>
          <p className="utrecht-paragraph" role="status">
            {tx('instr.results', { count: results.length })}
          </p>
          <ul className="ks-instruments">
            {results.map((item) => (
              <li key={item.id} className="ks-instrument">
                <h4 className="utrecht-heading-4">{item.name}</h4>
                <InstrumentFacts item={item} />
                <Button appearance="secondary-action" onClick={() => onChoose(item)}>
                  {tx('instr.choose', { name: item.name })}
                </Button>
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}

function RequestInstrument({ calls, save }: SectionProps) {
  const tx = useTexts();
  const [open, setOpen] = useState(false);
  const [chosen, setChosen] = useState<InstrumentItem | null>(null);
  const close = () => {
    setOpen(false);
    setChosen(null);
  };
  return (
    <div className="ks-add">
      <button
        type="button"
        className="utrecht-button utrecht-button--secondary-action"
        aria-expanded={open}
        onClick={() => (open ? close() : setOpen(true))}
      >
        {tx('instr.add')}
      </button>
      {open && (
        <div className="ks-add__panel">
          {chosen === null ? (
            <Keuzehulp calls={calls} onChoose={setChosen} />
          ) : (
            <RecordForm
              title={tx('instr.allocate', { name: chosen.name })}
              submitLabel={tx('save')}
              initial={{ requestedOn: todayIso(), reason: '', clientWish: '', targetGroupConfirmed: false }}
              fields={[
                { name: 'requestedOn', label: tx('instr.requestedOn'), kind: 'date', required: true },
                {
                  name: 'reason',
                  label: tx('instr.reason'),
                  kind: 'textarea',
                  required: true,
                  description: tx('instr.reasonHelp'),
                },
                {
                  name: 'clientWish',
                  label: tx('instr.clientWish'),
                  kind: 'textarea',
                  required: true,
                  description: tx('instr.clientWishHelp'),
                },
                // A reserved instrument: the consultant confirms; nothing is looked up about the client.
                ...(chosen.targetGroup === null
                  ? []
                  : [
                      {
                        name: 'targetGroupConfirmed',
                        kind: 'checkbox' as const,
                        required: true,
                        description: tx('instr.confirmGroupHelp'),
                        label: tx('instr.confirmGroup', {
                          group: targetGroupLabel(chosen.targetGroup, chosen.targetGroupNote),
                        }),
                      },
                    ]),
              ]}
              onCancel={() => setChosen(null)}
              fieldOfParam={(p) => (p === 'instrumentCode' ? 'reason' : undefined)}
              onSubmit={async (v) => {
                await save(chosen.name, 'POST', 'instrument-allocations', {
                  instrumentCode: chosen.code,
                  requestedOn: str(v, 'requestedOn'),
                  reason: str(v, 'reason'),
                  clientWish: str(v, 'clientWish'),
                  ...(chosen.targetGroup === null ? {} : { targetGroupConfirmed: v.targetGroupConfirmed === true }),
                });
                close();
              }}
            >
              <InstrumentFacts item={chosen} />
            </RecordForm>
          )}
        </div>
      )}
    </div>
  );
}

export function InstrumentSection(props: SectionProps) {
  const { file, save } = props;
  const tx = useTexts();
  const date = useFormatDate();
  const outcomes = options(['afgerond', 'voortijdig_gestopt', 'niet_gestart'], (o) =>
    tx(`instr.outcome.${o}` as BegeleidingText),
  );
  const satisfaction = options(SCORES, (s) => tx(`instr.satisfaction.${s}` as BegeleidingText));
  return (
    <Section id="voorzieningen" title={tx('instr.title')}>
      {file.instrumentAllocations.length === 0 && <None />}
      {file.instrumentAllocations.map((a) => (
        <article key={a.id} className="ks-record" aria-labelledby={`alloc-${a.id}`}>
          <h3 id={`alloc-${a.id}`} className="utrecht-heading-3">
            {a.instrumentName}
          </h3>
          <p className="utrecht-paragraph">
            SRG {a.srgCode}: {a.srgName}
            {a.targetGroup && (
              <>
                {' '}
                <Badge tone="warning">
                  {tx('instr.reserved', { group: targetGroupLabel(a.targetGroup, a.targetGroupNote) })}
                </Badge>
              </>
            )}
          </p>
          <p className="utrecht-paragraph">
            {tx('instr.requested', { date: date(a.requestedOn) })}
            {a.startedOn && <>, {tx('instr.started', { date: date(a.startedOn) })}</>}
            {a.endedOn && <>, {tx('instr.ended', { date: date(a.endedOn) })}</>}
            {a.outcome && (
              <>
                . {tx('instr.outcome')}: {tx(`instr.outcome.${a.outcome}` as BegeleidingText)}
              </>
            )}
            {a.satisfaction !== null && (
              <>
                . {tx('instr.satisfaction')}: {tx(`instr.satisfaction.${a.satisfaction}` as BegeleidingText)}
              </>
            )}
          </p>
          <p className="utrecht-paragraph">{tx('instr.why', { reason: a.reason })}</p>
          {a.clientWish && <p className="utrecht-paragraph">{tx('instr.wish', { wish: a.clientWish })}</p>}
          <AddForm
            label={tx('instr.update')}
            submitLabel={tx('save')}
            headingLevel={4}
            initial={{
              startedOn: a.startedOn ?? '',
              endedOn: a.endedOn ?? '',
              outcome: a.outcome ?? '',
              satisfaction: a.satisfaction === null ? '' : String(a.satisfaction),
            }}
            fields={[
              { name: 'startedOn', label: tx('instr.startedOn'), kind: 'date' },
              { name: 'endedOn', label: tx('instr.endedOn'), kind: 'date' },
              { name: 'outcome', label: tx('instr.outcome'), kind: 'select', options: outcomes },
              { name: 'satisfaction', label: tx('instr.satisfaction'), kind: 'select', options: satisfaction },
            ]}
            onSubmit={(v) =>
              save(a.instrumentName, 'PATCH', `instrument-allocations/${a.id}`, {
                startedOn: str(v, 'startedOn') ?? null,
                endedOn: str(v, 'endedOn') ?? null,
                ...(str(v, 'outcome') ? { outcome: str(v, 'outcome') } : {}),
                satisfaction: str(v, 'satisfaction') ? Number(str(v, 'satisfaction')) : null,
              })
            }
          />
        </article>
      ))}
      <RequestInstrument {...props} />
    </Section>
  );
}

// ---------------------------------------------------------------- conversations and on hold

export function ConversationSection({ file, save }: SectionProps) {
  const tx = useTexts();
  const date = useFormatDate();
  const open = file.onHoldPeriods.find((p) => p.endDate === null);
  const conversations = [...file.conversations].sort((a, b) =>
    a.heldOn < b.heldOn ? 1 : a.heldOn > b.heldOn ? -1 : b.id - a.id,
  );
  return (
    <Section id="gesprekken" title={tx('conv.title')}>
      <AddForm
        label={tx('conv.add')}
        submitLabel={tx('save')}
        initial={{ heldOn: todayIso(), kind: 'gesprek', location: '', summary: '', nextAppointment: '' }}
        fields={[
          { name: 'heldOn', label: tx('conv.heldOn'), kind: 'date', required: true },
          {
            name: 'kind',
            label: tx('conv.kind'),
            kind: 'select',
            required: true,
            options: options(KINDS, (k) => tx(`conv.kind.${k}` as BegeleidingText)),
          },
          { name: 'location', label: tx('conv.location'), kind: 'text' },
          { name: 'summary', label: tx('conv.summary'), kind: 'textarea' },
          { name: 'nextAppointment', label: tx('conv.next'), kind: 'date' },
        ]}
        onSubmit={(v) =>
          save(tx('conv.title'), 'POST', 'conversations', {
            heldOn: str(v, 'heldOn'),
            kind: str(v, 'kind'),
            location: str(v, 'location'),
            summary: str(v, 'summary'),
            nextAppointment: str(v, 'nextAppointment') ?? null,
          })
        }
      />
      {conversations.length === 0 ? (
        <None />
      ) : (
        <ol className="ks-list" aria-label={tx('conv.title')}>
          {conversations.map((c) => (
            <li key={c.id} className="ks-list__item">
              <p className="utrecht-paragraph">
                <strong>{date(c.heldOn)}</strong>, {tx(`conv.kind.${c.kind}` as BegeleidingText)}
                {c.location && <>, {c.location}</>}
                {c.consultantName && <> ({tx('by', { name: c.consultantName })})</>}
                {c.nextAppointment && <>; {tx('conv.nextOn', { date: date(c.nextAppointment) })}</>}
              </p>
              {c.summary && <p className="utrecht-paragraph">{c.summary}</p>}
            </li>
          ))}
        </ol>
      )}
      <h3 className="utrecht-heading-3">{tx('hold.title')}</h3>
      {file.onHoldPeriods.length === 0 ? (
        <None />
      ) : (
        <ul className="utrecht-unordered-list">
          {file.onHoldPeriods.map((p) => (
            <li key={p.id} className="utrecht-unordered-list__item">
              {p.endDate
                ? tx('hold.period', { start: date(p.startDate), end: date(p.endDate), reason: p.reason })
                : tx('hold.running', { start: date(p.startDate), reason: p.reason })}
            </li>
          ))}
        </ul>
      )}
      {open ? (
        <AddForm
          label={tx('hold.end')}
          submitLabel={tx('save')}
          initial={{ endDate: todayIso() }}
          fields={[{ name: 'endDate', label: tx('hold.endDate'), kind: 'date', required: true }]}
          onSubmit={(v) => save(tx('hold.title'), 'PATCH', `on-hold/${open.id}`, { endDate: str(v, 'endDate') })}
        />
      ) : (
        <AddForm
          label={tx('hold.add')}
          submitLabel={tx('save')}
          initial={{ startDate: todayIso(), reason: '' }}
          fields={[
            { name: 'startDate', label: tx('hold.startDate'), kind: 'date', required: true },
            { name: 'reason', label: tx('hold.reason'), kind: 'textarea', required: true },
          ]}
          onSubmit={(v) =>
            save(tx('hold.title'), 'POST', 'on-hold', { startDate: str(v, 'startDate'), reason: str(v, 'reason') })
          }
        />
      )}
    </Section>
  );
}

// ---------------------------------------------------------------- progress

export function LadderSection({ file, save }: SectionProps) {
  const tx = useTexts();
  const date = useFormatDate();
  const steps = [...file.ladderSteps].sort((a, b) =>
    a.recordedOn < b.recordedOn ? -1 : a.recordedOn > b.recordedOn ? 1 : a.id - b.id,
  );
  const stepName = (n: number) => tx(`ladder.${n}` as BegeleidingText);
  return (
    <Section id="ladder" title={tx('ladder.title')}>
      {steps.length === 0 ? (
        <None />
      ) : (
        <>
          <h3 className="utrecht-heading-3">{tx('ladder.timeline')}</h3>
          <ol className="ks-ladder">
            {steps.map((s) => (
              <li key={s.id} className="ks-ladder__item">
                <span className={`ks-ladder__bar ks-ladder__bar--${s.step}`} aria-hidden="true" />
                <span className="ks-ladder__text">
                  {tx('ladder.item', { date: date(s.recordedOn), step: s.step, name: stepName(s.step) })}
                  {s.note && <> – {s.note}</>}
                </span>
              </li>
            ))}
          </ol>
        </>
      )}
      <AddForm
        label={tx('ladder.add')}
        submitLabel={tx('save')}
        initial={{ step: '', recordedOn: todayIso(), note: '' }}
        fields={[
          {
            name: 'step',
            label: tx('ladder.step'),
            kind: 'select',
            required: true,
            options: ['1', '2', '3', '4', '5', '6'].map((n) => ({ value: n, label: `${n} – ${stepName(Number(n))}` })),
          },
          { name: 'recordedOn', label: tx('ladder.recordedOn'), kind: 'date', required: true },
          { name: 'note', label: tx('ladder.note'), kind: 'text' },
        ]}
        onSubmit={(v) =>
          save(tx('ladder.step'), 'POST', 'ladder-steps', {
            step: Number(str(v, 'step')),
            recordedOn: str(v, 'recordedOn'),
            note: str(v, 'note'),
          })
        }
      />
    </Section>
  );
}

export function IntermediateSection({ file, save }: SectionProps) {
  const tx = useTexts();
  const date = useFormatDate();
  const kinds = ['taal', 'gezondheid', 'netwerk', 'scholing', 'vrijwilligerswerk', 'financien', 'overig'];
  return (
    <Section id="tussenstappen" title={tx('inter.title')}>
      {file.intermediateSteps.length === 0 ? (
        <None />
      ) : (
        <ul className="utrecht-unordered-list">
          {file.intermediateSteps.map((s) => (
            <li key={s.id} className="utrecht-unordered-list__item">
              {date(s.achievedOn)}, {tx(`inter.kind.${s.kind}` as BegeleidingText)}: {s.description}
            </li>
          ))}
        </ul>
      )}
      <AddForm
        label={tx('inter.add')}
        submitLabel={tx('save')}
        initial={{ achievedOn: todayIso(), kind: '', description: '' }}
        fields={[
          { name: 'achievedOn', label: tx('inter.achievedOn'), kind: 'date', required: true },
          {
            name: 'kind',
            label: tx('inter.kind'),
            kind: 'select',
            required: true,
            options: options(kinds, (k) => tx(`inter.kind.${k}` as BegeleidingText)),
          },
          { name: 'description', label: tx('inter.description'), kind: 'textarea', required: true },
        ]}
        onSubmit={(v) =>
          save(tx('inter.title'), 'POST', 'intermediate-steps', {
            achievedOn: str(v, 'achievedOn'),
            kind: str(v, 'kind'),
            description: str(v, 'description'),
          })
        }
      />
    </Section>
  );
}

export function DiscriminationSection({ file, save }: SectionProps) {
  const tx = useTexts();
  const date = useFormatDate();
  const grounds = ['herkomst', 'religie', 'geslacht', 'leeftijd', 'beperking', 'anders'];
  const ground = (g: string) => tx(`discr.ground.${g}` as BegeleidingText);
  return (
    <Section id="discriminatie" title={tx('discr.title')}>
      {file.discriminationDiscussions.length === 0 ? (
        <None />
      ) : (
        <ul className="utrecht-unordered-list">
          {file.discriminationDiscussions.map((d) => (
            <li key={d.id} className="utrecht-unordered-list__item">
              <strong>{date(d.discussedOn)}</strong>: {d.experienced ? tx('discr.yes') : tx('discr.no')}
              {d.grounds.length > 0 && <> ({d.grounds.map(ground).join(', ')})</>}
              {d.actionTaken && (
                <>
                  . {tx('discr.actionTaken')}: {d.actionTaken}
                </>
              )}
            </li>
          ))}
        </ul>
      )}
      <AddForm
        label={tx('discr.add')}
        submitLabel={tx('save')}
        initial={{ discussedOn: todayIso(), experienced: false, grounds: [], actionTaken: '' }}
        fields={[
          { name: 'discussedOn', label: tx('discr.discussedOn'), kind: 'date', required: true },
          { name: 'experienced', label: tx('discr.experienced'), kind: 'checkbox' },
          {
            name: 'grounds',
            label: tx('discr.grounds'),
            kind: 'checkboxes',
            options: options(grounds, ground),
            description: tx('discr.groundsHelp'),
          },
          { name: 'actionTaken', label: tx('discr.actionTaken'), kind: 'textarea' },
        ]}
        onSubmit={(v) =>
          save(tx('discr.title'), 'POST', 'discrimination-discussions', {
            discussedOn: str(v, 'discussedOn'),
            experienced: v.experienced === true,
            grounds: Array.isArray(v.grounds) ? v.grounds : [],
            actionTaken: str(v, 'actionTaken'),
          })
        }
      />
    </Section>
  );
}

// ---------------------------------------------------------------- work, outflow, feedback

export function WorkSection({ file, save }: SectionProps) {
  const tx = useTexts();
  const date = useFormatDate();
  const reasons = BENEFIT_END_REASONS;
  const openBenefit = file.benefitPeriods.find((b) => b.endDate === null);
  return (
    <Section id="werk" title={tx('work.title')}>
      {file.workPeriods.length === 0 ? (
        <None />
      ) : (
        <ul className="utrecht-unordered-list">
          {file.workPeriods.map((w) => (
            <li key={w.id} className="utrecht-unordered-list__item">
              {w.endDate
                ? tx('work.period', {
                    employer: w.employer,
                    start: date(w.startDate),
                    end: date(w.endDate),
                    hours: w.hoursPerWeek,
                  })
                : tx('work.running', { employer: w.employer, start: date(w.startDate), hours: w.hoursPerWeek })}
              {w.wageCostSubsidy && <> ({tx('work.withSubsidy')})</>}
            </li>
          ))}
        </ul>
      )}
      <AddForm
        label={tx('work.add')}
        submitLabel={tx('save')}
        initial={{ employer: '', startDate: '', endDate: '', hours: '', subsidy: false }}
        fields={[
          { name: 'employer', label: tx('work.employer'), kind: 'text', required: true },
          { name: 'startDate', label: tx('work.startDate'), kind: 'date', required: true },
          { name: 'endDate', label: tx('work.endDate'), kind: 'date', description: tx('work.endDateHelp') },
          { name: 'hours', label: tx('work.hours'), kind: 'number', required: true, step: '0.5' },
          { name: 'subsidy', label: tx('work.subsidy'), kind: 'checkbox' },
        ]}
        fieldOfParam={(p) => (p === 'hoursPerWeek' ? 'hours' : p === 'wageCostSubsidy' ? 'subsidy' : undefined)}
        onSubmit={(v) =>
          save(tx('work.title'), 'POST', 'work-periods', {
            employer: str(v, 'employer'),
            startDate: str(v, 'startDate'),
            endDate: str(v, 'endDate') ?? null,
            hoursPerWeek: Number(str(v, 'hours')),
            wageCostSubsidy: v.subsidy === true,
          })
        }
      />
      {openBenefit && (
        <AddForm
          label={tx('out.add')}
          submitLabel={tx('save')}
          initial={{ endDate: todayIso(), reason: '' }}
          fields={[
            { name: 'endDate', label: tx('out.endDate'), kind: 'date', required: true },
            {
              name: 'reason',
              label: tx('out.reason'),
              kind: 'select',
              required: true,
              options: options(reasons, (r) => tx(`reason.${r}` as BegeleidingText)),
            },
          ]}
          onSubmit={(v) =>
            save(tx('file.benefit'), 'POST', 'outflow', { endDate: str(v, 'endDate'), reason: str(v, 'reason') })
          }
        />
      )}
    </Section>
  );
}

export function FeedbackSection({ file, save }: SectionProps) {
  const tx = useTexts();
  const date = useFormatDate();
  const conversations = [...file.conversations].sort((a, b) => (a.heldOn < b.heldOn ? 1 : -1));
  return (
    <Section id="feedback" title={tx('fb.title')}>
      {file.feedback.length === 0 ? (
        <None />
      ) : (
        <ul className="utrecht-unordered-list">
          {file.feedback.map((f) => (
            <li key={f.id} className="utrecht-unordered-list__item">
              {tx('fb.item', { date: date(f.givenOn), score: f.score })}
              {f.comment && <>: {f.comment}</>}
            </li>
          ))}
        </ul>
      )}
      {conversations.length > 0 && (
        <AddForm
          label={tx('fb.add')}
          submitLabel={tx('save')}
          initial={{ conversationId: String(conversations[0]!.id), givenOn: todayIso(), score: '', comment: '' }}
          fields={[
            {
              name: 'conversationId',
              label: tx('fb.conversation'),
              kind: 'select',
              required: true,
              options: conversations.map((c) => ({
                value: String(c.id),
                label: `${date(c.heldOn)}, ${tx(`conv.kind.${c.kind}` as BegeleidingText)}`,
              })),
            },
            { name: 'givenOn', label: tx('fb.givenOn'), kind: 'date', required: true },
            {
              name: 'score',
              label: tx('fb.score'),
              kind: 'select',
              required: true,
              options: options(SCORES, (s) => tx(`fb.score.${s}` as BegeleidingText)),
            },
            { name: 'comment', label: tx('fb.comment'), kind: 'textarea' },
          ]}
          onSubmit={(v) =>
            save(tx('fb.title'), 'POST', 'feedback', {
              conversationId: Number(str(v, 'conversationId')),
              givenOn: str(v, 'givenOn'),
              score: Number(str(v, 'score')),
              comment: str(v, 'comment'),
            })
          }
        />
      )}
    </Section>
  );
}

export { readable };
