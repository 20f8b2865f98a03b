/**
 * The outcome mirror of the measurement moments (meetmomenten): per outcome measure, T0 → T1
 * → T2 per group with paired tests, the difference in change between a group and everyone
 * else, and response and drop-out per group and wave. Pure functions over rows; suppression
 * happens here, so no caller can forget it: no count under the threshold is ever output, and
 * no mean, share or test is computed on fewer people than the threshold.
 *
 * Tests (src/mirror/stats/paired.ts, equal to R): McNemar (continuity correction) for yes/no,
 * Wilcoxon signed-rank for grades, scales and hours, and the Wilcoxon rank-sum (Mann–Whitney)
 * test on change scores for the difference in change between groups.
 */
import { classifyAll } from '../domain/migration-background.js';
import {
  itemsOf,
  WAVES,
  type Answers,
  type Mode,
  type QuestionnaireDefinition,
  type QuestionnaireItem,
  type Wave,
} from '../questionnaire/definition.js';
import { mcnemarPaired, wilcoxonRankSum, wilcoxonSignedRank } from './stats/paired.js';
import { benjaminiHochberg } from './stats/multiple-testing.js';
import { ageOn } from '../domain/dates.js';
import { isSignificant } from './clear.js';
import { keyOfSet, publishCount, type ProtectionRules } from './disclosure.js';
import { decideSuppression, type SuppressionReason } from './suppression.js';

/** One person of the cohort, as the store gives it (no client id, no pseudonym). */
export interface OutcomeSourceRow {
  /** Record key for disclosure control (disclosure.ts). */
  key?: number;
  start: string;
  endedOn: string | null;
  gender: string;
  birthDate: string;
  distance: 'kort' | 'lang' | null;
  statushouder: boolean | null;
  monitoring: {
    birth_country: string | null;
    mother_birth_country: string | null;
    father_birth_country: string | null;
    nationality: string | null;
  } | null;
  backgrounds: string[];
  responses: Partial<Record<Wave, { answers: Answers; mode: Mode }>>;
}

/** A person as the engine reads it: group per ground, which waves were due, the answers per wave. */
export interface OutcomePerson {
  groups: Readonly<Record<string, string | null>>;
  /** The wave was due (and the person still on benefit then): counts in the response. */
  due: Readonly<Record<Wave, boolean>>;
  responses: Partial<Record<Wave, Answers>>;
  modes: Partial<Record<Wave, Mode>>;
  /** Record key for disclosure control (disclosure.ts); required for protected figures. */
  key?: number;
}

export interface OutcomeGround {
  key: string;
  label: string;
  groups: readonly string[];
  groupLabels: Readonly<Record<string, string>>;
}

/** Grounds of the outcome mirror. The first one is the Enschede study's comparison. */
export const OUTCOME_GROUNDS: readonly OutcomeGround[] = [
  {
    key: 'herkomst',
    label: 'Migratieachtergrond en status (Enschede)',
    groups: ['geen', 'westers', 'niet-westers-oudkomer', 'statushouder'],
    groupLabels: {
      geen: 'Geen migratieachtergrond',
      westers: 'Westerse migratieachtergrond',
      'niet-westers-oudkomer': 'Niet-westerse oudkomers',
      statushouder: 'Statushouders',
    },
  },
  {
    key: 'migratie_cbs_tot_2022',
    label: 'Migratieachtergrond (CBS tot 2022)',
    groups: ['nederlands', 'westers', 'niet-westers'],
    groupLabels: { nederlands: 'Nederlands', westers: 'Westers', 'niet-westers': 'Niet-westers' },
  },
  {
    key: 'herkomst_cbs_2022',
    label: 'Herkomst (CBS vanaf 2022)',
    groups: ['nederland', 'europa', 'buiten-europa'],
    groupLabels: { nederland: 'Nederland', europa: 'Europa (zonder Nederland)', 'buiten-europa': 'Buiten Europa' },
  },
  {
    key: 'afstand',
    label: 'Afstand tot werk (eerste diagnose)',
    groups: ['kort', 'lang'],
    groupLabels: { kort: 'Kort', lang: 'Lang' },
  },
  { key: 'geslacht', label: 'Geslacht', groups: ['vrouw', 'man'], groupLabels: { vrouw: 'Vrouw', man: 'Man' } },
  {
    key: 'leeftijd',
    label: 'Leeftijd bij start',
    groups: ['tot27', '27-44', '45plus'],
    groupLabels: { tot27: 'Tot 27 jaar', '27-44': '27 tot 45 jaar', '45plus': '45 jaar en ouder' },
  },
];

