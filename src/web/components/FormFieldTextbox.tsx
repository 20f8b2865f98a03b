import { useId, type InputHTMLAttributes, type ReactNode, type Ref } from 'react';
import { cx } from './cx.js';

export interface FormFieldTextboxProps extends Omit<
  InputHTMLAttributes<HTMLInputElement>,
  'id' | 'className' | 'aria-describedby' | 'aria-invalid'
> {
  label: ReactNode;
  description?: ReactNode;
  /** Shown, and linked to the field, only while there is an error. */
  errorMessage?: ReactNode;
  inputRef?: Ref<HTMLInputElement>;
  /**
   * Told to assistive technology (aria-required); the form checks it and shows its own message,
   * so the browser's own bubbles and :invalid styling do not come up before that.
   */
  required?: boolean;
  type?: 'text' | 'password' | 'email' | 'search' | 'tel' | 'url';
}

/**
 * Label, description, error message and text box as one form field. The label names the
 * text box; the description and the error message are linked to it by generated ids.
 */
export function FormFieldTextbox({
  label,
  description,
  errorMessage,
  inputRef,
  required = false,
  type = 'text',
  ...inputProps
}: FormFieldTextboxProps) {
  const inputId = useId();
  const descriptionId = useId();
  const errorId = useId();
  const invalid = Boolean(errorMessage);
  const describedBy = cx(description ? descriptionId : null, invalid ? errorId : null);
  return (
    <div className={cx('utrecht-form-field', invalid && 'utrecht-form-field--invalid')}>
      <div className="utrecht-form-field__label">
        <label className="utrecht-form-label" htmlFor={inputId}>
          {label}
        </label>
      </div>
      {description && (
        <div className="utrecht-form-field__description utrecht-form-field-description" id={descriptionId}>
          {description}
        </div>
      )}
      {invalid && (
        <div className="utrecht-form-field__error-message utrecht-form-field-error-message" id={errorId}>
          {errorMessage}
        </div>
      )}
      <div className="utrecht-form-field__input">
        <input
          {...inputProps}
          ref={inputRef}
          id={inputId}
          type={type}
          dir="auto"
          aria-required={required || undefined}
          aria-describedby={describedBy || undefined}
          aria-invalid={invalid || undefined}
          className={cx(
            'utrecht-textbox',
            'utrecht-textbox--html-input',
            type === 'password' && 'utrecht-textbox--password',
            invalid && 'utrecht-textbox--invalid',
          )}
        />
      </div>
    </div>
  );
}
