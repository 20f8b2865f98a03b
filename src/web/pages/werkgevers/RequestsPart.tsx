import { useState } from 'react';
import { ApiError } from '../../api.js';
import { Alert } from '../../components/Alert.js';
import { REQUEST_ACTIONS, REQUEST_GROUNDS, REQUEST_KINDS } from '../../../domain/employer-codes.js';
import { todayIso } from '../../../domain/dates.js';
import { AddForm } from '../../components/AddForm.js';
import { Button } from '../../components/Button.js';
import { Badge, useFormatDate } from '../begeleiding/shared.js';
import { useSavedNotice } from './Form.js';
import { text, type PartProps } from './EmployerParts.js';
import { useTexts, type WerkgeverText } from './texts.js';

/**
 * Discriminatory requests of the employer: consultants record them with what was done under the
 * protocol; the policy officer decides under the protocol whether a report may name the
 * employer, and whether it is named on purpose as a good example.
 */
export function RequestsPart({
  employer,
  calls,
  reload,
  works,
  decides,
  vacancies,
}: PartProps & { decides: boolean; vacancies: readonly { id: number; title: string }[] }) {
  const tx = useTexts();
  const date = useFormatDate();
  const { notice, confirm } = useSavedNotice();
  const label = (prefix: string, v: string) => tx(`${prefix}.${v}` as WerkgeverText);
  return (
    <section aria-labelledby="ks-requests" className="ks-section">
      <h2 className="utrecht-heading-2" id="ks-requests">
        {tx('requests')}
      </h2>
      <p className="utrecht-paragraph">{tx('request.intro')}</p>
      {notice}
      {employer.requests.length === 0 && <p className="utrecht-paragraph">{tx('request.none')}</p>}
      {employer.requests.map((r) => (
        <article key={r.id} className="ks-request" aria-label={`${tx('requests')}: ${date(r.receivedOn)}`}>
          <h3 className="utrecht-heading-3">
            {date(r.receivedOn)}: {label('request.kind', r.kind)}, {label('request.ground', r.ground).toLowerCase()}
          </h3>
          <p className="utrecht-paragraph">“{r.wording}”</p>
          <p className="utrecht-paragraph">
            {tx('request.done', { action: label('request.action', r.action).toLowerCase() })} · {tx('request.naming')}:{' '}
            <Badge tone={r.namingDecision === 'open' ? 'warning' : 'info'}>
              {label('request.naming', r.namingDecision)}
            </Badge>
          </p>
          {decides && (
            <AddForm
              label={tx('request.decide', { date: date(r.receivedOn) })}
              submitLabel={tx('save')}
              headingLevel={4}
              initial={{ namingDecision: r.namingDecision === 'open' ? '' : r.namingDecision }}
              fields={[
                {
                  name: 'namingDecision',
                  label: tx('request.decision'),
                  kind: 'select',
                  required: true,
                  options: (['noemen', 'niet_noemen'] as const).map((d) => ({
                    value: d,
                    label: label('request.naming', d),
                  })),
                },
              ]}
              onSubmit={async (v) => {
                await calls.patch(`/discriminatieverzoeken/${r.id}`, { namingDecision: text(v, 'namingDecision') });
                await reload();
                confirm(tx('request.decided'));
              }}
            />
          )}
        </article>
      ))}
      {works && (
        <AddForm
          label={tx('request.add')}
          submitLabel={tx('save')}
          initial={{ receivedOn: todayIso(), kind: '', ground: '', wording: '', action: '', vacancyId: '' }}
          fields={[
            { name: 'receivedOn', label: tx('request.receivedOn'), kind: 'date', required: true },
            {
              name: 'kind',
              label: tx('request.kind'),
              kind: 'select',
              required: true,
              options: REQUEST_KINDS.map((k) => ({ value: k, label: label('request.kind', k) })),
            },
            {
              name: 'ground',
              label: tx('request.ground'),
              kind: 'select',
              required: true,
              options: REQUEST_GROUNDS.map((g) => ({ value: g, label: label('request.ground', g) })),
            },
            { name: 'wording', label: tx('request.wording'), kind: 'textarea', required: true },
            {
              name: 'action',
              label: tx('request.action'),
              kind: 'select',
              required: true,
              options: REQUEST_ACTIONS.map((a) => ({ value: a, label: label('request.action', a) })),
            },
            {
              name: 'vacancyId',
              label: tx('request.vacancy'),
              kind: 'select',
              options: vacancies.map((v) => ({ value: String(v.id), label: v.title })),
            },
          ]}
          onSubmit={async (v) => {
            await calls.post('/discriminatieverzoeken', {
              employerId: employer.id,
              receivedOn: text(v, 'receivedOn') ?? '',
              kind: text(v, 'kind'),
              ground: text(v, 'ground'),
              wording: text(v, 'wording') ?? '',
              action: text(v, 'action'),
              vacancyId: text(v, 'vacancyId') ? Number(text(v, 'vacancyId')) : null,
            });
            await reload();
            confirm(tx('request.saved'));
          }}
        />
      )}
    </section>
  );
}

/** The protocol's decision to name the employer on purpose as a good example (policy officer). */
export function GoodExamplePart({ employer, calls, reload, decides }: PartProps & { decides: boolean }) {
  const tx = useTexts();
  const { notice, confirm } = useSavedNotice();
  const [failed, setFailed] = useState<string | null>(null);
  const next = !employer.namedAsExample;
  return (
    <section aria-labelledby="ks-example" className="ks-section">
      <h2 className="utrecht-heading-2" id="ks-example">
        {tx('example.title')}
      </h2>
      <p className="utrecht-paragraph">{employer.namedAsExample ? tx('example.yes') : tx('example.no')}</p>
      {notice}
      {failed && (
        <Alert type="error" announce>
          <p className="utrecht-paragraph">{failed}</p>
        </Alert>
      )}
      {decides && (
        <p className="utrecht-paragraph">
          <Button
            appearance="secondary-action"
            onClick={() =>
              void calls
                .patch(`/werkgevers/${employer.id}`, { namedAsExample: next })
                .then(reload)
                .then(() => {
                  setFailed(null);
                  confirm(next ? tx('example.yes') : tx('example.no'));
                })
                .catch((err: unknown) =>
                  setFailed(tx('error', { reason: err instanceof ApiError ? (err.detail ?? err.title) : String(err) })),
                )
            }
          >
            {next ? tx('example.set') : tx('example.unset')}
          </Button>
        </p>
      )}
    </section>
  );
}
