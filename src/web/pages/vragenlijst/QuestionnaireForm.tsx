import { useEffect, useMemo, useRef, useState, type FormEvent } from 'react';
import { COUNTRIES } from '../../../domain/countries.js';
import type {
  AnswerValue,
  QuestionnaireDefinition,
  QuestionnaireItem,
  QuestionnaireLang,
} from '../../../questionnaire/definition.js';
import { QUESTIONNAIRE_LANGS } from '../../../questionnaire/definition.js';
import { QUESTIONNAIRE_TEXTS, type QuestionnaireTexts } from '../../i18n/questionnaire/index.js';
import { ApiError } from '../../api.js';
import { Alert } from '../../components/Alert.js';
import { Button } from '../../components/Button.js';

type Answers = Record<string, AnswerValue>;
type Multi = { codes: string[]; other?: string };

export interface QuestionnaireFormProps {
  definition: QuestionnaireDefinition;
  wave: string;
  /** Key of the draft in localStorage (per token, or per client and wave when read out). */
  draftKey: string;
  onSubmit: (answers: Answers, lang: QuestionnaireLang) => Promise<void>;
  /** Shown after sending. */
  doneKey: 'thanks' | 'thanksKiosk';
  /** Whether the page's <html> follows the questionnaire's language and direction (client pages). */
  ownsDocument?: boolean;
  onLangChange?: (lang: QuestionnaireLang) => void;
}

const DRAFT_PREFIX = 'kansenspiegel.vragenlijst.';

function readDraft(key: string): { lang: QuestionnaireLang; answers: Answers } | null {
  try {
    const raw = window.localStorage.getItem(DRAFT_PREFIX + key);
    if (!raw) return null;
    const parsed = JSON.parse(raw) as { lang?: string; answers?: Answers };
    const lang = (QUESTIONNAIRE_LANGS as readonly string[]).includes(parsed.lang ?? '')
      ? (parsed.lang as QuestionnaireLang)
      : 'nl';
    return { lang, answers: parsed.answers ?? {} };
  } catch {
    return null;
  }
}

function writeDraft(key: string, lang: QuestionnaireLang, answers: Answers): void {
  try {
    window.localStorage.setItem(DRAFT_PREFIX + key, JSON.stringify({ lang, answers }));
  } catch {
    // Storage switched off: the answers then live only in this page.
  }
}

export function clearDraft(key: string): void {
  try {
    window.localStorage.removeItem(DRAFT_PREFIX + key);
  } catch {
    // nothing to clear
  }
}

const canSpeak = (): boolean =>
  typeof window !== 'undefined' && 'speechSynthesis' in window && typeof SpeechSynthesisUtterance !== 'undefined';

function speak(text: string, lang: string): void {
  if (!canSpeak()) return;
  window.speechSynthesis.cancel();
  const u = new SpeechSynthesisUtterance(text);
  u.lang = lang;
  window.speechSynthesis.speak(u);
}

/** Country names in the chosen language where the browser knows them, else the Dutch name. */
function useCountryOptions(texts: QuestionnaireTexts): { code: string; name: string }[] {
  return useMemo(() => {
    let names: Intl.DisplayNames | null = null;
    try {
      names = new Intl.DisplayNames([texts.speechLang, 'nl'], { type: 'region', fallback: 'none' });
    } catch {
      names = null;
    }
    const list = [...COUNTRIES.values()]
      .filter((c) => !c.historic)
      .map((c) => {
        let name: string | undefined;
        try {
          name = names?.of(c.code);
        } catch {
          name = undefined;
        }
        return { code: c.code, name: name ?? c.name };
      });
    const collator = new Intl.Collator(texts.speechLang);
    list.sort((a, b) => (a.code === 'NL' ? -1 : b.code === 'NL' ? 1 : collator.compare(a.name, b.name)));
    return list;
  }, [texts.speechLang]);
}

function optionsText(item: QuestionnaireItem, t: QuestionnaireTexts): string[] {
  switch (item.type) {
    case 'grade':
      return [t.ui.gradeLow, t.ui.gradeHigh];
    case 'yesno':
      return [t.ui.yes, t.ui.no];
    case 'scale5':
      return [...t.scales[item.scale]];
    case 'multi':
      return item.options.map((o) => t.options[o] ?? o);
    default:
      return [];
  }
}

