// The decision core in process: loading the decision set (the built data every command uses) and
// the full schema + lint pass of `validate`. `validate` as a process is measured with the other
// commands, interleaved with `node -e 0` (cli.bench.mjs).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as lib from './lib.mjs';

export async function bench() {
  const dir = mkdtempSync(join(tmpdir(), 'adr-wizard-bench-core-'));
  try {
    const { loadDecisionSet } = await lib.builtModule((_name, text) => /export \{[^}]*\bloadDecisionSet\b/.test(text));
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
