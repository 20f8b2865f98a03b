import { DataTable } from '../../components/DataTable.js';
import { useCallback, useMemo, useState } from 'react';
import type { Static } from '@sinclair/typebox';
import type { ApiClient } from '../../api.js';
import { casefileApi } from '../../api-casefile.js';
import type { UserList } from '../../../server/schemas/users.js';
import { ROLES } from '../../../domain/roles.js';
import { Alert } from '../../components/Alert.js';
import { Button } from '../../components/Button.js';
import { RecordForm, type FormValues } from '../../components/RecordForm.js';
import { useI18n } from '../../i18n/i18n.js';
import { errorText } from '../errors.js';
import { Badge, Failed, Loading, useRemote } from '../begeleiding/shared.js';
import { useUserTexts } from './users-texts.js';

type User = Static<typeof UserList>['items'][number];

const text = (v: FormValues, name: string): string => (typeof v[name] === 'string' ? (v[name] as string).trim() : '');

/** Beheer's panel for existing users: edit, switch off or on, reset a password. */
export function UsersPanel({ api, onSessionEnded }: { api: ApiClient; onSessionEnded: () => void }) {
  const tx = useUserTexts();
  const { t } = useI18n();
  const calls = useMemo(() => casefileApi(api), [api]);
  const load = useCallback(async () => {
    const [users, teams] = await Promise.all([api.send<{ items: User[] }>('GET', '/gebruikers'), calls.teams()]);
    return { users: users.items, teams: teams.items };
  }, [api, calls]);
  const [remote, reload] = useRemote(load, onSessionEnded);
  const [editing, setEditing] = useState<number | null>(null);
  const [notice, setNotice] = useState<{ type: 'ok' | 'error'; text: string } | null>(null);

  if (remote.status === 'loading') return <Loading />;
  if (remote.status === 'error') return <Failed onRetry={() => void reload()} />;
  const { users, teams } = remote.data;

  async function act(user: User, action: 'active' | 'reset') {
    setNotice(null);
    try {
      if (action === 'active') {
        await api.send('PATCH', `/gebruikers/${user.id}`, { active: !user.active });
      } else {
        if (!window.confirm(tx('confirmReset', { name: user.displayName }))) return;
        const answer = await api.send<{ temporaryPassword: string }>('POST', `/gebruikers/${user.id}/wachtwoord-reset`);
        setNotice({
          type: 'ok',
          text: tx('resetDone', { name: user.displayName, password: answer.temporaryPassword }),
        });
      }
      await reload();
    } catch (err) {
      setNotice({ type: 'error', text: errorText(err, t) });
    }
  }

  return (
    <section id="gebruikers-beheren" aria-labelledby="users-panel-title" className="ks-section">
      <h2 id="users-panel-title" className="utrecht-heading-2">
        {tx('title')}
      </h2>
      <p className="utrecht-paragraph">{tx('intro')}</p>
      {notice && (
        <Alert type={notice.type} announce>
          <p className="utrecht-paragraph">{notice.text}</p>
        </Alert>
      )}
      <DataTable
        caption={tx('title')}
        captionHidden
        columns={[tx('name'), tx('username'), tx('role'), tx('team'), tx('status'), tx('actions')]}
        rows={users.map((u) => ({
          key: String(u.id),
          header: u.displayName,
          cells: [
            u.username,
            t(`role.${u.role}`),
            u.teamName ?? tx('noTeam'),
            <>
              <Badge tone={u.active ? 'ok' : 'neutral'}>{u.active ? tx('active') : tx('inactive')}</Badge>{' '}
              {u.mustChangePassword && <Badge tone="warning">{tx('mustChange')}</Badge>}{' '}
              {u.oidc && <Badge tone="info">{tx('viaIdp')}</Badge>}
            </>,
            <>
              <Button
                appearance="secondary-action"
                onClick={() => setEditing(u.id)}
                aria-label={`${tx('edit')}: ${u.displayName}`}
              >
                {tx('edit')}
              </Button>{' '}
              <Button
                appearance="secondary-action"
                onClick={() => void act(u, 'active')}
                aria-label={`${u.active ? tx('deactivate') : tx('activate')}: ${u.displayName}`}
              >
                {u.active ? tx('deactivate') : tx('activate')}
              </Button>{' '}
              <Button
                appearance="secondary-action"
                onClick={() => void act(u, 'reset')}
                aria-label={`${tx('reset')}: ${u.displayName}`}
              >
                {tx('reset')}
              </Button>
            </>,
          ],
        }))}
      />
      {users
        .filter((u) => u.id === editing)
        .map((u) => (
          <RecordForm
            key={u.id}
            title={tx('editTitle', { name: u.displayName })}
            focusFirst
            submitLabel={tx('save')}
            initial={{ displayName: u.displayName, role: u.role, teamId: u.teamId === null ? '' : String(u.teamId) }}
            fields={[
              { name: 'displayName', label: tx('name'), kind: 'text', required: true },
              {
                name: 'role',
                label: tx('role'),
                kind: 'select',
                required: true,
                options: ROLES.map((r) => ({ value: r, label: t(`role.${r}`) })),
              },
              {
                name: 'teamId',
                label: tx('team'),
                kind: 'select',
                description: tx('teamHelp'),
                options: teams.map((team) => ({ value: String(team.id), label: team.name })),
              },
            ]}
            onCancel={() => setEditing(null)}
            onSubmit={async (v) => {
              await api.send('PATCH', `/gebruikers/${u.id}`, {
                displayName: text(v, 'displayName'),
                role: text(v, 'role'),
                teamId: text(v, 'teamId') ? Number(text(v, 'teamId')) : null,
              });
              setEditing(null);
              await reload();
            }}
          />
        ))}
    </section>
  );
}
