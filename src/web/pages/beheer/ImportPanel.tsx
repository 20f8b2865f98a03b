import { useCallback, useMemo, useRef, useState } from 'react';
import type { Static } from '@sinclair/typebox';
import { ApiError } from '../../api.js';
import { Alert } from '../../components/Alert.js';
import { Button } from '../../components/Button.js';
import { ENTITIES, ENTITY_DEFS, type EntityName } from '../../../import/entities.js';
import { suggestField } from '../../../import/suggest.js';
import type { FilePreviewSchema, ImportRunSchema, ProgressSchema } from '../../../server/schemas/import.js';
import { useRemote } from '../begeleiding/shared.js';
import { ColumnMapping, Recoding, recodableValues, withSuggestions } from './ImportMapping.js';
import { ImportHistory, RunResult } from './ImportResult.js';
import { PanelSection, type PanelProps } from './shared.js';
import { useTexts } from './texts.js';

export type FilePreview = Static<typeof FilePreviewSchema>;
export type ImportRun = Static<typeof ImportRunSchema>;
type Progress = Static<typeof ProgressSchema>;

/** Column → field ('' = not used), and per field: source value → value. */
export interface MappingState {
  columns: Record<string, string>;
  values: Record<string, Record<string, string>>;
}

/** The mapping as the import engine reads it (src/import/mapping.ts). */
export function mappingJson(entity: EntityName, m: MappingState): string {
  const columns = Object.fromEntries(Object.entries(m.columns).filter(([, f]) => f !== ''));
  const used = new Set(Object.values(columns));
  const values = Object.fromEntries(
    Object.entries(m.values)
      .filter(([f]) => used.has(f))
      .map(([f, table]) => [f, Object.fromEntries(Object.entries(table).filter(([, v]) => v !== ''))]),
  );
  return JSON.stringify({ [entity]: { columns, values } });
}

function initialMapping(entity: EntityName, header: string[]): MappingState {
  const taken = new Set<string>();
  const columns: Record<string, string> = {};
  for (const h of header) {
    const f = suggestField(entity, h, taken) ?? '';
    if (f) taken.add(f);
    columns[h] = f;
  }
  return { columns, values: {} };
}

/** Upload with a progress bar: first the bytes sent, then the share of the file processed. */
function useUpload(props: PanelProps) {
  const [progress, setProgress] = useState<{ phase: 'upload' | 'work'; fraction: number } | null>(null);
  const send = useCallback(
    async <T,>(path: string, form: FormData): Promise<T> => {
      const ticket = Math.random().toString(36).slice(2, 12);
      form.append('ticket', ticket);
      setProgress({ phase: 'upload', fraction: 0 });
      let polling = false;
      const poll = window.setInterval(() => {
        if (polling) return;
        polling = true;
        props.api
          .send<Progress>('GET', `/imports/progress/${ticket}`)
          .then((p) => setProgress({ phase: 'work', fraction: p.fraction }))
          .catch(() => undefined)
          .finally(() => (polling = false));
      }, 700);
      try {
        return await props.api.upload<T>(path, form, (fraction) => setProgress({ phase: 'upload', fraction }));
      } finally {
        window.clearInterval(poll);
        setProgress(null);
      }
    },
    [props.api],
  );
  return { progress, send };
}

