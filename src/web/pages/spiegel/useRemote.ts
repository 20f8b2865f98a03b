import { useEffect, useState } from 'react';
import { ApiError } from '../../api.js';

export type Remote<T> =
  | { status: 'idle' }
  | { status: 'loading'; previous: T | null }
  | { status: 'ok'; data: T }
  | { status: 'error'; error: unknown };

/**
 * Runs `load` whenever `key` changes (null: do nothing) and keeps the last answer while the
 * next one loads, so the page does not jump. A 401 ends the session.
 */
export function useRemote<T>(key: string | null, load: () => Promise<T>, onSessionEnded: () => void): Remote<T> {
  const [state, setState] = useState<Remote<T>>({ status: 'idle' });
  useEffect(() => {
    if (key === null) return;
    let current = true;
    setState((s) => ({
      status: 'loading',
      previous: s.status === 'ok' ? s.data : s.status === 'loading' ? s.previous : null,
    }));
    load().then(
      (data) => current && setState({ status: 'ok', data }),
      (error: unknown) => {
        if (!current) return;
        if (error instanceof ApiError && error.status === 401) onSessionEnded();
        else setState({ status: 'error', error });
      },
    );
    return () => {
      current = false;
    };
    // `load` is a new function every render; `key` says when its request changes.
  }, [key]);
  return state;
}

export const dataOf = <T>(r: Remote<T>): T | null =>
  r.status === 'ok' ? r.data : r.status === 'loading' ? r.previous : null;
