import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { ApiClient, Session } from '../api.js';
import { Alert } from '../components/Alert.js';
import { Button } from '../components/Button.js';
import { FormFieldTextbox } from '../components/FormFieldTextbox.js';
import { PageHeading } from '../components/PageHeading.js';
import { useDocumentTitle } from '../components/useDocumentTitle.js';
import { useI18n } from '../i18n/i18n.js';
import { errorText } from './errors.js';

export type LoginNotice = 'loggedOut' | 'sessionEnded';

export interface LoginPageProps {
  api: ApiClient;
  notice?: LoginNotice;
  onLoggedIn: (session: Session) => void;
}

/** Why a log-in through the identity provider was refused (the server's ?oidc= on the way back). */
const OIDC_REASONS = ['geweigerd', 'geen-rol', 'meer-rollen', 'geen-naam', 'geen-team', 'niet-actief'] as const;
type OidcReason = (typeof OIDC_REASONS)[number];

function takeOidcReason(): OidcReason | null {
  const params = new URLSearchParams(window.location.search);
  const reason = params.get('oidc');
  if (reason === null) return null;
  params.delete('oidc');
  const rest = params.toString();
  window.history.replaceState(null, '', `${window.location.pathname}${rest ? `?${rest}` : ''}`);
  return (OIDC_REASONS as readonly string[]).includes(reason) ? (reason as OidcReason) : 'geweigerd';
}

/** Whether the municipality's identity provider is set up (then its button shows first). */
function useOidcEnabled(api: ApiClient): boolean {
  const [enabled, setEnabled] = useState(false);
  useEffect(() => {
    let live = true;
    api.send<{ enabled: boolean }>('GET', '/oidc/status').then(
      (answer) => live && setEnabled(answer.enabled),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [api]);
  return enabled;
}

export function LoginPage({ api, notice, onLoggedIn }: LoginPageProps) {
  const { t } = useI18n();
  const oidc = useOidcEnabled(api);
  const [oidcReason] = useState(takeOidcReason);
  useDocumentTitle(t('login.title'));
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [missing, setMissing] = useState({ username: false, password: false });
  const [failure, setFailure] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const usernameRef = useRef<HTMLInputElement>(null);
  const passwordRef = useRef<HTMLInputElement>(null);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (busy) return;
    const nowMissing = { username: username.trim() === '', password: password === '' };
    setMissing(nowMissing);
    setFailure(null);
    if (nowMissing.username || nowMissing.password) {
      (nowMissing.username ? usernameRef : passwordRef).current?.focus();
      return;
    }
    setBusy(true);
    try {
      const session = await api.login(username.trim(), password);
      onLoggedIn(session);
    } catch (err) {
      setFailure(err);
      setPassword('');
      setBusy(false);
    }
  }

  return (
    <div className="ks-login">
      <PageHeading>{t('login.title')}</PageHeading>
      {notice && (
        <Alert type="info">
          <p className="utrecht-paragraph">{t(notice === 'loggedOut' ? 'login.loggedOut' : 'login.sessionEnded')}</p>
        </Alert>
      )}
      {oidcReason && (
        <Alert type="error" announce>
          <p className="utrecht-paragraph">{t(`login.oidc.${oidcReason}`)}</p>
        </Alert>
      )}
      {oidc && (
        <>
          <p className="utrecht-paragraph">{t('login.oidcIntro')}</p>
          <p className="utrecht-paragraph">
            <a className="utrecht-button-link utrecht-button-link--primary-action" href="/api/v1/oidc/inloggen">
              {t('login.oidc')}
            </a>
          </p>
          <h2 className="utrecht-heading-2">{t('login.localTitle')}</h2>
        </>
      )}
      <p className="utrecht-paragraph">{t('login.intro')}</p>
      {failure !== null && (
        <Alert type="error" announce>
          <p className="utrecht-paragraph">{errorText(failure, t)}</p>
        </Alert>
      )}
      <form className="utrecht-form ks-form" noValidate onSubmit={submit}>
        <FormFieldTextbox
          label={t('login.username')}
          name="username"
          autoComplete="username"
          autoCapitalize="none"
          spellCheck={false}
          required
          value={username}
          onChange={(e) => setUsername(e.target.value)}
          errorMessage={missing.username ? t('login.usernameMissing') : undefined}
          inputRef={usernameRef}
        />
        <FormFieldTextbox
          label={t('login.password')}
          name="password"
          type="password"
          autoComplete="current-password"
          required
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          errorMessage={missing.password ? t('login.passwordMissing') : undefined}
          inputRef={passwordRef}
        />
        <div className="ks-form__actions">
          <Button type="submit" appearance="primary-action" busy={busy}>
            {busy ? t('login.busy') : t('login.submit')}
          </Button>
        </div>
      </form>
      <p className="utrecht-paragraph utrecht-paragraph--small ks-login__help">{t('login.help')}</p>
    </div>
  );
}
