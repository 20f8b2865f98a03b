/**
 * The learning team in Demodam: a few dilemma cases (one with a variant that differs only in the
 * client's name), choices with reasons from the consultants of each team, a discussion, and
 * reflections on recent conversations. Drawn from its own random stream, so the rest of the
 * demo stays exactly as it was.
 */
import type { Queryable } from '../store/db.js';
import { createRandom } from './random.js';

interface DemoCase {
  title: string;
  situation: string;
  tags: string[];
  options: string[];
  /** Chance per consultant of each option, and the reasons they give. */
  weights: number[];
  reasons: string[][];
  variant?: { feature: 'naam' | 'leeftijd' | 'achtergrond'; situation: string };
}

const CASES: DemoCase[] = [
  {
    title: 'Eerst taal of eerst werk?',
    situation:
      'Amina (38) woont vier jaar in Nederland en heeft twee kinderen op de basisschool. Haar Nederlands is op niveau A2. Ze heeft in haar land van herkomst in een apotheek gewerkt. Er is een vacature voor 20 uur als assistent in een zorginstelling; de werkgever vraagt niveau B1.',
    tags: ['taal', 'kinderopvang', 'werkervaring'],
    options: [
      'Eerst een taaltraject tot B1, daarna solliciteren',
      'Nu voorstellen bij de werkgever, met taal op de werkvloer en een jobcoach',
    ],
    weights: [0.55, 0.45],
    reasons: [
      [
        'Zonder B1 loopt ze vast in de zorg.',
        'De werkgever vraagt B1, dat moeten we serieus nemen.',
        'Eerst een stevige basis.',
      ],
      [
        'Werk is de beste taalles.',
        'Vraag de werkgever of B1 echt nodig is voor dit werk.',
        'Ze heeft ervaring, dat telt.',
      ],
    ],
    variant: {
      feature: 'naam',
      situation:
        'Anna (38) woont vier jaar in Nederland en heeft twee kinderen op de basisschool. Haar Nederlands is op niveau A2. Ze heeft in haar land van herkomst in een apotheek gewerkt. Er is een vacature voor 20 uur als assistent in een zorginstelling; de werkgever vraagt niveau B1.',
    },
  },
  {
    title: 'Een klant die zegt dat hij wordt afgewezen om zijn naam',
    situation:
      'Mohammed (29) heeft een mbo-diploma logistiek en solliciteert al een half jaar. Hij zegt dat hij nooit wordt uitgenodigd en denkt dat het aan zijn naam ligt. Hij wil stoppen met solliciteren.',
    tags: ['discriminatie'],
    options: [
      'Discriminatie bespreken, uitleggen waar hij het kan melden, en samen met een inclusieve werkgever zoeken',
      'Zijn cv en brieven verbeteren en het solliciteren voortzetten',
    ],
    weights: [0.6, 0.4],
    reasons: [
      [
        'Zijn ervaring serieus nemen is het begin.',
        'Melden helpt hem en anderen.',
        'Er zijn werkgevers die anoniem laten solliciteren.',
      ],
      ['We kunnen de werkgever niet veranderen, zijn brief wel.', 'Eerst kijken wat wij kunnen doen.'],
    ],
  },
  {
    title: 'Gezondheid en uren',
    situation:
      'Een vrouw van 52 heeft rugklachten en wil graag werken, maar niet meer dan 16 uur. De arbeidsdeskundige ziet mogelijkheden voor 24 uur.',
    tags: ['gezondheid'],
    options: ['Uitgaan van 16 uur, haar eigen wens', 'Uitgaan van 24 uur, het advies'],
    weights: [0.5, 0.5],
    reasons: [
      ['Haar wens staat voorop.', 'Als het goed gaat kan het later meer worden.'],
      ['Het advies is duidelijk.', 'Meer uren geeft meer kans op uitstroom.'],
    ],
  },
  {
    title: 'Kinderopvang voor een alleenstaande vader',
    situation:
      'Een vader van 34 met een dochter van 3 kan starten bij een bouwbedrijf om 7 uur. De opvang opent om half 8.',
    tags: ['kinderopvang'],
    options: ['Eerst de opvang regelen, dan starten', 'Met de werkgever een latere begintijd afspreken'],
    weights: [0.35, 0.65],
    reasons: [
      ['Zonder opvang houdt hij het niet vol.'],
      ['Werkgevers zijn vaak flexibeler dan je denkt.', 'Vragen kost niets.'],
    ],
  },
];

