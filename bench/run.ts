// npm run bench: prints figures; never part of the pass/fail of the tests.
import { benchMirror } from './mirror.js';
import { benchSpiegelApi } from './spiegel-api.js';
import { benchExtract } from './extract.js';
import { existsSync } from 'node:fs';

console.log(`Kansenspiegel benchmarks — Node ${process.version}, ${new Date().toISOString()}`);
await benchMirror();
await benchSpiegelApi();
await benchExtract();
// pages run the built app (npm run build); without a build they are left out, with a word why
if (existsSync('dist/src/cli.js')) await (await import('./pages.js')).benchPages();
else console.log("\n## Pagina's in Chromium: overgeslagen, eerst npm run build");
