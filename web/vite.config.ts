// Build of the web UI: plain DOM modules bundled into web/dist, served by the API
// server under a CSP that allows only 'self'. So nothing may be inlined into the HTML
// or turned into data: URLs, and nothing may come from another origin.
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  root,
  base: '/',
  publicDir: false,
  build: {
    outDir: fileURLToPath(new URL('./dist', import.meta.url)),
    emptyOutDir: true,
    // data: URLs would be blocked by img-src/font-src 'self'.
    assetsInlineLimit: 0,
    // The polyfill is only for old browsers and would add code to the entry we do not need.
    modulePreload: { polyfill: false },
    sourcemap: false,
    target: 'es2022',
  },
  server: {
    // knowledge/events/plover-scores.tsv lives outside web/ and is imported ?raw.
    fs: { allow: [fileURLToPath(new URL('..', import.meta.url))] },
  },
});
