import { DataTable } from '../../components/DataTable.js';
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
          <DataTable
            caption={tx('teams.title')}
            captionHidden
            columns={[
              tx('teams.name'),
              { label: tx('teams.users'), numeric: true },
              { label: tx('teams.clients'), numeric: true },
            ]}
            rows={teams.map((team) => ({
              key: String(team.id),
              header: team.name,
              cells: [team.users, team.clients],
            }))}
          />
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
