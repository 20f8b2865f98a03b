import { Type, type Static, type TSchema } from '@sinclair/typebox';
import {
  ALLOCATION_OUTCOMES,
  BENEFIT_END_REASONS,
  BESTANDEN,
  CONVERSATION_KINDS,
  DISCRIMINATION_GROUNDS,
  DISTANCES,
  EDUCATION_LEVELS,
  GENDERS,
  HOUSEHOLDS,
  INTERMEDIATE_STEP_KINDS,
  LANGUAGE_LEVELS,
  WORK_EXPERIENCE,
} from '../../domain/codes.js';
import { AGE_BANDS, BOTTOM_OF_PILE_DAYS, CLIENT_STATUSES } from '../../domain/casefile-rules.js';
import { Enum, IsoDate, Nullable, PastDate, Text } from './common.js';
import { POSTCODE_PATTERN, TARGET_GROUPS } from '../../domain/codes.js';
import { Client } from './clients.js';

/**
 * A request field that may also be null, written with OpenAPI's `nullable` (which the
 * validator understands) rather than anyOf, so that a wrong value is reported once
 * ("Hoogstens 5.") and not once per branch.
 */
const OrNull = <T extends TSchema>(schema: T) => Type.Unsafe<Static<T> | null>({ ...schema, nullable: true });

const PLAN_STATUSES = ['concept', 'actief', 'afgerond'] as const;
const Score = (description: string) => Type.Integer({ minimum: 1, maximum: 5, description });
const Version = Type.Integer({
  minimum: 1,
  description: 'Het versienummer zoals gelezen; een verouderd nummer geeft 409 CONFLICT_VERSION.',
});
const NullableText = Nullable(Type.String());
const NullableDate = Nullable(Type.String());

// ---------------------------------------------------------------- params

export const ClientPlanParams = Type.Object({ id: Type.Integer({ minimum: 1 }), planId: Type.Integer({ minimum: 1 }) });
export const ClientPlanStepParams = Type.Object({
  id: Type.Integer({ minimum: 1 }),
  planId: Type.Integer({ minimum: 1 }),
  stepId: Type.Integer({ minimum: 1 }),
});
export const ClientAllocationParams = Type.Object({
  id: Type.Integer({ minimum: 1 }),
  allocationId: Type.Integer({ minimum: 1 }),
});
export const ClientOnHoldParams = Type.Object({
  id: Type.Integer({ minimum: 1 }),
  periodId: Type.Integer({ minimum: 1 }),
});

export const CreatedVersion = Type.Object({ id: Type.Integer(), version: Type.Integer() });
export const NewVersion = Type.Object({ version: Type.Integer() });

// ---------------------------------------------------------------- caseload and team

export const CaseloadQuery = Type.Object(
  {
    consultantId: Type.Optional(
      Type.Integer({
        minimum: 1,
        description: 'Teamleider: alleen de klanten van deze klantmanager uit het eigen team',
      }),
    ),
  },
  { additionalProperties: false },
);

export const CaseloadItem = Type.Object({
  id: Type.Integer(),
  name: Type.String(),
  birthDate: Type.String(),
  consultantId: Nullable(Type.Integer()),
  consultantName: NullableText,
  status: Enum(CLIENT_STATUSES),
  lastConversation: NullableDate,
  nextConversation: Nullable(Type.String({ description: 'De laatste afgesproken vervolgafspraak vanaf vandaag' })),
  daysWithoutConversation: Type.Integer({
    description: 'Dagen sinds het laatste gesprek; zonder gesprek sinds de start van de uitkering',
  }),
  conversationsLast12Months: Type.Integer(),
  conversationsLast90Days: Type.Integer(),
  instrumentsStartedLast12Months: Type.Integer(),
  ladderStep: Nullable(Type.Integer()),
  diagnosis: Nullable(Enum(DISTANCES)),
  bestand: Nullable(Enum(BESTANDEN)),
  flags: Type.Object({
    onderOpDeStapel: Type.Boolean({ description: `Actief en ${BOTTOM_OF_PILE_DAYS} dagen of langer geen gesprek` }),
    geenIntake: Type.Boolean({ description: 'Nog in de caseload (niet uitgestroomd) en nog geen intake vastgelegd' }),
    intensiefTeWeinig: Type.Boolean({
      description:
        'Lange afstand met een actief plan en minder gesprekken dan 4 per jaar (naar rato van de looptijd van het plan)',
    }),
    meetmomentNodig: Nullable(
      Type.Object(
        {
          wave: Type.String({ description: 'T0, T1 of T2' }),
          status: Type.String({
            description: 'open (nu aan de beurt), te_laat of verstuurd (link verstuurd, nog niet ingevuld)',
          }),
          dueOn: Type.String(),
        },
        { description: 'Het meetmoment waar nu iets mee moet; null als er niets te doen is' },
      ),
    ),
  }),
});
export const Caseload = Type.Object({ items: Type.Array(CaseloadItem), total: Type.Integer() });
export type CaseloadAnswer = Static<typeof Caseload>;

