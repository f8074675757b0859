// Generating a starter (files only, no npm install), measured as the user sees it: the whole
// `adr-wizard scaffold <starter> --out <new folder>` process, once per starter the manifests
// declare (dist/starters.json: a new starter gets its row without editing this file), plus the
// variants that write the most. Target: <= 300 ms each; the ratio to `node -e 0` travels between
// machines.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as lib from './lib.mjs';

const TARGET_MS = 300;
const RUNS = 11;

/** Heavier variants than a starter's defaults. */
const VARIANTS = [
  ['nest-microservices', ['--transport', 'kafka', '--database', 'postgres', '--services', 'orders,billing,auth,shipping,search']],
  ['saga', ['--saga-style', 'choreography', '--database', 'postgres']],
  ['helm', ['--ingress', 'aws-alb', '--hosting', 'amazon-eks-auto-mode']],
];

function starterIds() {
  const built = JSON.parse(readFileSync(join(lib.ROOT, 'dist', 'starters.json'), 'utf8'));
  return Object.values(built.files).map((entry) => entry.data.id).sort();
}

function timeScaffold(starter, extra) {
  const root = mkdtempSync(join(tmpdir(), 'adr-wizard-bench-'));
  const once = (i) => {
    const t0 = process.hrtime.bigint();
    const r = spawnSync(process.execPath, [lib.BIN, 'scaffold', starter, '--out', join(root, `run-${i}`), ...extra], {
      cwd: root,
      env: { ...process.env, NO_COLOR: '1' },
      encoding: 'utf8',
    });
    const ms = Number(process.hrtime.bigint() - t0) / 1e6;
    if (r.status !== 0) throw new Error(`scaffold ${starter} ${extra.join(' ')} exited ${r.status}: ${r.stderr}`);
    return ms;
  };
  try {
    once('warm-up');
    return lib.median(Array.from({ length: RUNS }, (_, i) => once(i)));
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

export async function bench() {
  return [
    ...starterIds().map((id) => lib.row(`scaffold ${id}`, timeScaffold(id, []), { target: TARGET_MS, ratio: false })),
    ...VARIANTS.map(([id, extra]) => lib.row(`scaffold ${id} ${extra.join(' ')}`, timeScaffold(id, extra), { target: TARGET_MS, ratio: false })),
  ];
}
