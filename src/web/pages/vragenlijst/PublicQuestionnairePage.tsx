import { useCallback, useEffect, useState, type FormEvent } from 'react';
import type { QuestionnaireDefinition, QuestionnaireLang } from '../../../questionnaire/definition.js';
import { QUESTIONNAIRE_TEXTS } from '../../i18n/questionnaire/index.js';
import { API_BASE, ApiError } from '../../api.js';
import { Alert } from '../../components/Alert.js';
import { Button } from '../../components/Button.js';
import { QuestionnaireForm } from './QuestionnaireForm.js';
import './vragenlijst.css';

/** Where kiosk mode keeps its token: this tab only, never the address bar. */
export const KIOSK_TOKEN_KEY = 'kansenspiegel.kiosk';

async function call<T>(method: 'GET' | 'POST', path: string, body?: unknown): Promise<T> {
  const response = await fetch(`${API_BASE}${path}`, {
    method,
    credentials: 'same-origin',
    headers: {
      accept: 'application/json, application/problem+json',
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!response.ok) {
    const problem = (await response.json().catch(() => ({}))) as {
      code?: string;
      title?: string;
      invalidParams?: { name: string; reason: string }[];
    };
    throw new ApiError({
      status: response.status,
      code: problem.code ?? 'UNEXPECTED_ANSWER',
      title: problem.title ?? '',
      invalidParams: problem.invalidParams,
    });
  }
  return response.status === 204 ? (undefined as T) : ((await response.json()) as T);
}

type Loaded =
  | { status: 'loading' }
  | { status: 'invalid' }
  | { status: 'error' }
  | { status: 'ready'; wave: string; definition: QuestionnaireDefinition };

/** The consultant leaves kiosk mode with their own password (a new session starts). */
function KioskExit({ token }: { token: string }) {
  const [open, setOpen] = useState(false);
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  async function exit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await call('POST', '/kiosk/exit', { kioskToken: token, password });
      window.sessionStorage.removeItem(KIOSK_TOKEN_KEY);
      window.location.assign('/vragenlijsten');
    } catch (err) {
      setError(
        err instanceof ApiError && err.code === 'RATE_LIMITED'
          ? `Te veel mislukte pogingen. ${err.detail ?? 'Wacht even en probeer het opnieuw.'}`
          : 'Het wachtwoord klopt niet.',
      );
      setBusy(false);
    }
  }
  return (
    <div className="ks-kiosk-exit" lang="nl" dir="ltr">
      {!open ? (
        <Button appearance="subtle" onClick={() => setOpen(true)}>
          Alleen voor de klantmanager: kiosk verlaten
        </Button>
      ) : (
        <form onSubmit={exit}>
          <p className="utrecht-paragraph">Klantmanager: vul uw wachtwoord in om de kioskmodus te verlaten.</p>
          <label className="ks-q-other">
            <span>Wachtwoord klantmanager</span>
            <input
              type="password"
              autoComplete="current-password"
              className="utrecht-textbox utrecht-textbox--html-input"
              value={password}
              onChange={(e) => setPassword(e.target.value)}
            />
          </label>
          {error && (
            <Alert type="error" announce>
              <p className="utrecht-paragraph">{error}</p>
            </Alert>
          )}
          <p className="utrecht-paragraph">
            <Button type="submit" appearance="secondary-action" busy={busy}>
              Kiosk verlaten
            </Button>
          </p>
        </form>
      )}
    </div>
  );
}

/**
 * The questionnaire for the client: by personal link (/v/<token>) or in kiosk mode on the
 * consultant's laptop (/kiosk, token in this tab's sessionStorage). No menu, no case file, no
 * staff session: the page can only load and send this one questionnaire.
 */
export function PublicQuestionnairePage({ path }: { path: string }) {
  const kiosk = path === '/kiosk';
  const [token] = useState(() =>
    kiosk ? (window.sessionStorage.getItem(KIOSK_TOKEN_KEY) ?? '') : decodeURIComponent(path.slice(3)),
  );
  const [loaded, setLoaded] = useState<Loaded>({ status: 'loading' });
  const [lang, setLang] = useState<QuestionnaireLang>('nl');
  const texts = QUESTIONNAIRE_TEXTS[lang];

  useEffect(() => {
    if (!token) {
      setLoaded({ status: 'invalid' });
      return;
    }
    call<{ wave: string; definition: QuestionnaireDefinition }>(
      'GET',
      `/vragenlijst/${encodeURIComponent(token)}`,
    ).then(
      (r) => setLoaded({ status: 'ready', wave: r.wave, definition: r.definition }),
      (err: unknown) =>
        setLoaded({
          status:
            err instanceof ApiError && (err.code === 'NOT_FOUND' || err.code === 'VALIDATION') ? 'invalid' : 'error',
        }),
    );
  }, [token]);

  const submit = useCallback(
    async (answers: Record<string, unknown>, language: QuestionnaireLang) => {
      await call('POST', `/vragenlijst/${encodeURIComponent(token)}`, { language, answers });
    },
    [token],
  );

  return (
    <div className="ks-public">
      <header className="ks-public__header">
        <span className="ks-public__name">{kiosk ? 'Vragenlijst (kiosk)' : 'Vragenlijst'}</span>
      </header>
      <main id="inhoud" className="ks-public__main">
        {loaded.status === 'loading' && <p className="utrecht-paragraph">…</p>}
        {loaded.status === 'invalid' && (
          <>
            <h1 className="utrecht-heading-1">{texts.ui.title}</h1>
            <Alert type="warning">
              <p className="utrecht-paragraph" data-testid="link-ongeldig">
                {texts.ui.linkInvalid}
              </p>
            </Alert>
          </>
        )}
        {loaded.status === 'error' && (
          <Alert type="error">
            <p className="utrecht-paragraph">{texts.ui.error}</p>
          </Alert>
        )}
        {loaded.status === 'ready' && (
          <QuestionnaireForm
            definition={loaded.definition}
            wave={loaded.wave}
            draftKey={`token.${token.slice(0, 16)}`}
            onSubmit={submit}
            doneKey={kiosk ? 'thanksKiosk' : 'thanks'}
            ownsDocument
            onLangChange={setLang}
          />
        )}
        {kiosk && token && <KioskExit token={token} />}
      </main>
    </div>
  );
}

/** Paths the client uses without a staff session. */
export const isPublicQuestionnairePath = (path: string): boolean =>
  path === '/kiosk' || /^\/v\/[A-Za-z0-9_-]{20,100}$/.test(path);