export const MEASURE_LABELS: Readonly<Record<string, string>> = {
  gezondheid: 'Ervaren gezondheid (cijfer 1–10)',
  sociale_contacten: 'Genoeg sociale contacten (ja)',
  meedoen_moeite: 'Meedoen in de samenleving (1 heel moeilijk – 5 heel makkelijk)',
  werk_moeite: 'Betaald werk vinden (1 heel moeilijk – 5 heel makkelijk)',
  uren_zoeken: 'Uren per week werk zoeken',
  zelfredzaamheid: 'Zelfredzaamheid (1–5)',
  optimisme: 'Optimisme over betaald werk (1–5)',
  discriminatie: 'Discriminatie ervaren, laatste zes maanden (ja)',
  brieven_begrijpen: 'Brieven begrijpen (1–5)',
  tevredenheid_voorzieningen: 'Tevredenheid over voorzieningen (1–5)',
};

/** The groups of one cohort member; migration background through classifyAll (three definitions). */
export function outcomeGroups(row: OutcomeSourceRow): Record<string, string | null> {
  const m = row.monitoring;
  const migration = m
    ? classifyAll({
        birthCountry: m.birth_country,
        motherBirthCountry: m.mother_birth_country,
        fatherBirthCountry: m.father_birth_country,
        nationality: m.nationality,
        culturalBackgrounds: row.backgrounds.length > 0 ? row.backgrounds : null,
      })
    : null;
  let herkomst: string | null = null;
  if (row.statushouder === true) herkomst = 'statushouder';
  else if (migration) {
    herkomst = { geen: 'geen', westers: 'westers', 'niet-westers': 'niet-westers-oudkomer', onbekend: null }[
      migration.enschede
    ];
  }
  const age = ageOn(row.birthDate, row.start);
  return {
    herkomst,
    migratie_cbs_tot_2022: migration && migration.cbsBefore2022 !== 'onbekend' ? migration.cbsBefore2022 : null,
    herkomst_cbs_2022: migration && migration.cbsFrom2022 !== 'onbekend' ? migration.cbsFrom2022 : null,
    afstand: row.distance,
    geslacht: row.gender === 'man' || row.gender === 'vrouw' ? row.gender : null,
    leeftijd: age < 27 ? 'tot27' : age < 45 ? '27-44' : '45plus',
  };
}

/** From source rows to engine persons: a wave counts as due when its date plus the answer time lies before today and the benefit still ran then. */
export function toOutcomePersons(
  rows: readonly OutcomeSourceRow[],
  dueOn: (start: string) => Record<Wave, string>,
  countFrom: string,
): OutcomePerson[] {
  return rows.map((row) => {
    const dates = dueOn(row.start);
    const due = {} as Record<Wave, boolean>;
    for (const w of WAVES) {
      due[w] =
        row.responses[w] !== undefined || (dates[w] <= countFrom && (row.endedOn === null || row.endedOn >= dates[w]));
    }
    const responses: OutcomePerson['responses'] = {};
    const modes: OutcomePerson['modes'] = {};
    for (const w of WAVES) {
      const r = row.responses[w];
      if (r) {
        responses[w] = r.answers;
        modes[w] = r.mode;
      }
    }
    return { groups: outcomeGroups(row), due, responses, modes, key: row.key };
  });
}

// ---------------------------------------------------------------------------------------------

export interface ResponseCell {
  wave: Wave;
  due: number | null;
  responded: number | null;
  /** Share of those due who filled in; null when suppressed. */
  rate: number | null;
}

export interface WaveValue {
  wave: Wave;
  n: number | null;
  /** Mean (grades, scales, hours) or share yes (yes/no); null when fewer than the threshold answered. */
  value: number | null;
}

export interface ChangeTest {
  from: Wave;
  to: Wave;
  pairs: number | null;
  meanChange: number | null;
  method: 'mcnemar' | 'wilcoxon-signed-rank';
  statistic: number | null;
  p: number | null;
}

