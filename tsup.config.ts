import { readFileSync } from 'node:fs';
import { defineConfig } from 'tsup';

const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { version: string };

// One ESM bundle with code splitting: every command is a lazy chunk, so `--help` loads
// commander and nothing else. The libraries on the commands' start-up paths are bundled into the
// chunks that use them: Node resolves, reads and links each package file separately (zod alone is
// over a hundred), and that, not running the code, is most of their load time. What only some runs
// need (prompts, Markdown, the Handlebars compiler for a user's own template, the browser) stays
// external and loads when used.
export default defineConfig({
  entry: { main: 'src/main.ts' },
  format: ['esm'],
  target: 'node20',
  platform: 'node',
  splitting: true,
  clean: true,
  sourcemap: false,
  dts: false,
  shims: false,
  noExternal: ['commander', 'chalk', 'yaml', 'zod', 'fastest-levenshtein', '@sindresorhus/slugify', /^handlebars\/runtime/],
  // commander is CommonJS: its bundled `require('node:events')` calls need a real require.
  banner: { js: "import { createRequire as __adrCreateRequire } from 'node:module'; const require = __adrCreateRequire(import.meta.url);" },
  define: { __ADR_WIZARD_VERSION__: JSON.stringify(pkg.version) },
  // Then the data step: checks the shipped trees and writes what the bundle reads at run time
  // (dist/decisions-cache.json, dist/templates/, decisions/*.schema.json); its failure fails the build.
  onSuccess: 'node scripts/build-data.mjs',
});
