import { Type, type Static, type TSchema } from '@sinclair/typebox';
import { Enum, IsoDate, Nullable, Text } from './common.js';
import { PROPOSAL_STAGES } from '../../domain/placement.js';
import {
  EMPLOYER_SIZES,
  AGREEMENT_KINDS,
  REQUIREMENT_KINDS,
  ASSESSMENTS,
  REQUIREMENT_OUTCOMES,
  REQUEST_KINDS,
  REQUEST_GROUNDS,
  REQUEST_ACTIONS,
  SIGNAL_KINDS,
} from '../../domain/employer-codes.js';

const OrNull = <T extends TSchema>(schema: T) => Type.Unsafe<Static<T> | null>({ ...schema, nullable: true });
const closed = { additionalProperties: false } as const;
const Word = Type.String({ minLength: 1, maxLength: 80 });
const Words = (description: string) => Type.Array(Word, { maxItems: 40, description });
const Hours = (description: string) => Type.Number({ minimum: 0, maximum: 60, description });

// ---------------------------------------------------------------- params

export const IdPair = (second: string) =>
  Type.Object({ id: Type.Integer({ minimum: 1 }), [second]: Type.Integer({ minimum: 1 }) });
export const VacancyRequirementParams = Type.Object({
  id: Type.Integer({ minimum: 1 }),
  requirementId: Type.Integer({ minimum: 1 }),
});
export const ProposalFollowUpParams = Type.Object({
  id: Type.Integer({ minimum: 1 }),
  followUpId: Type.Integer({ minimum: 1 }),
});
export const VacancyQuery = Type.Object({ werkgever: Type.Optional(Type.Integer({ minimum: 1 })) }, closed);
export const PeriodQuery = Type.Object(
  {
    van: Type.Optional(IsoDate('Eerste dag (standaard: twee jaar terug)')),
    tot: Type.Optional(IsoDate('Laatste dag (standaard: vandaag)')),
    werkgever: Type.Optional(Type.Integer({ minimum: 1 })),
  },
  closed,
);

// ---------------------------------------------------------------- bodies

