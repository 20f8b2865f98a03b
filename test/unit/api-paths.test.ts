import { test } from 'node:test';
import assert from 'node:assert/strict';
import { dutchPath, RENAMED_PREFIXES } from '../../src/server/api-paths.js';

test('route patterns get their Dutch path, with parameters kept in place', () => {
  assert.equal(dutchPath('/clients'), '/klanten');
  assert.equal(dutchPath('/clients/count'), '/klanten/count');
  assert.equal(dutchPath('/clients/:id'), '/klanten/:id');
  assert.equal(dutchPath('/clients/:id/file'), '/klanten/:id/dossier');
  assert.equal(dutchPath('/clients/:id/plans/:planId/steps/:stepId'), '/klanten/:id/plannen/:planId/stappen/:stepId');
  assert.equal(dutchPath('/clients/:id/intakes'), '/klanten/:id/intakes');
  assert.equal(dutchPath('/measurements/due'), '/meetmomenten/aan-de-beurt');
});

test('concrete paths with a query string, as the web sends them', () => {
  assert.equal(dutchPath('/clients/12/file'), '/klanten/12/dossier');
  assert.equal(dutchPath('/caseload?consultantId=3'), '/mijn-klanten?consultantId=3');
  assert.equal(
    dutchPath('/clients/7/intervision-summary?geenGezondheidsgegevens=true'),
    '/klanten/7/intervisie?geenGezondheidsgegevens=true',
  );
});

test('paths already in Dutch, and paths that only look alike, are left alone', () => {
  for (const p of [
    '/klanten/12/dossier',
    '/spiegel/aandacht',
    '/meetmomenten/uitkomsten',
    '/clientsx',
    '/team/overview',
  ])
    assert.equal(dutchPath(p), p);
});

test('every renamed path is new: no old path is renamed to a path that is renamed again', () => {
  for (const [, renamed] of RENAMED_PREFIXES) assert.equal(dutchPath(renamed), renamed);
});