export interface MeasureResult {
  measure: string;
  label: string;
  kind: 'grade' | 'yesno' | 'scale' | 'number';
  waves: WaveValue[];
  changes: ChangeTest[];
}

export interface DifferenceInChange {
  measure: string;
  from: Wave;
  to: Wave;
  group: string;
  pairsGroup: number | null;
  pairsRest: number | null;
  meanChangeGroup: number | null;
  meanChangeRest: number | null;
  /** Wilcoxon rank-sum W of the group's change scores against everyone else's (known groups). */
  statistic: number | null;
  p: number | null;
  /** Benjamini–Hochberg adjusted over all measures and groups of the ground. */
  pAdjusted: number | null;
}

export interface OutcomeGroupResult {
  group: string;
  label: string;
  size: number | null;
  /** Why the group is not shown: fewer than the threshold, or hidden to protect another group. */
  suppressed: SuppressionReason;
  response: ResponseCell[];
  /** Of those who filled in T0 and for whom the later wave was due: share who also filled it in. */
  retention: { wave: Wave; base: number | null; kept: number | null; rate: number | null }[];
  measures: MeasureResult[];
}

export interface OutcomeGroundResult {
  key: string;
  label: string;
  unknown: number | null;
  groups: OutcomeGroupResult[];
  differences: DifferenceInChange[];
}

export interface OutcomeReport {
  threshold: number;
  cohort: number | null;
  response: ResponseCell[];
  modes: { mode: Mode; n: number | null }[];
  overall: MeasureResult[];
  grounds: OutcomeGroundResult[];
  narrative: string[];
}

/**
 * How counts of people are published: exact with threshold suppression, or (protected) also
 * rounded by the key of the set of people (disclosure.ts). Rates come from published counts.
 */
interface Publisher {
  threshold: number;
  /** The number of people in a set, as published; null when under the threshold. */
  size(people: readonly OutcomePerson[]): number | null;
}

function publisher(threshold: number, protection: ProtectionRules | undefined): Publisher {
  if (!protection)
    return { threshold, size: (people) => (people.length > 0 && people.length < threshold ? null : people.length) };
  return {
    threshold,
    size(people) {
      if (people.some((p) => p.key === undefined))
        throw new RangeError('protected outcomes need a record key per person');
      return publishCount(people.length, keyOfSet(people.map((p) => p.key!)), protection);
    },
  };
}
const mean = (xs: readonly number[]): number => xs.reduce((a, b) => a + b, 0) / xs.length;

/** A measure's numeric value in one answer set: yes/no as 1/0; "nvt" and absent as undefined. */
function valueOf(item: QuestionnaireItem, answers: Answers | undefined): number | undefined {
  const v = answers?.[item.id];
  if (v === undefined) return undefined;
  if (item.type === 'yesno') return typeof v === 'boolean' ? (v ? 1 : 0) : undefined;
  return typeof v === 'number' ? v : undefined;
}

/** A person's value of a measure (by its index) at a wave; NaN when there is none. */
type ValueOf = (person: OutcomePerson, measureIndex: number, wave: Wave) => number;

/**
 * Every person's value per measure and wave, read from the answers once (the report asks for
 * each of them many times: per group, per ground and per comparison).
 */
function valueTable(measures: readonly QuestionnaireItem[], persons: readonly OutcomePerson[]): ValueOf {
  const table = new Map<OutcomePerson, Float64Array>();
  const width = WAVES.length;
  for (const p of persons) {
    const row = new Float64Array(measures.length * width);
    measures.forEach((m, mi) => WAVES.forEach((w, wi) => (row[mi * width + wi] = valueOf(m, p.responses[w]) ?? NaN)));
    table.set(p, row);
  }
  const waveIndex = Object.fromEntries(WAVES.map((w, i) => [w, i])) as Record<Wave, number>;
  return (person, measureIndex, wave) => table.get(person)![measureIndex * width + waveIndex[wave]];
}
const known = (x: number): boolean => !Number.isNaN(x);

