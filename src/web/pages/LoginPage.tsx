import { useRef, useState, type FormEvent } from 'react';
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

export function LoginPage({ api, notice, onLoggedIn }: LoginPageProps) {
  const { t } = useI18n();
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
