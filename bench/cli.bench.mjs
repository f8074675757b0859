// Start-up cost of the decision commands, as a ratio to bare `node -e 0`.
//
// The commands and `node -e 0` are run interleaved, round after round, so that a change in machine
// load during the run affects both sides of each ratio alike (a baseline taken once, minutes
// earlier, made the ratios swing by 0.3x on a busy machine). Each row's ms is the command's median
// scaled to the run-wide baseline, so that lib.row's ratio is the interleaved one.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as lib from './lib.mjs';

const ROUNDS = 21;

export async function bench() {
  const dir = mkdtempSync(join(tmpdir(), 'adr-wizard-bench-'));
  try {
    const context = join(dir, 'context.yaml');
    writeFileSync(
      context,
      'drivers:\n  team-size: large\n  domain-boundaries: clear\n  ops-maturity: high\n  team-autonomy: "yes"\n  latency-sensitive: "no"\n',
    );
    const cases = {
      'node -e 0': ['-e', '0'],
      '--help': [lib.BIN, '--help'],
      // What each TAB runs: the driver's values, from the built decision data.
      'complete -- decide --set scale=': [lib.BIN, 'complete', '--', 'decide', '--set', 'scale='],
      'trees --json': [lib.BIN, 'trees', '--json'],
      // Flips ("what would change this decision") are part of every decision.
      'decide --set --json --no-write': [lib.BIN, 'decide', 'architecture-style', '--set', 'team-size=large', '--set', 'domain-boundaries=clear', '--set', 'ops-maturity=high', '--set', 'team-autonomy=yes', '--set', 'latency-sensitive=no', '--json', '--no-write'],
      // The same answers from a context file: the one YAML reader of user files (yaml + zod) loads.
      'decide --context --json --no-write': [lib.BIN, 'decide', 'architecture-style', '--context', context, '--json', '--no-write'],
      // A matrix decision: flips, weight flips and the close-call check.
      'decide mlops-platform --json (matrix)': [lib.BIN, 'decide', 'mlops-platform', '--context', context, '--set', 'cloud=aws', '--set', 'managed-preference=no', '--set', 'scale=large', '--set', 'cost-sensitive=no', '--json', '--no-write'],
      // Every shipped tree over its whole space: schema, lint, rules and chains.
      'validate --json (whole space)': [lib.BIN, 'validate', '--json'],
    };
    // validate reads and schema-checks every YAML file: its cost grows with the content (about 300 KB).
    const targets = { 'validate --json (whole space)': 10 };
    const times = Object.fromEntries(Object.keys(cases).map((k) => [k, []]));
    const once = (name, args) => {
      const t0 = process.hrtime.bigint();
      const r = spawnSync(process.execPath, args, { cwd: dir, env: { ...process.env, NO_COLOR: '1' }, stdio: 'ignore' });
      if (r.status !== 0) throw new Error(`${name} exited ${r.status}`);
      return Number(process.hrtime.bigint() - t0) / 1e6;
    };
    for (const [name, args] of Object.entries(cases)) once(name, args); // warm the file cache
    for (let i = 0; i < ROUNDS; i++) for (const [name, args] of Object.entries(cases)) times[name].push(once(name, args));
    const base = lib.median(times['node -e 0']);
    return Object.keys(cases)
      .filter((name) => name !== 'node -e 0')
      .map((name) => lib.row(name, (lib.median(times[name]) / base) * lib.baseline(), { target: targets[name] ?? (name.startsWith('decide') ? 1.5 : 1.3) }));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