/** A part of a whole (respondents of those due): hidden with its complement when either is small. */
function partOf(
  part: readonly OutcomePerson[],
  whole: readonly OutcomePerson[],
  pub: Publisher,
): { whole: number | null; part: number | null; rate: number | null } {
  const small = (n: number) => n > 0 && n < pub.threshold;
  const publishedWhole = pub.size(whole);
  const hide = whole.length < pub.threshold || small(part.length) || small(whole.length - part.length);
  const publishedPart = hide ? null : pub.size(part);
  return {
    whole: publishedWhole,
    part: publishedPart,
    rate: publishedPart === null || !publishedWhole ? null : Math.min(1, publishedPart / publishedWhole),
  };
}

function responseCells(persons: readonly OutcomePerson[], pub: Publisher): ResponseCell[] {
  return WAVES.map((wave) => {
    const due = persons.filter((p) => p.due[wave]);
    const responded = due.filter((p) => p.responses[wave] !== undefined);
    const r = partOf(responded, due, pub);
    return { wave, due: r.whole, responded: r.part, rate: r.rate };
  });
}

function retention(persons: readonly OutcomePerson[], pub: Publisher): OutcomeGroupResult['retention'] {
  return (['T1', 'T2'] as const).map((wave) => {
    const base = persons.filter((p) => p.responses.T0 !== undefined && p.due[wave]);
    const kept = base.filter((p) => p.responses[wave] !== undefined);
    const r = partOf(kept, base, pub);
    return { wave, base: r.whole, kept: r.part, rate: r.rate };
  });
}

function measureResult(
  item: QuestionnaireItem,
  mi: number,
  value: ValueOf,
  persons: readonly OutcomePerson[],
  pub: Publisher,
): MeasureResult {
  const kind = item.measure!;
  const threshold = pub.threshold;
  const waves = WAVES.map((wave) => {
    const answered = persons.filter((p) => known(value(p, mi, wave)));
    const values = answered.map((p) => value(p, mi, wave));
    const ok = values.length >= threshold;
    return { wave, n: pub.size(answered), value: ok ? mean(values) : null };
  });
  const changes = (['T1', 'T2'] as const).map((to): ChangeTest => {
    const before: number[] = [];
    const after: number[] = [];
    const paired: OutcomePerson[] = [];
    for (const p of persons) {
      const a = value(p, mi, 'T0');
      const b = value(p, mi, to);
      if (known(a) && known(b)) {
        before.push(a);
        after.push(b);
        paired.push(p);
      }
    }
    const method = kind === 'yesno' ? 'mcnemar' : 'wilcoxon-signed-rank';
    if (before.length < threshold)
      return { from: 'T0', to, pairs: pub.size(paired), meanChange: null, method, statistic: null, p: null };
    const test =
      kind === 'yesno' ? mcnemarPaired(before.map(Boolean), after.map(Boolean)) : wilcoxonSignedRank(after, before);
    const finite = (x: number) => (Number.isFinite(x) ? x : null);
    return {
      from: 'T0',
      to,
      pairs: pub.size(paired),
      meanChange: mean(after) - mean(before),
      method,
      statistic: finite(test.statistic),
      p: finite(test.p),
    };
  });
  return { measure: item.id, label: MEASURE_LABELS[item.id] ?? item.id, kind, waves, changes };
}

function changeScores(
  mi: number,
  value: ValueOf,
  persons: readonly OutcomePerson[],
  to: Wave,
): { scores: number[]; people: OutcomePerson[] } {
  const scores: number[] = [];
  const people: OutcomePerson[] = [];
  for (const p of persons) {
    const a = value(p, mi, 'T0');
    const b = value(p, mi, to);
    if (known(a) && known(b)) {
      scores.push(b - a);
      people.push(p);
    }
  }
  return { scores, people };
}

const pct = (x: number): string => `${Math.round(x * 100)}%`;
const dec = (x: number): string => x.toFixed(1).replace('.', ',');

