/**
 * Reports of discriminatory requests by employers, per employer and over time. An employer is
 * named only when the protocol decided so for every one of its requests in the report; all
 * others are counted together without names. Employers that do well can be named on purpose.
 */

export interface RequestFact {
  employerId: number;
  employerName: string;
  receivedOn: string;
  kind: string;
  action: string;
  namingDecision: 'open' | 'noemen' | 'niet_noemen';
}

export interface CountRow {
  total: number;
  byKind: Record<string, number>;
  byAction: Record<string, number>;
}

export interface RequestReport {
  total: number;
  perQuarter: (CountRow & { quarter: string })[];
  perEmployer: (CountRow & { employer: string })[];
  notNamed: CountRow & { employers: number };
  goodExamples: string[];
}

const empty = (): CountRow => ({ total: 0, byKind: {}, byAction: {} });

function add(row: CountRow, r: RequestFact): void {
  row.total++;
  row.byKind[r.kind] = (row.byKind[r.kind] ?? 0) + 1;
  row.byAction[r.action] = (row.byAction[r.action] ?? 0) + 1;
}

/** "2026-K2" for a date in April–June 2026. */
export const quarterOf = (iso: string): string =>
  `${iso.slice(0, 4)}-K${Math.floor((Number(iso.slice(5, 7)) - 1) / 3) + 1}`;

export function reportRequests(
  facts: readonly RequestFact[],
  examples: readonly { name: string; namedAsExample: boolean }[],
): RequestReport {
  const quarters = new Map<string, CountRow>();
  const byEmployer = new Map<number, { name: string; row: CountRow; nameable: boolean }>();
  for (const r of facts) {
    const q = quarters.get(quarterOf(r.receivedOn)) ?? empty();
    add(q, r);
    quarters.set(quarterOf(r.receivedOn), q);
    const e = byEmployer.get(r.employerId) ?? { name: r.employerName, row: empty(), nameable: true };
    add(e.row, r);
    e.nameable &&= r.namingDecision === 'noemen';
    byEmployer.set(r.employerId, e);
  }
  const notNamed = { ...empty(), employers: 0 };
  const perEmployer: RequestReport['perEmployer'] = [];
  for (const e of byEmployer.values()) {
    if (e.nameable) {
      perEmployer.push({ employer: e.name, ...e.row });
      continue;
    }
    notNamed.employers++;
    notNamed.total += e.row.total;
    for (const [k, v] of Object.entries(e.row.byKind)) notNamed.byKind[k] = (notNamed.byKind[k] ?? 0) + v;
    for (const [k, v] of Object.entries(e.row.byAction)) notNamed.byAction[k] = (notNamed.byAction[k] ?? 0) + v;
  }
  perEmployer.sort((a, b) => b.total - a.total || a.employer.localeCompare(b.employer, 'nl'));
  const withRequests = new Set([...byEmployer.values()].map((e) => e.name));
  return {
    total: facts.length,
    perQuarter: [...quarters.entries()]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([quarter, row]) => ({ quarter, ...row })),
    perEmployer,
    notNamed,
    goodExamples: examples
      .filter((e) => e.namedAsExample && !withRequests.has(e.name))
      .map((e) => e.name)
      .sort((a, b) => a.localeCompare(b, 'nl')),
  };
}
