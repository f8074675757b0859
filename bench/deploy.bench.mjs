// Generating the deployment starters (files only, no install): the whole `adr-wizard scaffold`
// process writing into a fresh folder each run. Target: <= 300 ms each.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as lib from './lib.mjs';

const RUNS = 11;

function timeScaffold(lib, starter, extra) {
  const root = mkdtempSync(join(tmpdir(), 'adrw-bench-deploy-'));
  const once = (i) => {
    const t0 = process.hrtime.bigint();
    const r = spawnSync(process.execPath, [lib.BIN, 'scaffold', starter, '--out', join(root, `out-${i}`), ...extra], {
      cwd: root,
      env: { ...process.env, NO_COLOR: '1' },
      stdio: 'ignore',
    });
    const ms = Number(process.hrtime.bigint() - t0) / 1e6;
    if (r.status !== 0) throw new Error(`scaffold ${starter} exited ${r.status}`);
    return ms;
  };
  try {
    once('warm');
    return lib.median(Array.from({ length: RUNS }, (_, i) => once(i)));
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

export async function bench() {
  return [
    lib.row('scaffold helm (files only)', timeScaffold(lib, 'helm', ['--ingress', 'aws-alb']), { target: 300, ratio: false }),
    lib.row('scaffold kustomize (files only)', timeScaffold(lib, 'kustomize', ['--ingress', 'aws-alb']), { target: 300, ratio: false }),
    lib.row('scaffold mlops-platform (files only)', timeScaffold(lib, 'mlops-platform', ['--ingress', 'gateway-api']), { target: 300, ratio: false }),
  ];
}