/** A question with several answers (check boxes), with an optional "other" in the client's words. */
function MultiChoice({
  item,
  value,
  onChange,
  texts,
}: {
  item: Extract<QuestionnaireItem, { type: 'multi' }>;
  value: AnswerValue | undefined;
  onChange: (v: AnswerValue | undefined) => void;
  texts: QuestionnaireTexts;
}) {
  const current: Multi =
    typeof value === 'object' && value !== null
      ? { codes: [...(value as Multi).codes], other: (value as Multi).other }
      : { codes: [] };
  const set = (next: Multi) => onChange(next.codes.length === 0 && !next.other ? undefined : next);
  return (
    <div className="ks-q-column">
      {item.options.map((o) => (
        <label key={o} className="ks-q-choice">
          <input
            type="checkbox"
            className="utrecht-checkbox"
            checked={current.codes.includes(o)}
            onChange={(e) =>
              set({
                ...current,
                codes: e.target.checked ? [...current.codes, o] : current.codes.filter((c) => c !== o),
              })
            }
          />
          <span>{texts.options[o] ?? o}</span>
        </label>
      ))}
      {item.other && (
        <label className="ks-q-other">
          <span>{texts.ui.other}</span>
          <input
            type="text"
            className="utrecht-textbox utrecht-textbox--html-input"
            maxLength={200}
            value={current.other ?? ''}
            onChange={(e) => set({ ...current, other: e.target.value || undefined })}
          />
        </label>
      )}
    </div>
  );
}

function Question({
  item,
  value,
  onChange,
  texts,
  countries,
}: {
  item: QuestionnaireItem;
  value: AnswerValue | undefined;
  onChange: (v: AnswerValue | undefined) => void;
  texts: QuestionnaireTexts;
  countries: { code: string; name: string }[];
}) {
  const id = `vraag-${item.id}`;
  const question = texts.items[item.id] ?? item.id;
  const readButton = canSpeak() && (
    <Button
      appearance="subtle"
      className="ks-q-read"
      onClick={() => speak([question, ...optionsText(item, texts)].join('. '), texts.speechLang)}
    >
      <span aria-hidden="true">🔊 </span>
      {texts.ui.readAloud}
      <span className="ks-visually-hidden">: {question}</span>
    </Button>
  );
  const radio = (v: string | number | boolean, label: string, key: string) => (
    <label key={key} className="ks-q-choice">
      <input
        type="radio"
        name={id}
        className="utrecht-radio-button"
        checked={value === v}
        onChange={() => onChange(v)}
      />
      <span>{label}</span>
    </label>
  );
  let control;
  switch (item.type) {
    case 'grade':
      control = (
        <>
          <p className="ks-q-hint" id={`${id}-hint`}>
            {texts.ui.gradeLow} · {texts.ui.gradeHigh}
          </p>
          <div className="ks-q-grades">
            {Array.from({ length: 10 }, (_, i) => radio(i + 1, String(i + 1), String(i + 1)))}
          </div>
        </>
      );
      break;
    case 'yesno':
      control = (
        <div className="ks-q-row">
          {radio(true, texts.ui.yes, 'y')}
          {radio(false, texts.ui.no, 'n')}
        </div>
      );
      break;
    case 'scale5':
      control = (
        <div className="ks-q-column">
          {texts.scales[item.scale].map((label, i) => radio(i + 1, label, String(i)))}
          {item.allowNotApplicable && radio('nvt', texts.ui.notApplicable, 'nvt')}
        </div>
      );
      break;
    case 'multi':
      control = <MultiChoice item={item} value={value} onChange={onChange} texts={texts} />;
      break;
    case 'number':
      control = (
        <label className="ks-q-number">
          <input
            type="number"
            inputMode="numeric"
            min={item.min}
            max={item.max}
            step={item.step}
            aria-labelledby={`${id}-legend`}
            className="utrecht-textbox utrecht-textbox--html-input"
            value={typeof value === 'number' ? value : ''}
            onChange={(e) => onChange(e.target.value === '' ? undefined : Number(e.target.value))}
          />
          <span>{texts.ui.hours}</span>
        </label>
      );
      break;
    case 'country':
      control = (
        <select
          className="utrecht-select utrecht-select--html-select"
          aria-labelledby={`${id}-legend`}
          value={typeof value === 'string' ? value : ''}
          onChange={(e) => onChange(e.target.value === '' ? undefined : e.target.value)}
        >
          <option value="">{texts.ui.chooseCountry}</option>
          {item.allowUnknown && <option value="onbekend">{texts.ui.unknown}</option>}
          {countries.map((c) => (
            <option key={c.code} value={c.code}>
              {c.name}
            </option>
          ))}
        </select>
      );
      break;
  }
  return (
    <fieldset className="ks-q" id={id} data-item={item.id}>
      <legend className="ks-q-legend" id={`${id}-legend`}>
        {question}
      </legend>
      {readButton}
      {control}
    </fieldset>
  );
}

