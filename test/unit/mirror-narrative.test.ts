import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildPersonTable, type MirrorPerson } from '../../src/mirror/person-table.js';
import { computeMirror } from '../../src/mirror/funnel.js';
import { narrate, certainty } from '../../src/mirror/narrative.js';
import { GROUNDS } from '../../src/mirror/grounds.js';

// 200 women of whom 20 got an instrument (10%), 200 men of whom 60 did (30%):
// ratio 0.10 / 0.30 = 0.33; chi-square = 24.0, p ≈ 1e-6, so clearly not chance.
function persons(): MirrorPerson[] {
  const out: MirrorPerson[] = [];
  for (let i = 0; i < 200; i++)
    out.push({
      grounds: { geslacht: 'vrouw', migratieachtergrond: i % 2 ? 'nederlands' : 'niet-westers' },
      stages: { voorziening: i < 20 },
    });
  for (let i = 0; i < 200; i++)
    out.push({
      grounds: { geslacht: 'man', migratieachtergrond: i % 2 ? 'nederlands' : 'niet-westers' },
      stages: { voorziening: i < 60 },
    });
  return out;
}

test('the story names the group that falls behind, with both rates and how sure we are', () => {
  const defs = GROUNDS.filter((g) => g.key === 'geslacht' || g.key === 'migratieachtergrond');
  const result = computeMirror(buildPersonTable(persons(), defs, ['voorziening']), [
    ['geslacht'],
    ['migratieachtergrond'],
  ]);
  const story = narrate(result);
  const standout = story.sections.find((s) => s.title === 'Wat valt op')!.sentences;
  assert.deepEqual(standout, [
    'Vrouw: 10% kreeg minstens één voorziening (re-integratie-instrument), tegen 30% van de anderen (0,33 keer zo vaak). Dit verschil is vrijwel zeker geen toeval.',
    'Deze groep doet het duidelijk beter dan de anderen: Man (voorziening).',
  ]);
  const calm = story.sections.find((s) => s.title === 'Waar we geen duidelijk verschil zien')!.sentences;
  assert.ok(
    calm.includes(
      'Naar migratieachtergrond (CBS tot 2022) zien we in geen enkele fase een duidelijk verschil tussen de groepen.',
    ),
  );
  const limits = story.sections.find((s) => s.title === 'Wat de cijfers niet laten zien')!.sentences.join(' ');
  assert.match(limits, /statushouders zijn bijvoorbeeld een apart kenmerk/);
  assert.equal(story.headline, '400 mensen in de bijstand: 1 groep blijft duidelijk achter.');
});

test('certainty words follow the adjusted p-value', () => {
  assert.equal(certainty(0.0004), 'Dit verschil is vrijwel zeker geen toeval.');
  assert.equal(certainty(0.004), 'Dit verschil is zeer waarschijnlijk geen toeval.');
  assert.match(certainty(0.04), /^Dit verschil is waarschijnlijk geen toeval, maar/);
});

test('hidden cells are explained, never counted out loud', () => {
  const small: MirrorPerson[] = persons().concat(
    Array.from({ length: 4 }, () => ({
      grounds: { geslacht: 'anders', migratieachtergrond: null },
      stages: { voorziening: false },
    })),
  );
  const defs = GROUNDS.filter((g) => g.key === 'geslacht' || g.key === 'migratieachtergrond');
  const result = computeMirror(buildPersonTable(small, defs, ['voorziening']), [['geslacht']]);
  const text = JSON.stringify(narrate(result));
  assert.match(text, /staat \\"< 10\\"/);
  assert.doesNotMatch(text, /\b4 mensen\b/);
});

// Women fall behind at two stages, men do better at both: one sentence for the women naming both
// stages, and a headline that counts exactly the groups listed. A small group "anders" (40 people,
// 12 with a provision: 30% against 80 of 400 = 20%) looks different (1,5 keer) but may be chance.
function twoStages(): MirrorPerson[] {
  const out: MirrorPerson[] = [];
  for (let i = 0; i < 200; i++)
    out.push({ grounds: { geslacht: 'vrouw' }, stages: { voorziening: i < 20, werkzaam_1m: i < 10 } });
  for (let i = 0; i < 200; i++)
    out.push({ grounds: { geslacht: 'man' }, stages: { voorziening: i < 60, werkzaam_1m: i < 40 } });
  for (let i = 0; i < 40; i++)
    out.push({ grounds: { geslacht: 'anders' }, stages: { voorziening: i < 12, werkzaam_1m: i < 10 } });
  return out;
}

const twoStageResult = () =>
  computeMirror(
    buildPersonTable(
      twoStages(),
      GROUNDS.filter((g) => g.key === 'geslacht'),
      ['voorziening', 'werkzaam_1m'],
    ),
    [['geslacht']],
  );

test('one sentence per group naming all its stages, and a headline that counts the sentences', () => {
  const story = narrate(twoStageResult());
  const standout = story.sections.find((s) => s.title === 'Wat valt op')!.sentences;
  const women = standout.filter((s) => s.startsWith('Vrouw'));
  assert.equal(women.length, 1);
  assert.match(women[0], /Deze groep blijft ook achter bij (voorziening|werk ≥ 1 maand)\./);
  assert.doesNotMatch(standout.join(' '), /geen enkele groep/i);
  // the men do clearly better: said once, not counted as falling behind
  assert.ok(standout.some((s) => /duidelijk beter dan de anderen: Man \(/.test(s)));
  assert.equal(story.headline, '440 mensen in de bijstand: 1 groep blijft duidelijk achter.');
});

test('an uncertain difference gives the true reason: the wide interval, not "few people"', () => {
  const story = narrate(twoStageResult());
  const calm = story.sections.find((s) => s.title === 'Waar we geen duidelijk verschil zien')?.sentences ?? [];
  const anders = calm.find((s) => s.startsWith('Anders (voorziening)'));
  assert.ok(anders, calm.join('\n'));
  // 12 of 40 against 80 of 400: ratio 0,30 / 0,20 = 1,50; Wilson interval from R
  // prop.test(12, 40, correct = FALSE): 18,1% to 45,4%
  assert.match(anders, /1,50 keer zo vaak/);
  assert.match(anders, /tussen 18% en 45%/);
  assert.doesNotMatch(JSON.stringify(story), /weinig mensen/);
});

test('in English the story and the group names are English', () => {
  const story = narrate(twoStageResult(), {}, { lang: 'en' });
  assert.equal(story.headline, '440 people on social assistance: 1 group clearly falls behind.');
  const standout = story.sections.find((s) => s.title === 'What stands out')!.sentences;
  assert.match(
    standout[0],
    /^Woman: 5% worked at least 1 month for the same employer, .* This group also falls behind at provision\.$/,
  );
  assert.doesNotMatch(JSON.stringify(story), /\b(Vrouw|kreeg|mensen)\b/);
});
