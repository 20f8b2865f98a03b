import { useEffect, useRef, useState } from 'react';
import type { MeasurementsAnswer, QuestionnaireLink } from '../../api-casefile.js';
import { ApiError } from '../../api.js';
import { Alert } from '../../components/Alert.js';
import { Button } from '../../components/Button.js';
import { Section, type SectionProps } from './sections.js';
import { todayIso, useFormatDate } from './shared.js';
import { useTexts, type BegeleidingText } from './texts.js';

/**
 * Copies the text with the Clipboard API and says so ("Gekopieerd"); where the browser refuses
 * (no permission, no secure context) the text is selected so that Ctrl+C copies it.
 */
export function CopyLink({ url, label }: { url: string; label: string }) {
  const tx = useTexts();
  const input = useRef<HTMLInputElement>(null);
  const [state, setState] = useState<'idle' | 'copied' | 'selected'>('idle');
  const copy = async () => {
    try {
      if (!navigator.clipboard) throw new Error('no clipboard');
      await navigator.clipboard.writeText(url);
      setState('copied');
    } catch {
      input.current?.focus();
      input.current?.select();
      setState('selected');
    }
  };
  return (
    <div className="utrecht-form-field">
      <div className="utrecht-form-field__label">
        <label className="utrecht-form-label" htmlFor="ks-questionnaire-link">
          {label}
        </label>
      </div>
      <div className="ks-link-copy">
        <input
          ref={input}
          id="ks-questionnaire-link"
          type="text"
          readOnly
          value={url}
          className="utrecht-textbox utrecht-textbox--html-input utrecht-textbox--readonly"
          onFocus={(e) => e.currentTarget.select()}
        />
        <Button appearance="secondary-action" onClick={() => void copy()}>
          {tx('mm.copy')}
        </Button>
        <span role="status" className="ks-copy-status">
          {state === 'copied' && <strong>{tx('mm.copied')}</strong>}
          {state === 'selected' && tx('mm.copyFallback')}
        </span>
      </div>
    </div>
  );
}

/** The measurement moments (T0/T1/T2) of the client, and a one-time link for the one that is due. */
export function MeasurementSection({
  file,
  calls,
  prefetched,
}: SectionProps & {
  /** The answer the page already asked for beside the file; used once, for the first view. */
  prefetched?: { current: Promise<MeasurementsAnswer> | null };
}) {
  const tx = useTexts();
  const date = useFormatDate();
  const clientId = file.client.id;
  const [data, setData] = useState<MeasurementsAnswer | null>(null);
  const [failed, setFailed] = useState(false);
  const [link, setLink] = useState<QuestionnaireLink | null>(null);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  useEffect(() => {
    let current = true;
    const first = prefetched?.current;
    if (prefetched) prefetched.current = null;
    (first ?? calls.measurements(clientId)).then(
      (d) => current && setData(d),
      () => current && setFailed(true),
    );
    return () => {
      current = false;
    };
  }, [calls, clientId, link, prefetched]);

  const due =
    data?.waves.find((w) => w.status === 'open' || w.status === 'te_laat' || w.status === 'verstuurd') ?? null;
  const make = async (wave: string) => {
    setBusy(true);
    setProblem(null);
    try {
      setLink(await calls.questionnaireLink(clientId, wave));
    } catch (err) {
      setProblem(err instanceof ApiError && err.status < 500 ? (err.detail ?? err.title) : tx('mm.failed'));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Section id="meetmoment" title={tx('mm.title')}>
      <p className="utrecht-paragraph">{tx('mm.intro')}</p>
      {failed && (
        <p className="utrecht-paragraph" role="alert">
          {tx('failed')}
        </p>
      )}
      {data && data.waves.length === 0 && <p className="utrecht-paragraph ks-muted">{tx('mm.noGuidance')}</p>}
      {data && data.waves.length > 0 && (
        <ul className="utrecht-unordered-list">
          {data.waves.map((w) => (
            <li key={w.wave} className="utrecht-unordered-list__item">
              {tx('mm.wave', {
                wave: w.wave,
                status: tx(`mm.status.${w.status}` as BegeleidingText),
                date: date(w.dueOn),
              })}
            </li>
          ))}
        </ul>
      )}
      {data && data.waves.length > 0 && !due && !link && <p className="utrecht-paragraph">{tx('mm.none')}</p>}
      {due && !link && (
        <p className="utrecht-paragraph">
          <Button appearance="primary-action" busy={busy} disabled={busy} onClick={() => void make(due.wave)}>
            {tx('mm.makeLink', { wave: due.wave })}
          </Button>
        </p>
      )}
      {problem && (
        <Alert type="error">
          <p className="utrecht-paragraph">{problem}</p>
        </Alert>
      )}
      {link && (
        <>
          <CopyLink url={`${window.location.origin}${link.path}`} label={tx('mm.link', { wave: link.wave })} />
          <p className="utrecht-paragraph ks-muted">
            {tx('mm.linkHelp', { date: date(todayIso(new Date(link.expiresAt))) })}
          </p>
        </>
      )}
    </Section>
  );
}