export const TeamOverview = Type.Object({
  teamId: Type.Integer(),
  teamName: Type.String(),
  consultants: Type.Array(
    Type.Object({
      consultantId: Nullable(Type.Integer({ description: 'Leeg: klanten zonder klantmanager' })),
      name: Type.String(),
      activeClients: Type.Integer(),
      onHoldClients: Type.Integer(),
      conversationsLast90Days: Type.Integer(),
      instrumentsStartedLast12Months: Type.Integer(),
      onderOpDeStapel: Type.Integer(),
    }),
  ),
});
export type TeamOverviewAnswer = Static<typeof TeamOverview>;

export const BottomOfPile = Type.Object({
  items: Type.Array(
    Type.Object({
      id: Type.Integer(),
      name: Type.String(),
      consultantId: Nullable(Type.Integer()),
      consultantName: NullableText,
      lastConversation: NullableDate,
      daysWithoutConversation: Type.Integer(),
    }),
  ),
  total: Type.Integer(),
});

/** GET /team/pagina: the team page's three parts from one pass over the team's caseload. */
export const TeamPage = Type.Object({
  overview: TeamOverview,
  bottom: BottomOfPile,
  clients: Type.Array(
    Type.Object({ id: Type.Integer(), name: Type.String(), birthDate: Type.String(), consultantName: NullableText }),
  ),
});

// ---------------------------------------------------------------- the client file

const DomainScore = Type.Object({
  lifeDomainId: Type.Integer(),
  lifeDomainCode: Type.String(),
  lifeDomainName: Type.String(),
  score: Type.Integer(),
  note: NullableText,
});