/** The client questionnaire: one page, every question voluntary, five languages, a draft that survives a closed tab. */
export function QuestionnaireForm({
  definition,
  wave,
  draftKey,
  onSubmit,
  doneKey,
  ownsDocument = false,
  onLangChange,
}: QuestionnaireFormProps) {
  const [restored] = useState(() => readDraft(draftKey));
  const [lang, setLang] = useState<QuestionnaireLang>(restored?.lang ?? 'nl');
  const [answers, setAnswers] = useState<Answers>(restored?.answers ?? {});
  const [state, setState] = useState<'editing' | 'sending' | 'done'>('editing');
  const [error, setError] = useState<string | null>(null);
  const texts = QUESTIONNAIRE_TEXTS[lang];
  const countries = useCountryOptions(texts);
  const doneRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (state !== 'done') writeDraft(draftKey, lang, answers);
  }, [draftKey, lang, answers, state]);
  useEffect(() => {
    onLangChange?.(lang);
    if (!ownsDocument) return;
    document.documentElement.lang = lang;
    document.documentElement.dir = texts.dir;
    document.title = texts.ui.title;
  }, [lang, texts, ownsDocument, onLangChange]);
  useEffect(() => {
    if (state === 'done') doneRef.current?.focus();
  }, [state]);

  const change = (item: QuestionnaireItem) => (value: AnswerValue | undefined) => {
    setAnswers((prev) => {
      const next = { ...prev };
      if (value === undefined) delete next[item.id];
      else next[item.id] = value;
      // A follow-up question only counts with the answer it follows.
      for (const other of definition.sections.flatMap((s) => s.items)) {
        if (other.showIf && next[other.showIf.item] !== other.showIf.equals) delete next[other.id];
      }
      return next;
    });
  };

  async function submit(e: FormEvent) {
    e.preventDefault();
    setState('sending');
    setError(null);
    try {
      await onSubmit(answers, lang);
      clearDraft(draftKey);
      setState('done');
    } catch (err) {
      setState('editing');
      if (err instanceof ApiError && err.code === 'NOT_FOUND') setError(texts.ui.linkInvalid);
      else if (err instanceof ApiError && err.invalidParams?.length) {
        setError(
          `${texts.ui.invalidAnswer} ${err.invalidParams.map((p) => texts.items[p.name.replace(/^answers\./, '')] ?? p.name).join('; ')}`,
        );
      } else setError(texts.ui.error);
    }
  }

  return (
    <div className="ks-questionnaire" lang={lang} dir={texts.dir} data-testid="vragenlijst">
      <div className="ks-q-langs" role="group" aria-label={texts.ui.language}>
        {QUESTIONNAIRE_LANGS.map((l) => (
          <button
            key={l}
            type="button"
            lang={l}
            dir={QUESTIONNAIRE_TEXTS[l].dir}
            aria-pressed={l === lang}
            className={`utrecht-button utrecht-button--subtle ks-q-lang${l === lang ? ' ks-q-lang--current' : ''}`}
            onClick={() => setLang(l)}
          >
            {QUESTIONNAIRE_TEXTS[l].languageName}
          </button>
        ))}
      </div>
      <h1 className="utrecht-heading-1">{texts.ui.title}</h1>
      <p className="utrecht-paragraph ks-q-wave">{texts.ui.wave.replace('{wave}', wave)}</p>
      {state === 'done' ? (
        <div ref={doneRef} tabIndex={-1} data-testid="vragenlijst-klaar">
          <Alert type="ok">
            <p className="utrecht-paragraph">{texts.ui[doneKey]}</p>
          </Alert>
        </div>
      ) : (
        <>
          <p className="utrecht-paragraph">{texts.ui.intro}</p>
          <p className="utrecht-paragraph">
            <strong>{texts.ui.voluntary}</strong>
          </p>
          {restored && Object.keys(restored.answers).length > 0 && (
            <Alert type="info">
              <p className="utrecht-paragraph">{texts.ui.draftRestored}</p>
            </Alert>
          )}
          <form onSubmit={submit} noValidate>
            {definition.sections.map((section) => (
              <section key={section.id} className="ks-q-section" aria-labelledby={`deel-${section.id}`}>
                <h2 className="utrecht-heading-2" id={`deel-${section.id}`}>
                  {texts.sections[section.id] ?? section.id}
                </h2>
                {section.items
                  .filter((item) => !item.showIf || answers[item.showIf.item] === item.showIf.equals)
                  .map((item) => (
                    <Question
                      key={item.id}
                      item={item}
                      value={answers[item.id]}
                      onChange={change(item)}
                      texts={texts}
                      countries={countries}
                    />
                  ))}
              </section>
            ))}
            {error && (
              <Alert type="error" announce>
                <p className="utrecht-paragraph">{error}</p>
              </Alert>
            )}
            <p className="utrecht-paragraph">
              <Button
                type="submit"
                appearance="primary-action"
                busy={state === 'sending'}
                disabled={state === 'sending'}
              >
                {state === 'sending' ? texts.ui.submitting : texts.ui.submit}
              </Button>
            </p>
          </form>
        </>
      )}
    </div>
  );
}
