import { AddForm } from '../../components/AddForm.js';
import { PanelSection, str, usePanelData, type AdminCalls, type PanelProps } from './shared.js';
import { useTexts } from './texts.js';

const load = async (calls: AdminCalls) => (await calls.teams()).items;

/** The teams, with their numbers of users and clients. */
export function TeamsPanel(props: PanelProps) {
  const tx = useTexts();
  const { change, view } = usePanelData(props, load);
  return (
    <PanelSection id="teams" title={tx('teams.title')}>
      {view((teams) => (
        <>
          <table className="utrecht-table ks-table">
            <caption className="utrecht-table__caption ks-visually-hidden">{tx('teams.title')}</caption>
            <thead className="utrecht-table__header">
              <tr className="utrecht-table__row">
                <th scope="col" className="utrecht-table__header-cell">
                  {tx('teams.name')}
                </th>
                <th scope="col" className="utrecht-table__header-cell ks-num">
                  {tx('teams.users')}
                </th>
                <th scope="col" className="utrecht-table__header-cell ks-num">
                  {tx('teams.clients')}
                </th>
              </tr>
            </thead>
            <tbody className="utrecht-table__body">
              {teams.map((team) => (
                <tr key={team.id} className="utrecht-table__row">
                  <th scope="row" className="utrecht-table__header-cell">
                    {team.name}
                  </th>
                  <td className="utrecht-table__cell ks-num">{team.users}</td>
                  <td className="utrecht-table__cell ks-num">{team.clients}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <AddForm
            label={tx('teams.add')}
            submitLabel={tx('save')}
            initial={{ name: '' }}
            fields={[{ name: 'name', label: tx('teams.name'), kind: 'text', required: true }]}
            onSubmit={(v) => change('POST', '/teams', { name: str(v, 'name') })}
          />
        </>
      ))}
    </PanelSection>
  );
}
