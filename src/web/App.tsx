import { useCallback, useEffect, useState } from 'react';
import type { ApiClient, Session } from './api.js';
import { Alert } from './components/Alert.js';
import { Button } from './components/Button.js';
import { Layout } from './components/Layout.js';
import { PageHeading } from './components/PageHeading.js';
import { useDocumentTitle } from './components/useDocumentTitle.js';
import { useI18n } from './i18n/i18n.js';
import { LoginPage, type LoginNotice } from './pages/LoginPage.js';
import { errorText } from './pages/errors.js';
import { navigate, requestPageFocus, usePath } from './router.js';
import { pageFor } from './routes.js';
import { ChangePasswordPage } from './pages/ChangePasswordPage.js';
import { PublicQuestionnairePage, isPublicQuestionnairePath } from './pages/vragenlijst/PublicQuestionnairePage.js';

type SessionState =
  | { status: 'checking' }
  | { status: 'unreachable'; error: unknown }
  | { status: 'anonymous'; notice?: LoginNotice }
  | { status: 'active'; session: Session };

function Checking() {
  const { t } = useI18n();
  useDocumentTitle('');
  return <p className="utrecht-paragraph">{t('loading')}</p>;
}

function Unreachable({ error, onRetry }: { error: unknown; onRetry: () => void }) {
  const { t } = useI18n();
  useDocumentTitle('');
  return (
    <>
      <PageHeading>{t('app.name')}</PageHeading>
      <Alert type="error">
        <p className="utrecht-paragraph">{errorText(error, t)}</p>
      </Alert>
      <p className="utrecht-paragraph">
        <Button appearance="secondary-action" onClick={onRetry}>
          {t('error.retry')}
        </Button>
      </p>
    </>
  );
}

/** The client's questionnaire (link, kiosk) stands apart from the staff app: no session, no menu. */
export function App({ api }: { api: ApiClient }) {
  const path = usePath();
  return isPublicQuestionnairePath(path) ? <PublicQuestionnairePage path={path} /> : <StaffApp api={api} />;
}

function StaffApp({ api }: { api: ApiClient }) {
  const { t } = useI18n();
  const path = usePath();
  const [state, setState] = useState<SessionState>({ status: 'checking' });
  const [loggingOut, setLoggingOut] = useState(false);
  const [logoutError, setLogoutError] = useState<unknown>(null);

  const check = useCallback(() => {
    setState({ status: 'checking' });
    api.currentSession().then(
      (session) => setState(session ? { status: 'active', session } : { status: 'anonymous' }),
      (error: unknown) => setState({ status: 'unreachable', error }),
    );
  }, [api]);
  useEffect(check, [check]);

  const loggedIn = useCallback((session: Session) => {
    requestPageFocus();
    setState({ status: 'active', session });
  }, []);

  const sessionEnded = useCallback(() => {
    requestPageFocus();
    setState({ status: 'anonymous', notice: 'sessionEnded' });
  }, []);

  const logout = useCallback(async () => {
    setLoggingOut(true);
    setLogoutError(null);
    try {
      await api.logout();
      setState({ status: 'anonymous', notice: 'loggedOut' });
      navigate('/');
    } catch (error) {
      setLogoutError(error);
    } finally {
      setLoggingOut(false);
    }
  }, [api]);

  switch (state.status) {
    case 'checking':
      return (
        <Layout user={null}>
          <Checking />
        </Layout>
      );
    case 'unreachable':
      return (
        <Layout user={null}>
          <Unreachable error={state.error} onRetry={check} />
        </Layout>
      );
    case 'anonymous':
      return (
        <Layout user={null}>
          <LoginPage api={api} notice={state.notice} onLoggedIn={loggedIn} />
        </Layout>
      );
    case 'active': {
      const { user } = state.session;
      const page = user.mustChangePassword ? (
        <ChangePasswordPage api={api} onChanged={check} />
      ) : (
        pageFor(path, { api, user, onSessionEnded: sessionEnded })
      );
      const notice = logoutError !== null && (
        <Alert type="error" announce>
          <p className="utrecht-paragraph">{errorText(logoutError, t)}</p>
        </Alert>
      );
      return (
        <Layout user={user} onLogout={logout} loggingOut={loggingOut} notice={notice}>
          {page}
        </Layout>
      );
    }
  }
}
