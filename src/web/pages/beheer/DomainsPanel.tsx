import { DataTable } from '../../components/DataTable.js';
import { AddForm } from '../../components/AddForm.js';
import { PanelSection, str, usePanelData, type AdminCalls, type PanelProps } from './shared.js';
import { useTexts } from './texts.js';

const load = async (calls: AdminCalls) => (await calls.lifeDomains(true)).items;

/** The life domains of the intake scan. */
export function DomainsPanel(props: PanelProps) {
  const tx = useTexts();
  const { change, view } = usePanelData(props, load);
  return (
    <PanelSection id="leefgebieden" title={tx('domains.title')}>
      {view((domains) => (
        <>
          <p className="utrecht-paragraph">{tx('domains.intro')}</p>
          <DataTable
            caption={tx('domains.title')}
            captionHidden
            columns={[
              tx('domains.name'),
              tx('domains.code'),
              { label: tx('domains.order'), numeric: true },
              tx('active'),
            ]}
            rows={domains.map((d) => ({
              key: String(d.id),
              header: d.name,
              cells: [d.code, d.sortOrder, d.active ? tx('yes') : tx('no')],
            }))}
          />
          <AddForm
            label={tx('domains.add')}
            submitLabel={tx('save')}
            initial={{ code: '', name: '', sortOrder: '' }}
            fields={[
              { name: 'name', label: tx('domains.name'), kind: 'text', required: true },
              {
                name: 'code',
                label: tx('domains.code'),
                kind: 'text',
                required: true,
                description: tx('domains.codeHelp'),
              },
              { name: 'sortOrder', label: tx('domains.order'), kind: 'number' },
            ]}
            onSubmit={(v) =>
              change('POST', '/life-domains', {
                code: str(v, 'code'),
                name: str(v, 'name'),
                ...(str(v, 'sortOrder') ? { sortOrder: Number(str(v, 'sortOrder')) } : {}),
              })
            }
          />
        </>
      ))}
    </PanelSection>
  );
}
