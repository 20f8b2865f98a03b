import { AddForm } from '../../components/AddForm.js';
import { PanelSection, str, usePanelData, type AdminCalls, type PanelProps } from './shared.js';
import { useTexts } from './texts.js';
import { Badge } from '../begeleiding/shared.js';
import { codeOptions, targetGroupLabel } from '../../../domain/codes.js';
import type { Instruments, SrgTypes } from '../../api-casefile.js';
import type { FormValues } from '../../components/RecordForm.js';

interface Data {
  instruments: Instruments['items'];
  srg: SrgTypes['items'];
}

const load = async (calls: AdminCalls): Promise<Data> => {
  const [instruments, srg] = await Promise.all([calls.instruments({ includeInactive: true }), calls.srgTypes()]);
  return { instruments: instruments.items, srg: srg.items };
};

/** The catalogue of provisions: add one, change one. */
export function InstrumentsPanel(props: PanelProps) {
  const tx = useTexts();
  const { change, view } = usePanelData(props, load);
  return (
    <PanelSection id="voorzieningen" title={tx('instr.title')}>
      {view((data) => (
        <InstrumentList data={data} change={change} />
      ))}
    </PanelSection>
  );
}

function InstrumentList({
  data: { instruments, srg },
  change,
}: {
  data: Data;
  change: (method: 'POST' | 'PATCH', path: string, body: unknown) => Promise<void>;
}) {
  const tx = useTexts();
  const srgOptions = srg.map((s) => ({ value: String(s.code), label: `${s.code} – ${s.name}` }));
  const instrumentFields = (withCode: boolean) => [
    ...(withCode
      ? [
          {
            name: 'code',
            label: tx('instr.code'),
            kind: 'text' as const,
            required: true,
            description: tx('instr.codeHelp'),
          },
        ]
      : []),
    { name: 'name', label: tx('instr.name'), kind: 'text' as const, required: true },
    { name: 'srgCode', label: tx('instr.srg'), kind: 'select' as const, required: true, options: srgOptions },
    { name: 'description', label: tx('instr.description'), kind: 'textarea' as const },
    { name: 'asks', label: tx('instr.asks'), kind: 'textarea' as const },
    { name: 'yields', label: tx('instr.yields'), kind: 'textarea' as const },
    {
      name: 'targetGroup',
      label: tx('instr.targetGroup'),
      kind: 'select' as const,
      description: tx('instr.targetGroupHelp'),
      options: codeOptions('targetGroup'),
    },
    {
      name: 'targetGroupNote',
      label: tx('instr.targetGroupNote'),
      kind: 'text' as const,
      description: tx('instr.targetGroupNoteHelp'),
    },
  ];
  const instrumentBody = (v: FormValues) => ({
    name: str(v, 'name'),
    srgCode: Number(str(v, 'srgCode')),
    description: str(v, 'description') ?? '',
    asks: str(v, 'asks') ?? '',
    yields: str(v, 'yields') ?? '',
    targetGroup: str(v, 'targetGroup') ?? null,
    targetGroupNote: str(v, 'targetGroup') === 'overig' ? (str(v, 'targetGroupNote') ?? null) : null,
  });

  return (
    <>
      <AddForm
        label={tx('instr.add')}
        submitLabel={tx('save')}
        initial={{
          code: '',
          name: '',
          srgCode: '',
          description: '',
          asks: '',
          yields: '',
          targetGroup: '',
          targetGroupNote: '',
        }}
        fields={instrumentFields(true)}
        onSubmit={(v) => change('POST', '/instruments', { code: str(v, 'code'), ...instrumentBody(v) })}
      />
      <ul className="ks-instruments">
        {instruments.map((i) => (
          <li key={i.id} className="ks-instrument">
            <h3 className="utrecht-heading-3">
              {i.name} <span className="ks-muted">({i.code})</span>
            </h3>
            <p className="utrecht-paragraph">
              SRG {i.srgCode}: {i.srgName}{' '}
              {i.openToAll ? (
                <Badge tone="ok">{tx('instr.openToAll')}</Badge>
              ) : (
                <Badge tone="warning">
                  {tx('instr.reserved', { group: targetGroupLabel(i.targetGroup, i.targetGroupNote) })}
                </Badge>
              )}{' '}
              {!i.active && <Badge tone="neutral">{tx('inactive')}</Badge>}
            </p>
            <dl className="ks-facts">
              {i.asks && (
                <div className="ks-facts__row">
                  <dt>{tx('instr.asks')}</dt>
                  <dd>{i.asks}</dd>
                </div>
              )}
              {i.yields && (
                <div className="ks-facts__row">
                  <dt>{tx('instr.yields')}</dt>
                  <dd>{i.yields}</dd>
                </div>
              )}
            </dl>
            <AddForm
              label={tx('instr.edit', { name: i.name })}
              submitLabel={tx('save')}
              headingLevel={4}
              initial={{
                name: i.name,
                srgCode: String(i.srgCode),
                description: i.description,
                asks: i.asks,
                yields: i.yields,
                targetGroup: i.targetGroup ?? '',
                targetGroupNote: i.targetGroupNote ?? '',
                active: i.active,
              }}
              fields={[...instrumentFields(false), { name: 'active', label: tx('active'), kind: 'checkbox' }]}
              onSubmit={(v) =>
                change('PATCH', `/instruments/${i.id}`, { ...instrumentBody(v), active: v.active === true })
              }
            />
          </li>
        ))}
      </ul>
    </>
  );
}
