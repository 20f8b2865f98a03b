import { DataTable } from '../../components/DataTable.js';
import { useCallback, useId, useMemo, useState } from 'react';
import { nl as nlNumber } from '../../../mirror/format.js';
import { Failed, Loading, useRemote } from '../begeleiding/shared.js';
import type { PageProps } from './WerkgeversPage.js';
import { werkgeversApi, type MirrorAnswer } from './api.js';
import { useTexts } from './texts.js';

/** The employer's decision moments per group, for all employers or one where numbers allow. */
export function MirrorSection({ api, onSessionEnded }: PageProps) {
  const tx = useTexts();
  const selectId = useId();
  const calls = useMemo(() => werkgeversApi(api), [api]);
  const [employerId, setEmployerId] = useState<number | null>(null);
  const load = useCallback(() => calls.mirror(employerId), [calls, employerId]);
  const [state, reload] = useRemote(load, onSessionEnded);
  return (
    <section aria-labelledby="ks-employer-mirror">
      <h2 className="utrecht-heading-2" id="ks-employer-mirror">
        {tx('mirror')}
      </h2>
      <p className="utrecht-paragraph">{tx('mirrorIntro')}</p>
      {state.status === 'loading' && <Loading />}
      {state.status === 'error' && <Failed onRetry={() => void reload()} />}
      {state.status === 'ok' && (
        <>
          <div className="utrecht-form-field">
            <label className="utrecht-form-label" htmlFor={selectId}>
              {tx('mirrorScope')}
            </label>{' '}
            <select
              id={selectId}
              className="utrecht-select"
              value={employerId ?? ''}
              onChange={(e) => setEmployerId(e.target.value ? Number(e.target.value) : null)}
            >
              <option value="">{tx('allEmployers')}</option>
              {state.data.employers.map((e) => (
                <option key={e.id} value={e.id}>
                  {e.name}
                </option>
              ))}
            </select>
          </div>
          {state.data.employersTooSmall > 0 && (
            <p className="utrecht-paragraph">{tx('tooSmall', { n: state.data.employersTooSmall })}</p>
          )}
          <ChainView data={state.data} />
        </>
      )}
    </section>
  );
}

const pct = (v: number | null) => (v === null ? '–' : `${nlNumber(v)}%`);

function ChainView({ data }: { data: MirrorAnswer }) {
  const tx = useTexts();
  const labelOf = (key: string) => data.grounds.find((g) => g.key === key)?.label ?? key;
  if (!data.chain.published) return <p className="utrecht-paragraph">{tx('notPublished')}</p>;
  return (
    <>
      <h3 className="utrecht-heading-3">{tx('dropOuts')}</h3>
      {data.chain.dropOuts.length === 0 && <p className="utrecht-paragraph">{tx('noDropOuts')}</p>}
      <ul className="utrecht-unordered-list">
        {data.chain.dropOuts.map((d) => (
          <li key={`${d.step}-${d.ground}-${d.group}`}>
            {tx('dropOutLine', {
              step: d.step,
              group: d.group,
              ground: labelOf(d.ground),
              rate: nlNumber(d.rate),
              ratio: nlNumber(d.ratio, 2),
            })}
          </li>
        ))}
      </ul>
      <DataTable
        caption={tx('mirror')}
        columns={[
          tx('step'),
          { label: tx('people'), numeric: true },
          { label: tx('reached'), numeric: true },
          { label: tx('rate'), numeric: true },
        ]}
        rows={data.chain.steps.map((s) => ({
          key: s.label,
          header: s.label,
          cells: [s.population ?? tx('hidden'), s.reached ?? tx('hidden'), pct(s.rate)],
        }))}
      />
    </>
  );
}

/** Discriminatory requests per quarter and per employer; names only after the protocol's decision. */
export function ReportSection({ api, onSessionEnded }: PageProps) {
  const tx = useTexts();
  const calls = useMemo(() => werkgeversApi(api), [api]);
  const [state, reload] = useRemote(
    useCallback(() => calls.report(), [calls]),
    onSessionEnded,
  );
  return (
    <section aria-labelledby="ks-requests">
      <h2 className="utrecht-heading-2" id="ks-requests">
        {tx('requests')}
      </h2>
      <p className="utrecht-paragraph">{tx('requestsIntro')}</p>
      {state.status === 'loading' && <Loading />}
      {state.status === 'error' && <Failed onRetry={() => void reload()} />}
      {state.status === 'ok' && (
        <div>
          <DataTable
            caption={tx('requests')}
            columns={[`${tx('quarter')} / ${tx('name')}`, { label: tx('total'), numeric: true }]}
            rows={[
              ...state.data.perQuarter.map((q) => ({ key: `q-${q.quarter}`, header: q.quarter, cells: [q.total] })),
              ...state.data.perEmployer.map((e) => ({ key: `e-${e.employer}`, header: e.employer, cells: [e.total] })),
              {
                key: 'not-named',
                header: tx('notNamed', { n: state.data.notNamed.employers }),
                cells: [state.data.notNamed.total],
              },
            ]}
          />
          {state.data.goodExamples.length > 0 && (
            <p className="utrecht-paragraph">
              {tx('goodExamples')}: {state.data.goodExamples.join(', ')}
            </p>
          )}
        </div>
      )}
    </section>
  );
}
