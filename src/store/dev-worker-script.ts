import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, rename, writeFile } from 'node:fs/promises';
import { fileURLToPath, pathToFileURL } from 'node:url';

/**
 * Under tsx (development, tests and benchmarks) a worker thread cannot import a .ts module
 * without loading tsx again in that thread, which costs about 0.4 s per worker. Instead, the
 * worker module and its own imports are bundled into one JavaScript file with esbuild (the
 * compiler tsx itself uses; a development dependency), with packages left as imports. The file
 * is kept by its content in node_modules/.cache, so test processes share it. The built app
 * (dist/) never comes here: it starts its compiled .js worker.
 */
const bundles = new Map<string, Promise<URL>>();

export function devWorkerScript(entry: URL): Promise<URL> {
  let bundle = bundles.get(entry.href);
  if (!bundle) {
    bundle = (async () => {
      const { build } = await import('esbuild');
      const result = await build({
        entryPoints: [fileURLToPath(entry)],
        bundle: true,
        format: 'esm',
        platform: 'node',
        target: 'node20',
        packages: 'external',
        write: false,
        logLevel: 'silent',
      });
      const code = result.outputFiles[0]!.text;
      const dir = new URL('../../node_modules/.cache/kansenspiegel/', import.meta.url);
      const hash = createHash('sha256').update(code).digest('hex').slice(0, 16);
      const file = new URL(`worker-${hash}.mjs`, dir);
      if (!existsSync(file)) {
        // Written whole under another name first, so a parallel process never starts half a file.
        await mkdir(dir, { recursive: true });
        const partial = new URL(`worker-${hash}.${process.pid}.part`, dir);
        await writeFile(partial, code);
        await rename(partial, file);
      }
      return pathToFileURL(fileURLToPath(file));
    })();
    bundles.set(entry.href, bundle);
  }
  return bundle;
}
