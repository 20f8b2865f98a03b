// npm run bench: prints figures; never part of the pass/fail of the tests.
import { benchMirror } from './mirror.js';
import { benchSpiegelApi } from './spiegel-api.js';
import { benchExtract } from './extract.js';

console.log(`Kansenspiegel benchmarks — Node ${process.version}, ${new Date().toISOString()}`);
await benchMirror();
await benchSpiegelApi();
await benchExtract();
