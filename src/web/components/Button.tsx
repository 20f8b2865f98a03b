import type { ButtonHTMLAttributes } from 'react';
import { cx } from './cx.js';

export interface ButtonProps extends ButtonHTMLAttributes<HTMLButtonElement> {
  appearance?: 'primary-action' | 'secondary-action' | 'subtle';
  /** Work is going on: shown to everyone, the button is not pressed twice. */
  busy?: boolean;
}

/** A native <button>; `type` is "button" unless said otherwise, so it never sends a form by accident. */
export function Button({
  appearance,
  busy = false,
  className,
  type = 'button',
  disabled,
  children,
  ...props
}: ButtonProps) {
  return (
    <button
      {...props}
      type={type}
      disabled={disabled}
      aria-busy={busy || undefined}
      className={cx(
        'utrecht-button',
        appearance && `utrecht-button--${appearance}`,
        type === 'submit' && 'utrecht-button--submit',
        busy && 'utrecht-button--busy',
        disabled && 'utrecht-button--disabled',
        className,
      )}
    >
      {children}
    </button>
  );
}
