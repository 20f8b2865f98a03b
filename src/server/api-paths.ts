/**
 * The API's paths in the Dutch domain terms of docs/begrippen.md. Routes are written with
 * their old (English) paths; on registration each path that starts with a renamed prefix gets
 * its Dutch path, and the old one stays as a deprecated alias for one release (answering with
 * `Deprecation: true` and a Link to the new path). The web client translates through the same
 * table. One list, applied segment by segment: `:name` matches any parameter.
 */
export const RENAMED_PREFIXES: readonly (readonly [old: string, renamed: string])[] = [
  ['/clients/:id/file', '/klanten/:id/dossier'],
  ['/clients/:id/intervision-summary', '/klanten/:id/intervisie'],
  ['/clients/:id/work-periods', '/klanten/:id/werkperiodes'],
  ['/clients/:id/instrument-allocations', '/klanten/:id/voorzieningen'],
  ['/clients/:id/diagnoses', '/klanten/:id/diagnoseadviezen'],
  ['/clients/:id/conversations', '/klanten/:id/gesprekken'],
  ['/clients/:id/ladder-steps', '/klanten/:id/ladderstappen'],
  ['/clients/:id/intermediate-steps', '/klanten/:id/tussenstappen'],
  ['/clients/:id/discrimination-discussions', '/klanten/:id/discriminatiegesprekken'],
  ['/clients/:id/outflow', '/klanten/:id/uitstroom'],
  ['/clients/:id/plans/:planId/goals', '/klanten/:id/plannen/:planId/doelen'],
  ['/clients/:id/plans/:planId/steps', '/klanten/:id/plannen/:planId/stappen'],
  ['/clients/:id/plans', '/klanten/:id/plannen'],
  ['/clients/:id/measurements', '/klanten/:id/meetmomenten'],
  ['/clients', '/klanten'],
  ['/caseload', '/mijn-klanten'],
  ['/team/bottom-of-pile', '/team/onder-op-de-stapel'],
  ['/instruments', '/voorzieningen'],
  ['/life-domains', '/leefgebieden'],
  ['/measurements/due', '/meetmomenten/aan-de-beurt'],
  ['/questionnaire/definition', '/vragenlijst/definitie'],
  ['/questionnaire/settings', '/vragenlijst/instellingen'],
];

const segments = (path: string): string[] => path.split('/').slice(1);
const isParam = (segment: string): boolean => segment.startsWith(':') || /^\{.+\}$/.test(segment);

/** Most specific prefix first. */
const RULES = [...RENAMED_PREFIXES]
  .map(([old, renamed]) => ({ old: segments(old), renamed: segments(renamed) }))
  .sort((a, b) => b.old.length - a.old.length);

/**
 * The Dutch path for a path below the API prefix (a route pattern like `/clients/:id/file`
 * or a concrete one like `/clients/12/file?x=1`); unchanged when no renamed prefix applies.
 */
export function dutchPath(path: string): string {
  const q = path.search(/[?#]/);
  const [bare, rest] = q < 0 ? [path, ''] : [path.slice(0, q), path.slice(q)];
  const parts = segments(bare);
  for (const rule of RULES) {
    if (parts.length < rule.old.length) continue;
    const params: string[] = [];
    const matches = rule.old.every((seg, i) => {
      if (isParam(seg)) return parts[i] !== '' && params.push(parts[i]) > 0;
      return parts[i] === seg;
    });
    if (!matches) continue;
    let p = 0;
    const head = rule.renamed.map((seg) => (isParam(seg) ? params[p++] : seg));
    return `/${[...head, ...parts.slice(rule.old.length)].join('/')}${rest}`;
  }
  return path;
}
