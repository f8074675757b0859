// Generating a starter (files only, no npm install), measured as the user sees it: the whole
// `adr-wizard scaffold <starter> --out <new folder>` process. Target: <= 300 ms.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as lib from './lib.mjs';
import { BIN, median } from './lib.mjs';

const VARIANTS = [
  ['nest-microservices', []],
  ['nest-microservices (postgres, 5 services)', ['--database', 'postgres', '--services', 'orders,billing,auth,shipping,search'], 'nest-microservices'],
  ['saga', []],
  ['saga (choreography)', ['--saga-style', 'choreography'], 'saga'],
  ['modular-monolith', []],
];

function timeGenerate(starter, extra, runs = 11) {
  const root = mkdtempSync(join(tmpdir(), 'adr-wizard-bench-'));
  try {
    const once = (i) => {
      const t0 = process.hrtime.bigint();
      const r = spawnSync(process.execPath, [BIN, 'scaffold', starter, '--out', join(root, `run-${i}`), ...extra], {
        env: { ...process.env, NO_COLOR: '1' },
        encoding: 'utf8',
      });
      const ms = Number(process.hrtime.bigint() - t0) / 1e6;
      if (r.status !== 0) throw new Error(`scaffold ${starter} exited ${r.status}: ${r.stderr}`);
      return ms;
    };
    once('warm-up');
    return median(Array.from({ length: runs }, (_, i) => once(i)));
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

export async function bench() {
  return VARIANTS.map(([name, extra, starter]) =>
    lib.row(`scaffold ${name}`, timeGenerate(starter ?? name, extra), { target: 300, ratio: false }),
  );
}
