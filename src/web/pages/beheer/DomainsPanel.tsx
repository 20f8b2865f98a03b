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
          <table className="utrecht-table ks-table">
            <caption className="utrecht-table__caption ks-visually-hidden">{tx('domains.title')}</caption>
            <thead className="utrecht-table__header">
              <tr className="utrecht-table__row">
                <th scope="col" className="utrecht-table__header-cell">
                  {tx('domains.name')}
                </th>
                <th scope="col" className="utrecht-table__header-cell">
                  {tx('domains.code')}
                </th>
                <th scope="col" className="utrecht-table__header-cell">
                  {tx('domains.order')}
                </th>
                <th scope="col" className="utrecht-table__header-cell">
                  {tx('active')}
                </th>
              </tr>
            </thead>
            <tbody className="utrecht-table__body">
              {domains.map((d) => (
                <tr key={d.id} className="utrecht-table__row">
                  <th scope="row" className="utrecht-table__header-cell">
                    {d.name}
                  </th>
                  <td className="utrecht-table__cell">{d.code}</td>
                  <td className="utrecht-table__cell">{d.sortOrder}</td>
                  <td className="utrecht-table__cell">{d.active ? tx('yes') : tx('no')}</td>
                </tr>
              ))}
            </tbody>
          </table>
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
