import type { CaseEvents, StagePeriod } from '../../src/mirror/stage-facts.js';

/**
 * Hand-made case files with the stages expected by hand, for the in-memory reading
 * (test/unit/stage-facts.test.ts) and the SQL (test/integration/stage-sql.test.ts): both must
 * give exactly these answers. Day counts checked with R (as.Date arithmetic).
 */
export interface StageCase {
  name: string;
  events: Partial<CaseEvents>;
  period: StagePeriod;
  today: string;
  /** Null: not in the population. Stages not listed are expected false. */
  expected: readonly string[] | null;
}

const H1_2025: StagePeriod = { from: '2025-01-01', to: '2025-06-30' };
const benefit = (start_date: string, end_date: string | null = null) => [{ start_date, end_date }];
const talks = (...days: string[]) => days.map((held_on) => ({ held_on }));

export const STAGE_CASES: readonly StageCase[] = [
  {
    name: 'benefit ended before the period: not in the population',
    events: { benefit_period: benefit('2024-01-01', '2024-12-31') },
    period: H1_2025,
    today: '2025-07-01',
    expected: null,
  },
  {
    // 2025-01-01 + 183 days = 2025-07-03; observed until 2025-07-02: 182 days
    name: '182 days without a conversation: not on the stapel',
    events: { benefit_period: benefit('2025-01-01') },
    period: { from: '2025-01-01', to: '2025-07-02' },
    today: '2025-08-01',
    expected: [],
  },
  {
    name: 'exactly 183 days without a conversation: on the stapel',
    events: { benefit_period: benefit('2025-01-01') },
    period: { from: '2025-01-01', to: '2025-07-03' },
    today: '2025-08-01',
    expected: ['onder_op_de_stapel'],
  },
  {
    // 2024-09-01 → 2025-03-01 is 181 days; then monthly: never 183 days
    name: 'a long gap that ends before day 183: not on the stapel',
    events: {
      benefit_period: benefit('2024-09-01'),
      conversation: talks('2025-03-01', '2025-04-01', '2025-05-01', '2025-06-01'),
    },
    period: H1_2025,
    today: '2025-07-01',
    expected: ['contact_4'],
  },
  {
    // 2024-05-01 + 183 = 2024-10-31, before the period; the next conversation falls in the period
    name: 'a gap of 183+ days reaching into the period: on the stapel',
    events: { benefit_period: benefit('2024-05-01'), conversation: talks('2025-01-15') },
    period: H1_2025,
    today: '2025-07-01',
    expected: ['onder_op_de_stapel'],
  },
  {
    name: 'a gap of 183+ days that ended before the period: not on the stapel',
    events: {
      benefit_period: benefit('2024-01-01'),
      conversation: talks('2024-08-01', '2024-10-01', '2024-12-01', '2025-02-01', '2025-04-01', '2025-06-01'),
    },
    period: H1_2025,
    today: '2025-07-01',
    expected: ['contact_4'],
  },
  {
    // observed end 2025-06-30; 2025-06-30 − 365 = 2024-06-30 (not counted), 2024-07-01 counted
    name: 'four conversations, the first exactly 365 days before the end: not contact_4',
    events: {
      benefit_period: benefit('2024-01-01'),
      conversation: talks('2024-06-30', '2024-10-01', '2025-01-01', '2025-04-01'),
    },
    period: H1_2025,
    today: '2025-07-01',
    expected: [],
  },
  {
    name: 'four conversations, the first 364 days before the end: contact_4',
    events: {
      benefit_period: benefit('2024-01-01'),
      conversation: talks('2024-07-01', '2024-10-01', '2025-01-01', '2025-04-01'),
    },
    period: H1_2025,
    today: '2025-07-01',
    expected: ['contact_4'],
  },
  {
    // the benefit ends 2025-03-31, so the year counts back from there: 2024-03-31 is 365 days
    // before (not counted), 2025-05-01 after; counted to the period end it would be four
    name: 'the year of contact_4 ends with the benefit; ending the benefit is uitstroom',
    events: {
      benefit_period: benefit('2024-01-01', '2025-03-31'),
      conversation: talks('2024-03-31', '2024-07-01', '2024-10-01', '2025-01-01', '2025-05-01'),
    },
    period: H1_2025,
    today: '2025-07-01',
    expected: ['uitstroom'],
  },
  {
    // 31 January + 1 month = 28 February; minus a day: 27 February
    name: 'work 31 January to 27 February lasted a month',
    events: {
      benefit_period: benefit('2024-12-01'),
      conversation: talks('2025-03-01', '2025-05-01'),
      work_period: [{ start_date: '2025-01-31', end_date: '2025-02-27' }],
    },
    period: H1_2025,
    today: '2025-07-01',
    expected: ['werkzaam_1m'],
  },
  {
    name: 'work 1 March to 30 March did not last a month',
    events: {
      benefit_period: benefit('2024-12-01'),
      conversation: talks('2025-03-01', '2025-05-01'),
      work_period: [{ start_date: '2025-03-01', end_date: '2025-03-30' }],
    },
    period: H1_2025,
    today: '2025-07-01',
    expected: [],
  },
  {
    // still running: 2025-01-10 + 6 months − 1 day = 2025-07-09; today decides
    name: 'work still running on the day it reaches six months',
    events: {
      benefit_period: benefit('2024-12-01'),
      conversation: talks('2025-03-01', '2025-05-01'),
      work_period: [{ start_date: '2025-01-10', end_date: null }],
    },
    period: H1_2025,
    today: '2025-07-09',
    expected: ['werkzaam_1m', 'werkzaam_6m'],
  },
  {
    name: 'work still running one day short of six months',
    events: {
      benefit_period: benefit('2024-12-01'),
      conversation: talks('2025-03-01', '2025-05-01'),
      work_period: [{ start_date: '2025-01-10', end_date: null }],
    },
    period: H1_2025,
    today: '2025-07-08',
    expected: ['werkzaam_1m'],
  },
  {
    name: 'work that began before the period does not count',
    events: {
      benefit_period: benefit('2024-12-01'),
      conversation: talks('2025-03-01', '2025-05-01'),
      work_period: [{ start_date: '2024-12-31', end_date: null }],
    },
    period: H1_2025,
    today: '2025-07-01',
    expected: [],
  },
  {
    name: 'latest diagnosis decides; on the same day the later record; after the period ignored',
    events: {
      benefit_period: benefit('2024-12-01'),
      conversation: talks('2025-03-01', '2025-05-01'),
      diagnosis: [
        { id: 1, given_on: '2025-01-10', distance: 'lang' },
        { id: 3, given_on: '2025-02-01', distance: 'lang' },
        { id: 4, given_on: '2025-02-01', distance: 'kort' },
        { id: 5, given_on: '2025-07-01', distance: 'lang' },
      ],
    },
    period: H1_2025,
    today: '2025-07-01',
    expected: ['diagnose_kort'],
  },
  {
    name: 'werkplein overlapping the start, a draft plan, an instrument started before the period',
    events: {
      benefit_period: benefit('2024-12-01'),
      conversation: talks('2025-03-01', '2025-05-01'),
      bestand_period: [
        { bestand: 'werkplein', start_date: '2024-12-01', end_date: '2025-01-01' },
        { bestand: 'wijk', start_date: '2025-01-02', end_date: null },
      ],
      action_plan: [{ created_on: '2025-01-05', status: 'concept' }],
      instrument_allocation: [{ started_on: '2024-12-31', srg_code: 30 }],
    },
    period: H1_2025,
    today: '2025-07-01',
    expected: ['werkplein'],
  },
  {
    name: 'a plan on the last day and instruments of two SRG types on the first and last day',
    events: {
      benefit_period: benefit('2024-12-01'),
      conversation: talks('2025-03-01', '2025-05-01'),
      action_plan: [{ created_on: '2025-06-30', status: 'afgerond' }],
      instrument_allocation: [
        { started_on: '2025-01-01', srg_code: 30 },
        { started_on: '2025-06-30', srg_code: 59 },
        { started_on: null, srg_code: 23 },
      ],
    },
    period: H1_2025,
    today: '2025-07-01',
    expected: ['plan', 'voorziening', 'voorziening_srg_30', 'voorziening_srg_59'],
  },
  {
    name: 'benefit ends on the first day of the period: in the population, uitstroom',
    events: { benefit_period: benefit('2024-10-01', '2025-01-01'), conversation: talks('2024-12-01') },
    period: H1_2025,
    today: '2025-07-01',
    expected: ['uitstroom'],
  },
];

/** A case's events with every table present. */
export const fullEvents = (e: Partial<CaseEvents>): CaseEvents => ({
  benefit_period: [],
  diagnosis: [],
  bestand_period: [],
  action_plan: [],
  instrument_allocation: [],
  conversation: [],
  work_period: [],
  ...e,
});
