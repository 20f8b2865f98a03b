import { useSyncExternalStore } from 'react';

/**
 * A small router over the History API: the address bar holds the page, links are real links.
 * After the user goes to another page (or logs in or out), the next page's heading takes the
 * focus, so keyboard and screen-reader users start reading there.
 */
const NAVIGATE_EVENT = 'kansenspiegel:navigate';
let focusRequested = false;

function subscribe(onChange: () => void): () => void {
  window.addEventListener('popstate', onChange);
  window.addEventListener(NAVIGATE_EVENT, onChange);
  return () => {
    window.removeEventListener('popstate', onChange);
    window.removeEventListener(NAVIGATE_EVENT, onChange);
  };
}

export function usePath(): string {
  return useSyncExternalStore(subscribe, () => window.location.pathname);
}

/** The next page heading that mounts takes the focus. */
export function requestPageFocus(): void {
  focusRequested = true;
}

/** True once after requestPageFocus(): for the heading that takes the focus. */
export function takePageFocusRequest(): boolean {
  const requested = focusRequested;
  focusRequested = false;
  return requested;
}

export function navigate(path: string): void {
  if (path !== window.location.pathname) window.history.pushState(null, '', path);
  requestPageFocus();
  window.dispatchEvent(new Event(NAVIGATE_EVENT));
}

window.addEventListener('popstate', requestPageFocus);
