import { readFileSync } from 'node:fs';
import { defineConfig } from 'tsup';

const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { version: string };

// One ESM bundle with code splitting: every command is a lazy chunk, so `--help` loads
// commander and nothing else. The two small modules on every start-up path (commander, chalk) are
// bundled, which saves resolving and reading a dozen files per run; the rest stay external.
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
  noExternal: ['commander', 'chalk'],
  // commander is CommonJS: its bundled `require('node:events')` calls need a real require.
  banner: { js: "import { createRequire as __adrCreateRequire } from 'node:module'; const require = __adrCreateRequire(import.meta.url);" },
  define: { __ADR_WIZARD_VERSION__: JSON.stringify(pkg.version) },
  // The shipped trees as JSON (dist/decisions-cache.json): YAML parsing would dominate start-up.
  onSuccess: 'node scripts/compile-decisions.mjs',
});