/** The outcome mirror of one cohort. */
export function computeOutcomes(
  def: QuestionnaireDefinition,
  persons: readonly OutcomePerson[],
  opts: { threshold: number; grounds?: readonly OutcomeGround[]; protection?: ProtectionRules },
): OutcomeReport {
  const threshold = opts.protection?.threshold ?? opts.threshold;
  const pub = publisher(threshold, opts.protection);
  const grounds = opts.grounds ?? OUTCOME_GROUNDS;
  const measures = itemsOf(def).filter((i) => i.measure !== undefined);
  if (persons.length < threshold) {
    return {
      threshold,
      cohort: pub.size(persons),
      response: [],
      modes: [],
      overall: [],
      grounds: [],
      narrative: [
        'Deze groep is te klein om iets te laten zien: minder dan ' + threshold + ' mensen. Kies een ruimere periode.',
      ],
    };
  }
  // A questionnaire filled in per mode: one entry per person and wave (a person may count twice).
  const modeCounts = (['kiosk', 'link', 'voorgelezen'] as const).map((mode) => ({
    mode,
    n: pub.size(persons.flatMap((p) => WAVES.filter((w) => p.modes[w] === mode).map(() => p))),
  }));
  const response = responseCells(persons, pub);
  const value = valueTable(measures, persons);
  const overall = measures.map((m, mi) => measureResult(m, mi, value, persons, pub));

  const groundResults: OutcomeGroundResult[] = grounds.map((ground) => {
    const knownPeople = persons.filter((p) => p.groups[ground.key] !== null && p.groups[ground.key] !== undefined);
    const memberLists = ground.groups.map((g) => knownPeople.filter((p) => p.groups[ground.key] === g));
    const unknownPeople = persons.filter((p) => p.groups[ground.key] === null || p.groups[ground.key] === undefined);
    const hidden = secondaryOutcomeGroups([...memberLists, unknownPeople], threshold, opts.protection);
    const groups = ground.groups.map((g, gi): OutcomeGroupResult => {
      const members = memberLists[gi];
      const small = hidden[gi] !== null;
      return {
        group: g,
        label: ground.groupLabels[g] ?? g,
        size: small ? null : pub.size(members),
        response: small
          ? WAVES.map((wave) => ({ wave, due: null, responded: null, rate: null }))
          : responseCells(members, pub),
        retention: small ? [] : retention(members, pub),
        measures: small ? [] : measures.map((m, mi) => measureResult(m, mi, value, members, pub)),
        suppressed: hidden[gi],
      };
    });
    const differences: DifferenceInChange[] = [];
    const restLists = ground.groups.map((g) => knownPeople.filter((p) => p.groups[ground.key] !== g));
    for (const [mi, m] of measures.entries()) {
      for (const [gi, g] of ground.groups.entries()) {
        const inGroup = changeScores(mi, value, memberLists[gi], 'T2');
        const rest = changeScores(mi, value, restLists[gi], 'T2');
        const ok =
          inGroup.scores.length >= threshold &&
          rest.scores.length >= threshold &&
          hidden[ground.groups.indexOf(g)] === null;
        const test = ok ? wilcoxonRankSum(inGroup.scores, rest.scores) : null;
        differences.push({
          measure: m.id,
          from: 'T0',
          to: 'T2',
          group: g,
          pairsGroup: ok ? pub.size(inGroup.people) : null,
          pairsRest: ok ? pub.size(rest.people) : null,
          meanChangeGroup: ok ? mean(inGroup.scores) : null,
          meanChangeRest: ok ? mean(rest.scores) : null,
          statistic: test && Number.isFinite(test.statistic) ? test.statistic : null,
          p: test && Number.isFinite(test.p) ? test.p : null,
          pAdjusted: null,
        });
      }
    }
    const adjusted = benjaminiHochberg(differences.map((d) => d.p));
    differences.forEach((d, i) => {
      d.pAdjusted = adjusted[i];
    });
    const unknownHidden = hidden[ground.groups.length] !== null;
    return {
      key: ground.key,
      label: ground.label,
      unknown: unknownHidden ? null : pub.size(unknownPeople),
      groups,
      differences,
    };
  });

  return {
    threshold,
    cohort: pub.size(persons),
    response,
    modes: modeCounts,
    overall,
    grounds: groundResults,
    narrative: narrateOutcomes(response, groundResults[0], overall, modeCounts, threshold),
  };
}

/**
 * Which groups of one ground (the unknown group last) are hidden: under the threshold, and
 * (protected) a second small group when exactly one is hidden, since the cohort total is
 * published. The same line rule as the mirror's (suppression.ts); exact figures get no
 * secondary rule here, as before.
 */
