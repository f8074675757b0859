// `npm run bench`: every bench/*.bench.mjs exports `async function bench()` returning rows.
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import * as lib from './lib.mjs';

const dir = dirname(fileURLToPath(import.meta.url));
const only = process.argv.slice(2);
const files = readdirSync(dir)
  .filter((f) => f.endsWith('.bench.mjs'))
  .filter((f) => only.length === 0 || only.some((o) => f.includes(o)))
  .sort();

console.log(`node -e 0: ${lib.baseline().toFixed(1)} ms (median of 21)`);
const rows = [];
for (const f of files) {
  const mod = await import(pathToFileURL(join(dir, f)).href);
  const got = await mod.bench();
  for (const r of got) rows.push({ suite: f.replace('.bench.mjs', ''), ...r });
}
console.table(rows);
if (rows.some((r) => r.result === 'MISSED')) process.exitCode = 1;
