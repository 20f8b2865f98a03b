/**
 * The decision moments (beslismomenten) of the reintegration funnel. Each stage is a yes/no
 * fact per person in the population of a period; the exact definitions on case data are in
 * src/store/mirror-source.ts and the README ("De trechter").
 */
export interface StageDef {
  key: string;
  /** Short Dutch label for tables and charts. */
  label: string;
  /** What reaching the stage means, in plain Dutch. */
  description: string;
  /** True for a stage nobody should reach (e.g. no contact for six months). */
  adverse?: boolean;
}

export const CORE_STAGES: readonly StageDef[] = [
  {
    key: 'diagnose_kort',
    label: 'Diagnose kort',
    description: 'kreeg als laatste diagnoseadvies "korte afstand tot werk"',
  },
  {
    key: 'werkplein',
    label: 'Werkpleinbestand',
    description: 'stond in de periode in het Werkpleinbestand, met een werkzoekendebegeleider',
  },
  { key: 'plan', label: 'Plan van aanpak', description: 'had een plan van aanpak' },
  {
    key: 'voorziening',
    label: 'Voorziening',
    description: 'kreeg minstens één voorziening (re-integratie-instrument)',
  },
  { key: 'contact_4', label: '4+ gesprekken', description: 'had minstens 4 gesprekken in 12 maanden' },
  {
    key: 'onder_op_de_stapel',
    label: 'Onder op de stapel',
    description: 'had 6 maanden of langer geen gesprek',
    adverse: true,
  },
  { key: 'werkzaam_1m', label: 'Werk ≥ 1 maand', description: 'werkte minstens 1 maand bij dezelfde werkgever' },
  {
    key: 'werkzaam_6m',
    label: 'Werk ≥ 6 maanden',
    description: 'werkte minstens 6 maanden bij dezelfde werkgever (duurzaam)',
  },
  { key: 'uitstroom', label: 'Uitstroom', description: 'stroomde uit de bijstand' },
];

/** Stage key for "received at least one instrument of SRG type `code`". */
export const srgStageKey = (code: number): string => `voorziening_srg_${code}`;

/** The stage definition for a key, falling back to the key itself for stages from an extract. */
export function stageDef(key: string, extra: readonly StageDef[] = []): StageDef {
  return [...CORE_STAGES, ...extra].find((s) => s.key === key) ?? { key, label: key, description: key };
}
