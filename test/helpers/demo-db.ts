import { writeDemodam, type WriteDemodamOptions } from '../../src/demo/write.js';
import { todayIso } from '../../src/domain/dates.js';
import { preparedDb, sourceHash, type TestDb } from './db.js';

/** The sources whose change can change what writeDemodam writes (besides the migrations). */
const DEMO_SOURCES = ['src/demo', 'src/domain', 'src/mirror', 'src/questionnaire', 'src/store'];

/**
 * A fresh database of its own holding Demodam as writeDemodam(db, options) writes it into a
 * migrated database, followed by ANALYZE (what a server's autovacuum does after such a load).
 * Written once per set of options and sources, kept between test processes (see preparedDb), and
 * copied per call — so each file that needs the 6,000-client municipality no longer writes it.
 */
export function demodamDb(options: Omit<WriteDemodamOptions, 'onProgress'>): Promise<TestDb> {
  // Demodam's dates and statuses follow the day it is written on: a copy is kept for one day only
  const key = sourceHash(DEMO_SOURCES, `demodam ${todayIso()} ${JSON.stringify(options)}`);
  return preparedDb(key, async (db) => {
    await writeDemodam(db, options);
    await db.query('ANALYZE');
  });
}
