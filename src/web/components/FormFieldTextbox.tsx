import type { InputHTMLAttributes, ReactNode, Ref } from 'react';
import { cx } from './cx.js';
import { FormField } from './FormField.js';

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

/** A FormField with a text box (text, password, e-mail, search, phone, web address). */
export function FormFieldTextbox({
  label,
  description,
  errorMessage,
  inputRef,
  required = false,
  type = 'text',
  ...inputProps
}: FormFieldTextboxProps) {
  return (
    <FormField label={label} description={description} errorMessage={errorMessage} required={required}>
      {(control, invalid) => (
        <input
          {...inputProps}
          {...control}
          ref={inputRef}
          type={type}
          dir="auto"
          className={cx(
            'utrecht-textbox',
            'utrecht-textbox--html-input',
            type === 'password' && 'utrecht-textbox--password',
            invalid && 'utrecht-textbox--invalid',
          )}
        />
      )}
    </FormField>
  );
}
