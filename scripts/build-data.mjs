// The data step of the build (tsup runs it after the CLI bundle; see src/build/data.ts for what it
// checks and writes). That code is TypeScript in src/ and shares its modules with the CLI, so it
// is bundled here with esbuild into node_modules/.cache and run. Exits non-zero when it fails.
import { readFile, rm } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
// One file per run: two builds at once must not run each other's bundle.
const outfile = join(root, 'node_modules', '.cache', 'adr-wizard', `build-data-${process.pid}.mjs`);

// Each module keeps its own location as `import.meta.url`, as when it runs from src/ under the
// test runner: src/io/paths.ts finds the package root from it, not from the bundle's location.
const ownLocation = {
  name: 'own-location',
  setup(b) {
    b.onLoad({ filter: /[\\/]src[\\/].*\.ts$/ }, async (args) => ({
      contents: (await readFile(args.path, 'utf8')).replaceAll('import.meta.url', JSON.stringify(pathToFileURL(args.path).href)),
      loader: 'ts',
    }));
  },
};

await build({
  entryPoints: [join(root, 'src', 'build', 'data.ts')],
  outfile,
  bundle: true,
  packages: 'external',
  platform: 'node',
  format: 'esm',
  target: 'node20',
  plugins: [ownLocation],
  logLevel: 'warning',
});
try {
  const { buildData } = await import(pathToFileURL(outfile).href);
  process.exitCode = await buildData();
} finally {
  await rm(outfile, { force: true });
}
