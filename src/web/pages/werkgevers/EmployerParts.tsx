import { useCallback, useMemo } from 'react';
import { AGREEMENT_KINDS } from '../../../domain/employer-codes.js';
import { todayIso } from '../../../domain/dates.js';
import { AddForm } from '../../components/AddForm.js';
import type { FormValues } from '../../components/RecordForm.js';
import { useFormatDate, useRemote } from '../begeleiding/shared.js';
import { useSavedNotice } from './Form.js';
import type { PageProps } from './WerkgeversPage.js';
import type { werkgeversApi } from './api.js';
import { type Employer } from './api.js';
import { useTexts, type WerkgeverText } from './texts.js';

/** What every part of the employer page gets: the employer, the calls and a reload after a change. */
export interface PartProps {
  employer: Employer;
  calls: ReturnType<typeof werkgeversApi>;
  reload: () => Promise<void>;
  /** Whether the user works with employers (consultant, team leader) and may add things. */
  works: boolean;
}

/** The trimmed text of a field, or undefined when empty. */
export const text = (v: FormValues, name: string): string | undefined => {
  const value = v[name];
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
};

/** Contact persons, and a form for a new one. */
export function ContactsPart({ employer, calls, reload, works }: PartProps) {
  const tx = useTexts();
  const { notice, confirm } = useSavedNotice();
  return (
    <section aria-labelledby="ks-contacts" className="ks-section">
      <h2 className="utrecht-heading-2" id="ks-contacts">
        {tx('contacts')}
      </h2>
      {employer.contacts.length === 0 ? (
        <p className="utrecht-paragraph">{tx('contact.none')}</p>
      ) : (
        <ul className="utrecht-unordered-list">
          {employer.contacts.map((c) => (
            <li key={c.id}>
              <strong>{c.name}</strong>
              {c.role && `, ${c.role}`}
              {c.phone && ` · ${c.phone}`}
              {c.email && ` · ${c.email}`}
            </li>
          ))}
        </ul>
      )}
      {notice}
      {works && (
        <AddForm
          label={tx('contact.add')}
          submitLabel={tx('save')}
          initial={{ name: '', role: '', phone: '', email: '' }}
          fields={[
            { name: 'name', label: tx('contact.name'), kind: 'text', required: true },
            { name: 'role', label: tx('contact.role'), kind: 'text' },
            { name: 'phone', label: tx('contact.phone'), kind: 'text' },
            { name: 'email', label: tx('contact.email'), kind: 'text' },
          ]}
          onSubmit={async (v) => {
            await calls.post(`/werkgevers/${employer.id}/contactpersonen`, {
              name: text(v, 'name') ?? '',
              role: text(v, 'role') ?? '',
              phone: text(v, 'phone') ?? null,
              email: text(v, 'email') ?? null,
            });
            await reload();
            confirm(tx('contact.saved', { name: text(v, 'name') ?? '' }));
          }}
        />
      )}
    </section>
  );
}

/** Agreements with the employer (for example placements with extra guidance), and a form for a new one. */
export function AgreementsPart({ employer, calls, reload, works }: PartProps) {
  const tx = useTexts();
  const date = useFormatDate();
  const { notice, confirm } = useSavedNotice();
  const kind = (k: string) => tx(`agreement.kind.${k}` as WerkgeverText);
  return (
    <section aria-labelledby="ks-agreements" className="ks-section">
      <h2 className="utrecht-heading-2" id="ks-agreements">
        {tx('agreements')}
      </h2>
      {employer.agreements.length === 0 ? (
        <p className="utrecht-paragraph">{tx('agreement.none')}</p>
      ) : (
        <ul className="utrecht-unordered-list">
          {employer.agreements.map((a) => (
            <li key={a.id}>
              <strong>{kind(a.kind)}</strong>: {a.description} (
              {a.endDate
                ? tx('agreement.fromTo', { start: date(a.startDate), end: date(a.endDate) })
                : tx('agreement.from', { start: date(a.startDate) })}
              )
            </li>
          ))}
        </ul>
      )}
      {notice}
      {works && (
        <AddForm
          label={tx('agreement.add')}
          submitLabel={tx('save')}
          initial={{ kind: 'extra_begeleiding', description: '', startDate: todayIso(), endDate: '' }}
          fields={[
            {
              name: 'kind',
              label: tx('agreement.kind'),
              kind: 'select',
              required: true,
              options: AGREEMENT_KINDS.map((k) => ({ value: k, label: kind(k) })),
            },
            { name: 'description', label: tx('agreement.description'), kind: 'textarea', required: true },
            { name: 'startDate', label: tx('agreement.start'), kind: 'date', required: true },
            { name: 'endDate', label: tx('agreement.end'), kind: 'date' },
          ]}
          onSubmit={async (v) => {
            await calls.post(`/werkgevers/${employer.id}/afspraken`, {
              kind: text(v, 'kind'),
              description: text(v, 'description') ?? '',
              startDate: text(v, 'startDate') ?? '',
              endDate: text(v, 'endDate') ?? null,
            });
            await reload();
            confirm(tx('agreement.saved'));
          }}
        />
      )}
    </section>
  );
}

/** The employer's marks (current, and retired ones as history), and a choice of the current ones. */
export function MarksPart({ employer, calls, reload, works, api, onSessionEnded }: PartProps & PageProps) {
  const tx = useTexts();
  const { notice, confirm } = useSavedNotice();
  const loadMarks = useCallback(
    async () => (works ? (await api.send<{ items: { id: number; name: string }[] }>('GET', '/keurmerken')).items : []),
    [api, works],
  );
  const [marks] = useRemote(loadMarks, onSessionEnded);
  const options = useMemo(
    () => (marks.status === 'ok' ? marks.data.map((m) => ({ value: String(m.id), label: m.name })) : []),
    [marks],
  );
  return (
    <section aria-labelledby="ks-marks" className="ks-section">
      <h2 className="utrecht-heading-2" id="ks-marks">
        {tx('marks')}
      </h2>
      <p className="utrecht-paragraph">{employer.marks.join(', ') || '–'}</p>
      {employer.retiredMarks.length > 0 && (
        <p className="utrecht-paragraph ks-muted">{tx('marks.retired', { names: employer.retiredMarks.join(', ') })}</p>
      )}
      {notice}
      {works && options.length > 0 && (
        <AddForm
          label={tx('marks.choose')}
          submitLabel={tx('save')}
          initial={{ markIds: employer.markIds.map(String) }}
          fields={[{ name: 'markIds', label: tx('marks.label'), kind: 'checkboxes', options }]}
          onSubmit={async (v) => {
            const chosen = Array.isArray(v.markIds) ? v.markIds.map(Number) : [];
            await calls.send('PUT', `/werkgevers/${employer.id}/keurmerken`, { markIds: chosen });
            await reload();
            confirm(tx('marks.saved'));
          }}
        />
      )}
    </section>
  );
}
