import type { ReactNode, Ref } from 'react';
import { cx } from './cx.js';

export interface AlertProps {
  type: 'info' | 'ok' | 'warning' | 'error';
  children: ReactNode;
  /**
   * Announce the message as soon as it appears (role="alert"): for a message that comes up
   * after something the user did, such as a refused log-in. Leave off for a message that is
   * part of the page from the start.
   */
  announce?: boolean;
  alertRef?: Ref<HTMLDivElement>;
}

export function Alert({ type, children, announce = false, alertRef }: AlertProps) {
  return (
    <div ref={alertRef} className={cx('utrecht-alert', `utrecht-alert--${type}`)} role={announce ? 'alert' : undefined}>
      <div className="utrecht-alert__content">
        <div className="utrecht-alert__message">{children}</div>
      </div>
    </div>
  );
}
