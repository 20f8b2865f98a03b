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
  ]);
  const calm = story.sections.find((s) => s.title === 'Waar we geen duidelijk verschil zien')!.sentences;
  assert.ok(
    calm.includes(
      'Naar migratieachtergrond (CBS tot 2022) zien we in geen enkele fase een duidelijk verschil tussen de groepen.',
    ),
  );
  const limits = story.sections.find((s) => s.title === 'Wat de cijfers niet laten zien')!.sentences.join(' ');
  assert.match(limits, /statushouders zijn bijvoorbeeld een apart kenmerk/);
  assert.equal(
    story.headline,
    '400 mensen in de bijstand: bij 1 combinatie van kenmerk en fase zien we een duidelijk verschil in kansen.',
  );
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
