import { Type } from '@sinclair/typebox';
import {
  EDUCATION_LEVELS,
  GENDERS,
  HOUSEHOLDS,
  LANGUAGE_LEVELS,
  POSTCODE_PATTERN,
  WORK_EXPERIENCE,
} from '../../domain/codes.js';
import { Enum, IsoDate, Nullable, PastDate, Text } from './common.js';

export const ClientSummary = Type.Object({
  id: Type.Integer(),
  name: Type.String(),
  birthDate: Type.String(),
  teamId: Type.Integer(),
  consultantId: Nullable(Type.Integer()),
});

export const ClientList = Type.Object({ items: Type.Array(ClientSummary), total: Type.Integer() });

/** The case file's personal data. Deliberately holds no special-category field. */
export const Client = Type.Object({
  id: Type.Integer(),
  bsn: Type.String(),
  givenName: Type.String(),
  familyName: Type.String(),
  birthDate: Type.String(),
  gender: Type.String(),
  street: Nullable(Type.String()),
  houseNumber: Nullable(Type.String()),
  postcode: Nullable(Type.String()),
  city: Nullable(Type.String()),
  neighbourhood: Nullable(Type.String()),
  household: Type.String(),
  educationLevel: Type.String(),
  dutchLanguageLevel: Type.String(),
  workExperience: Type.String(),
  doelgroepregister: Type.Boolean(),
  teamId: Type.Integer(),
  teamName: Type.String(),
  consultantId: Nullable(Type.Integer()),
  consultantName: Nullable(Type.String()),
  version: Type.Integer(),
});

export const NewClientBody = Type.Object(
  {
    bsn: Type.String({ format: 'bsn', description: 'Burgerservicenummer, 9 cijfers, elfproef' }),
    givenName: Text(100, 1),
    familyName: Text(100, 1),
    birthDate: PastDate('Geboortedatum, niet in de toekomst'),
    gender: Type.Optional(Enum(GENDERS)),
    street: Type.Optional(Text(200)),
    houseNumber: Type.Optional(Text(20)),
    postcode: Type.Optional(Type.String({ pattern: POSTCODE_PATTERN })),
    city: Type.Optional(Text(100)),
    household: Type.Optional(Enum(HOUSEHOLDS)),
    educationLevel: Type.Optional(Enum(EDUCATION_LEVELS)),
    dutchLanguageLevel: Type.Optional(Enum(LANGUAGE_LEVELS)),
    workExperience: Type.Optional(Enum(WORK_EXPERIENCE)),
    doelgroepregister: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);

export const NewWorkPeriodBody = Type.Object(
  {
    employer: Text(200, 1),
    startDate: IsoDate('Eerste werkdag'),
    endDate: Type.Optional(Nullable(IsoDate('Laatste werkdag; leeg als het werk doorloopt'))),
    hoursPerWeek: Type.Number({ exclusiveMinimum: 0, maximum: 60 }),
    wageCostSubsidy: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);

export const NewAllocationBody = Type.Object(
  {
    instrumentCode: Type.String({ minLength: 1, maxLength: 50, description: 'Code uit de catalogus van de gemeente' }),
    requestedOn: PastDate(),
    reason: Text(2000, 1),
    clientWish: Type.Optional(Text(2000)),
    targetGroupConfirmed: Type.Optional(
      Type.Boolean({
        description:
          'Verplicht bij een voorziening voor één doelgroep: de klantmanager bevestigt dat de klant bij die doelgroep hoort',
      }),
    ),
  },
  { additionalProperties: false },
);

export const Created = Type.Object({ id: Type.Integer() });