function secondaryOutcomeGroups(
  lists: readonly (readonly OutcomePerson[])[],
  threshold: number,
  protection: ProtectionRules | undefined,
): SuppressionReason[] {
  const counts = lists.map((l, i) => ({ groups: [String(i)], population: l.length, reached: [] }));
  return decideSuppression(counts, [lists.length], 0, threshold, protection?.secondaryLimit ?? 0).population;
}

/** Plain Dutch (B1): what the figures show and what they do not. */
function narrateOutcomes(
  response: readonly ResponseCell[],
  primary: OutcomeGroundResult | undefined,
  overall: readonly MeasureResult[],
  modes: OutcomeReport['modes'],
  threshold: number,
): string[] {
  const lines: string[] = [];
  const rates = response.filter((r) => r.rate !== null);
  if (rates.length > 0) {
    lines.push(
      `Respons: ${rates.map((r) => `${r.wave} ${pct(r.rate!)}`).join(', ')} van wie de vragenlijst toen kreeg.`,
    );
    const first = rates[0].rate!;
    const last = rates[rates.length - 1].rate!;
    if (rates.length > 1 && last < first - 0.05) {
      lines.push(
        'De respons daalt per meetmoment. Wie niet meer invult, is waarschijnlijk geen toevallige groep. ' +
          'Dat is zelf een bevinding: veranderingen tussen T0 en T2 gelden alleen voor wie bleef invullen.',
      );
    }
  }
  if (primary) {
    const t2 = primary.groups
      .map((g) => ({ g, rate: g.response.find((r) => r.wave === 'T2')?.rate ?? null }))
      .filter((x) => x.rate !== null);
    const total = response.find((r) => r.wave === 'T2')?.rate ?? null;
    for (const { g, rate } of t2) {
      if (total !== null && rate! < total - 0.08) {
        lines.push(
          `${g.label}: op T2 vulde ${pct(rate!)} de vragenlijst in, tegen ${pct(total)} van iedereen. Deze groep haakt vaker af; vraag na waarom.`,
        );
      }
    }
    const health = primary.groups
      .map((g) => ({ g, m: g.measures.find((m) => m.measure === 'gezondheid') }))
      .filter((x) => x.m && x.m.waves[0].value !== null);
    if (health.length > 0) {
      lines.push(
        `Ervaren gezondheid op T0, naar ${primary.label}: ` +
          health.map(({ g, m }) => `${g.label.toLowerCase()} ${dec(m!.waves[0].value!)}`).join(', ') +
          '.',
      );
    }
    for (const d of primary.differences.filter((x) => isSignificant(x.pAdjusted))) {
      const label = primary.groups.find((g) => g.group === d.group)?.label ?? d.group;
      lines.push(
        `${MEASURE_LABELS[d.measure] ?? d.measure}: de verandering van T0 naar T2 bij ${label.toLowerCase()} ` +
          `(${dec(d.meanChangeGroup!)}) verschilt van die bij de anderen (${dec(d.meanChangeRest!)}). ` +
          'De aanpak lijkt niet voor iedereen even goed te werken; kijk ook naar de respons van deze groep.',
      );
    }
  }
  const hours = overall.find((m) => m.measure === 'uren_zoeken');
  if (hours?.waves[0].value != null)
    lines.push(`Gemiddeld zoeken mensen op T0 ${dec(hours.waves[0].value)} uur per week naar werk.`);
  const read = modes.find((m) => m.mode === 'voorgelezen')?.n;
  if (read)
    lines.push(
      'Een deel van de vragenlijsten is voorgelezen door de klantmanager. Antwoorden kunnen dan positiever zijn; vergelijk groepen met die kanttekening.',
    );
  if (primary && !primary.differences.some((x) => isSignificant(x.pAdjusted))) {
    lines.push(
      'De verandering van T0 naar T2 verschilt bij geen enkele maat duidelijk tussen de groepen (na correctie voor het aantal toetsen). ' +
        'Dat geldt voor wie bleef invullen.',
    );
  }
  lines.push(
    `Aantallen onder de ${threshold} tonen we niet, en dan ook geen gemiddelde of toets. ` +
      'Een toets met een kleine p-waarde zegt dat een verschil waarschijnlijk niet toevallig is, niet waar het door komt.',
  );
  return lines;
}
