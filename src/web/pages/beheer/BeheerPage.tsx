import { useCallback, useMemo } from 'react';
import {
  casefileApi,
  type Instruments,
  type LifeDomains,
  type SrgTypes,
  type Teams,
  type UserRow,
} from '../../api-casefile.js';
import { AddForm } from '../../components/AddForm.js';
import { PageHeading } from '../../components/PageHeading.js';
import { useDocumentTitle } from '../../components/useDocumentTitle.js';
import { useI18n } from '../../i18n/i18n.js';
import type { FormValues } from '../../components/RecordForm.js';
import type { PageProps } from '../begeleiding/CaseloadPage.js';
import { Badge, Failed, Loading, useRemote } from '../begeleiding/shared.js';
import '../begeleiding/begeleiding.css';
import { codeOptions, targetGroupLabel } from '../../../domain/codes.js';
import { useTexts } from './texts.js';
import { UsersPanel } from './UsersPanel.js';

interface Data {
  instruments: Instruments['items'];
  srg: SrgTypes['items'];
  domains: LifeDomains['items'];
  teams: Teams['items'];
  users: UserRow[];
}

const str = (v: FormValues, name: string): string | undefined => {
  const value = v[name];
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
};
const ROLES = ['consultant', 'teamleider', 'beleidsmedewerker', 'onderzoeker', 'beheerder'] as const;

/** The functional administrator's page: instrument catalogue, life domains, teams and users. */
export function BeheerPage({ api, onSessionEnded }: PageProps) {
  const tx = useTexts();
  const { t } = useI18n();
  useDocumentTitle(tx('title'));
  const calls = useMemo(() => casefileApi(api), [api]);
  const load = useCallback(async (): Promise<Data> => {
    const [instruments, srg, domains, teams, users] = await Promise.all([
      calls.instruments({ includeInactive: true }),
      calls.srgTypes(),
      calls.lifeDomains(true),
      calls.teams(),
      calls.users(),
    ]);
    return {
      instruments: instruments.items,
      srg: srg.items,
      domains: domains.items,
      teams: teams.items,
      users: users.items,
    };
  }, [calls]);
  const [remote, reload] = useRemote(load, onSessionEnded);
  const change = useCallback(
    async (method: 'POST' | 'PATCH', path: string, body: unknown) => {
      await calls.admin(method, path, body);
      await reload();
    },
    [calls, reload],
  );

  if (remote.status === 'loading')
    return (
      <>
        <PageHeading>{tx('title')}</PageHeading>
        <Loading />
      </>
    );
  if (remote.status === 'error')
    return (
      <>
        <PageHeading>{tx('title')}</PageHeading>
        <Failed onRetry={() => void reload()} />
      </>
    );
  const { instruments, srg, domains, teams, users } = remote.data;
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
      <PageHeading>{tx('title')}</PageHeading>
      <p className="utrecht-paragraph">{tx('intro')}</p>
      <nav aria-label={tx('contents')} className="ks-inline-nav">
        <ul className="ks-inline-nav__list">
          <li>
            <a className="utrecht-link" href="#voorzieningen">
              {tx('instr.title')}
            </a>
          </li>
          <li>
            <a className="utrecht-link" href="#leefgebieden">
              {tx('domains.title')}
            </a>
          </li>
          <li>
            <a className="utrecht-link" href="#teams">
              {tx('teams.title')}
            </a>
          </li>
          <li>
            <a className="utrecht-link" href="#gebruikers">
              {tx('users.title')}
            </a>
          </li>
        </ul>
      </nav>

      <section id="voorzieningen" aria-labelledby="voorzieningen-title" className="ks-section">
        <h2 id="voorzieningen-title" className="utrecht-heading-2">
          {tx('instr.title')}
        </h2>
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
      </section>

      <section id="leefgebieden" aria-labelledby="leefgebieden-title" className="ks-section">
        <h2 id="leefgebieden-title" className="utrecht-heading-2">
          {tx('domains.title')}
        </h2>
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
      </section>

      <section id="teams" aria-labelledby="teams-title" className="ks-section">
        <h2 id="teams-title" className="utrecht-heading-2">
          {tx('teams.title')}
        </h2>
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
      </section>

      <section id="gebruikers" aria-labelledby="gebruikers-title" className="ks-section">
        <h2 id="gebruikers-title" className="utrecht-heading-2">
          {tx('users.title')}
        </h2>
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
      </section>
      <UsersPanel api={api} onSessionEnded={onSessionEnded} />
    </>
  );
}
