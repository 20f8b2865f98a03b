import { useState, type FormEvent } from 'react';
import { CASE_TAGS } from '../../../domain/learning-codes.js';
import { casefileApi } from '../../api-casefile.js';
import { Alert } from '../../components/Alert.js';
import { Button } from '../../components/Button.js';
import { PageHeading } from '../../components/PageHeading.js';
import { useDocumentTitle } from '../../components/useDocumentTitle.js';
import { navigate } from '../../router.js';
import { situationFromIntervision } from './intervision.js';
import { LerenNav, type LerenProps } from './shared.js';
import { useLerenTexts } from './texts.js';
import { FormField } from '../../components/FormField.js';

/** A team leader writes a case, by hand or from an anonymised intervision summary. */
export function NewCasePage({ api, user }: LerenProps) {
  const t = useLerenTexts();
  useDocumentTitle(t('new.title'));
  const [title, setTitle] = useState('');
  const [situation, setSituation] = useState('');
  const [tags, setTags] = useState<string[]>([]);
  const [options, setOptions] = useState(['', '']);
  const [clientId, setClientId] = useState('');
  const [source, setSource] = useState<'eigen' | 'intervisie'>('eigen');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function fromIntervision() {
    setError(null);
    try {
      const summary = await casefileApi(api).intervision(Number(clientId));
      setSituation(situationFromIntervision(summary));
      setSource('intervisie');
    } catch {
      setError(t('error'));
    }
  }

  async function submit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const { id } = await api.send<{ id: number }>('POST', '/leren/casussen', {
        title,
        situation,
        tags,
        source,
        options: options.filter((o) => o.trim() !== ''),
      });
      navigate(`/leren/casussen/${id}/bespreking`);
    } catch {
      setError(t('error'));
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      <PageHeading>{t('new.title')}</PageHeading>
      <LerenNav user={user} />
      <p className="utrecht-paragraph">{t('new.intro')}</p>
      <div className="ks-leren-form">
        <FormField id="leren-client" label={t('new.fromIntervision')} description={t('new.fromIntervisionHelp')}>
          {(control) => (
            <input
              {...control}
              type="number"
              inputMode="numeric"

              value={clientId}
              onChange={(e) => setClientId(e.target.value)}
            />
          )}
        </FormField>
        <Button appearance="secondary-action" onClick={fromIntervision} disabled={clientId === ''}>
          {t('new.load')}
        </Button>
      </div>
      <form className="ks-leren-form" onSubmit={submit} noValidate>
        <FormField id="leren-title" label={t('new.caseTitle')}>
          {(control) => (
            <input {...control} type="text" maxLength={200} value={title} onChange={(e) => setTitle(e.target.value)} />
          )}
        </FormField>
        <FormField id="leren-situation" label={t('new.situation')}>
          {(control) => (
            <textarea {...control} maxLength={4000} value={situation} onChange={(e) => setSituation(e.target.value)} />
          )}
        </FormField>
        <fieldset className="ks-leren-options">
          <legend className="utrecht-form-label">{t('new.tags')}</legend>
          {CASE_TAGS.map((tag) => (
            <label key={tag}>
              <input
                type="checkbox"
                checked={tags.includes(tag)}
                onChange={(e) => setTags((s) => (e.target.checked ? [...s, tag] : s.filter((x) => x !== tag)))}
              />{' '}
              {t(`tag.${tag}`)}
            </label>
          ))}
        </fieldset>
        {options.map((o, i) => (
          <div key={i}>
            <FormField id={`leren-option-${i}`} label={t('new.option', { n: i + 1 })}>
              {(control) => (
                <input
                  {...control}
                  type="text"
                  maxLength={300}
                  value={o}
                  onChange={(e) => setOptions((s) => s.map((x, j) => (j === i ? e.target.value : x)))}
                />
              )}
            </FormField>
          </div>
        ))}
        {options.length < 5 && (
          <p className="utrecht-paragraph">
            <Button appearance="secondary-action" onClick={() => setOptions((s) => [...s, ''])}>
              {t('new.addOption')}
            </Button>
          </p>
        )}
        {error && (
          <Alert type="error" announce>
            <p className="utrecht-paragraph">{error}</p>
          </Alert>
        )}
        <Button type="submit" disabled={busy}>
          {t('new.save')}
        </Button>
      </form>
    </>
  );
}
