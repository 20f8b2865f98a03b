import { useId, type ReactNode } from 'react';
import { cx } from './cx.js';

/** What the control inside a form field carries so that its label, help and error belong to it. */
export interface FieldControlProps {
  id: string;
  'aria-describedby': string | undefined;
  'aria-invalid': true | undefined;
  'aria-required': true | undefined;
}

interface FieldFrame {
  label: ReactNode;
  /** Help under the label, linked to the control. */
  description?: ReactNode;
  /** Shown, and linked to the control with aria-invalid, only while there is an error. */
  errorMessage?: ReactNode;
  /** Told to assistive technology (aria-required) and marked after the label with `requiredText`. */
  required?: boolean;
  /** The marker after the label of a required field, e.g. "(verplicht)"; none when left out. */
  requiredText?: string;
  /** The control's id; generated when left out. Help and error get `${id}-description` and `${id}-error`. */
  id?: string;
  className?: string;
}

/** The ids and aria attributes of one field, shared by the field kinds below. */
function useFieldIds({ id, description, errorMessage, required }: FieldFrame) {
  const generated = useId();
  const controlId = id ?? generated;
  const descriptionId = `${controlId}-description`;
  const errorId = `${controlId}-error`;
  const invalid = Boolean(errorMessage);
  const control: FieldControlProps = {
    id: controlId,
    'aria-describedby': cx(description ? descriptionId : null, invalid ? errorId : null) || undefined,
    'aria-invalid': invalid || undefined,
    'aria-required': required || undefined,
  };
  const descriptionEl = description ? (
    <div className="utrecht-form-field__description utrecht-form-field-description" id={descriptionId}>
      {description}
    </div>
  ) : null;
  const errorEl = invalid ? (
    <div className="utrecht-form-field__error-message utrecht-form-field-error-message" id={errorId}>
      {errorMessage}
    </div>
  ) : null;
  return { control, invalid, descriptionEl, errorEl };
}

function LabelText({ label, required, requiredText }: Pick<FieldFrame, 'label' | 'required' | 'requiredText'>) {
  return (
    <>
      {label}
      {required && requiredText && <span className="ks-required"> {requiredText}</span>}
    </>
  );
}

export interface FormFieldProps extends FieldFrame {
  /** In a table cell: the label is for screen readers only. */
  compact?: boolean;
  /** The control (text box, number, date, select, text area), given the id and aria attributes to spread on it. */
  children: (control: FieldControlProps, invalid: boolean) => ReactNode;
}

/**
 * One form field: label, optional help, the error next to the field and the control. The label
 * names the control; help and error are linked to it (aria-describedby), an error also sets
 * aria-invalid, and a required field is told (aria-required) and marked after the label.
 */
export function FormField(props: FormFieldProps) {
  const { control, invalid, descriptionEl, errorEl } = useFieldIds(props);
  return (
    <div
      className={cx(
        'utrecht-form-field',
        invalid && 'utrecht-form-field--invalid',
        props.compact && 'ks-form-field--compact',
        props.className,
      )}
    >
      <div className={cx('utrecht-form-field__label', props.compact && 'ks-visually-hidden')}>
        <label className="utrecht-form-label" htmlFor={control.id}>
          <LabelText {...props} />
        </label>
      </div>
      {descriptionEl}
      {errorEl}
      <div className="utrecht-form-field__input">{props.children(control, invalid)}</div>
    </div>
  );
}

export interface FormFieldCheckboxProps extends FieldFrame {
  /** The check box, given the id and aria attributes to spread on it. */
  children: (control: FieldControlProps, invalid: boolean) => ReactNode;
}

/** One check box with its label after it, then help and error. */
export function FormFieldCheckbox(props: FormFieldCheckboxProps) {
  const { control, invalid, descriptionEl, errorEl } = useFieldIds(props);
  return (
    <div
      className={cx(
        'utrecht-form-field',
        'utrecht-form-field--checkbox',
        'ks-choice',
        invalid && 'utrecht-form-field--invalid',
        props.className,
      )}
    >
      {props.children(control, invalid)}
      <label className="utrecht-form-label utrecht-form-label--checkbox" htmlFor={control.id}>
        <LabelText {...props} />
      </label>
      {descriptionEl}
      {errorEl}
    </div>
  );
}

export interface FormFieldsetProps extends FieldFrame {
  /** The choices: check boxes or radio buttons, each with its own label. */
  children: ReactNode;
}

/**
 * A group of check boxes or radio buttons: the legend names the group (and takes the focus from
 * an error summary through `id`), help and error are linked to the fieldset.
 */
export function FormFieldset(props: FormFieldsetProps) {
  const { control, invalid, descriptionEl, errorEl } = useFieldIds(props);
  return (
    <fieldset
      className={cx(
        'utrecht-form-fieldset',
        'ks-fieldset',
        invalid && 'utrecht-form-fieldset--invalid',
        props.className,
      )}
      aria-describedby={control['aria-describedby']}
    >
      <legend className="utrecht-form-fieldset__legend utrecht-form-label" id={control.id} tabIndex={-1}>
        <LabelText {...props} />
      </legend>
      {descriptionEl}
      {errorEl}
      {props.children}
    </fieldset>
  );
}

/** A choice in a FormFieldset: a check box or radio button with its label. */
export function FormChoice({
  label,
  children,
  id,
}: {
  label: ReactNode;
  id: string;
  /** The input (type checkbox or radio) with this id. */
  children: ReactNode;
}) {
  return (
    <div className="utrecht-form-field utrecht-form-field--checkbox ks-choice">
      {children}
      <label className="utrecht-form-label utrecht-form-label--checkbox" htmlFor={id}>
        {label}
      </label>
    </div>
  );
}
