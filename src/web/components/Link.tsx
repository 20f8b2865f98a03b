import type { AnchorHTMLAttributes, MouseEvent } from 'react';
import { navigate } from '../router.js';
import { cx } from './cx.js';

export interface LinkProps extends AnchorHTMLAttributes<HTMLAnchorElement> {
  href: string;
}

/**
 * A real link. A plain click on a link inside the app changes the page without reloading;
 * a click with a modifier key (new tab, new window) is left to the browser.
 */
export function Link({ href, className, onClick, ...props }: LinkProps) {
  const handleClick = (event: MouseEvent<HTMLAnchorElement>) => {
    onClick?.(event);
    const internal = href.startsWith('/') && !href.startsWith('//');
    if (
      event.defaultPrevented ||
      !internal ||
      event.button !== 0 ||
      event.metaKey ||
      event.ctrlKey ||
      event.shiftKey ||
      event.altKey
    )
      return;
    event.preventDefault();
    navigate(href);
  };
  return (
    <a {...props} href={href} onClick={handleClick} className={cx('utrecht-link', 'utrecht-link--html-a', className)} />
  );
}