export const ClientFile = Type.Object({
  client: Client,
  status: Enum(CLIENT_STATUSES),
  benefitPeriods: Type.Array(
    Type.Object({ id: Type.Integer(), startDate: Type.String(), endDate: NullableDate, endReason: NullableText }),
  ),
  intakes: Type.Array(
    Type.Object({
      id: Type.Integer(),
      heldOn: Type.String(),
      consultantId: Nullable(Type.Integer()),
      consultantName: NullableText,
      history: NullableText,
      situation: NullableText,
      wishes: NullableText,
      workExperienceNote: NullableText,
      diplomas: NullableText,
      foreignDiplomaValued: Nullable(Type.Boolean()),
      network: NullableText,
      scores: Type.Array(DomainScore),
    }),
  ),
  diagnoses: Type.Array(
    Type.Object({
      id: Type.Integer(),
      givenOn: Type.String(),
      distance: Enum(DISTANCES),
      reasons: Type.String(),
      givenById: Nullable(Type.Integer()),
      givenByName: NullableText,
    }),
  ),
  bestandPeriods: Type.Array(
    Type.Object({ id: Type.Integer(), bestand: Enum(BESTANDEN), startDate: Type.String(), endDate: NullableDate }),
  ),
  plans: Type.Array(
    Type.Object({
      id: Type.Integer(),
      createdOn: Type.String(),
      status: Enum(PLAN_STATUSES),
      consultantId: Nullable(Type.Integer()),
      consultantName: NullableText,
      version: Type.Integer(),
      goals: Type.Array(Type.Object({ id: Type.Integer(), description: Type.String(), sortOrder: Type.Integer() })),
      steps: Type.Array(
        Type.Object({
          id: Type.Integer(),
          goalId: Nullable(Type.Integer()),
          description: Type.String(),
          dueOn: NullableDate,
          doneOn: NullableDate,
        }),
      ),
    }),
  ),
  instrumentAllocations: Type.Array(
    Type.Object({
      id: Type.Integer(),
      instrumentId: Type.Integer(),
      instrumentCode: Type.String(),
      instrumentName: Type.String(),
      srgCode: Type.Integer(),
      srgName: Type.String(),
      targetGroup: NullableText,
      targetGroupNote: NullableText,
      targetGroupConfirmed: Type.Boolean(),
      requestedOn: Type.String(),
      startedOn: NullableDate,
      endedOn: NullableDate,
      outcome: NullableText,
      satisfaction: Nullable(Type.Integer()),
      reason: Type.String(),
      clientWish: NullableText,
      allocatedById: Nullable(Type.Integer()),
      allocatedByName: NullableText,
    }),
  ),
  conversations: Type.Array(
    Type.Object({
      id: Type.Integer(),
      heldOn: Type.String(),
      kind: Type.String(),
      location: NullableText,
      summary: Type.String(),
      nextAppointment: NullableDate,
      consultantId: Nullable(Type.Integer()),
      consultantName: NullableText,
    }),
  ),
  onHoldPeriods: Type.Array(
    Type.Object({ id: Type.Integer(), startDate: Type.String(), endDate: NullableDate, reason: Type.String() }),
  ),
  ladderSteps: Type.Array(
    Type.Object({
      id: Type.Integer(),
      step: Type.Integer(),
      stepName: Type.String(),
      recordedOn: Type.String(),
      note: NullableText,
    }),
  ),
  intermediateSteps: Type.Array(
    Type.Object({ id: Type.Integer(), achievedOn: Type.String(), kind: Type.String(), description: Type.String() }),
  ),
  discriminationDiscussions: Type.Array(
    Type.Object({
      id: Type.Integer(),
      discussedOn: Type.String(),
      experienced: Type.Boolean(),
      grounds: Type.Array(Type.String()),
      actionTaken: Type.String(),
      consultantId: Nullable(Type.Integer()),
      consultantName: NullableText,
    }),
  ),
  workPeriods: Type.Array(
    Type.Object({
      id: Type.Integer(),
      employer: Type.String(),
      startDate: Type.String(),
      endDate: NullableDate,
      hoursPerWeek: Type.Number(),
      wageCostSubsidy: Type.Boolean(),
    }),
  ),
  feedback: Type.Array(
    Type.Object({
      id: Type.Integer(),
      conversationId: Nullable(Type.Integer()),
      givenOn: Type.String(),
      score: Type.Integer(),
      comment: NullableText,
    }),
  ),
});
export type ClientFileAnswer = Static<typeof ClientFile>;

