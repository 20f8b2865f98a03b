import { AddForm } from '../../components/AddForm.js';
import { PanelSection, str, usePanelData, type AdminCalls, type PanelProps } from './shared.js';
import { useTexts } from './texts.js';
import { useI18n } from '../../i18n/i18n.js';
import type { Teams, UserRow } from '../../api-casefile.js';

interface Data {
  teams: Teams['items'];
  users: UserRow[];
}

const load = async (calls: AdminCalls): Promise<Data> => {
  const [teams, users] = await Promise.all([calls.teams(), calls.users()]);
  return { teams: teams.items, users: users.items };
};

const ROLES = ['consultant', 'teamleider', 'beleidsmedewerker', 'onderzoeker', 'beheerder'] as const;

/** The users: the list, and a form to add one. */
export function UserListPanel(props: PanelProps) {
  const tx = useTexts();
  const { t } = useI18n();
  const { change, view } = usePanelData(props, load);
  return (
    <PanelSection id="gebruikers" title={tx('users.title')}>
      {view(({ teams, users }) => (
        <>
          <div className="ks-table-wrap" role="region" aria-labelledby="users-caption" tabIndex={0}>
            <table className="utrecht-table ks-table">
              <caption id="users-caption" className="utrecht-table__caption ks-visually-hidden">
                {tx('users.title')}
              </caption>
              <thead className="utrecht-table__header">
                <tr className="utrecht-table__row">
                  <th scope="col" className="utrecht-table__header-cell">
                    {tx('users.displayName')}
                  </th>
                  <th scope="col" className="utrecht-table__header-cell">
                    {tx('users.username')}
                  </th>
                  <th scope="col" className="utrecht-table__header-cell">
                    {tx('users.role')}
                  </th>
                  <th scope="col" className="utrecht-table__header-cell">
                    {tx('users.team')}
                  </th>
                  <th scope="col" className="utrecht-table__header-cell">
                    {tx('active')}
                  </th>
                </tr>
              </thead>
              <tbody className="utrecht-table__body">
                {users.map((u) => (
                  <tr key={u.id} className="utrecht-table__row">
                    <th scope="row" className="utrecht-table__header-cell">
                      {u.displayName}
                    </th>
                    <td className="utrecht-table__cell">{u.username}</td>
                    <td className="utrecht-table__cell">{t(`role.${u.role}`)}</td>
                    <td className="utrecht-table__cell">{u.teamName ?? '—'}</td>
                    <td className="utrecht-table__cell">{u.active ? tx('yes') : tx('no')}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <AddForm
            label={tx('users.add')}
            submitLabel={tx('save')}
            initial={{ displayName: '', username: '', role: '', teamId: '', password: '' }}
            fields={[
              { name: 'displayName', label: tx('users.displayName'), kind: 'text', required: true },
              {
                name: 'username',
                label: tx('users.username'),
                kind: 'text',
                required: true,
                description: tx('users.usernameHelp'),
              },
              {
                name: 'role',
                label: tx('users.role'),
                kind: 'select',
                required: true,
                options: ROLES.map((r) => ({ value: r, label: t(`role.${r}`) })),
              },
              {
                name: 'teamId',
                label: tx('users.team'),
                kind: 'select',
                options: teams.map((team) => ({ value: String(team.id), label: team.name })),
                description: tx('users.teamHelp'),
              },
              {
                name: 'password',
                label: tx('users.password'),
                kind: 'password',
                required: true,
                description: tx('users.passwordHelp'),
              },
            ]}
            onSubmit={(v) =>
              change('POST', '/users', {
                displayName: str(v, 'displayName'),
                username: str(v, 'username'),
                role: str(v, 'role'),
                teamId: str(v, 'teamId') ? Number(str(v, 'teamId')) : null,
                password: typeof v.password === 'string' ? v.password : '',
              })
            }
          />
        </>
      ))}
    </PanelSection>
  );
}
