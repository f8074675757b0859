// The decision core in process: loading the decision set (the built data every command uses) and
// the full schema + lint pass of `validate`. `validate` as a process is measured with the other
// commands, interleaved with `node -e 0` (cli.bench.mjs).
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import * as lib from './lib.mjs';

// The bundle splits modules into hashed chunks; find the one exporting a function by name.
async function fromDist(lib, name) {
  const dist = join(lib.ROOT, 'dist');
  for (const f of readdirSync(dist).filter((n) => n.endsWith('.js'))) {
    const text = readFileSync(join(dist, f), 'utf8');
    if (new RegExp(`export \\{[^}]*\\b${name}\\b`).test(text)) {
      const mod = await import(pathToFileURL(join(dist, f)).href);
      if (typeof mod[name] === 'function') return mod[name];
    }
  }
  throw new Error(`${name} not found in dist/ (run npx tsup)`);
}

export async function bench() {
  const dir = mkdtempSync(join(tmpdir(), 'adr-wizard-bench-core-'));
  try {
    const loadDecisionSet = await fromDist(lib, 'loadDecisionSet');
    const quick = await lib.timeFn(() => loadDecisionSet({ cwd: dir }), { runs: 15 });
    const full = await lib.timeFn(() => loadDecisionSet({ cwd: dir, lint: true, lenient: true }), { runs: 5 });
    return [
      lib.row('loadDecisionSet (in process, cached)', quick, { target: 15, ratio: false }),
      lib.row('schema + lint of every tree (in process)', full, { target: 300, ratio: false }),
    ];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
