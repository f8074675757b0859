import { readdirSync, readFileSync } from 'node:fs';
import { defineConfig, type Options } from 'tsup';
import { sdkUnused } from './scripts/mcp-sdk-unused.mjs';

const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { version: string };
const commands = readdirSync('src/cli/commands')
  .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'))
  .map((f) => f.slice(0, -3));

// A run loads the program (dist/main.js: commander and the registrations) and the one command it
// runs (dist/commands/<name>/index.js), each built on its own with the libraries on its path
// bundled in. On Node 20 every module file costs about a millisecond to resolve, read and link;
// one build for all commands shared its code out in chunks of a few hundred bytes, a dozen or
// more per run, while a command built alone reads its own file and the chunks of what it loads
// lazily. What only some runs need stays lazy, in its own chunk: the YAML reader of user files,
// rendering, Markdown; prompts, the Handlebars compiler for a user's own template and the browser
// stay external packages.
const common: Options = {
  format: ['esm'],
  target: 'node20',
  platform: 'node',
  splitting: true,
  sourcemap: false,
  dts: false,
  shims: false,
  clean: false, // `npm run build` empties dist/ first: the builds below run at once
  noExternal: ['commander', 'chalk', 'yaml', 'zod', 'fastest-levenshtein', '@sindresorhus/slugify', '@bomb.sh/tab', /^handlebars\/runtime/],
  // commander and handlebars are CommonJS: their bundled `require('node:events')` calls need a real require.
  banner: { js: "import { createRequire as __adrCreateRequire } from 'node:module'; const require = __adrCreateRequire(import.meta.url);" },
  define: { __ADR_WIZARD_VERSION__: JSON.stringify(pkg.version) },
};

export default defineConfig([
  {
    ...common,
    entry: { main: 'src/main.ts' },
    // A registration's `import('../commands/<name>.js')` loads that command's own build.
    esbuildPlugins: [
      {
        name: 'commands-apart',
        setup(build) {
          // (main.ts starts `mcp` itself: ./cli/commands/mcp.js.)
          build.onResolve({ filter: /^(?:\.\.|\.\/cli)\/commands\/[\w-]+\.js$/ }, (args) => ({
            path: `./commands/${args.path.slice(args.path.lastIndexOf('/') + 1, -'.js'.length)}/index.js`,
            external: true,
          }));
        },
      },
    ],
    // Then the data step: checks the shipped trees and writes what the commands read at run time
    // (dist/decisions-cache.json, dist/templates/, decisions/*.schema.json); its failure fails the build.
    onSuccess: 'node scripts/build-data.mjs',
  },
  ...commands.map(
    (c): Options => ({
      ...common,
      // The MCP server answers an assistant's first request while it starts: the protocol SDK and
      // the zod it validates with are bundled into its build, one file read instead of hundreds.
      ...(c === 'mcp' ? { noExternal: [...(common.noExternal ?? []), /^@modelcontextprotocol\/sdk/, /^zod/], esbuildPlugins: [sdkUnused] } : {}),
      entry: { index: `src/cli/commands/${c}.ts` },
      outDir: `dist/commands/${c}`,
      // src/io/paths.ts: how many folders below the package root these files are.
      define: { ...common.define, __ADR_WIZARD_DEPTH__: '3' },
    }),
  ),
]);
