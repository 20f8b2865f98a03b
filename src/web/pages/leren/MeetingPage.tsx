import { DataTable } from '../../components/DataTable.js';
import { useState, type FormEvent } from 'react';
import { VARIED_FEATURES } from '../../../domain/learning-codes.js';
import { todayIso } from '../../../domain/dates.js';
import { Alert } from '../../components/Alert.js';
import { Button } from '../../components/Button.js';
import { PageHeading } from '../../components/PageHeading.js';
import { useDocumentTitle } from '../../components/useDocumentTitle.js';
import { dataOf, useRemote } from '../spiegel/useRemote.js';
import { Failed, LerenNav, Loading, Section, type LerenProps, type MeetingAnswer } from './shared.js';
import { useLerenTexts, type LerenText } from './texts.js';
import { FormField } from '../../components/FormField.js';

type Version = MeetingAnswer['versions'][number];

const versionName = (t: LerenText, v: { variedFeature: string | null }) =>
  v.variedFeature === null ? t('meeting.original') : t(`meeting.variant.${v.variedFeature}` as 'meeting.variant.naam');

/** For the team meeting: the team's votes per version with reasons without names, and the comparison. */
export function MeetingPage({ api, user, onSessionEnded, caseId }: LerenProps & { caseId: number }) {
  const t = useLerenTexts();
  const [version, setVersion] = useState(0);
  const remote = useRemote(
    `meeting-${caseId}-${version}`,
    () => api.send<MeetingAnswer>('GET', `/leren/casussen/${caseId}/bespreking`),
    onSessionEnded,
  );
  const m = dataOf(remote);
  useDocumentTitle(t('meeting.title'));
  if (remote.status === 'error') return <Failed />;
  if (m === null) return <Loading />;
  return (
    <>
      <PageHeading>{`${t('meeting.title')}: ${m.title}`}</PageHeading>
      <LerenNav user={user} />
      <p className="utrecht-paragraph">{t('meeting.intro')}</p>
      {m.versions.map((v) => (
        <VersionVotes key={v.caseId} v={v} name={m.versions.length > 1 ? versionName(t, v) : null} />
      ))}
      {m.versions.length > 1 && <Comparison m={m} />}
      <VariantForm api={api} m={m} onSaved={() => setVersion((x) => x + 1)} />
      <NotesForm api={api} caseId={m.caseId} />
    </>
  );
}

function VersionVotes({ v, name }: { v: Version; name: string | null }) {
  const t = useLerenTexts();
  return (
    <Section title={name ?? t('meeting.count')}>
      {name && <p className="utrecht-paragraph ks-leren-situation">{v.situation}</p>}
      {name !== null && v.variedFeature !== null ? null : (
        <>
          <DataTable
            caption={name ? t('meeting.pooled') : t('meeting.count')}
            columns={[t('meeting.option'), { label: t('meeting.count'), numeric: true }]}
            rows={v.options.map((o) => ({
              key: String(o.id),
              header: `${o.position}. ${o.label}`,
              cells: [v.votes.find((x) => x.optionId === o.id)?.votes ?? 0],
            }))}
          />
          <h3 className="utrecht-heading-3">{t('meeting.reasons')}</h3>
          {v.reasons.length === 0 ? (
            <p className="utrecht-paragraph">{t('meeting.noReasons')}</p>
          ) : (
            <ul className="ks-leren-reasons">
              {v.reasons.map((r, i) => (
                <li key={i}>
                  <strong>{v.options.find((o) => o.id === r.optionId)?.position}.</strong> {r.reason}
                </li>
              ))}
            </ul>
          )}
        </>
      )}
    </Section>
  );
}

function Comparison({ m }: { m: MeetingAnswer }) {
  const t = useLerenTexts();
  const positions = m.versions[0].options.map((o) => o.position);
  return (
    <Section title={t('meeting.comparison')}>
      <p className="utrecht-paragraph">{t('meeting.comparisonHelp', { threshold: m.threshold })}</p>
      <DataTable
        caption={t('meeting.comparison')}
        columns={[t('meeting.version'), ...positions.map((p) => t('meeting.share', { n: p }))]}
        rows={m.comparison.map((c) => ({
          key: String(c.caseId),
          header: versionName(t, c),
          cells:
            c.votes === null || c.votes === 0
              ? positions.map(() => t('meeting.tooFew'))
              : c.shares.map((s) => (s.share === null ? `< ${m.threshold}` : `${Math.round(100 * s.share)}%`)),
        }))}
      />
    </Section>
  );
}

function VariantForm({ api, m, onSaved }: { api: LerenProps['api']; m: MeetingAnswer; onSaved: () => void }) {
  const t = useLerenTexts();
  const original = m.versions.find((v) => v.variedFeature === null) ?? m.versions[0];
  const [feature, setFeature] = useState<string>('naam');
  const [situation, setSituation] = useState(original.situation);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  async function submit(e: FormEvent) {
    e.preventDefault();
    try {
      await api.send('POST', `/leren/casussen/${m.caseId}/varianten`, { feature, situation });
      setMessage({ ok: true, text: t('meeting.variantSaved') });
      onSaved();
    } catch {
      setMessage({ ok: false, text: t('error') });
    }
  }
  return (
    <Section title={t('meeting.variantTitle')}>
      <p className="utrecht-paragraph">{t('meeting.variantHelp')}</p>
      <form className="ks-leren-form" onSubmit={submit} noValidate>
        <FormField id="leren-feature" label={t('meeting.feature')}>
          {(control) => (
            <select {...control} value={feature} onChange={(e) => setFeature(e.target.value)}>
              {VARIED_FEATURES.map((f) => (
                <option key={f} value={f}>
                  {t(`feature.${f}`)}
                </option>
              ))}
            </select>
          )}
        </FormField>
        <FormField id="leren-variant" label={t('new.situation')}>
          {(control) => <textarea {...control} value={situation} onChange={(e) => setSituation(e.target.value)} />}
        </FormField>
        {message && (
          <Alert type={message.ok ? 'ok' : 'error'} announce>
            <p className="utrecht-paragraph">{message.text}</p>
          </Alert>
        )}
        <Button type="submit">{t('meeting.saveVariant')}</Button>
      </form>
    </Section>
  );
}

function NotesForm({ api, caseId }: { api: LerenProps['api']; caseId: number }) {
  const t = useLerenTexts();
  const [note, setNote] = useState('');
  const [heldOn, setHeldOn] = useState(todayIso());
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  async function submit(e: FormEvent) {
    e.preventDefault();
    try {
      await api.send('POST', `/leren/casussen/${caseId}/bespreking`, { note, heldOn });
      setNote('');
      setMessage({ ok: true, text: t('meeting.saveNotes') + ' ✓' });
    } catch {
      setMessage({ ok: false, text: t('error') });
    }
  }
  return (
    <Section title={t('meeting.notes')}>
      <form className="ks-leren-form" onSubmit={submit} noValidate>
        <FormField id="leren-heldon" label={t('meeting.heldOn')}>
          {(control) => <input {...control} type="date" value={heldOn} onChange={(e) => setHeldOn(e.target.value)} />}
        </FormField>
        <FormField id="leren-notes" label={t('meeting.notesHelp')}>
          {(control) => <textarea {...control} value={note} onChange={(e) => setNote(e.target.value)} />}
        </FormField>
        {message && (
          <Alert type={message.ok ? 'ok' : 'error'} announce>
            <p className="utrecht-paragraph">{message.text}</p>
          </Alert>
        )}
        <Button type="submit">{t('meeting.saveNotes')}</Button>
      </form>
    </Section>
  );
}
