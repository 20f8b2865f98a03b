import { useState } from 'react';
import type { Static } from '@sinclair/typebox';
import { API_BASE, ApiError, type ApiClient } from '../../api.js';
import type { KAnonymityReport } from '../../../server/schemas/avg.js';
import { Alert } from '../../components/Alert.js';
import { Button } from '../../components/Button.js';
import { FormFieldTextbox } from '../../components/FormFieldTextbox.js';
import { PageHeading } from '../../components/PageHeading.js';
import { useDocumentTitle } from '../../components/useDocumentTitle.js';
import { useI18n } from '../../i18n/i18n.js';
import { errorText } from '../errors.js';
import { useTexts } from './texts.js';

type Report = Static<typeof KAnonymityReport>;

/** The default and smallest k the server accepts unless RESEARCH_MIN_K says more (then it refuses with a reason). */
const MIN_K = 10;

/** The server's reason for a refused k, or the general text. */
function refusal(err: unknown, t: ReturnType<typeof useI18n>['t']): string {
  if (err instanceof ApiError && err.invalidParams?.[0]) return err.invalidParams[0].reason;
  return errorText(err, t);
}

/** The onderzoeker's page: the pseudonymised, k-anonymous research export, with what protects it. */
export function ResearchPage({ api }: { api: ApiClient }) {
  const tx = useTexts();
  const { t } = useI18n();
  useDocumentTitle(tx('title'));
  const [k, setK] = useState(String(MIN_K));
  const [kError, setKError] = useState<string | undefined>();
  const [report, setReport] = useState<Report | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const validK = (): number | null => {
    const n = Number(k);
    const ok = /^\d+$/.test(k.trim()) && n >= MIN_K && n <= 1000;
    setKError(ok ? undefined : tx('kInvalid', { min: MIN_K }));
    return ok ? n : null;
  };

  async function run(action: 'check' | 'download') {
    const n = validK();
    if (n === null || busy) return;
    setBusy(true);
    setFailure(null);
    setDone(null);
    try {
      if (action === 'check') {
        const answer = await api.send<{ report: Report }>('GET', `/research-export?k=${n}`);
        setReport(answer.report);
      } else {
        const response = await fetch(`${API_BASE}/research-export?k=${n}&format=csv`, { credentials: 'same-origin' });
        if (!response.ok) {
          await api.send('GET', `/research-export?k=${n}`); // the same refusal, read as a problem
          throw new Error(response.statusText);
        }
        const file = `onderzoeksexport-k${n}.csv`;
        const link = document.createElement('a');
        link.href = URL.createObjectURL(await response.blob());
        link.download = file;
        link.click();
        URL.revokeObjectURL(link.href);
        setDone(tx('downloaded', { file }));
      }
    } catch (err) {
      setFailure(refusal(err, t));
    } finally {
      setBusy(false);
    }
  }

  const figures: [string, number][] = report
    ? [
        [tx('rowsIn'), report.rowsIn],
        [tx('rowsOut'), report.rowsOut],
        [tx('suppressed'), report.suppressed],
        [tx('suppressedHomogeneous'), report.suppressedHomogeneous],
        [tx('classes'), report.classes],
        [tx('smallestClass'), report.smallestClass],
      ]
    : [];
  return (
    <>
      <PageHeading>{tx('title')}</PageHeading>
      <p className="utrecht-paragraph">{tx('intro')}</p>
      <h2 className="utrecht-heading-2">{tx('protections')}</h2>
      <ul className="utrecht-unordered-list">
        {(['p1', 'p2', 'p3', 'p4'] as const).map((key) => (
          <li key={key} className="utrecht-unordered-list__item">
            {tx(key)}
          </li>
        ))}
      </ul>
      <form className="utrecht-form ks-form" noValidate onSubmit={(e) => e.preventDefault()}>
        <FormFieldTextbox
          label={tx('k')}
          name="k"
          inputMode="numeric"
          description={tx('kHelp', { min: MIN_K })}
          value={k}
          onChange={(e) => setK(e.target.value)}
          errorMessage={kError}
        />
        <div className="ks-form__actions">
          <Button appearance="secondary-action" busy={busy} onClick={() => void run('check')}>
            {busy ? tx('busy') : tx('check')}
          </Button>{' '}
          <Button appearance="primary-action" busy={busy} onClick={() => void run('download')}>
            {tx('download')}
          </Button>
        </div>
      </form>
      {failure !== null && (
        <Alert type="error" announce>
          <p className="utrecht-paragraph">{failure}</p>
        </Alert>
      )}
      {done !== null && (
        <Alert type="ok" announce>
          <p className="utrecht-paragraph">{done}</p>
        </Alert>
      )}
      {report && (
        <section aria-labelledby="report-title" className="ks-section">
          <h2 id="report-title" className="utrecht-heading-2">
            {tx('reportTitle')}
          </h2>
          <dl className="ks-facts">
            {figures.map(([label, value]) => (
              <div key={label} className="ks-facts__row">
                <dt>{label}</dt>
                <dd>{value.toLocaleString('nl-NL')}</dd>
              </div>
            ))}
            <div className="ks-facts__row">
              <dt>{tx('quasi')}</dt>
              <dd>{report.quasiIdentifiers.join(', ')}</dd>
            </div>
          </dl>
        </section>
      )}
    </>
  );
}