export const IntervisionSummary = Type.Object(
  {
    ageBand: Enum(AGE_BANDS),
    status: Enum(CLIENT_STATUSES),
    household: Type.String(),
    educationLevel: Type.String(),
    dutchLanguageLevel: Type.String(),
    workExperience: Type.String(),
    doelgroepregister: Type.Boolean(),
    diagnoses: Type.Array(Type.Object({ month: Type.String(), distance: Enum(DISTANCES), reasons: Type.String() })),
    plans: Type.Array(
      Type.Object({
        month: Type.String(),
        status: Type.String(),
        goals: Type.Array(Type.String()),
        steps: Type.Integer(),
        stepsDone: Type.Integer(),
      }),
    ),
    instruments: Type.Array(
      Type.Object({
        name: Type.String(),
        srgCode: Type.Integer(),
        requestedMonth: Type.String(),
        startedMonth: NullableText,
        endedMonth: NullableText,
        outcome: NullableText,
        satisfaction: Nullable(Type.Integer()),
        reason: Type.String(),
      }),
    ),
    conversations: Type.Object({ total: Type.Integer(), byKind: Type.Record(Type.String(), Type.Integer()) }),
    ladderSteps: Type.Array(Type.Object({ month: Type.String(), step: Type.Integer(), stepName: Type.String() })),
    workPeriods: Type.Array(
      Type.Object({
        employer: Type.Literal('werkgever'),
        startMonth: Type.String(),
        endMonth: NullableText,
        hoursPerWeek: Type.Number(),
        wageCostSubsidy: Type.Boolean(),
      }),
    ),
    freeText: Type.Object({
      included: Type.Boolean({
        description: 'true: de teamleider bevestigde dat de vrije teksten geen gezondheidsgegevens bevatten',
      }),
      leftOut: Type.Integer({
        description: 'Aantal vrije teksten (redenen van diagnose en voorziening, doelen) dat is weggelaten',
      }),
    }),
  },
  {
    description:
      'Geanonimiseerde casusbeschrijving: geen naam, BSN, adres, postcode of geboortedatum; maanden in plaats van dagen.',
  },
);

// ---------------------------------------------------------------- changes

