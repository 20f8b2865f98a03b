import { DataTable } from '../../components/DataTable.js';
import { useState } from 'react';
import { LOGICS } from '../../../domain/learning-codes.js';
import { casefileApi } from '../../api-casefile.js';
import { PageHeading } from '../../components/PageHeading.js';
import { useDocumentTitle } from '../../components/useDocumentTitle.js';
import { dataOf, useRemote } from '../spiegel/useRemote.js';
import { Failed, LerenNav, Loading, Section, type HabitsAnswer, type LerenProps } from './shared.js';
import { useLerenTexts, type LerenText } from './texts.js';
import { FormField } from '../../components/FormField.js';

type Measure = HabitsAnswer['tables'][number]['total']['discrimination'];

function cell(t: LerenText, m: Measure, threshold: number, score = false): string {
  if (m.hidden === 'secundair') return t('habits.secondary');
  if (m.hidden !== null) return t('habits.hidden', { threshold });
  if (m.base === null || m.base === 0) return '–';
  if (score)
    return m.value === null
      ? '–'
      : t('habits.scores', {
          value: m.value.toLocaleString('nl-NL', { minimumFractionDigits: 1, maximumFractionDigits: 1 }),
          base: m.base,
        });
  const pct = m.value === null ? '' : ` (${Math.round(100 * m.value)}%)`;
  return `${t('habits.of', { count: m.count ?? 0, base: m.base })}${pct}`;
}

/** The team's mirror of its habits: team leaders their own team, policy officers any team. */
export function TeamHabitsPage({ api, user, onSessionEnded }: LerenProps) {
  const t = useLerenTexts();
  useDocumentTitle(t('habits.title'));
  const policy = user.role === 'beleidsmedewerker';
  const [team, setTeam] = useState<string>('');
  const teams = useRemote(policy ? 'teams' : null, () => casefileApi(api).teams(), onSessionEnded);
  const key = policy && team === '' ? null : `habits-${team}`;
  const remote = useRemote(
    key,
    () => api.send<HabitsAnswer>('GET', `/leren/teamspiegel${team ? `?team=${team}` : ''}`),
    onSessionEnded,
  );
  const data = dataOf(remote);
  const teamList = dataOf(teams);
  return (
    <>
      <PageHeading>{t('habits.title')}</PageHeading>
      <LerenNav user={user} />
      <p className="utrecht-paragraph">{t('habits.intro')}</p>
      {policy && (
        <div className="ks-leren-form">
          <FormField id="leren-team" label={t('habits.team')}>
            {(control) => (
              <select {...control} value={team} onChange={(e) => setTeam(e.target.value)}>
                <option value="">{t('habits.pick')}</option>
                {teamList?.items.map((tm) => (
                  <option key={tm.id} value={tm.id}>
                    {tm.name}
                  </option>
                ))}
              </select>
            )}
          </FormField>
        </div>
      )}
      {remote.status === 'error' && <Failed />}
      {key !== null && data === null && remote.status !== 'error' && <Loading />}
      {data && <HabitTables data={data} />}
    </>
  );
}

function HabitTables({ data }: { data: HabitsAnswer }) {
  const t = useLerenTexts();
  const th = data.threshold;
  return (
    <>
      <p className="utrecht-paragraph">
        {data.teamName && `${data.teamName}. `}
        {t('habits.period', { from: data.from, to: data.to })}
      </p>
      <p className="utrecht-paragraph">{t('habits.hiddenHelp', { threshold: th })}</p>
      {data.tables.map((table) => (
        <Section key={table.ground} title={t(`habits.ground.${table.ground}` as 'habits.ground.geslacht')}>
          <DataTable
            caption={t(`habits.ground.${table.ground}` as 'habits.ground.geslacht')}
            columns={[t('habits.group'), t('habits.discrimination'), t('habits.ownWish'), t('habits.feedback')]}
            rows={[...table.groups, { group: 'totaal', label: t('habits.total'), ...table.total }].map((g) => ({
              key: g.group,
              header: g.label,
              cells: [cell(t, g.discrimination, th), cell(t, g.ownWish, th), cell(t, g.feedback, th, true)],
            }))}
          />
        </Section>
      ))}
      {data.teamId !== null && (
        <Section title={t('habits.reflections')}>
          <p className="utrecht-paragraph">{t('habits.reflectionsHelp')}</p>
          <dl>
            <dt>{t('habits.reflectionsTotal')}</dt>
            <dd>{data.reflections.total ?? t('habits.hidden', { threshold: th })}</dd>
            {data.reflections.total !== null &&
              LOGICS.map((l) => (
                <div key={l}>
                  <dt>{t(`logic.${l}`)}</dt>
                  <dd>{data.reflections.logics[l] ?? t('habits.hidden', { threshold: th })}</dd>
                </div>
              ))}
          </dl>
        </Section>
      )}
    </>
  );
}
