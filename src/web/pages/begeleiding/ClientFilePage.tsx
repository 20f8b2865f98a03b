import { useCallback, useMemo, useRef, useState } from 'react';
import { casefileApi, type ClientFileAnswer, type LifeDomains, type MeasurementsAnswer } from '../../api-casefile.js';
import { AddForm } from '../../components/AddForm.js';
import { Link } from '../../components/Link.js';
import { PageHeading } from '../../components/PageHeading.js';
import { useDocumentTitle } from '../../components/useDocumentTitle.js';
import type { PageProps } from './CaseloadPage.js';
import {
  BestandSection,
  ConversationSection,
  DiagnosisSection,
  DiscriminationSection,
  FeedbackSection,
  InstrumentSection,
  IntakeSection,
  IntermediateSection,
  LadderSection,
  PlanSection,
  Section,
  WorkSection,
  str,
  type Save,
  type SectionProps,
} from './sections.js';
import { Badge, Failed, Loading, RefusedPage, isRefusal, useFormatDate, useRemote } from './shared.js';
import { MeasurementSection } from './measurement.js';
import { Alert } from '../../components/Alert.js';
import { codeLabel, codeOptions } from '../../../domain/codes.js';
import { useTexts, type BegeleidingText } from './texts.js';
import './begeleiding.css';

interface Loaded {
  file: ClientFileAnswer;
  lifeDomains: LifeDomains['items'];
}

function PersonalData({ file, save, reload }: SectionProps) {
  const tx = useTexts();
  const date = useFormatDate();
  const c = file.client;
  const row = (label: string, value: string) => (
    <div className="ks-facts__row">
      <dt>{label}</dt>
      <dd>{value || '—'}</dd>
    </div>
  );
  const address = [[c.street, c.houseNumber].filter(Boolean).join(' '), [c.postcode, c.city].filter(Boolean).join(' ')]
    .filter(Boolean)
    .join(', ');
  return (
    <Section id="persoonsgegevens" title={tx('file.personal')}>
      <dl className="ks-facts ks-facts--columns">
        {row(tx('file.bsn'), c.bsn)}
        {row(tx('file.birthDate'), date(c.birthDate))}
        {row(tx('file.gender'), codeLabel('gender', c.gender))}
        {row(tx('file.address'), address)}
        {row(tx('file.neighbourhood'), c.neighbourhood ?? '')}
        {row(tx('file.household'), codeLabel('household', c.household))}
        {row(tx('file.education'), codeLabel('educationLevel', c.educationLevel))}
        {row(tx('file.language'), codeLabel('dutchLanguageLevel', c.dutchLanguageLevel))}
        {row(tx('file.workExperience'), codeLabel('workExperience', c.workExperience))}
        {row(tx('file.doelgroepregister'), c.doelgroepregister ? tx('yes') : tx('no'))}
      </dl>
      <h3 className="utrecht-heading-3">{tx('file.benefit')}</h3>
      <ul className="utrecht-unordered-list">
        {file.benefitPeriods.map((b) => (
          <li key={b.id} className="utrecht-unordered-list__item">
            {b.endDate
              ? tx('file.benefit.period', { start: date(b.startDate), end: date(b.endDate) })
              : tx('file.benefit.running', { start: date(b.startDate) })}
            {b.endReason && (
              <>, {tx('file.benefit.reason', { reason: tx(`reason.${b.endReason}` as BegeleidingText) })}</>
            )}
          </li>
        ))}
      </ul>
      <AddForm
        key={`personal-${c.version}`}
        label={tx('file.personal.edit')}
        submitLabel={tx('file.personal.save')}
        initial={{
          givenName: c.givenName,
          familyName: c.familyName,
          street: c.street ?? '',
          houseNumber: c.houseNumber ?? '',
          postcode: c.postcode ?? '',
          city: c.city ?? '',
          household: c.household,
          educationLevel: c.educationLevel,
          dutchLanguageLevel: c.dutchLanguageLevel,
          workExperience: c.workExperience,
          doelgroepregister: c.doelgroepregister,
        }}
        fields={[
          { name: 'givenName', label: tx('file.givenName'), kind: 'text', required: true },
          { name: 'familyName', label: tx('file.familyName'), kind: 'text', required: true },
          { name: 'street', label: tx('file.street'), kind: 'text' },
          { name: 'houseNumber', label: tx('file.houseNumber'), kind: 'text' },
          { name: 'postcode', label: tx('file.postcode'), kind: 'text', description: '1234 AB' },
          { name: 'city', label: tx('file.city'), kind: 'text' },
          {
            name: 'household',
            label: tx('file.household'),
            kind: 'select',
            required: true,
            options: codeOptions('household'),
          },
          {
            name: 'educationLevel',
            label: tx('file.education'),
            kind: 'select',
            required: true,
            options: codeOptions('educationLevel'),
          },
          {
            name: 'dutchLanguageLevel',
            label: tx('file.language'),
            kind: 'select',
            required: true,
            options: codeOptions('dutchLanguageLevel'),
          },
          {
            name: 'workExperience',
            label: tx('file.workExperience'),
            kind: 'select',
            required: true,
            options: codeOptions('workExperience'),
          },
          { name: 'doelgroepregister', label: tx('file.doelgroepregister'), kind: 'checkbox' },
        ]}
        onReload={reload}
        onSubmit={(v) =>
          save(tx('file.personal'), 'PATCH', '', {
            version: c.version,
            givenName: str(v, 'givenName'),
            familyName: str(v, 'familyName'),
            street: str(v, 'street') ?? null,
            houseNumber: str(v, 'houseNumber') ?? null,
            postcode: str(v, 'postcode') ?? null,
            city: str(v, 'city') ?? null,
            household: str(v, 'household'),
            educationLevel: str(v, 'educationLevel'),
            dutchLanguageLevel: str(v, 'dutchLanguageLevel'),
            workExperience: str(v, 'workExperience'),
            doelgroepregister: v.doelgroepregister === true,
          })
        }
      />
    </Section>
  );
}

