import { useCallback, useEffect, useState, type ReactNode } from 'react';
import type { ApiClient, SessionUser } from '../../api.js';
import type { QuestionnaireDefinition, QuestionnaireLang } from '../../../questionnaire/definition.js';
import { Alert } from '../../components/Alert.js';
import { Button } from '../../components/Button.js';
import { PageHeading } from '../../components/PageHeading.js';
import { useDocumentTitle } from '../../components/useDocumentTitle.js';
import { navigate } from '../../router.js';
import { KIOSK_TOKEN_KEY } from './PublicQuestionnairePage.js';
import { QuestionnaireForm } from './QuestionnaireForm.js';
import { OutcomesPage } from './OutcomesPage.js';
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

const STATUS_LABEL: Record<string, string> = {
  open: 'Nu invullen',
  te_laat: 'Te laat',
  verstuurd: 'Link verstuurd',
  gepland: 'Gepland',
  ingevuld: 'Ingevuld',
  gemist: 'Gemist',
};

const dateNl = (iso: string) =>
  new Date(`${iso}T00:00:00Z`).toLocaleDateString('nl-NL', {
    timeZone: 'UTC',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
  });

/** The consultant's list of measurement moments that are due, with the three ways to fill in. */
function DueListPage({ api }: { api: ApiClient }) {
  useDocumentTitle('Vragenlijsten');
  const [items, setItems] = useState<DueItem[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [links, setLinks] = useState<Record<string, { url: string; expiresAt: string }>>({});
  const load = useCallback(() => {
    api.send<{ items: DueItem[] }>('GET', '/measurements/due').then(
      (r) => setItems(r.items),
      () => setError('De lijst kon niet worden geladen.'),
    );
  }, [api]);
  useEffect(load, [load]);

  async function makeLink(item: DueItem) {
    try {
      const r = await api.send<{ path: string; expiresAt: string }>(
        'POST',
        `/clients/${item.clientId}/measurements/${item.wave}/link`,
      );
      setLinks((prev) => ({
        ...prev,
        [`${item.clientId}-${item.wave}`]: { url: `${window.location.origin}${r.path}`, expiresAt: r.expiresAt },
      }));
    } catch {
      setError('Er kon geen link worden gemaakt.');
    }
  }
  async function startKiosk(item: DueItem) {
    try {
      const r = await api.send<{ kioskToken: string }>(
        'POST',
        `/clients/${item.clientId}/measurements/${item.wave}/kiosk`,
      );
      window.sessionStorage.setItem(KIOSK_TOKEN_KEY, r.kioskToken);
      window.location.assign('/kiosk');
    } catch {
      setError('De kioskmodus kon niet starten.');
    }
  }

  return (
    <>
      <PageHeading>Vragenlijsten (meetmomenten)</PageHeading>
      <p className="utrecht-paragraph">
        Klanten bij wie een meetmoment aan de beurt is: T0 bij de start van de begeleiding, T1 en T2 enkele maanden
        later. De klant vult de vragenlijst zelf in: via een persoonlijke link, op uw laptop in de kioskmodus, of u
        leest de vragen voor. U ziet de antwoorden daarna niet terug; ze gaan alleen geanonimiseerd naar de spiegel.
      </p>
      {error && (
        <Alert type="error" announce>
          <p className="utrecht-paragraph">{error}</p>
        </Alert>
      )}
      {items === null && !error && <p className="utrecht-paragraph">Bezig met laden…</p>}
      {items !== null && items.length === 0 && (
        <p className="utrecht-paragraph">Er is nu geen meetmoment aan de beurt.</p>
      )}
      {items !== null && items.length > 0 && (
        <div className="utrecht-table-container" role="region" aria-labelledby="due-caption" tabIndex={0}>
          <table className="utrecht-table utrecht-table--html-table" data-testid="meetmomenten-lijst">
            <caption id="due-caption" className="utrecht-table__caption">
              {items.length} meetmomenten aan de beurt
            </caption>
            <thead className="utrecht-table__header">
              <tr className="utrecht-table__row">
                <th className="utrecht-table__header-cell" scope="col">
                  Klant
                </th>
                <th className="utrecht-table__header-cell" scope="col">
                  Meetmoment
                </th>
                <th className="utrecht-table__header-cell" scope="col">
                  Datum
                </th>
                <th className="utrecht-table__header-cell" scope="col">
                  Status
                </th>
                <th className="utrecht-table__header-cell" scope="col">
                  Invullen
                </th>
              </tr>
            </thead>
            <tbody className="utrecht-table__body">
              {items.map((item) => {
                const key = `${item.clientId}-${item.wave}`;
                return (
                  <tr key={key} className="utrecht-table__row" data-client={item.clientId}>
                    <th className="utrecht-table__header-cell" scope="row">
                      {item.name}
                    </th>
                    <td className="utrecht-table__cell">{item.wave}</td>
                    <td className="utrecht-table__cell">{dateNl(item.dueOn)}</td>
                    <td className="utrecht-table__cell">{STATUS_LABEL[item.status] ?? item.status}</td>
                    <td className="utrecht-table__cell">
                      <Button appearance="secondary-action" onClick={() => void makeLink(item)}>
                        Link maken<span className="ks-visually-hidden"> voor {item.name}</span>
                      </Button>{' '}
                      <Button appearance="secondary-action" onClick={() => void startKiosk(item)}>
                        Kiosk<span className="ks-visually-hidden"> voor {item.name}</span>
                      </Button>{' '}
                      <Button
                        appearance="subtle"
                        onClick={() => navigate(`/vragenlijsten/${item.clientId}/${item.wave}/voorlezen`)}
                      >
                        Voorlezen<span className="ks-visually-hidden"> voor {item.name}</span>
                      </Button>
                      {links[key] && (
                        <p className="utrecht-paragraph">
                          Persoonlijke link (één keer te gebruiken, geldig tot{' '}
                          {new Date(links[key].expiresAt).toLocaleDateString('nl-NL')}):{' '}
                          <output data-testid="link-url">{links[key].url}</output>
                        </p>
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}

/** The consultant reads the questions out and fills in the client's answers (mode: voorgelezen). */
function ReadOutPage({ api, clientId, wave }: { api: ApiClient; clientId: number; wave: string }) {
  useDocumentTitle('Vragenlijst voorlezen');
  const [definition, setDefinition] = useState<QuestionnaireDefinition | null>(null);
  useEffect(() => {
    void api.send<QuestionnaireDefinition>('GET', '/questionnaire/definition').then(setDefinition);
  }, [api]);
  const submit = useCallback(
    async (answers: Record<string, unknown>, language: QuestionnaireLang) => {
      await api.send('POST', `/clients/${clientId}/measurements/${wave}/answers`, { language, answers });
    },
    [api, clientId, wave],
  );
  return (
    <>
      <Alert type="info">
        <p className="utrecht-paragraph">
          U leest de vragen voor en vult de antwoorden van de klant in. Zo wordt het ook opgeslagen (wijze:
          voorgelezen). Na het versturen kunt u de antwoorden niet meer zien.
        </p>
      </Alert>
      {definition && (
        <QuestionnaireForm
          definition={definition}
          wave={wave}
          draftKey={`voorlezen.${clientId}.${wave}`}
          onSubmit={submit}
          doneKey="thanks"
        />
      )}
    </>
  );
}

/** The pages of the measurement moments inside the staff layout, or null for other paths. */
export function staffQuestionnairePage(path: string, user: SessionUser, api: ApiClient): ReactNode | null {
  const caseFile = user.role === 'consultant' || user.role === 'teamleider';
  if (path === '/vragenlijsten' && caseFile) return <DueListPage api={api} />;
  const m = /^\/vragenlijsten\/(\d+)\/(T[012])\/voorlezen$/.exec(path);
  if (m && caseFile) return <ReadOutPage api={api} clientId={Number(m[1])} wave={m[2]} />;
  if (path === '/meetmomenten' && ['teamleider', 'beleidsmedewerker', 'onderzoeker'].includes(user.role))
    return <OutcomesPage api={api} user={user} />;
  return null;
}
