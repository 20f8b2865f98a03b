import { useCallback, useState } from 'react';
import type { QuestionnaireDefinition, QuestionnaireLang } from '../../../questionnaire/definition.js';
import { Alert } from '../../components/Alert.js';
import { Button } from '../../components/Button.js';
import { PageHeading } from '../../components/PageHeading.js';
import { DataTable } from '../../components/DataTable.js';
import { useApi } from '../../components/useApi.js';
import { useDocumentTitle } from '../../components/useDocumentTitle.js';
import type { PageContext } from '../../routes.js';
import { useFormatDate } from '../begeleiding/shared.js';
import { useTexts } from './texts.js';
import { navigate } from '../../router.js';
import { KIOSK_TOKEN_KEY } from './PublicQuestionnairePage.js';
import { QuestionnaireForm } from './QuestionnaireForm.js';
import './vragenlijst.css';

interface DueItem {
  clientId: number;
  name: string;
  start: string;
  wave: string;
  dueOn: string;
  status: string;
  sentOn: string | null;
}

const STATUSES = ['open', 'te_laat', 'verstuurd', 'gepland', 'ingevuld', 'gemist'] as const;
const isStatus = (s: string): s is (typeof STATUSES)[number] => (STATUSES as readonly string[]).includes(s);

/** The consultant's list of measurement moments that are due, with the three ways to fill in. */
export function DueListPage({ api, onSessionEnded }: PageContext) {
  const t = useTexts();
  const formatDate = useFormatDate();
  useDocumentTitle(t('due.title'));
  const load = useCallback(() => api.send<{ items: DueItem[] }>('GET', '/meetmomenten/aan-de-beurt'), [api]);
  const [remote] = useApi(load, load, onSessionEnded);
  const items = remote.status === 'ok' ? remote.data.items : null;
  const [error, setError] = useState<string | null>(null);
  const [links, setLinks] = useState<Record<string, { url: string; expiresAt: string }>>({});

  async function makeLink(item: DueItem) {
    try {
      const r = await api.send<{ path: string; expiresAt: string }>(
        'POST',
        `/klanten/${item.clientId}/meetmomenten/${item.wave}/link`,
      );
      setLinks((prev) => ({
        ...prev,
        [`${item.clientId}-${item.wave}`]: { url: `${window.location.origin}${r.path}`, expiresAt: r.expiresAt },
      }));
    } catch {
      setError(t('due.linkFailed'));
    }
  }
  async function startKiosk(item: DueItem) {
    try {
      const r = await api.send<{ kioskToken: string }>(
        'POST',
        `/klanten/${item.clientId}/meetmomenten/${item.wave}/kiosk`,
      );
      window.sessionStorage.setItem(KIOSK_TOKEN_KEY, r.kioskToken);
      window.location.assign('/kiosk');
    } catch {
      setError(t('due.kioskFailed'));
    }
  }
  const forClient = (name: string) => <span className="ks-visually-hidden">{t('due.forClient', { name })}</span>;
  const shownError = error ?? (remote.status === 'error' ? t('due.failed') : null);

  return (
    <>
      <PageHeading>{t('due.heading')}</PageHeading>
      <p className="utrecht-paragraph">{t('due.intro')}</p>
      {shownError && (
        <Alert type="error" announce>
          <p className="utrecht-paragraph">{shownError}</p>
        </Alert>
      )}
      {items === null && !shownError && <p className="utrecht-paragraph">{t('due.loading')}</p>}
      {items !== null && items.length === 0 && <p className="utrecht-paragraph">{t('due.none')}</p>}
      {items !== null && items.length > 0 && (
        <DataTable
          testId="meetmomenten-lijst"
          caption={t('due.caption', { count: items.length })}
          columns={[t('due.client'), t('due.wave'), t('due.date'), t('due.status'), t('due.fillIn')]}
          rows={items.map((item) => {
            const key = `${item.clientId}-${item.wave}`;
            return {
              key,
              header: item.name,
              attributes: { 'data-client': item.clientId },
              cells: [
                item.wave,
                formatDate(item.dueOn),
                isStatus(item.status) ? t(`status.${item.status}`) : item.status,
                <>
                  <Button appearance="secondary-action" onClick={() => void makeLink(item)}>
                    {t('due.makeLink')}
                    {forClient(item.name)}
                  </Button>{' '}
                  <Button appearance="secondary-action" onClick={() => void startKiosk(item)}>
                    {t('due.kiosk')}
                    {forClient(item.name)}
                  </Button>{' '}
                  <Button
                    appearance="subtle"
                    onClick={() => navigate(`/vragenlijsten/${item.clientId}/${item.wave}/voorlezen`)}
                  >
                    {t('due.readOut')}
                    {forClient(item.name)}
                  </Button>
                  {links[key] && (
                    <p className="utrecht-paragraph">
                      {t('due.link', { date: formatDate(links[key].expiresAt) })}{' '}
                      <output data-testid="link-url">{links[key].url}</output>
                    </p>
                  )}
                </>,
              ],
            };
          })}
        />
      )}
    </>
  );
}

/** The consultant reads the questions out and fills in the client's answers (mode: voorgelezen). */
export function ReadOutPage({ api, onSessionEnded, clientId, wave }: PageContext & { clientId: number; wave: string }) {
  const t = useTexts();
  useDocumentTitle(t('readOut.title'));
  const load = useCallback(() => api.send<QuestionnaireDefinition>('GET', '/vragenlijst/definitie'), [api]);
  const [definition] = useApi(load, load, onSessionEnded);
  const submit = useCallback(
    async (answers: Record<string, unknown>, language: QuestionnaireLang) => {
      await api.send('POST', `/klanten/${clientId}/meetmomenten/${wave}/answers`, { language, answers });
    },
    [api, clientId, wave],
  );
  return (
    <>
      <Alert type="info">
        <p className="utrecht-paragraph">{t('readOut.intro')}</p>
      </Alert>
      {definition.status === 'error' && (
        <Alert type="error">
          <p className="utrecht-paragraph">{t('readOut.failed')}</p>
        </Alert>
      )}
      {definition.status === 'ok' && (
        <QuestionnaireForm
          definition={definition.data}
          wave={wave}
          draftKey={`voorlezen.${clientId}.${wave}`}
          onSubmit={submit}
          doneKey="thanks"
        />
      )}
    </>
  );
}
