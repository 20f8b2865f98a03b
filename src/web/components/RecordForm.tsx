import { useEffect, useId, useRef, useState, type FormEvent, type ReactNode, type RefObject } from 'react';
import { ApiError } from '../api.js';
import { useI18n } from '../i18n/i18n.js';
import { errorText } from '../pages/errors.js';
import { Button } from './Button.js';
import { cx } from './cx.js';
import { FormChoice, FormField, FormFieldCheckbox, FormFieldset } from './FormField.js';
import { defineTexts } from './useTexts.js';

const useTexts = defineTexts(
  {
    summary: 'Het opslaan is niet gelukt. Verbeter dit:',
    missing: 'Vul "{label}" in.',
    conflict:
      'Iemand anders heeft dit intussen gewijzigd. Wat u hebt ingevuld staat er nog. Laad opnieuw om de nieuwe gegevens te zien en voer uw wijziging daarna nog eens in.',
    reload: 'Laad opnieuw',
    cancel: 'Annuleren',
    busy: 'Bezig met opslaan…',
    required: '(verplicht)',
    choose: 'Kies…',
  },
  {
    summary: 'Saving did not work. Please correct this:',
    missing: 'Fill in "{label}".',
    conflict:
      'Someone else has changed this in the meantime. What you entered is still here. Reload to see the new data, then enter your change again.',
    reload: 'Reload',
    cancel: 'Cancel',
    busy: 'Saving…',
    required: '(required)',
    choose: 'Choose…',
  },
);

export type FieldValue = string | boolean | string[];
export type FormValues = Record<string, FieldValue>;

export interface FieldSpec {
  name: string;
  label: string;
  kind: 'text' | 'password' | 'date' | 'textarea' | 'select' | 'number' | 'checkbox' | 'checkboxes';
  options?: readonly { value: string; label: string }[];
  required?: boolean;
  description?: string;
  /** number fields */
  step?: string;
  /**
   * Shown as a cell of a compact table (one row per `row`, one column per `column`) instead of
   * a field of its own; the label stays for screen readers and is hidden on screen.
   */
  grid?: { row: string; column: string };
}

/** The table in which the fields with a `grid` place are shown (caption, first column header, help). */
export interface GridSpec {
  caption: string;
  rowHeader: string;
  description?: string;
}

export interface RecordFormProps {
  /** The form's accessible name (shown as a heading). */
  title: string;
  headingLevel?: 3 | 4;
  fields: readonly FieldSpec[];
  initial: FormValues;
  submitLabel: string;
  onSubmit: (values: FormValues) => Promise<void>;
  onCancel?: () => void;
  /** 409 CONFLICT_VERSION: the "laad opnieuw" action. */
  onReload?: () => void;
  /** Which field an API error (invalidParams name such as "scores.0.score") belongs to. */
  fieldOfParam?: (param: string) => string | undefined;
  /** Put the focus on the first field when the form opens. */
  focusFirst?: boolean;
  /** Extra checks in the browser before sending; field name → message. */
  check?: (values: FormValues) => Record<string, string>;
  /** How fields with a `grid` place are laid out. */
  grid?: GridSpec;
  children?: ReactNode;
}

/**
 * A labelled form for one record of the case file or the catalogue. Refusals of the API are
 * shown next to the field they belong to (from invalidParams), with a summary at the top that
 * takes the focus; what the user typed stays. A version conflict keeps the input too and
 * offers to reload.
 */
