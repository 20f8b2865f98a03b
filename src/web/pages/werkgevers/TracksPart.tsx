import { useCallback, useId, useMemo, useState } from 'react';
import type { Static } from '@sinclair/typebox';
import type { WorkProfile } from '../../../server/schemas/werkgevers.js';
import { SIGNAL_KINDS } from '../../../domain/employer-codes.js';
import { todayIso } from '../../../domain/dates.js';
import { casefileApi } from '../../api-casefile.js';
import { AddForm } from '../../components/AddForm.js';
import { Failed, Loading, useFormatDate, useRemote } from '../begeleiding/shared.js';
import { useSavedNotice } from './Form.js';
import { text } from './EmployerParts.js';
import type { PageProps } from './WerkgeversPage.js';
import { werkgeversApi } from './api.js';
import { useTexts } from './texts.js';

type Tracks = Static<typeof WorkProfile>['tracks'];

/**
 * External tracks of a client of the own caseload (or team): the lead party is recorded for each
 * track, and the lead party's signals (no-show, drop-out, work found) are entered here; they
 * reach the consultant as caseload signals (`onSignal` refreshes that list).
 */
export function TracksPart(props: PageProps & { onSignal: () => void }) {
  const tx = useTexts();
  const selectId = useId();
  const casefile = useMemo(() => casefileApi(props.api), [props.api]);
  const [caseload, reloadCaseload] = useRemote(
    useCallback(() => casefile.caseload(), [casefile]),
    props.onSessionEnded,
  );
  const [clientId, setClientId] = useState<number | null>(null);
  return (
    <section aria-labelledby="ks-tracks" className="ks-section">
      <h2 className="utrecht-heading-2" id="ks-tracks">
        {tx('track.title')}
      </h2>
      <p className="utrecht-paragraph">{tx('track.intro')}</p>
      {caseload.status === 'loading' && <Loading />}
      {caseload.status === 'error' && <Failed onRetry={() => void reloadCaseload()} />}
      {caseload.status === 'ok' && (
        <div className="utrecht-form-field">
          <div className="utrecht-form-field__label">
            <label className="utrecht-form-label" htmlFor={selectId}>
              {tx('track.client')}
            </label>
          </div>
          <select
            id={selectId}
            className="utrecht-select"
            value={clientId ?? ''}
            onChange={(e) => setClientId(e.target.value ? Number(e.target.value) : null)}
          >
            <option value="">{tx('track.choose')}</option>
            {[...caseload.data.items]
              .sort((a, b) => a.name.localeCompare(b.name, 'nl'))
              .map((c) => (
                <option key={c.id} value={c.id}>
                  {c.name} ({c.id})
                </option>
              ))}
          </select>
        </div>
      )}
      {clientId !== null && <ClientTracks key={clientId} {...props} clientId={clientId} />}
    </section>
  );
}

function ClientTracks({
  api,
  onSessionEnded,
  onSignal,
  clientId,
}: PageProps & { onSignal: () => void; clientId: number }) {
  const tx = useTexts();
  const date = useFormatDate();
  const calls = useMemo(() => werkgeversApi(api), [api]);
  const [state, reload] = useRemote(
    useCallback(
      async () => (await api.send<Static<typeof WorkProfile>>('GET', `/clients/${clientId}/werkprofiel`)).tracks,
      [api, clientId],
    ),
    onSessionEnded,
  );
  const { notice, confirm } = useSavedNotice();
  if (state.status === 'loading') return <Loading />;
  if (state.status === 'error') return <Failed onRetry={() => void reload()} />;
  const tracks: Tracks = state.data;
  return (
    <>
      {notice}
      {tracks.length === 0 && <p className="utrecht-paragraph">{tx('track.none')}</p>}
      {tracks.map((t) => (
        <article key={t.id} className="ks-track" aria-label={t.name}>
          <h3 className="utrecht-heading-3">
            {tx('track.line', { name: t.name, party: t.leadParty, start: date(t.startedOn) })}
          </h3>
          <AddForm
            label={tx('track.signal', { name: t.name })}
            submitLabel={tx('save')}
            headingLevel={4}
            initial={{ kind: '', signalledOn: todayIso(), note: '' }}
            fields={[
              {
                name: 'kind',
                label: tx('track.signalKind'),
                kind: 'select',
                required: true,
                options: SIGNAL_KINDS.map((k) => ({ value: k, label: tx(`signal.${k}`) })),
              },
              { name: 'signalledOn', label: tx('track.signalledOn'), kind: 'date', required: true },
              { name: 'note', label: tx('track.note'), kind: 'textarea' },
            ]}
            onSubmit={async (v) => {
              await calls.post(`/trajecten/${t.id}/signalen`, {
                kind: text(v, 'kind'),
                signalledOn: text(v, 'signalledOn') ?? '',
                ...(text(v, 'note') ? { note: text(v, 'note') } : {}),
              });
              confirm(tx('track.signalSaved'));
              onSignal();
            }}
          />
        </article>
      ))}
      <AddForm
        label={tx('track.add')}
        submitLabel={tx('save')}
        initial={{ leadParty: '', name: '', startedOn: todayIso() }}
        fields={[
          { name: 'leadParty', label: tx('track.leadParty'), kind: 'text', required: true },
          { name: 'name', label: tx('track.name'), kind: 'text', required: true },
          { name: 'startedOn', label: tx('track.startedOn'), kind: 'date', required: true },
        ]}
        onSubmit={async (v) => {
          await calls.post(`/clients/${clientId}/trajecten`, {
            leadParty: text(v, 'leadParty') ?? '',
            name: text(v, 'name') ?? '',
            startedOn: text(v, 'startedOn') ?? '',
          });
          await reload();
          confirm(tx('track.saved'));
        }}
      />
    </>
  );
}
