import { useCallback, useId, useState, type FormEvent, type ReactNode } from 'react';
import { ApiError } from '../../api.js';
import { Alert } from '../../components/Alert.js';
import { Button } from '../../components/Button.js';
import { FormFieldTextbox } from '../../components/FormFieldTextbox.js';
import { useTexts } from './texts.js';

export interface Field {
  name: string;
  label: string;
  initial?: string;
  /** A choice from a list (value, label) instead of a text box. */
  options?: readonly (readonly [string, string])[];
}

/** A small form: text boxes and choices, one button; the server's refusal is shown with the field it names. */
export function MiniForm({
  title,
  fields,
  submit,
  onSubmit,
}: {
  title: string;
  fields: readonly Field[];
  submit: string;
  onSubmit: (values: Record<string, string>) => Promise<void>;
}) {
  const tx = useTexts();
  const headingId = useId();
  const [values, setValues] = useState<Record<string, string>>(() =>
    Object.fromEntries(fields.map((f) => [f.name, f.initial ?? f.options?.[0]?.[0] ?? ''])),
  );
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const send = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await onSubmit(values);
    } catch (err) {
      const reason =
        err instanceof ApiError
          ? (err.invalidParams?.map((p) => `${p.name}: ${p.reason}`).join(' ') ?? err.detail ?? err.title)
          : String(err);
      setError(tx('error', { reason }));
    } finally {
      setBusy(false);
    }
  };
  return (
    <form className="ks-mini-form" aria-labelledby={headingId} onSubmit={send} noValidate>
      <h3 className="utrecht-heading-3" id={headingId}>
        {title}
      </h3>
      {fields.map((f) =>
        f.options ? (
          <Choice
            key={f.name}
            field={f}
            value={values[f.name]}
            onChange={(v) => setValues((s) => ({ ...s, [f.name]: v }))}
          />
        ) : (
          <FormFieldTextbox
            key={f.name}
            label={f.label}
            value={values[f.name]}
            onChange={(e) => setValues((s) => ({ ...s, [f.name]: e.target.value }))}
          />
        ),
      )}
      {error && (
        <Alert type="error" announce>
          <p className="utrecht-paragraph">{error}</p>
        </Alert>
      )}
      <p className="utrecht-paragraph">
        <Button type="submit" appearance="primary-action" busy={busy} disabled={busy}>
          {submit}
        </Button>
      </p>
    </form>
  );
}

function Choice({ field, value, onChange }: { field: Field; value: string; onChange: (v: string) => void }) {
  const id = useId();
  return (
    <div className="utrecht-form-field">
      <div className="utrecht-form-field__label">
        <label className="utrecht-form-label" htmlFor={id}>
          {field.label}
        </label>
      </div>
      <select id={id} className="utrecht-select" value={value} onChange={(e) => onChange(e.target.value)}>
        {field.options!.map(([v, label]) => (
          <option key={v} value={v}>
            {label}
          </option>
        ))}
      </select>
    </div>
  );
}

export const words = (text: string): string[] =>
  text
    .split(',')
    .map((w) => w.trim())
    .filter(Boolean);

/**
 * A confirmation after saving: `notice` is a live region (always on the page, so screen readers
 * announce what appears in it); `confirm` shows a message there.
 */
export function useSavedNotice(): { notice: ReactNode; confirm: (message: string) => void } {
  const [message, setMessage] = useState<string | null>(null);
  const confirm = useCallback((m: string) => setMessage(m), []);
  const notice = (
    <div role="status" className="ks-saved-notice">
      {message && (
        <Alert type="ok">
          <p className="utrecht-paragraph">{message}</p>
        </Alert>
      )}
    </div>
  );
  return { notice, confirm };
}