/** Import in Beheer: choose the kind of data and a file, map and recode, a dry run, then the import. */
export function ImportPanel(props: PanelProps) {
  const tx = useTexts();
  const [entity, setEntity] = useState<EntityName>('clients');
  const [file, setFile] = useState<File | null>(null);
  const [preview, setPreview] = useState<FilePreview | null>(null);
  const [mapping, setMapping] = useState<MappingState>({ columns: {}, values: {} });
  const [result, setResult] = useState<ImportRun | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const { progress, send } = useUpload(props);
  const loadHistory = useCallback(
    async () => (await props.api.send<{ items: ImportRun[] }>('GET', '/imports')).items,
    [props.api],
  );
  const [history, reloadHistory] = useRemote(loadHistory, props.onSessionEnded);
  const fileInput = useRef<HTMLInputElement>(null);

  const fail = (err: unknown) => {
    if (err instanceof ApiError && err.status === 401) props.onSessionEnded();
    else
      setError(
        err instanceof ApiError ? (err.invalidParams?.map((p) => p.reason).join(' ') ?? err.title) : String(err),
      );
  };

  const choose = async (f: File | null, forEntity = entity) => {
    setFile(f);
    setPreview(null);
    setResult(null);
    setError(null);
    if (!f) return;
    setBusy(true);
    try {
      const form = new FormData();
      form.append('file', f, f.name);
      const p = await props.api.upload<FilePreview>('/imports/preview', form);
      setPreview(p);
      setMapping(initialMapping(forEntity, p.header));
    } catch (err) {
      fail(err);
    } finally {
      setBusy(false);
    }
  };

  const toRecode = useMemo(
    () => (preview ? recodableValues(entity, preview, mapping) : []),
    [entity, preview, mapping],
  );

  const run = async (dryRun: boolean) => {
    if (!file) return;
    setBusy(true);
    setError(null);
    try {
      const form = new FormData();
      form.append('entity', entity);
      form.append('dryRun', String(dryRun));
      form.append('mapping', mappingJson(entity, withSuggestions(mapping, toRecode)));
      form.append('file', file, file.name);
      setResult(await send<ImportRun>('/imports', form));
      await reloadHistory();
    } catch (err) {
      fail(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <PanelSection id="inlezen" title={tx('import.title')}>
      <p className="utrecht-paragraph">{tx('import.intro')}</p>
      <div className="ks-form-row">
        <label className="utrecht-form-label" htmlFor="import-entity">
          {tx('import.entity')}
        </label>{' '}
        <select
          id="import-entity"
          className="utrecht-select"
          value={entity}
          onChange={(e) => {
            const next = e.target.value as EntityName;
            setEntity(next);
            setResult(null);
            if (preview) setMapping(initialMapping(next, preview.header));
          }}
        >
          {ENTITIES.map((e) => (
            <option key={e} value={e}>
              {ENTITY_DEFS[e].label}
            </option>
          ))}
        </select>
      </div>
      {entity === 'register_facts' && <p className="utrecht-paragraph">{tx('import.registerNote')}</p>}
      <div className="ks-form-row">
        <label className="utrecht-form-label" htmlFor="import-file">
          {tx('import.file')}
        </label>{' '}
        <input
          id="import-file"
          ref={fileInput}
          type="file"
          accept=".csv,.txt,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          onChange={(e) => void choose(e.target.files?.[0] ?? null)}
        />
      </div>
      {error && (
        <Alert type="error">
          <p className="utrecht-paragraph">{error}</p>
        </Alert>
      )}
      {busy && !progress && (
        <p className="utrecht-paragraph" role="status">
          {tx('import.reading')}
        </p>
      )}
      {progress && (
        <div role="status">
          <label className="utrecht-form-label" htmlFor="import-progress">
            {tx(progress.phase === 'upload' ? 'import.uploading' : 'import.working')}
          </label>{' '}
          <progress id="import-progress" max={1} value={progress.fraction} data-testid="import-progress" />{' '}
          {Math.round(progress.fraction * 100)}%
        </div>
      )}
      {preview && (
        <>
          <ColumnMapping entity={entity} preview={preview} mapping={mapping} onChange={setMapping} />
          <Recoding entity={entity} items={toRecode} mapping={mapping} onChange={setMapping} />
          <p className="utrecht-paragraph">
            <Button appearance="secondary-action" disabled={busy} onClick={() => void run(true)}>
              {tx('import.dryRun')}
            </Button>{' '}
            <Button appearance="primary-action" disabled={busy} onClick={() => void run(false)}>
              {tx('import.run')}
            </Button>
          </p>
        </>
      )}
      {result && <RunResult api={props.api} run={result} />}
      <ImportHistory history={history} />
    </PanelSection>
  );
}
