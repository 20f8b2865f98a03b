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

/** A new user; the list with edits, deactivation and password resets is UsersPanel. */
export function UserListPanel(props: PanelProps & { onAdded?: () => void }) {
  const tx = useTexts();
  const { t } = useI18n();
  const { change, view } = usePanelData(props, load);
  return (
    <PanelSection id="gebruikers" title={tx('users.add')}>
      {view(({ teams }) => (
        <>
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
            onSubmit={async (v) => {
              await change('POST', '/users', {
                displayName: str(v, 'displayName'),
                username: str(v, 'username'),
                role: str(v, 'role'),
                teamId: str(v, 'teamId') ? Number(str(v, 'teamId')) : null,
                password: typeof v.password === 'string' ? v.password : '',
              });
              props.onAdded?.();
            }}
          />
        </>
      ))}
    </PanelSection>
  );
}
