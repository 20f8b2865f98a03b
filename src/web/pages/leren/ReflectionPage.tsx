import { DataTable } from '../../components/DataTable.js';
import { useState, type FormEvent } from 'react';
import { LOGICS, type Logic } from '../../../domain/learning-codes.js';
import { Alert } from '../../components/Alert.js';
import { Button } from '../../components/Button.js';
import { PageHeading } from '../../components/PageHeading.js';
import { useDocumentTitle } from '../../components/useDocumentTitle.js';
import { dataOf, useRemote } from '../spiegel/useRemote.js';
import { Failed, LerenNav, Loading, Section, type LerenProps, type OpenAnswer, type PatternAnswer } from './shared.js';
import { useLerenTexts } from './texts.js';
import { monthLabel } from '../../../domain/dates.js';
import { useI18n } from '../../i18n/i18n.js';
import { FormField } from '../../components/FormField.js';

/** The consultant's own reflection after conversations, and the own pattern over time. */
export function ReflectionPage({ api, user, onSessionEnded }: LerenProps) {
  const t = useLerenTexts();
  const { lang } = useI18n();
  useDocumentTitle(t('reflection.title'));
  const [version, setVersion] = useState(0);
  const open = useRemote(
    `open-${version}`,
    () => api.send<OpenAnswer>('GET', '/leren/reflecties/open'),
    onSessionEnded,
  );
  const pattern = useRemote(
    `pattern-${version}`,
    () => api.send<PatternAnswer>('GET', '/leren/reflecties/mijn'),
    onSessionEnded,
  );
  const items = dataOf(open)?.items;
  const months = dataOf(pattern)?.months;
  return (
    <>
      <PageHeading>{t('reflection.title')}</PageHeading>
      <LerenNav user={user} />
      <p className="utrecht-paragraph">{t('reflection.intro')}</p>
      <Section title={t('reflection.open')}>
        {open.status === 'error' && <Failed />}
        {items === undefined && open.status !== 'error' && <Loading />}
        {items?.length === 0 && <p className="utrecht-paragraph">{t('reflection.none')}</p>}
        {items?.map((c) => (
          <ReflectionForm key={c.conversationId} api={api} conversation={c} onSaved={() => setVersion((v) => v + 1)} />
        ))}
      </Section>
      <Section title={t('reflection.pattern')}>
        {months?.length === 0 && <p className="utrecht-paragraph">{t('reflection.noPattern')}</p>}
        {months && months.length > 0 && (
          <DataTable
            caption={t('reflection.pattern')}
            columns={[
              t('reflection.month'),
              { label: t('reflection.count'), numeric: true },
              ...LOGICS.map((l) => ({ label: t(`logic.${l}`), numeric: true })),
              { label: t('reflection.discrimShort'), numeric: true },
            ]}
            rows={months.map((m) => ({
              key: m.month,
              header: monthLabel(m.month, lang),
              cells: [m.reflections, ...LOGICS.map((l) => m.logics[l]), m.discrimination],
            }))}
          />
        )}
      </Section>
    </>
  );
}

function ReflectionForm({
  api,
  conversation,
  onSaved,
}: {
  api: LerenProps['api'];
  conversation: OpenAnswer['items'][number];
  onSaved: () => void;
}) {
  const t = useLerenTexts();
  const [logic, setLogic] = useState<Logic | null>(null);
  const [discrimination, setDiscrimination] = useState<boolean | null>(null);
  const [wish, setWish] = useState('');
  const [error, setError] = useState<string | null>(null);
  const id = conversation.conversationId;
  async function submit(e: FormEvent) {
    e.preventDefault();
    if (logic === null || discrimination === null) return setError(t('case.pickOne'));
    try {
      await api.send('POST', '/leren/reflecties', {
        conversationId: id,
        logic,
        discriminationDiscussed: discrimination,
        clientWish: wish,
      });
      onSaved();
    } catch {
      setError(t('error'));
    }
  }
  return (
    <form className="ks-leren-form ks-leren-case" onSubmit={submit} noValidate>
      <h3 className="utrecht-heading-3">
        {conversation.heldOn} · {conversation.clientName} · {conversation.kind}
      </h3>
      <fieldset className="ks-leren-options">
        <legend className="utrecht-form-label">{t('reflection.logic')}</legend>
        {LOGICS.map((l) => (
          <label key={l}>
            <input type="radio" name={`logic-${id}`} checked={logic === l} onChange={() => setLogic(l)} />{' '}
            {t(`logic.${l}`)}
          </label>
        ))}
      </fieldset>
      <fieldset className="ks-leren-options">
        <legend className="utrecht-form-label">{t('reflection.discrimination')}</legend>
        {[true, false].map((v) => (
          <label key={String(v)}>
            <input
              type="radio"
              name={`discr-${id}`}
              checked={discrimination === v}
              onChange={() => setDiscrimination(v)}
            />{' '}
            {v ? t('yes') : t('no')}
          </label>
        ))}
      </fieldset>
      <FormField id={`wish-${id}`} label={t('reflection.wish')}>
        {(control) => <textarea {...control} maxLength={500} value={wish} onChange={(e) => setWish(e.target.value)} />}
      </FormField>
      {error && (
        <Alert type="error" announce>
          <p className="utrecht-paragraph">{error}</p>
        </Alert>
      )}
      <Button type="submit">{t('reflection.save')}</Button>
    </form>
  );
}
