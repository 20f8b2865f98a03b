import { useRef, useState } from 'react';
import { RecordForm, type FormValues, type RecordFormProps } from './RecordForm.js';

export interface AddFormProps extends Omit<RecordFormProps, 'title' | 'onCancel'> {
  /** The text of the button that opens the form, and the form's heading. */
  label: string;
}

/**
 * A button that opens a form below it (aria-expanded says whether it is open). After a
 * successful save the form closes and the focus goes back to the button.
 */
export function AddForm({ label, onSubmit, ...formProps }: AddFormProps) {
  const [open, setOpen] = useState(false);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const close = () => {
    setOpen(false);
    requestAnimationFrame(() => buttonRef.current?.focus());
  };
  return (
    <div className="ks-add">
      <button
        ref={buttonRef}
        type="button"
        className="utrecht-button utrecht-button--secondary-action"
        aria-expanded={open}
        onClick={() => setOpen((o) => !o)}
      >
        {label}
      </button>
      {open && (
        <div className="ks-add__panel">
          <RecordForm
            {...formProps}
            title={label}
            onSubmit={async (values: FormValues) => {
              await onSubmit(values);
              close();
            }}
            onCancel={close}
          />
        </div>
      )}
    </div>
  );
}