export function RecordForm({
  title,
  headingLevel = 3,
  fields,
  initial,
  submitLabel,
  onSubmit,
  onCancel,
  onReload,
  fieldOfParam,
  focusFirst = true,
  check,
  grid,
  children,
}: RecordFormProps) {
  const tx = useTexts();
  const { t } = useI18n();
  const idBase = useId();
  const [values, setValues] = useState<FormValues>(initial);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [general, setGeneral] = useState<string | null>(null);
  const [conflict, setConflict] = useState(false);
  const [busy, setBusy] = useState(false);
  const summaryRef = useRef<HTMLDivElement>(null);
  const firstRef = useRef<HTMLElement | null>(null);
  const [shown, setShown] = useState(0);
  const fieldId = (name: string) => `${idBase}-${name}`;

  useEffect(() => {
    if (focusFirst) firstRef.current?.focus();
  }, [focusFirst]);
  useEffect(() => {
    if (shown > 0) summaryRef.current?.focus();
  }, [shown]);

  const set = (name: string, value: FieldValue) => setValues((v) => ({ ...v, [name]: value }));

  const mapParam = (param: string): string | undefined => {
    const mapped = fieldOfParam?.(param);
    if (mapped) return mapped;
    if (fields.some((f) => f.name === param)) return param;
    const head = param.split('.')[0];
    return fields.some((f) => f.name === head) ? head : undefined;
  };

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (busy) return;
    const found = missingRequired(fields, values, (label) => tx('missing', { label }));
    Object.assign(found, Object.fromEntries(Object.entries(check?.(values) ?? {}).filter(([k]) => !found[k])));
    setConflict(false);
    setGeneral(null);
    if (Object.keys(found).length > 0) {
      setErrors(found);
      setShown((n) => n + 1);
      return;
    }
    setBusy(true);
    try {
      await onSubmit(values);
      setErrors({});
    } catch (err) {
      const { nextErrors, nextGeneral, isConflict } = problemsOf(err, mapParam, t);
      if (isConflict) setConflict(true);
      setErrors(nextErrors);
      setGeneral(nextGeneral);
      setShown((n) => n + 1);
    } finally {
      setBusy(false);
    }
  }

  const renderField = (f: FieldSpec, compact: boolean) => (
    <Field
      key={f.name}
      spec={f}
      id={fieldId(f.name)}
      value={values[f.name]}
      error={errors[f.name]}
      onChange={(v) => set(f.name, v)}
      inputRef={
        fields.indexOf(f) === 0
          ? (el) => {
              firstRef.current = el;
            }
          : undefined
      }
      requiredText={tx('required')}
      chooseText={tx('choose')}
      compact={compact}
    />
  );
  const Heading = headingLevel === 3 ? 'h3' : 'h4';
  const headingId = `${idBase}-title`;
  const errorList = Object.entries(errors);
  const hasProblem = conflict || general !== null || errorList.length > 0;

  return (
    <form className="utrecht-form ks-record-form" noValidate onSubmit={submit} aria-labelledby={headingId}>
      <Heading
        id={headingId}
        className={cx(headingLevel === 3 ? 'utrecht-heading-3' : 'utrecht-heading-4', 'ks-record-form__title')}
      >
        {title}
      </Heading>
      {hasProblem && (
        <ErrorSummary
          summaryRef={summaryRef}
          conflict={conflict}
          onReload={onReload}
          general={general}
          items={errorList.map(([name, message]) => ({
            id: fieldId(name),
            label: fields.find((f) => f.name === name)?.label,
            message,
          }))}
        />
      )}
      {children}
      <div className="ks-record-form__fields">
        {fields.map((f, index) => {
          if (!f.grid) return renderField(f, false);
          if (fields.findIndex((g) => g.grid) !== index) return null;
          // the first field with a grid place draws the whole table
          return (
            <FieldGrid
              key="grid"
              fields={fields}
              grid={grid}
              captionId={`${idBase}-grid`}
              cell={(cell) => renderField(cell, true)}
            />
          );
        })}
      </div>
      <div className="ks-record-form__actions">
        <Button type="submit" appearance="primary-action" busy={busy} disabled={busy}>
          {busy ? tx('busy') : submitLabel}
        </Button>
        {onCancel && (
          <Button appearance="secondary-action" onClick={onCancel}>
            {tx('cancel')}
          </Button>
        )}
      </div>
    </form>
  );
}

/** The required fields left empty (only spaces, or no choice), with the message for each. */
function missingRequired(
  fields: readonly FieldSpec[],
  values: FormValues,
  message: (label: string) => string,
): Record<string, string> {
  const found: Record<string, string> = {};
  for (const f of fields) {
    const v = values[f.name];
    if (
      f.required &&
      (v === undefined || (typeof v === 'string' && v.trim() === '') || (Array.isArray(v) && v.length === 0))
    ) {
      found[f.name] = message(f.label);
    }
  }
  return found;
}