export const NewMarkBody = Type.Object(
  { code: Type.String({ pattern: '^[a-z0-9_]{2,40}$' }), name: Text(120, 1) },
  closed,
);
export const MarkPatchBody = Type.Object(
  { name: Type.Optional(Text(120, 1)), active: Type.Optional(Type.Boolean()) },
  closed,
);
export const NewEmployerBody = Type.Object(
  { name: Text(200, 1), sector: Text(80, 1), size: Enum(EMPLOYER_SIZES), place: Text(80, 1) },
  closed,
);
export const EmployerPatchBody = Type.Object({ namedAsExample: Type.Boolean() }, closed);
export const NewContactBody = Type.Object(
  {
    name: Text(200, 1),
    role: Type.Optional(Text(120)),
    phone: Type.Optional(OrNull(Type.String({ maxLength: 30, pattern: '^[0-9 +()-]*$' }))),
    email: Type.Optional(OrNull(Type.String({ maxLength: 200, format: 'email' }))),
  },
  closed,
);
export const NewAgreementBody = Type.Object(
  {
    kind: Enum(AGREEMENT_KINDS),
    description: Text(2000, 1),
    startDate: IsoDate(),
    endDate: Type.Optional(OrNull(IsoDate())),
  },
  closed,
);
export const MarksBody = Type.Object(
  { markIds: Type.Array(Type.Integer({ minimum: 1 }), { maxItems: 20, uniqueItems: true }) },
  closed,
);
export const NewVacancyBody = Type.Object(
  {
    employerId: Type.Integer({ minimum: 1 }),
    title: Text(200, 1),
    place: Text(80, 1),
    hoursPerWeek: Type.Number({ exclusiveMinimum: 0, maximum: 60 }),
    competences: Words('Cruciale competenties, vooraf bepaald'),
    description: Type.Optional(Text(4000)),
    openedOn: IsoDate(),
  },
  closed,
);
export const NewRequirementBody = Type.Object(
  {
    kind: Enum(REQUIREMENT_KINDS),
    description: Text(500, 1),
    assessment: Enum(ASSESSMENTS, 'Arbeidsmarktrelevant (met reden) of niet nodig voor het werk'),
    reason: Type.Optional(OrNull(Text(2000))),
  },
  closed,
);
export const RequirementAnswerBody = Type.Object(
  { raisedOn: IsoDate(), employerAnswer: Text(2000, 1), outcome: Enum(REQUIREMENT_OUTCOMES) },
  closed,
);
export const WorkProfileBody = Type.Object(
  {
    competences: Words('Competenties'),
    experience: Words('Sectoren met werkervaring'),
    hoursMin: Hours('Minstens zoveel uur per week'),
    hoursMax: Hours('Hoogstens zoveel uur per week'),
    reachablePlaces: Words('Plaatsen die de klant kan bereiken'),
    wishedSectors: Words('Sectoren waar de klant graag werkt'),
    wishes: Type.Optional(Text(2000)),
  },
  closed,
);
export const NewProposalBody = Type.Object(
  {
    vacancyId: Type.Integer({ minimum: 1 }),
    clientId: Type.Integer({ minimum: 1 }),
    proposedOn: IsoDate(),
    decisionReason: Text(2000, 1),
  },
  closed,
);
export const ProposalPatchBody = Type.Object(
  {
    invitedOn: Type.Optional(IsoDate()),
    hiredOn: Type.Optional(IsoDate()),
    stoppedOn: Type.Optional(IsoDate()),
    stoppedReason: Type.Optional(Text(2000, 1)),
  },
  closed,
);
export const FollowUpBody = Type.Object(
  {
    heldOn: IsoDate(),
    stillWorking: Type.Boolean(),
    note: Type.Optional(OrNull(Text(2000))),
    endedOn: Type.Optional(
      IsoDate('Laatste werkdag, als de klant er niet meer werkt (standaard: de dag van het contact)'),
    ),
    endReason: Type.Optional(
      Type.String({ maxLength: 500, description: 'Waarom de klant er niet meer werkt (verplicht als dat zo is)' }),
    ),
  },
  closed,
);
export const NewRequestBody = Type.Object(
  {
    employerId: Type.Integer({ minimum: 1 }),
    vacancyId: Type.Optional(OrNull(Type.Integer({ minimum: 1 }))),
    receivedOn: IsoDate(),
    kind: Enum(REQUEST_KINDS),
    ground: Enum(REQUEST_GROUNDS),
    wording: Text(1000, 1),
    action: Enum(REQUEST_ACTIONS),
  },
  closed,
);
export const RequestDecisionBody = Type.Object({ namingDecision: Enum(['noemen', 'niet_noemen'] as const) }, closed);
export const NewTrackBody = Type.Object({ leadParty: Text(200, 1), name: Text(200, 1), startedOn: IsoDate() }, closed);
export const NewSignalBody = Type.Object(
  { kind: Enum(SIGNAL_KINDS), signalledOn: IsoDate(), note: Type.Optional(Text(2000)) },
  closed,
);
export const SignalSeenBody = Type.Object({ seenOn: IsoDate() }, closed);

// ---------------------------------------------------------------- answers

export const MarkList = Type.Object({
  items: Type.Array(
    Type.Object({
      id: Type.Integer(),
      code: Type.String(),
      name: Type.String(),
      active: Type.Boolean(),
      holders: Type.Integer({ description: 'Werkgevers met dit keurmerk (ook na uitzetten)' }),
    }),
  ),
});
const EmployerSummary = Type.Object({
  id: Type.Integer(),
  name: Type.String(),
  sector: Type.String(),
  size: Enum(EMPLOYER_SIZES),
  place: Type.String(),
  namedAsExample: Type.Boolean(),
  marks: Type.Array(Type.String()),
  openVacancies: Type.Integer(),
});
export const EmployerList = Type.Object({ items: Type.Array(EmployerSummary) });

