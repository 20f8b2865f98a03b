/**
 * Demodam's organisation: municipality, neighbourhoods, teams, staff accounts, life domains and
 * the instrument catalogue, with explicit ids. Also which consultants work in which team.
 */
import { INSTRUMENTS, LIFE_DOMAINS } from './catalogue.js';
import { staffName } from './names.js';
import { MUNICIPALITY, NEIGHBOURHOODS, TEAM_NAMES, type TeamName } from './places.js';
import { createRandom } from './random.js';
import type { DemoUserRow, OrganisationTables } from './rows.js';

/** Demodam's municipality id. */
export const MUNICIPALITY_ID = 1;

/** The fixed demo accounts (password for all: "demodam"). */
export const DEMO_ACCOUNTS = {
  consultant: 'klantmanager',
  teamleider: 'teamleider',
  beleidsmedewerker: 'beleid',
  onderzoeker: 'onderzoek',
  beheerder: 'beheer',
} as const;

/** The password of every demo account. */
export const DEMO_PASSWORD = 'demodam';

/**
 * Staffing relative to workload per team: team Zuid has fewer consultants for its clients, so
 * bigger caseloads (and, in the data, more clients without a conversation for six months).
 */
export const TEAM_STAFFING: Readonly<Record<TeamName, number>> = { Noord: 1, Oost: 1.05, Zuid: 0.9, West: 1.05 };

/** Default number of consultants: 30, or one per 200 clients for bigger runs. */
export const defaultConsultants = (clients: number): number => Math.max(30, Math.round(clients / 200));

/** Which consultant ids work in which team (team id → user ids). */
export interface Staffing {
  consultantsByTeam: ReadonlyMap<number, readonly number[]>;
}

/** Splits `total` over weights by largest remainders (every part at least 1). */
export function apportion(total: number, weights: readonly number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  const exact = weights.map((w) => (w / sum) * total);
  const parts = exact.map((x) => Math.max(1, Math.floor(x)));
  let left = total - parts.reduce((a, b) => a + b, 0);
  const order = exact.map((x, i) => [x - Math.floor(x), i] as const).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  for (let k = 0; left > 0; k = (k + 1) % order.length, left--) parts[order[k][1]]++;
  return parts;
}

/** The organisation tables and the staffing of the teams. */
export function buildOrganisation(
  seed: string,
  consultants: number,
): { tables: OrganisationTables; staffing: Staffing } {
  if (consultants < TEAM_NAMES.length) throw new RangeError(`at least ${TEAM_NAMES.length} consultants (one per team)`);
  const rnd = createRandom(seed, 'staff');
  const m = MUNICIPALITY_ID;
  const team = TEAM_NAMES.map((name, i) => ({ id: i + 1, municipality_id: m, name }));
  const teamId = (name: TeamName): number => TEAM_NAMES.indexOf(name) + 1;
  const neighbourhood = NEIGHBOURHOODS.map((n, i) => ({ id: i + 1, municipality_id: m, code: n.code, name: n.name }));

  // consultants in proportion to each team's share of the clients, so caseloads are alike
  const workload = TEAM_NAMES.map((t) => NEIGHBOURHOODS.filter((n) => n.team === t).reduce((a, n) => a + n.share, 0));
  const perTeam = apportion(consultants, workload);
  const width = Math.max(2, String(consultants - 1).length);
  const users: DemoUserRow[] = [];
  const consultantsByTeam = new Map<number, number[]>();
  let km = 0;
  TEAM_NAMES.forEach((t, ti) => {
    const ids: number[] = [];
    for (let k = 0; k < perTeam[ti]; k++) {
      const first = ti === 0 && k === 0;
      const id = users.length + 1;
      users.push({
        id,
        municipality_id: m,
        team_id: teamId(t),
        role: 'consultant',
        display_name: staffName(rnd),
        username: first ? DEMO_ACCOUNTS.consultant : `km${String(++km).padStart(width, '0')}`,
      });
      ids.push(id);
    }
    consultantsByTeam.set(teamId(t), ids);
  });
  for (const t of TEAM_NAMES) {
    users.push({
      id: users.length + 1,
      municipality_id: m,
      team_id: teamId(t),
      role: 'teamleider',
      display_name: staffName(rnd),
      username: t === 'Noord' ? DEMO_ACCOUNTS.teamleider : `tl-${t.toLowerCase()}`,
    });
  }
  for (const role of ['beleidsmedewerker', 'onderzoeker', 'beheerder'] as const) {
    users.push({
      id: users.length + 1,
      municipality_id: m,
      team_id: null,
      role,
      display_name: staffName(rnd),
      username: DEMO_ACCOUNTS[role],
    });
  }
  return {
    tables: {
      municipality: [{ id: m, code: MUNICIPALITY.code, name: MUNICIPALITY.name }],
      neighbourhood,
      team,
      app_user: users,
      life_domain: LIFE_DOMAINS.map((d, i) => ({
        id: i + 1,
        municipality_id: m,
        code: d.code,
        name: d.name,
        sort_order: i + 1,
        active: true,
      })),
      instrument: INSTRUMENTS.map((d, i) => ({
        id: i + 1,
        municipality_id: m,
        code: d.code,
        name: d.name,
        srg_code: d.srg,
        description: d.description,
        asks: d.asks,
        yields: d.yields,
        target_group: d.targetGroup,
        active: true,
      })),
    },
    staffing: { consultantsByTeam },
  };
}