export const ClientPatchBody = Type.Object(
  {
    version: Version,
    givenName: Type.Optional(Text(100, 1)),
    familyName: Type.Optional(Text(100, 1)),
    birthDate: Type.Optional(PastDate('Geboortedatum, niet in de toekomst')),
    gender: Type.Optional(Enum(GENDERS)),
    street: Type.Optional(OrNull(Text(200))),
    houseNumber: Type.Optional(OrNull(Text(20))),
    postcode: Type.Optional(OrNull(Type.String({ pattern: POSTCODE_PATTERN }))),
    city: Type.Optional(OrNull(Text(100))),
    household: Type.Optional(Enum(HOUSEHOLDS)),
    educationLevel: Type.Optional(Enum(EDUCATION_LEVELS)),
    dutchLanguageLevel: Type.Optional(Enum(LANGUAGE_LEVELS)),
    workExperience: Type.Optional(Enum(WORK_EXPERIENCE)),
    doelgroepregister: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);

export const NewIntakeBody = Type.Object(
  {
    heldOn: PastDate('Datum van het eerste gesprek'),
    history: Type.Optional(Text(4000)),
    situation: Type.Optional(Text(4000)),
    wishes: Type.Optional(Text(4000)),
    workExperienceNote: Type.Optional(Text(4000)),
    diplomas: Type.Optional(Text(2000)),
    foreignDiplomaValued: Type.Optional(
      OrNull(
        Type.Boolean({
          description: 'Is een buitenlands diploma in Nederland gewaardeerd? Leeg: niet van toepassing of onbekend',
        }),
      ),
    ),
    network: Type.Optional(Text(4000)),
    scores: Type.Array(
      Type.Object(
        {
          lifeDomainId: Type.Integer({ minimum: 1 }),
          score: Score('1 acuut probleem … 5 volledig zelfredzaam'),
          note: Type.Optional(Text(2000)),
        },
        { additionalProperties: false },
      ),
      { maxItems: 50 },
    ),
  },
  { additionalProperties: false },
);

export const NewDiagnosisBody = Type.Object(
  {
    givenOn: PastDate(),
    distance: Enum(DISTANCES, 'kort: betaald werk binnen twee jaar verwacht; lang: langer'),
    reasons: Text(4000, 1),
  },
  { additionalProperties: false },
);

export const NewBestandBody = Type.Object(
  {
    bestand: Enum(BESTANDEN),
    startDate: PastDate('Eerste dag in het nieuwe bestand; het lopende bestand eindigt de dag ervoor'),
  },
  { additionalProperties: false },
);

export const NewPlanBody = Type.Object(
  {
    createdOn: PastDate(),
    status: Type.Optional(Enum(['concept', 'actief'] as const)),
    goals: Type.Optional(Type.Array(Text(1000, 1), { maxItems: 30 })),
  },
  { additionalProperties: false },
);

export const PlanPatchBody = Type.Object(
  {
    version: Version,
    status: Enum(PLAN_STATUSES),
  },
  { additionalProperties: false },
);

export const NewGoalBody = Type.Object(
  {
    description: Text(1000, 1),
    sortOrder: Type.Optional(Type.Integer({ minimum: 0, maximum: 10000 })),
  },
  { additionalProperties: false },
);

export const NewStepBody = Type.Object(
  {
    description: Text(1000, 1),
    goalId: Type.Optional(OrNull(Type.Integer({ minimum: 1 }))),
    dueOn: Type.Optional(OrNull(IsoDate('Afgesproken datum; mag in de toekomst liggen'))),
  },
  { additionalProperties: false },
);

export const StepPatchBody = Type.Object(
  {
    doneOn: OrNull(PastDate('Datum waarop de stap is gezet; leeg om het terug te draaien')),
  },
  { additionalProperties: false },
);

export const AllocationPatchBody = Type.Object(
  {
    startedOn: Type.Optional(OrNull(PastDate())),
    endedOn: Type.Optional(OrNull(PastDate())),
    outcome: Type.Optional(Enum(ALLOCATION_OUTCOMES, 'Kan worden gewijzigd, niet leeggemaakt')),
    satisfaction: Type.Optional(OrNull(Score('Tevredenheid van de klant, 1 zeer ontevreden … 5 zeer tevreden'))),
  },
  { additionalProperties: false },
);

export const NewConversationBody = Type.Object(
  {
    heldOn: PastDate(),
    kind: Enum(CONVERSATION_KINDS),
    location: Type.Optional(Text(200)),
    summary: Type.Optional(Text(8000)),
    nextAppointment: Type.Optional(OrNull(IsoDate('Datum van de vervolgafspraak'))),
  },
  { additionalProperties: false },
);

export const NewOnHoldBody = Type.Object(
  {
    startDate: PastDate(),
    reason: Text(1000, 1),
  },
  { additionalProperties: false },
);

export const OnHoldEndBody = Type.Object(
  {
    endDate: IsoDate('Laatste dag on hold; mag in de toekomst liggen'),
  },
  { additionalProperties: false },
);

export const NewLadderStepBody = Type.Object(
  {
    step: Type.Integer({ minimum: 1, maximum: 6, description: 'Participatieladder: 1 geïsoleerd … 6 betaald werk' }),
    recordedOn: PastDate(),
    note: Type.Optional(Text(2000)),
  },
  { additionalProperties: false },
);

export const NewIntermediateStepBody = Type.Object(
  {
    achievedOn: PastDate(),
    kind: Enum(INTERMEDIATE_STEP_KINDS),
    description: Text(2000, 1),
  },
  { additionalProperties: false },
);

export const NewDiscriminationBody = Type.Object(
  {
    discussedOn: PastDate(),
    experienced: Type.Boolean({ description: 'Heeft de klant in de laatste zes maanden discriminatie ervaren?' }),
    grounds: Type.Optional(Type.Array(Enum(DISCRIMINATION_GROUNDS), { uniqueItems: true })),
    actionTaken: Type.Optional(Text(4000)),
  },
  { additionalProperties: false },
);

export const OutflowBody = Type.Object(
  {
    endDate: PastDate('Laatste dag van de uitkering'),
    reason: Enum(BENEFIT_END_REASONS),
  },
  { additionalProperties: false },
);

export const NewFeedbackBody = Type.Object(
  {
    conversationId: Type.Integer({ minimum: 1 }),
    givenOn: PastDate(),
    score: Score('1 slecht … 5 heel goed'),
    comment: Type.Optional(Text(2000)),
  },
  { additionalProperties: false },
);

// ---------------------------------------------------------------- catalogue and beheer

export const InstrumentQuery = Type.Object(
  {
    q: Type.Optional(
      Type.String({
        maxLength: 200,
        description: 'Zoekwoorden in naam, code, omschrijving, wat het vraagt en wat het oplevert',
      }),
    ),
    srg: Type.Optional(Type.Integer({ minimum: 1, description: 'SRG-code' })),
    openTo: Type.Optional(
      Type.String({
        minLength: 1,
        maxLength: 100,
        description:
          'Doelgroep: open voor iedereen of voorbehouden aan deze doelgroep; "iedereen" = alleen open voor iedereen',
      }),
    ),
    asks: Type.Optional(
      Type.String({ maxLength: 200, description: 'Zoekwoorden in wat de voorziening van iemand vraagt' }),
    ),
    includeInactive: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);

export const Instrument = Type.Object({
  id: Type.Integer(),
  code: Type.String(),
  name: Type.String(),
  srgCode: Type.Integer(),
  srgName: Type.String(),
  description: Type.String(),
  asks: Type.String(),
  yields: Type.String(),
  targetGroup: Nullable(
    Type.String({
      enum: [...TARGET_GROUPS],
      description: 'Leeg: open voor iedereen; anders de enige doelgroep waarvoor de voorziening is (code)',
    }),
  ),
  targetGroupNote: Nullable(Type.String({ description: 'Omschrijving van de doelgroep bij "overig"' })),
  openToAll: Type.Boolean(),
  active: Type.Boolean(),
});
export const InstrumentList = Type.Object({ items: Type.Array(Instrument), total: Type.Integer() });

/** A code of the fixed list of target groups, or null (open to everyone). */
const TargetGroupOrNull = Type.Unsafe<(typeof TARGET_GROUPS)[number] | null>({
  type: 'string',
  enum: [...TARGET_GROUPS, null],
  nullable: true,
  description: 'Leeg: open voor iedereen; anders de doelgroep uit de vaste lijst',
});

export const NewInstrumentBody = Type.Object(
  {
    code: Type.String({ pattern: '^[A-Za-z0-9][A-Za-z0-9_.-]{0,49}$' }),
    name: Text(200, 1),
    srgCode: Type.Integer({ minimum: 1 }),
    description: Type.Optional(Text(4000)),
    asks: Type.Optional(Text(2000)),
    yields: Type.Optional(Text(2000)),
    targetGroup: Type.Optional(TargetGroupOrNull),
    targetGroupNote: Type.Optional(OrNull(Text(100))),
  },
  { additionalProperties: false },
);

export const InstrumentPatchBody = Type.Object(
  {
    name: Type.Optional(Text(200, 1)),
    srgCode: Type.Optional(Type.Integer({ minimum: 1 })),
    description: Type.Optional(Text(4000)),
    asks: Type.Optional(Text(2000)),
    yields: Type.Optional(Text(2000)),
    targetGroup: Type.Optional(TargetGroupOrNull),
    targetGroupNote: Type.Optional(OrNull(Text(100))),
    active: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);

export const SrgTypeList = Type.Object({
  items: Type.Array(Type.Object({ code: Type.Integer(), name: Type.String() })),
});

export const LifeDomain = Type.Object({
  id: Type.Integer(),
  code: Type.String(),
  name: Type.String(),
  sortOrder: Type.Integer(),
  active: Type.Boolean(),
});
export const LifeDomainList = Type.Object({ items: Type.Array(LifeDomain) });
export const LifeDomainQuery = Type.Object(
  { includeInactive: Type.Optional(Type.Boolean()) },
  { additionalProperties: false },
);
export const NewLifeDomainBody = Type.Object(
  {
    code: Type.String({ pattern: '^[a-z0-9][a-z0-9_]{0,49}$', description: 'kleine letters, cijfers en _' }),
    name: Text(100, 1),
    sortOrder: Type.Optional(Type.Integer({ minimum: 0, maximum: 10000 })),
  },
  { additionalProperties: false },
);
export const LifeDomainPatchBody = Type.Object(
  {
    name: Type.Optional(Text(100, 1)),
    sortOrder: Type.Optional(Type.Integer({ minimum: 0, maximum: 10000 })),
    active: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);

export const TeamList = Type.Object({
  items: Type.Array(
    Type.Object({ id: Type.Integer(), name: Type.String(), users: Type.Integer(), clients: Type.Integer() }),
  ),
});
export const NewTeamBody = Type.Object({ name: Text(100, 1) }, { additionalProperties: false });
