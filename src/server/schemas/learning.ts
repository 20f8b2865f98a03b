import { Type } from '@sinclair/typebox';
import { CASE_TAGS, LOGICS, VARIED_FEATURES } from '../../domain/learning.js';
import { Enum, IsoDate, Nullable } from './common.js';

const Tag = Enum(CASE_TAGS, 'thema');

export const NewCaseBody = Type.Object(
  {
    title: Type.String({ minLength: 1, maxLength: 200 }),
    situation: Type.String({
      minLength: 1,
      maxLength: 4000,
      description: 'de casus, zonder namen of herleidbare gegevens',
    }),
    question: Type.Optional(Type.String({ minLength: 1, maxLength: 300 })),
    tags: Type.Array(Tag, { maxItems: CASE_TAGS.length, uniqueItems: true }),
    source: Type.Optional(Enum(['eigen', 'intervisie'] as const)),
    options: Type.Array(Type.String({ minLength: 1, maxLength: 300 }), { minItems: 2, maxItems: 5 }),
  },
  { additionalProperties: false },
);

export const NewVariantBody = Type.Object(
  {
    feature: Enum(VARIED_FEATURES, 'het ene kenmerk waarin de variant verschilt'),
    situation: Type.String({ minLength: 1, maxLength: 4000 }),
  },
  { additionalProperties: false },
);

export const VoteBody = Type.Object(
  {
    optionId: Type.Integer({ minimum: 1 }),
    reason: Type.String({ maxLength: 500 }),
  },
  { additionalProperties: false },
);

export const DiscussionBody = Type.Object(
  { heldOn: IsoDate(), note: Type.String({ minLength: 1, maxLength: 4000 }) },
  { additionalProperties: false },
);

const Option = Type.Object({ id: Type.Integer(), position: Type.Integer(), label: Type.String() });
const Tally = Type.Object({ optionId: Type.Integer(), votes: Type.Integer() });

export const CaseSummary = Type.Object({
  id: Type.Integer(),
  title: Type.String(),
  tags: Type.Array(Type.String()),
  source: Type.String(),
  teamName: Nullable(Type.String()),
  createdAt: Type.String(),
  votedByMe: Type.Boolean(),
  /** Versions in the set (1 = no variants); only team leaders learn there are variants. */
  versions: Type.Integer(),
  discussions: Type.Integer(),
});
export const CaseList = Type.Object({ items: Type.Array(CaseSummary) });

export const CaseDetail = Type.Object({
  id: Type.Integer(),
  title: Type.String(),
  situation: Type.String(),
  question: Type.String(),
  tags: Type.Array(Type.String()),
  source: Type.String(),
  teamName: Nullable(Type.String()),
  options: Type.Array(Option),
  /** The own choice; null before voting. */
  myVote: Nullable(Type.Object({ optionId: Type.Integer(), reason: Type.String() })),
  /** Colleagues' choices: only after the own vote (null before). */
  votes: Nullable(Type.Array(Tally)),
  discussions: Type.Array(
    Type.Object({ heldOn: Type.String(), note: Type.String(), teamName: Nullable(Type.String()) }),
  ),
});

export const MeetingView = Type.Object({
  caseId: Type.Integer(),
  title: Type.String(),
  teamName: Nullable(Type.String()),
  versions: Type.Array(
    Type.Object({
      caseId: Type.Integer(),
      variedFeature: Nullable(Type.String()),
      situation: Type.String(),
      options: Type.Array(Option),
      /** The team's votes on this version (all of them: a meeting talks about choices, not people). */
      votes: Type.Array(Tally),
      /** Reasons without names, in an order that says nothing about who gave them. */
      reasons: Type.Array(Type.Object({ optionId: Type.Integer(), reason: Type.String() })),
    }),
  ),
  /** Whether choices shift between versions: shares only above the disclosure threshold. */
  comparison: Type.Array(
    Type.Object({
      caseId: Type.Integer(),
      variedFeature: Nullable(Type.String()),
      votes: Nullable(Type.Integer()),
      shares: Type.Array(Type.Object({ optionId: Type.Integer(), share: Nullable(Type.Number()) })),
    }),
  ),
  threshold: Type.Integer(),
});

export const ReflectionBody = Type.Object(
  {
    conversationId: Type.Integer({ minimum: 1 }),
    logic: Enum(LOGICS, 'de handelingslogica die u vooral gebruikte'),
    discriminationDiscussed: Type.Boolean(),
    clientWish: Type.String({ maxLength: 500 }),
  },
  { additionalProperties: false },
);

export const OpenConversations = Type.Object({
  items: Type.Array(
    Type.Object({
      conversationId: Type.Integer(),
      clientName: Type.String(),
      heldOn: Type.String(),
      kind: Type.String(),
    }),
  ),
});

const LogicCounts = Type.Object(
  Object.fromEntries(LOGICS.map((l) => [l, Type.Integer()])) as Record<
    (typeof LOGICS)[number],
    ReturnType<typeof Type.Integer>
  >,
);
const LogicCountsOrNull = Type.Object(
  Object.fromEntries(LOGICS.map((l) => [l, Nullable(Type.Integer())])) as Record<
    (typeof LOGICS)[number],
    ReturnType<typeof Nullable<ReturnType<typeof Type.Integer>>>
  >,
);

export const OwnPattern = Type.Object({
  months: Type.Array(
    Type.Object({
      month: Type.String(),
      reflections: Type.Integer(),
      logics: LogicCounts,
      discrimination: Type.Integer(),
    }),
  ),
});

const Measure = Type.Object({
  base: Nullable(Type.Integer()),
  count: Nullable(Type.Integer()),
  value: Nullable(Type.Number()),
  hidden: Nullable(Type.String()),
});
const HabitCells = { discrimination: Measure, ownWish: Measure, feedback: Measure };

export const TeamHabitsAnswer = Type.Object({
  teamId: Nullable(Type.Integer()),
  teamName: Nullable(Type.String()),
  from: Type.String(),
  to: Type.String(),
  threshold: Type.Integer(),
  tables: Type.Array(
    Type.Object({
      ground: Type.String(),
      total: Type.Object(HabitCells),
      groups: Type.Array(Type.Object({ group: Type.String(), label: Type.String(), ...HabitCells })),
    }),
  ),
  reflections: Type.Object({
    total: Nullable(Type.Integer()),
    logics: LogicCountsOrNull,
    discrimination: Nullable(Type.Integer()),
  }),
});

export const TeamHabitsQuery = Type.Object(
  {
    van: Type.Optional(IsoDate('begin van de periode')),
    tot: Type.Optional(IsoDate('einde van de periode')),
    team: Type.Optional(Type.Integer({ minimum: 1, description: 'team (beleid); een teamleider ziet het eigen team' })),
  },
  { additionalProperties: false },
);
