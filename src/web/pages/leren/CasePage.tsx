import { DataTable } from '../../components/DataTable.js';
import { useState, type FormEvent } from 'react';
import { Alert } from '../../components/Alert.js';
import { Button } from '../../components/Button.js';
import { Link } from '../../components/Link.js';
import { PageHeading } from '../../components/PageHeading.js';
import { useDocumentTitle } from '../../components/useDocumentTitle.js';
import { dataOf, useRemote } from '../spiegel/useRemote.js';
import { Failed, Loading, Section, type CaseDetailAnswer, type LerenProps } from './shared.js';
import { useLerenTexts } from './texts.js';
import { FormField } from '../../components/FormField.js';

/** One case: choose an approach with a reason; colleagues' choices appear only after that. */
export function CasePage({ api, onSessionEnded, caseId }: LerenProps & { caseId: number }) {
  const t = useLerenTexts();
  const [version, setVersion] = useState(0);
  const remote = useRemote(
    `case-${caseId}-${version}`,
    () => api.send<CaseDetailAnswer>('GET', `/leren/casussen/${caseId}`),
    onSessionEnded,
  );
  const c = dataOf(remote);
  useDocumentTitle(c?.title ?? t('title'));
  if (remote.status === 'error') return <Failed />;
  if (c === null) return <Loading />;
  return (
    <>
      <PageHeading>{c.title}</PageHeading>
      <p className="utrecht-paragraph">
        <Link href="/leren">{t('case.back')}</Link>
      </p>
      <p className="utrecht-paragraph ks-leren-situation">{c.situation}</p>
      {c.votes === null ? (
        <VoteForm api={api} detail={c} onVoted={() => setVersion((v) => v + 1)} />
      ) : (
        <Colleagues detail={c} />
      )}
      {c.discussions.length > 0 && (
        <Section title={t('case.discussions')}>
          {c.discussions.map((d, i) => (
            <p key={i} className="utrecht-paragraph ks-leren-situation">
              <strong>{d.heldOn}</strong>: {d.note}
            </p>
          ))}
        </Section>
      )}
    </>
  );
}

function VoteForm({ api, detail, onVoted }: { api: LerenProps['api']; detail: CaseDetailAnswer; onVoted: () => void }) {
  const t = useLerenTexts();
  const [choice, setChoice] = useState<number | null>(null);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  async function submit(e: FormEvent) {
    e.preventDefault();
    if (choice === null) return setError(t('case.pickOne'));
    setBusy(true);
    try {
      await api.send('POST', `/leren/casussen/${detail.id}/keuze`, { optionId: choice, reason });
      onVoted();
    } catch {
      setError(t('error'));
    } finally {
      setBusy(false);
    }
  }
  return (
    <form className="ks-leren-form" onSubmit={submit} noValidate>
      <fieldset className="ks-leren-options">
        <legend className="utrecht-heading-3">{detail.question}</legend>
        {detail.options.map((o) => (
          <label key={o.id}>
            <input type="radio" name="keuze" value={o.id} checked={choice === o.id} onChange={() => setChoice(o.id)} />{' '}
            {o.label}
          </label>
        ))}
      </fieldset>
      <FormField id="leren-reason" label={t('case.reason')} description={t('case.reasonHelp')}>
        {(control) => (
          <textarea {...control} maxLength={500} value={reason} onChange={(e) => setReason(e.target.value)} />
        )}
      </FormField>
      {error && (
        <Alert type="error" announce>
          <p className="utrecht-paragraph">{error}</p>
        </Alert>
      )}
      <p className="utrecht-paragraph">{t('case.colleaguesHidden')}</p>
      <Button type="submit" disabled={busy}>
        {t('case.submit')}
      </Button>
    </form>
  );
}

function Colleagues({ detail }: { detail: CaseDetailAnswer }) {
  const t = useLerenTexts();
  const votes = detail.votes ?? [];
  const total = votes.reduce((a, b) => a + b.votes, 0);
  return (
    <Section title={t('case.colleagues')}>
      <DataTable
        caption={detail.question}
        columns={[t('meeting.option'), t('meeting.count')]}
        rows={detail.options.map((o) => {
          const n = votes.find((v) => v.optionId === o.id)?.votes ?? 0;
          return {
            key: String(o.id),
            header: `${o.label}${detail.myVote?.optionId === o.id ? ` (${t('case.yours')})` : ''}`,
            cells: [
              <>
                <span
                  className="ks-leren-bar"
                  style={{ width: `${total ? (8 * n) / total : 0}rem` }}
                  aria-hidden="true"
                />
                {t('case.votes', { n })}
              </>,
            ],
          };
        })}
      />
    </Section>
  );
}
