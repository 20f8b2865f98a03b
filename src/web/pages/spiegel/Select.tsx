import { useId, type ReactNode } from 'react';

export interface SelectProps {
  label: string;
  value: string;
  onChange: (value: string) => void;
  children: ReactNode;
  description?: string;
  disabled?: boolean;
  testId?: string;
}

/** A native <select> as an NL Design System form field, its label linked by a generated id. */
export function Select({ label, value, onChange, children, description, disabled, testId }: SelectProps) {
  const id = useId();
  const descriptionId = useId();
  return (
    <div className="utrecht-form-field ks-field">
      <div className="utrecht-form-field__label">
        <label className="utrecht-form-label" htmlFor={id}>
          {label}
        </label>
      </div>
      {description && (
        <div className="utrecht-form-field__description utrecht-form-field-description" id={descriptionId}>
          {description}
        </div>
      )}
      <div className="utrecht-form-field__input">
        <select
          id={id}
          className="utrecht-select utrecht-select--html-select"
          value={value}
          disabled={disabled}
          aria-describedby={description ? descriptionId : undefined}
          onChange={(e) => onChange(e.target.value)}
          data-testid={testId}
        >
          {children}
        </select>
      </div>
    </div>
  );
}
