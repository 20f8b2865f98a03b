import { useCallback, useMemo, type ReactNode } from 'react';
import { casefileApi } from '../../api-casefile.js';
import type { FormValues } from '../../components/RecordForm.js';
import type { PageProps } from '../begeleiding/CaseloadPage.js';
import { Failed, Loading, useRemote } from '../begeleiding/shared.js';

/** The administration calls of the API. */
export type AdminCalls = ReturnType<typeof casefileApi>;

/** What every panel of the Beheer page gets from the page. */
export type PanelProps = Pick<PageProps, 'api' | 'onSessionEnded'>;

/** The trimmed text of a form field, or undefined when it is empty. */
export const str = (v: FormValues, name: string): string | undefined => {
  const value = v[name];
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
};

/**
 * Loads a panel's data, and gives `change` (a POST or PATCH, then a reload) and `view`, which
 * renders the panel's content once the data is there (or the loading and error states).
 */
export function usePanelData<T>({ api, onSessionEnded }: PanelProps, load: (calls: AdminCalls) => Promise<T>) {
  const calls = useMemo(() => casefileApi(api), [api]);
  const loader = useCallback(() => load(calls), [calls, load]);
  const [remote, reload] = useRemote(loader, onSessionEnded);
  const change = useCallback(
    async (method: 'POST' | 'PATCH', path: string, body: unknown) => {
      await calls.admin(method, path, body);
      await reload();
    },
    [calls, reload],
  );
  const view = (render: (data: T) => ReactNode): ReactNode =>
    remote.status === 'loading' ? (
      <Loading />
    ) : remote.status === 'error' ? (
      <Failed onRetry={() => void reload()} />
    ) : (
      render(remote.data)
    );
  return { change, view, reload };
}

/** A section of the Beheer page with its heading. */
export function PanelSection({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section id={id} aria-labelledby={`${id}-title`} className="ks-section">
      <h2 id={`${id}-title`} className="utrecht-heading-2">
        {title}
      </h2>
      {children}
    </section>
  );
}
