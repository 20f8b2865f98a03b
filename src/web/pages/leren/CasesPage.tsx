import { useState } from 'react';
import { CASE_TAGS } from '../../../domain/learning-codes.js';
import { Link } from '../../components/Link.js';
import { PageHeading } from '../../components/PageHeading.js';
import { useDocumentTitle } from '../../components/useDocumentTitle.js';
import { dataOf, useRemote } from '../spiegel/useRemote.js';
import { Failed, LerenNav, Loading, type CaseListAnswer, type LerenProps } from './shared.js';
import { useLerenTexts } from './texts.js';
import { FormField } from '../../components/FormField.js';

/** The case library: every case (one version per set), by theme, with whether you chose. */
export function CasesPage({ api, user, onSessionEnded }: LerenProps) {
  const t = useLerenTexts();
  useDocumentTitle(t('title'));
  const [tag, setTag] = useState('');
  const remote = useRemote('cases', () => api.send<CaseListAnswer>('GET', '/leren/casussen'), onSessionEnded);
  const data = dataOf(remote);
  const items = data?.items.filter((c) => tag === '' || c.tags.includes(tag)) ?? [];
  return (
    <>
      <PageHeading>{t('title')}</PageHeading>
      <p className="utrecht-paragraph">{t('intro')}</p>
      <LerenNav user={user} />
      <h2 className="utrecht-heading-2">{t('cases.title')}</h2>
      <div className="ks-leren-form">
        <FormField id="leren-tag" label={t('cases.filter')}>
          {(control) => (
            <select {...control} value={tag} onChange={(e) => setTag(e.target.value)}>
              <option value="">{t('cases.allTags')}</option>
              {CASE_TAGS.map((c) => (
                <option key={c} value={c}>
                  {t(`tag.${c}`)}
                </option>
              ))}
            </select>
          )}
        </FormField>
      </div>
      {remote.status === 'error' && <Failed />}
      {data === null && remote.status !== 'error' && <Loading />}
      {data !== null && items.length === 0 && <p className="utrecht-paragraph">{t('cases.empty')}</p>}
      {items.map((c) => (
        <article key={c.id} className="ks-leren-case">
          <h3 className="utrecht-heading-3">
            <Link href={`/leren/casussen/${c.id}`}>{c.title}</Link>
          </h3>
          <ul className="ks-leren-tags" aria-label={t('new.tags')}>
            {c.tags.map((tg) => (
              <li key={tg}>{t(`tag.${tg}` as 'tag.taal')}</li>
            ))}
          </ul>
          <p className="utrecht-paragraph">
            {c.votedByMe ? t('cases.voted') : t('cases.open')}
            {c.versions > 1 && ` · ${t('cases.versions', { n: c.versions })}`}
            {c.discussions > 0 && ` · ${t('cases.discussed')}`}
          </p>
          {user.role === 'teamleider' && (
            <p className="utrecht-paragraph">
              <Link href={`/leren/casussen/${c.id}/bespreking`}>{t('cases.meeting')}</Link>
            </p>
          )}
        </article>
      ))}
    </>
  );
}
