import { useCallback, useEffect, useRef, useState } from 'react';
import { ApiError } from '../api.js';

export type Remote<T> =
  | { status: 'idle' }
  | { status: 'loading'; previous: T | null }
  | { status: 'ok'; data: T }
  | { status: 'error'; error: unknown };

/**
 * The one way a page loads data: runs `load` whenever `key` changes (null: do nothing) and
 * again on reload(). The last answer stays available while the next one loads, so the page
 * does not jump; an answer that arrives after the key changed is ignored. A 401 means the
 * session ended, which the app handles through `onSessionEnded`.
 *
 * `key` says which request `load` makes: a string of its parameters, or the (memoised)
 * `load` function itself.
 */
export function useApi<T>(
  key: unknown,
  load: () => Promise<T>,
  onSessionEnded: () => void,
): [Remote<T>, () => Promise<void>] {
  const [state, setState] = useState<Remote<T>>(
    key === null ? { status: 'idle' } : { status: 'loading', previous: null },
  );
  const latest = useRef({ load, onSessionEnded });
  latest.current = { load, onSessionEnded };
  const generation = useRef(0);

  const run = useCallback(async () => {
    const mine = ++generation.current;
    setState((s) => ({ status: 'loading', previous: dataOf(s) }));
    try {
      const data = await latest.current.load();
      if (mine === generation.current) setState({ status: 'ok', data });
    } catch (error) {
      if (mine !== generation.current) return;
      if (error instanceof ApiError && error.status === 401) latest.current.onSessionEnded();
      else setState({ status: 'error', error });
    }
  }, []);

  useEffect(() => {
    if (key === null) return;
    void run();
    return () => {
      generation.current++;
    };
  }, [key, run]);
  return [state, run];
}

/** The data to show: the answer, or while the next one loads, the previous answer. */
export const dataOf = <T>(r: Remote<T>): T | null =>
  r.status === 'ok' ? r.data : r.status === 'loading' ? r.previous : null;

/**
 * The mirror pages' form of {@link useApi}: the state only.
 */
export function useRemote<T>(key: string | null, load: () => Promise<T>, onSessionEnded: () => void): Remote<T> {
  return useApi(key, load, onSessionEnded)[0];
}