export async function writeDemodamLearning(db: Queryable, opts: { seed: string | number; referenceDate: string }) {
  const random = createRandom(opts.seed, 'leren');
  const [municipality] = await db.query<{ id: number }>('SELECT id FROM municipality ORDER BY id LIMIT 1');
  const users = await db.query<{ id: number; role: string; team_id: number | null }>(
    `SELECT id, role, team_id FROM app_user WHERE role IN ('consultant', 'teamleider') AND active ORDER BY id`,
  );
  const leaders = users.filter((u) => u.role === 'teamleider');
  const consultants = users.filter((u) => u.role === 'consultant');
  let written = 0;
  for (const [i, c] of CASES.entries()) {
    const author = leaders[i % Math.max(1, leaders.length)];
    const ids = [await insertCase(db, municipality.id, author, c, null, null)];
    if (c.variant)
      ids.push(
        await insertCase(db, municipality.id, author, { ...c, situation: c.variant.situation }, c.variant, ids[0]),
      );
    for (const u of consultants) {
      if (!random.bernoulli(0.8)) continue;
      const caseId = ids[random.int(0, ids.length - 1)];
      const options = await db.query<{ id: number }>(
        'SELECT id FROM dilemma_option WHERE case_id = $1 ORDER BY position',
        [caseId],
      );
      const choice = random.weighted(c.weights.map((w, k) => [k, w] as const));
      const reason = random.bernoulli(0.7) ? random.pick(c.reasons[choice]) : '';
      await db.query('INSERT INTO dilemma_vote (case_id, user_id, option_id, reason) VALUES ($1, $2, $3, $4)', [
        caseId,
        u.id,
        options[choice].id,
        reason,
      ]);
      written++;
    }
    if (i === 1 && author) {
      await db.query(
        `INSERT INTO dilemma_discussion (case_id, team_id, held_on, note, created_by) VALUES ($1, $2, $3, $4, $5)`,
        [
          ids[0],
          author.team_id,
          opts.referenceDate,
          'We spraken af om discriminatie altijd te bespreken als een klant het noemt, en de meldpunten te noemen. Twee collega’s vertelden dat ze dat tot nu toe lieten liggen.',
          author.id,
        ],
      );
    }
  }
  return { votes: written, reflections: await writeReflections(db, random, opts.referenceDate) };
}

async function insertCase(
  db: Queryable,
  municipalityId: number,
  author: { id: number; team_id: number | null } | undefined,
  c: DemoCase,
  variant: DemoCase['variant'] | null,
  variantOf: number | null,
): Promise<number> {
  const [row] = await db.query<{ id: number }>(
    `INSERT INTO dilemma_case (municipality_id, team_id, title, situation, tags, variant_of, varied_feature, created_by)
     VALUES ($1, $2, $3, $4, $5, $8, $6, $7)
     RETURNING id`,
    [
      municipalityId,
      author?.team_id ?? null,
      c.title,
      c.situation,
      c.tags,
      variant?.feature ?? null,
      author?.id ?? null,
      variantOf,
    ],
  );
  for (const [k, label] of c.options.entries()) {
    await db.query('INSERT INTO dilemma_option (case_id, position, label) VALUES ($1, $2, $3)', [row.id, k + 1, label]);
  }
  return row.id;
}

/** Reflections on about a third of the conversations of the last three months before the reference date. */
async function writeReflections(db: Queryable, random: ReturnType<typeof createRandom>, referenceDate: string) {
  const conversations = await db.query<{ id: number; consultant_id: number; held_on: string }>(
    `SELECT id, consultant_id, held_on::text AS held_on FROM conversation
      WHERE consultant_id IS NOT NULL AND held_on > $1::date - 90 AND held_on <= $1::date ORDER BY id`,
    [referenceDate],
  );
  const logics = [
    ['procedureel', 4],
    ['relationeel', 3],
    ['zorgend', 2],
    ['versterkend', 2],
  ] as const;
  const rows = conversations.filter(() => random.bernoulli(0.35));
  const chunk = 5000;
  for (let i = 0; i < rows.length; i += chunk) {
    const part = rows.slice(i, i + chunk);
    await db.query(
      `INSERT INTO conversation_reflection (conversation_id, consultant_id, logic, discrimination_discussed, client_wish, reflected_on)
       SELECT * FROM unnest($1::int[], $2::int[], $3::text[], $4::bool[], $5::text[], $6::date[])`,
      [
        part.map((r) => r.id),
        part.map((r) => r.consultant_id),
        part.map(() => random.weighted(logics)),
        part.map(() => random.bernoulli(0.08)),
        part.map(() => ''),
        part.map((r) => r.held_on),
      ],
    );
  }
  return rows.length;
}