/** What a refused save means for the form: errors per field, a general message, or a version conflict. */
function problemsOf(
  err: unknown,
  mapParam: (param: string) => string | undefined,
  t: ReturnType<typeof useI18n>['t'],
): { nextErrors: Record<string, string>; nextGeneral: string | null; isConflict: boolean } {
  const nextErrors: Record<string, string> = {};
  let nextGeneral: string | null = null;
  if (err instanceof ApiError && err.code === 'CONFLICT_VERSION') {
    return { nextErrors, nextGeneral, isConflict: true };
  } else if (err instanceof ApiError && err.invalidParams?.length) {
    const rest: string[] = [];
    for (const p of err.invalidParams) {
      const field = mapParam(p.name);
      if (field && !nextErrors[field]) nextErrors[field] = p.reason;
      else if (!field) rest.push(p.reason);
    }
    if (rest.length) nextGeneral = rest.join(' ');
  } else if (err instanceof ApiError && err.status >= 400 && err.status < 500 && err.code !== 'UNEXPECTED_ANSWER') {
    nextGeneral = err.title;
  } else {
    nextGeneral = errorText(err, t);
  }
  return { nextErrors, nextGeneral, isConflict: false };
}

/** The summary at the top of a refused form: links to the fields, or the version conflict with "laad opnieuw". */
function ErrorSummary({
  summaryRef,
  conflict,
  onReload,
  general,
  items,
}: {
  summaryRef: RefObject<HTMLDivElement | null>;
  conflict: boolean;
  onReload?: () => void;
  general: string | null;
  items: { id: string; label: string | undefined; message: string }[];
}) {
  const tx = useTexts();
  return (
    <div ref={summaryRef} tabIndex={-1} role="alert" className="utrecht-alert utrecht-alert--error ks-error-summary">
      <div className="utrecht-alert__content">
        <div className="utrecht-alert__message">
          {conflict ? (
            <>
              <p className="utrecht-paragraph">{tx('conflict')}</p>
              {onReload && (
                <p className="utrecht-paragraph">
                  <Button appearance="secondary-action" onClick={onReload}>
                    {tx('reload')}
                  </Button>
                </p>
              )}
            </>
          ) : (
            <>
              <p className="utrecht-paragraph ks-error-summary__title">{tx('summary')}</p>
              <ul className="utrecht-unordered-list">
                {items.map(({ id, label, message }) => (
                  <li key={id} className="utrecht-unordered-list__item">
                    <a
                      className="utrecht-link"
                      href={`#${id}`}
                      onClick={(e) => {
                        e.preventDefault();
                        document.getElementById(id)?.focus();
                      }}
                    >
                      {label}: {message}
                    </a>
                  </li>
                ))}
                {general && <li className="utrecht-unordered-list__item">{general}</li>}
              </ul>
            </>
          )}
        </div>
      </div>
    </div>
  );
}

