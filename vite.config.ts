import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';

const fromRoot = (path: string): string => fileURLToPath(new URL(path, import.meta.url));

/**
 * Preloads the Latin font files from the page's head: the browser otherwise finds them only when
 * the first text is drawn (Latin Extended when the first name with, say, ş or ğ shows), which
 * adds a round trip at the end of every first load.
 */
function preloadLatinFonts(): Plugin {
  return {
    name: 'ks-preload-latin-fonts',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler: (_html, ctx) =>
        Object.keys(ctx.bundle ?? {})
          .filter((file) => /(^|\/)noto-sans-latin(-ext)?-wght-normal-[\w-]+\.woff2$/.test(file))
          .map((file) => ({
            tag: 'link',
            attrs: { rel: 'preload', href: `/${file}`, as: 'font', type: 'font/woff2', crossorigin: '' },
            injectTo: 'head' as const,
          })),
    },
  };
}

/**
 * The browser app in src/web, built into dist/web, which the server hands out.
 * `npm run dev` style work: run the server on port 3000 and `npx vite` beside it; /api is proxied.
 */
export default defineConfig({
  root: fromRoot('./src/web'),
  plugins: [react(), preloadLatinFonts()],
  build: {
    outDir: fromRoot('./dist/web'),
    emptyOutDir: true,
    // The server's Content-Security-Policy allows fonts only from 'self': never inline assets as data: URLs.
    assetsInlineLimit: 0,
  },
  server: {
    host: '127.0.0.1',
    proxy: { '/api': { target: 'http://127.0.0.1:3000', changeOrigin: false } },
  },
  preview: {
    host: '127.0.0.1',
    proxy: { '/api': { target: 'http://127.0.0.1:3000', changeOrigin: false } },
  },
});
