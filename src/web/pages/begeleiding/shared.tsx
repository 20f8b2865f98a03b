import { useCallback, type ReactNode } from 'react';
import { ApiError } from '../../api.js';
import { useApi } from '../../components/useApi.js';
import { Alert } from '../../components/Alert.js';
import { Button } from '../../components/Button.js';
import { Link } from '../../components/Link.js';
import { PageHeading } from '../../components/PageHeading.js';
import { useDocumentTitle } from '../../components/useDocumentTitle.js';
import { useI18n, type Lang } from '../../i18n/i18n.js';
import { useTexts } from './texts.js';
import { todayIso } from '../../../domain/dates.js';

export type Remote<T> = { status: 'loading' } | { status: 'ok'; data: T } | { status: 'error'; error: unknown };

/**
 * Loads once (and again when `load` changes, or on reload()) through the app's one loader,
 * {@link useApi}; a 401 means the session ended, which the app handles. While reloading, the
 * data already shown stays on the page (as 'ok').
 */
export function useRemote<T>(load: () => Promise<T>, onSessionEnded: () => void): [Remote<T>, () => Promise<void>] {
  const [remote, reload] = useApi(load, load, onSessionEnded);
  const shown: Remote<T> =
    remote.status === 'ok' || remote.status === 'error'
      ? remote
      : remote.status === 'loading' && remote.previous !== null
        ? { status: 'ok', data: remote.previous }
        : { status: 'loading' };
  return [shown, reload];
}

const formats = new Map<Lang, Intl.DateTimeFormat>();
/** 2025-03-01 → "1 maart 2025" (Dutch) or "1 March 2025". */
export function formatDate(iso: string | null | undefined, lang: Lang): string {
  if (!iso) return '';
  let format = formats.get(lang);
  if (!format) {
    format = new Intl.DateTimeFormat(lang === 'nl' ? 'nl-NL' : 'en-GB', {
      day: 'numeric',
      month: 'long',
      year: 'numeric',
      timeZone: 'UTC',
    });
    formats.set(lang, format);
  }
  return format.format(new Date(`${iso.slice(0, 10)}T00:00:00Z`));
}

export function useFormatDate(): (iso: string | null | undefined) => string {
  const { lang } = useI18n();
  return useCallback((iso) => formatDate(iso, lang), [lang]);
}

/** Today in Amsterdam (the server's "today" too), as YYYY-MM-DD. */
export { todayIso };

/** A code from the case file in readable form: "paar_met_kinderen" → "paar met kinderen". */
export const readable = (code: string | null | undefined): string => (code ?? '').replace(/_/g, ' ');

/** A label with text, never colour alone. */
export function Badge({ tone, children }: { tone: 'warning' | 'info' | 'neutral' | 'ok'; children: ReactNode }) {
  return <span className={`ks-badge ks-badge--${tone}`}>{children}</span>;
}

export function Loading() {
  const tx = useTexts();
  return (
    <p className="utrecht-paragraph" role="status">
      {tx('loading')}
    </p>
  );
}

export function Failed({ onRetry }: { onRetry: () => void }) {
  const tx = useTexts();
  return (
    <Alert type="error">
      <p className="utrecht-paragraph">{tx('failed')}</p>
      <p className="utrecht-paragraph">
        <Button appearance="secondary-action" onClick={onRetry}>
          {tx('retry')}
        </Button>
      </p>
    </Alert>
  );
}

/** A refusal (403) or a missing client (404) as a page of its own. */
export function RefusedPage({ error }: { error: unknown }) {
  const tx = useTexts();
  const forbidden = error instanceof ApiError && error.status === 403;
  const title = forbidden ? tx('noAccess.title') : tx('notFound.title');
  useDocumentTitle(title);
  return (
    <>
      <PageHeading>{title}</PageHeading>
      <Alert type="warning">
        <p className="utrecht-paragraph">{forbidden ? tx('noAccess.text') : tx('notFound.text')}</p>
      </Alert>
      <p className="utrecht-paragraph">
        <Link href="/klanten">{tx('back.caseload')}</Link>
      </p>
    </>
  );
}

export const isRefusal = (error: unknown): boolean =>
  error instanceof ApiError && (error.status === 403 || error.status === 404);