const SECTIONS: { id: string; title: BegeleidingText }[] = [
  { id: 'persoonsgegevens', title: 'file.personal' },
  { id: 'intake', title: 'intake.title' },
  { id: 'diagnose', title: 'diagnosis.title' },
  { id: 'bestand', title: 'bestand.title' },
  { id: 'plan', title: 'plan.title' },
  { id: 'voorzieningen', title: 'instr.title' },
  { id: 'meetmoment', title: 'mm.title' },
  { id: 'gesprekken', title: 'conv.title' },
  { id: 'ladder', title: 'ladder.title' },
  { id: 'tussenstappen', title: 'inter.title' },
  { id: 'discriminatie', title: 'discr.title' },
  { id: 'werk', title: 'work.title' },
  { id: 'feedback', title: 'fb.title' },
];

export function ClientFilePage({ api, onSessionEnded, clientId }: PageProps & { clientId: number }) {
  const tx = useTexts();
  const calls = useMemo(() => casefileApi(api), [api]);
  // The measurement moments are asked beside the file on the first load, not after it has drawn.
  const firstMeasurements = useRef<Promise<MeasurementsAnswer> | null>(null);
  const load = useCallback(async (): Promise<Loaded> => {
    if (!firstMeasurements.current) {
      firstMeasurements.current = calls.measurements(clientId);
      firstMeasurements.current.catch(() => undefined); // the section reports a failure itself
    }
    const [file, domains] = await Promise.all([calls.clientFile(clientId), calls.lifeDomains()]);
    return { file, lifeDomains: domains.items };
  }, [calls, clientId]);
  const [remote, reload] = useRemote(load, onSessionEnded);
  const [status, setStatus] = useState('');
  const name =
    remote.status === 'ok' ? `${remote.data.file.client.givenName} ${remote.data.file.client.familyName}` : '';
  useDocumentTitle(name || tx('loading'));

  const save: Save = useCallback(
    async (what, method, path, body) => {
      setStatus('');
      await calls.change(method, clientId, path, body);
      await reload();
      setStatus(tx('saved', { what }));
    },
    [calls, clientId, reload, tx],
  );

  if (remote.status === 'loading') return <Loading />;
  if (remote.status === 'error') {
    if (isRefusal(remote.error)) return <RefusedPage error={remote.error} />;
    return <Failed onRetry={() => void reload()} />;
  }
  const { file, lifeDomains } = remote.data;
  const props: SectionProps = { file, save, calls, lifeDomains, reload: () => void reload() };
  return (
    <div className="ks-file">
      <p className="utrecht-paragraph ks-back">
        <Link href="/klanten">{tx('back.caseload')}</Link>
      </p>
      <PageHeading>{name}</PageHeading>
      <dl className="ks-facts ks-facts--inline">
        <div className="ks-facts__row">
          <dt>{tx('file.bsn')}</dt>
          <dd>{file.client.bsn}</dd>
        </div>
        <div className="ks-facts__row">
          <dt>{tx('file.status')}</dt>
          <dd>
            <Badge tone={file.status === 'actief' ? 'ok' : 'neutral'}>{tx(`status.${file.status}`)}</Badge>
          </dd>
        </div>
        <div className="ks-facts__row">
          <dt>{tx('file.team')}</dt>
          <dd>{file.client.teamName}</dd>
        </div>
        <div className="ks-facts__row">
          <dt>{tx('file.consultant')}</dt>
          <dd>{file.client.consultantName ?? '—'}</dd>
        </div>
      </dl>
      {file.intakes.length === 0 && file.status !== 'uitgestroomd' && (
        <Alert type="warning">
          <p className="utrecht-paragraph">
            <strong>{tx('caseload.flag.geenIntake')}.</strong> {tx('intake.missing')}{' '}
            <a className="utrecht-link" href="#intake">
              {tx('intake.missingLink')}
            </a>
          </p>
        </Alert>
      )}
      <p className="ks-visually-hidden" role="status" aria-live="polite">
        {status}
      </p>
      {status && (
        <p className="utrecht-paragraph ks-saved" aria-hidden="true">
          {status}
        </p>
      )}
      <div className="ks-file__layout">
        <nav className="ks-file__nav" aria-label={tx('file.contents')}>
          <p className="utrecht-paragraph ks-file__nav-title" aria-hidden="true">
            {tx('file.contents')}
          </p>
          <ul className="ks-file__nav-list">
            {SECTIONS.map((s) => (
              <li key={s.id}>
                <a className="utrecht-link" href={`#${s.id}`}>
                  {tx(s.title)}
                </a>
              </li>
            ))}
          </ul>
        </nav>
        <div className="ks-file__sections">
          <PersonalData {...props} />
          <IntakeSection {...props} />
          <DiagnosisSection {...props} />
          <BestandSection {...props} />
          <PlanSection {...props} />
          <InstrumentSection {...props} />
          <MeasurementSection {...props} prefetched={firstMeasurements} />
          <ConversationSection {...props} />
          <LadderSection {...props} />
          <IntermediateSection {...props} />
          <DiscriminationSection {...props} />
          <WorkSection {...props} />
          <FeedbackSection {...props} />
        </div>
      </div>
    </div>
  );
}
