import { DataTable } from '../../components/DataTable.js';
import { ENTITY_DEFS, type EntityName, type FieldDef } from '../../../import/entities.js';
import { acceptsValue, suggestValue } from '../../../import/suggest.js';
import type { FilePreview, MappingState } from './ImportPanel.js';
import { useTexts } from './texts.js';

/** A source value the field does not accept as it is, with a suggested value (or ''). */
export interface RecodeItem {
  field: string;
  column: string;
  value: string;
  count: number;
  suggestion: string;
}

const RECODABLE = new Set<FieldDef['type']>(['enum', 'country', 'bool']);
const SHOWN_VALUES = 6;

/** The values in the mapped coded columns that need recoding, with suggestions. */
export function recodableValues(entity: EntityName, preview: FilePreview, mapping: MappingState): RecodeItem[] {
  const out: RecodeItem[] = [];
  for (const col of preview.columns) {
    const def = ENTITY_DEFS[entity].fields.find((f) => f.field === mapping.columns[col.name]);
    if (!def || !RECODABLE.has(def.type)) continue;
    for (const { value, count } of col.values)
      if (!acceptsValue(def, value))
        out.push({ field: def.field, column: col.name, value, count, suggestion: suggestValue(def, value) ?? '' });
  }
  return out;
}

/** The mapping with the suggestions the administrator left as they were. */
export function withSuggestions(mapping: MappingState, items: readonly RecodeItem[]): MappingState {
  const values: MappingState['values'] = {};
  for (const i of items) {
    const chosen = mapping.values[i.field]?.[i.value] ?? i.suggestion;
    if (chosen !== '') (values[i.field] ??= {})[i.value] = chosen;
  }
  return { ...mapping, values };
}

/** Per column: the field it feeds, the first rows and the most frequent values. */
export function ColumnMapping({
  entity,
  preview,
  mapping,
  onChange,
}: {
  entity: EntityName;
  preview: FilePreview;
  mapping: MappingState;
  onChange: (m: MappingState) => void;
}) {
  const tx = useTexts();
  const fields = ENTITY_DEFS[entity].fields;
  const missing = fields.filter((f) => f.required && !Object.values(mapping.columns).includes(f.field));
  return (
    <>
      <h3 className="utrecht-heading-3">{tx('import.mapping')}</h3>
      <p className="utrecht-paragraph">
        {tx('import.previewIntro', {
          name: preview.fileName,
          rows: String(preview.rowsRead),
          format: preview.format.toUpperCase(),
        })}
      </p>
      {missing.length > 0 && (
        <p className="utrecht-paragraph" data-testid="import-missing">
          {tx('import.missingFields', { fields: missing.map((f) => f.field).join(', ') })}
        </p>
      )}
      <DataTable
        caption={tx('import.columnsCaption')}
        testId="import-columns"
        columns={[tx('import.column'), tx('import.field'), tx('import.firstValues'), tx('import.counts')]}
        rows={preview.columns.map((col, i) => ({
          key: col.name,
          header: col.name,
          cells: [
            <select
              key="field"
              className="utrecht-select"
              aria-label={tx('import.fieldFor', { column: col.name })}
              value={mapping.columns[col.name] ?? ''}
              onChange={(e) => onChange({ ...mapping, columns: { ...mapping.columns, [col.name]: e.target.value } })}
            >
              <option value="">{tx('import.notUsed')}</option>
              {fields.map((f) => (
                <option key={f.field} value={f.field}>
                  {f.field}
                  {f.required ? ` (${tx('import.required')})` : ''}
                </option>
              ))}
            </select>,
            preview.rows
              .slice(0, 3)
              .map((r) => r[i])
              .join(' · '),
            `${col.values
              .slice(0, SHOWN_VALUES)
              .map((v) => `${v.value} (${v.count})`)
              .join(', ')}${col.values.length > SHOWN_VALUES || col.more ? ', …' : ''}${
              col.empty > 0 ? ` · ${tx('import.empty', { n: String(col.empty) })}` : ''
            }`,
          ],
        }))}
      />
    </>
  );
}

/** Values to recode: per value a choice of what it means, the suggestion filled in. */
export function Recoding({
  entity,
  items,
  mapping,
  onChange,
}: {
  entity: EntityName;
  items: RecodeItem[];
  mapping: MappingState;
  onChange: (m: MappingState) => void;
}) {
  const tx = useTexts();
  if (items.length === 0) return null;
  const set = (field: string, value: string, to: string) =>
    onChange({ ...mapping, values: { ...mapping.values, [field]: { ...mapping.values[field], [value]: to } } });
  return (
    <>
      <h3 className="utrecht-heading-3">{tx('import.recode')}</h3>
      <p className="utrecht-paragraph">{tx('import.recodeIntro')}</p>
      <ul className="utrecht-unordered-list" data-testid="import-recode">
        {items.map((item) => {
          const def = ENTITY_DEFS[entity].fields.find((f) => f.field === item.field)!;
          const id = `recode-${item.field}-${item.value}`;
          const current = mapping.values[item.field]?.[item.value] ?? item.suggestion;
          const label = tx('import.recodeValue', { value: item.value, column: item.column, n: String(item.count) });
          return (
            <li key={id} className="utrecht-unordered-list__item">
              <label className="utrecht-form-label" htmlFor={id}>
                {label}
              </label>{' '}
              {def.type === 'country' ? (
                <input
                  id={id}
                  className="utrecht-textbox"
                  size={4}
                  value={current}
                  onChange={(e) => set(item.field, item.value, e.target.value.toUpperCase())}
                />
              ) : (
                <select
                  id={id}
                  className="utrecht-select"
                  value={current}
                  onChange={(e) => set(item.field, item.value, e.target.value)}
                >
                  <option value="">{tx('import.keep')}</option>
                  {(def.type === 'bool' ? ['ja', 'nee'] : (def.values ?? [])).map((v) => (
                    <option key={v} value={v}>
                      {v}
                    </option>
                  ))}
                </select>
              )}
            </li>
          );
        })}
      </ul>
    </>
  );
}