const FollowUp = Type.Object({
  id: Type.Integer(),
  months: Type.Integer(),
  dueOn: Type.String(),
  heldOn: Nullable(Type.String()),
  stillWorking: Nullable(Type.Boolean()),
  note: Nullable(Type.String()),
  overdue: Type.Boolean(),
});
export const Proposal = Type.Object({
  id: Type.Integer(),
  vacancyId: Type.Integer(),
  vacancyTitle: Type.String(),
  employerId: Type.Integer(),
  employerName: Type.String(),
  clientId: Type.Integer(),
  clientName: Type.String(),
  proposedOn: Type.String(),
  decisionReason: Type.String(),
  matchSummary: Type.String(),
  invitedOn: Nullable(Type.String()),
  hiredOn: Nullable(Type.String()),
  stoppedOn: Nullable(Type.String()),
  stoppedStage: Nullable(Type.String()),
  stoppedReason: Nullable(Type.String()),
  stage: Enum(PROPOSAL_STAGES),
  followUps: Type.Array(FollowUp),
});
export const ProposalList = Type.Object({ items: Type.Array(Proposal) });
const StageCounts = Type.Object({
  voorgesteld: Type.Integer(),
  uitgenodigd: Type.Integer(),
  aangenomen: Type.Integer(),
  werkzaam_1m: Type.Integer(),
  werkzaam_6m: Type.Integer(),
  werkzaam_12m: Type.Integer(),
});
export const EmployerDetail = Type.Object({
  ...EmployerSummary.properties,
  contacts: Type.Array(
    Type.Object({
      id: Type.Integer(),
      name: Type.String(),
      role: Type.String(),
      phone: Nullable(Type.String()),
      email: Nullable(Type.String()),
    }),
  ),
  agreements: Type.Array(
    Type.Object({
      id: Type.Integer(),
      kind: Type.String(),
      description: Type.String(),
      startDate: Type.String(),
      endDate: Nullable(Type.String()),
    }),
  ),
  markIds: Type.Array(Type.Integer()),
  retiredMarks: Type.Array(Type.String(), { description: 'Keurmerken die de werkgever had en die zijn uitgezet' }),
  history: Type.Object({
    /** All proposals to this employer, reached per stage: counts only, no persons. */
    reached: StageCounts,
    /** The proposals of the user's own clients (or team), with names. */
    ownProposals: Type.Array(Proposal),
  }),
  requests: Type.Array(
    Type.Object({
      id: Type.Integer(),
      receivedOn: Type.String(),
      kind: Type.String(),
      ground: Type.String(),
      wording: Type.String(),
      action: Type.String(),
      namingDecision: Type.String(),
    }),
  ),
});
const Requirement = Type.Object({
  id: Type.Integer(),
  kind: Type.String(),
  description: Type.String(),
  assessment: Enum(ASSESSMENTS),
  reason: Nullable(Type.String()),
  raisedOn: Nullable(Type.String()),
  employerAnswer: Nullable(Type.String()),
  outcome: Nullable(Enum(REQUIREMENT_OUTCOMES)),
  /** Not needed and not yet raised with the employer. */
  toRaise: Type.Boolean(),
});
export const Vacancy = Type.Object({
  id: Type.Integer(),
  employerId: Type.Integer(),
  employerName: Type.String(),
  sector: Type.String(),
  title: Type.String(),
  place: Type.String(),
  hoursPerWeek: Type.Number(),
  competences: Type.Array(Type.String()),
  description: Type.String(),
  openedOn: Type.String(),
  closedOn: Nullable(Type.String()),
  requirements: Type.Array(Requirement),
});
export const VacancyList = Type.Object({ items: Type.Array(Vacancy) });
export const VacancyDetail = Type.Object({ ...Vacancy.properties, proposals: Type.Array(Proposal) });
export const SuggestionList = Type.Object({
  vacancyId: Type.Integer(),
  /** How many of the user's clients with a work profile were considered. */
  considered: Type.Integer(),
  items: Type.Array(
    Type.Object({
      clientId: Type.Integer(),
      clientName: Type.String(),
      score: Type.Integer(),
      alreadyProposed: Type.Boolean(),
      reasons: Type.Object({
        competences: Type.Array(Type.String()),
        missingCompetences: Type.Array(Type.String()),
        experience: Type.Boolean(),
        hours: Type.Boolean(),
        travel: Type.Boolean(),
        wish: Type.Boolean(),
      }),
      explanation: Type.Array(Type.String()),
    }),
  ),
});
export const WorkProfile = Type.Object({
  clientId: Type.Integer(),
  profile: Nullable(
    Type.Object({
      competences: Type.Array(Type.String()),
      experience: Type.Array(Type.String()),
      hoursMin: Type.Number(),
      hoursMax: Type.Number(),
      reachablePlaces: Type.Array(Type.String()),
      wishedSectors: Type.Array(Type.String()),
      wishes: Type.String(),
      updatedOn: Type.String(),
    }),
  ),
  tracks: Type.Array(
    Type.Object({
      id: Type.Integer(),
      leadParty: Type.String(),
      name: Type.String(),
      startedOn: Type.String(),
      endedOn: Nullable(Type.String()),
    }),
  ),
});
export const SignalList = Type.Object({
  items: Type.Array(
    Type.Object({
      id: Type.Integer(),
      trackId: Type.Integer(),
      clientId: Type.Integer(),
      clientName: Type.String(),
      leadParty: Type.String(),
      trackName: Type.String(),
      kind: Enum(SIGNAL_KINDS),
      signalledOn: Type.String(),
      note: Type.String(),
    }),
  ),
});
export const OverdueList = Type.Object({
  items: Type.Array(
    Type.Object({
      proposalId: Type.Integer(),
      followUpId: Type.Integer(),
      clientId: Type.Integer(),
      clientName: Type.String(),
      employerName: Type.String(),
      months: Type.Integer(),
      dueOn: Type.String(),
    }),
  ),
});
const CountRow = Type.Object({
  total: Type.Integer(),
  byKind: Type.Record(Type.String(), Type.Integer()),
  byAction: Type.Record(Type.String(), Type.Integer()),
});
export const RequestReport = Type.Object({
  from: Type.String(),
  to: Type.String(),
  total: Type.Integer(),
  perQuarter: Type.Array(Type.Object({ quarter: Type.String(), ...CountRow.properties })),
  perEmployer: Type.Array(Type.Object({ employer: Type.String(), ...CountRow.properties })),
  /** Employers whose requests may not (yet) be named under the protocol, together. */
  notNamed: Type.Object({ employers: Type.Integer(), ...CountRow.properties }),
  goodExamples: Type.Array(Type.String()),
});
const ChainCell = Type.Object({
  ground: Type.String(),
  group: Type.String(),
  unknown: Type.Boolean(),
  nPopulation: Nullable(Type.Number()),
  nStage: Nullable(Type.Number()),
  rate: Nullable(Type.Number()),
  rateLower: Nullable(Type.Number()),
  rateUpper: Nullable(Type.Number()),
  ratio: Nullable(Type.Number()),
  pAdjusted: Nullable(Type.Number()),
  clear: Type.Boolean(),
  suppressed: Nullable(Type.String()),
});
const Chain = Type.Object({
  published: Type.Boolean(),
  proposed: Nullable(Type.Number()),
  steps: Type.Array(
    Type.Object({
      from: Type.String(),
      to: Type.String(),
      label: Type.String(),
      population: Nullable(Type.Number()),
      reached: Nullable(Type.Number()),
      rate: Nullable(Type.Number()),
      cells: Type.Array(ChainCell),
    }),
  ),
  dropOuts: Type.Array(
    Type.Object({
      step: Type.String(),
      ground: Type.String(),
      group: Type.String(),
      rate: Type.Number(),
      ratio: Type.Number(),
      pAdjusted: Type.Number(),
    }),
  ),
});
export const EmployerMirror = Type.Object({
  from: Type.String(),
  to: Type.String(),
  threshold: Type.Integer(),
  base: Type.Integer(),
  minimumProposed: Type.Integer(),
  grounds: Type.Array(Type.Object({ key: Type.String(), label: Type.String() })),
  /** Employers with enough people proposed to be shown on their own. */
  employers: Type.Array(Type.Object({ id: Type.Integer(), name: Type.String() })),
  /** Employers not shown on their own, because too few people were proposed there. */
  employersTooSmall: Type.Integer(),
  scope: Type.Object({ employerId: Nullable(Type.Integer()), employerName: Nullable(Type.String()) }),
  chain: Chain,
});