/** The fields with a `grid` place as one compact table: a row per `row`, a column per `column`. */
function FieldGrid({
  fields,
  grid,
  captionId,
  cell: renderCell,
}: {
  fields: readonly FieldSpec[];
  grid: GridSpec | undefined;
  captionId: string;
  cell: (spec: FieldSpec) => ReactNode;
}) {
  const cells = fields.filter((g) => g.grid);
  const rows = [...new Set(cells.map((g) => g.grid!.row))];
  const columns = [...new Set(cells.map((g) => g.grid!.column))];
  return (
    <div className="ks-form-grid">
      <table
        className="utrecht-table ks-table ks-table--compact ks-form-grid__table"
        aria-describedby={grid?.description ? `${captionId}-help` : undefined}
      >
        <caption id={captionId} className="utrecht-table__caption">
          {grid?.caption}
        </caption>
        <thead className="utrecht-table__header">
          <tr className="utrecht-table__row">
            <th scope="col" className="utrecht-table__header-cell">
              {grid?.rowHeader}
            </th>
            {columns.map((c) => (
              <th key={c} scope="col" className="utrecht-table__header-cell">
                {c}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="utrecht-table__body">
          {rows.map((r) => (
            <tr key={r} className="utrecht-table__row">
              <th scope="row" className="utrecht-table__header-cell">
                {r}
              </th>
              {columns.map((c) => {
                const cell = cells.find((g) => g.grid!.row === r && g.grid!.column === c);
                return (
                  <td key={c} className="utrecht-table__cell">
                    {cell && renderCell(cell)}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
      {grid?.description && (
        <p id={`${captionId}-help`} className="utrecht-form-field-description">
          {grid.description}
        </p>
      )}
    </div>
  );
}

interface FieldProps {
  spec: FieldSpec;
  id: string;
  value: FieldValue | undefined;
  error: string | undefined;
  onChange: (value: FieldValue) => void;
  inputRef?: (el: HTMLElement | null) => void;
  requiredText: string;
  chooseText: string;
  /** In a table cell: the label is for screen readers only. */
  compact?: boolean;
}

function Field({ spec, id, value, error, onChange, inputRef, requiredText, chooseText, compact = false }: FieldProps) {
  const frame = {
    id,
    label: spec.label,
    description: spec.description,
    errorMessage: error,
    required: spec.required,
    requiredText,
  };
  if (spec.kind === 'checkboxes') {
    const selected = Array.isArray(value) ? value : [];
    return (
      <FormFieldset {...frame}>
        {spec.options?.map((o, i) => (
          <FormChoice key={o.value} id={`${id}-${o.value}`} label={o.label}>
            <input
              ref={i === 0 ? inputRef : undefined}
              type="checkbox"
              id={`${id}-${o.value}`}
              className="utrecht-checkbox utrecht-checkbox--html-input"
              checked={selected.includes(o.value)}
              onChange={(e) =>
                onChange(e.target.checked ? [...selected, o.value] : selected.filter((s) => s !== o.value))
              }
            />
          </FormChoice>
        ))}
      </FormFieldset>
    );
  }
  if (spec.kind === 'checkbox') {
    return (
      <FormFieldCheckbox {...frame}>
        {(control) => (
          <input
            {...control}
            name={spec.name}
            ref={inputRef}
            type="checkbox"
            className="utrecht-checkbox utrecht-checkbox--html-input"
            checked={value === true}
            onChange={(e) => onChange(e.target.checked)}
          />
        )}
      </FormFieldCheckbox>
    );
  }
  const text = typeof value === 'string' ? value : '';
  return (
    <FormField {...frame} compact={compact}>
      {(control, invalid) =>
        spec.kind === 'select' ? (
          <select
            {...control}
            name={spec.name}
            ref={inputRef}
            className={cx('utrecht-select', 'utrecht-select--html-select', invalid && 'utrecht-select--invalid')}
            value={text}
            onChange={(e) => onChange(e.target.value)}
          >
            {!spec.required || text === '' ? <option value="">{chooseText}</option> : null}
            {spec.options?.map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))}
          </select>
        ) : spec.kind === 'textarea' ? (
          <textarea
            {...control}
            name={spec.name}
            ref={inputRef}
            dir="auto"
            rows={3}
            className={cx(
              'utrecht-textarea',
              'utrecht-textarea--html-textarea',
              invalid && 'utrecht-textarea--invalid',
            )}
            value={text}
            onChange={(e) => onChange(e.target.value)}
          />
        ) : (
          <input
            {...control}
            name={spec.name}
            ref={inputRef}
            type={spec.kind}
            step={spec.step}
            dir="auto"
            className={cx(
              'utrecht-textbox',
              'utrecht-textbox--html-input',
              spec.kind !== 'text' && 'ks-textbox--short',
              invalid && 'utrecht-textbox--invalid',
            )}
            value={text}
            onChange={(e) => onChange(e.target.value)}
          />
        )
      }
    </FormField>
  );
}
