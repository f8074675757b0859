// ADR log commands: `new` in a one-ADR and a 1,000-ADR log, `new` against a peer tool's `adr new`,
// `list --json` and `index --stdout` over 100 to 10,000 generated ADRs (the mixed log of
// adr-log.mjs: every tool's style, adr-wizard decisions, links), and the peak memory of the
// commands that read a whole log. The one-ADR log is what adr-tools' `adr init` writes; in the
// larger ones the latest records are log4brains' dated files, so `new` writes one of those.
//
// As in cli.bench.mjs, the commands and `node -e 0` run interleaved, round after round, so that a
// change in machine load affects both sides of each ratio alike. Each row's ms is the command's
// median scaled to the run-wide baseline, so that lib.row's ratio is the interleaved one.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeAdrLog } from './adr-log.mjs';
import * as lib from './lib.mjs';

const ROUNDS = 15;
// The commands over 1,000 and 10,000 ADRs take long enough to be measured in fewer rounds.
const HEAVY_ROUNDS = 5;
const MIB = 1024 * 1024;
const ENV = { NO_COLOR: '1', ADR_DATE: '2026-02-03' };

// The peer: @meza/adr-tools, a Node.js port of adr-tools, installed as a devDependency so that
// both tools run on the same machine in the same run.
const PEER = '@meza/adr-tools';

/**
 * The peer's `adr` script, from its package.json `bin`, found by path: the package's `exports` map
 * is invalid (a target without `./`), so Node cannot resolve the package by its name.
 */
function peerBin(root) {
  const dir = join(root, 'node_modules', PEER);
  let pkg;
  try {
    pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
  } catch {
    throw new Error(`${PEER} is not installed; run npm install (it is a devDependency)`);
  }
  const bin = typeof pkg.bin === 'string' ? pkg.bin : pkg.bin?.adr;
  if (!bin) throw new Error(`${PEER} has no "adr" bin`);
  return { file: join(dir, bin), version: pkg.version };
}

/** Removes what a timed `new` wrote, so that every run of it meets the same log. */
function resetter(dir, extra = {}) {
  const keep = new Set(readdirSync(dir));
  return () => {
    for (const name of readdirSync(dir)) if (!keep.has(name)) unlinkSync(join(dir, name));
    for (const [name, content] of Object.entries(extra)) writeFileSync(join(dir, name), content);
  };
}

// Peak memory: the child writes its own maximum resident set size to fd 3 as it exits (portable,
// unlike GNU time's -v). The hook adds about 2 MiB to a bare `node -e 0`: it loads the ES module
// loader, which the CLI loads anyway.
const MAX_RSS_HOOK =
  'data:text/javascript,import{writeSync}from"node:fs";process.on("exit",()=>writeSync(3,String(process.resourceUsage().maxRSS)))';

function peakMiB(args, cwd) {
  const r = spawnSync(process.execPath, ['--import', MAX_RSS_HOOK, ...args], {
    cwd,
    env: { ...process.env, ...ENV },
    stdio: ['ignore', 'ignore', 'ignore', 'pipe'],
  });
  if (r.status !== 0) throw new Error(`${args.join(' ')} exited ${r.status}`);
  return (Number(r.output[3].toString()) * 1024) / MIB;
}

export async function bench() {
  const root = mkdtempSync(join(tmpdir(), 'adr-bench-'));
  try {
    const one = writeAdrLog(root, 1);
    const h1 = writeAdrLog(root, 100);
    const k1 = writeAdrLog(root, 1000);
    const k10 = writeAdrLog(root, 10000);

    const peer = peerBin(lib.ROOT);
    const peerLog = join(root, 'peer');
    mkdirSync(peerLog);
    const peerInit = spawnSync(process.execPath, [peer.file, 'init'], { cwd: peerLog, env: { ...process.env, ...ENV }, stdio: 'ignore' });
    if (peerInit.status !== 0) throw new Error(`${PEER} adr init exited ${peerInit.status}`);
    const peerDir = join(peerLog, readFileSync(join(peerLog, '.adr-dir'), 'utf8').trim());
    // The peer numbers from a counter file: it is put back after each run, with the log.
    const peerLock = join(peerDir, '.adr-sequence.lock');
    const peerExtra = existsSync(peerLock) ? { '.adr-sequence.lock': readFileSync(peerLock, 'utf8') } : {};
    console.log(`new is compared with ${PEER} ${peer.version} (devDependency): its \`adr new\` in a log its \`adr init\` wrote`);

    const cli = (...args) => [lib.BIN, ...args];
    const cases = {
      'node -e 0': { args: ['-e', '0'] },
      'new (1-ADR log)': { args: cli('new', 'Bench title'), cwd: one, after: resetter(join(one, 'doc/adr')), target: 1.5 },
      'new (1,000 ADRs)': { args: cli('new', 'Bench title'), cwd: k1, after: resetter(join(k1, 'doc/adr')), target: 1.3 },
      [`adr new (${PEER}, 1-ADR log)`]: { args: [peer.file, 'new', 'Bench', 'title'], cwd: peerLog, after: resetter(peerDir, peerExtra) },
      'list --json (100 ADRs)': { args: cli('list', '--json'), cwd: h1, target: 1.5 },
      'list --json (1,000 ADRs)': { args: cli('list', '--json'), cwd: k1, rounds: HEAVY_ROUNDS },
      'index --stdout (1,000 ADRs)': { args: cli('index', '--stdout'), cwd: k1, rounds: HEAVY_ROUNDS },
      'list --json (10,000 ADRs)': { args: cli('list', '--json'), cwd: k10, rounds: HEAVY_ROUNDS },
      'index --stdout (10,000 ADRs)': { args: cli('index', '--stdout'), cwd: k10, rounds: HEAVY_ROUNDS, targetMs: 1000 },
    };
    const once = (name, c) => {
      const t0 = process.hrtime.bigint();
      const r = spawnSync(process.execPath, c.args, { cwd: c.cwd ?? root, env: { ...process.env, ...ENV }, stdio: 'ignore' });
      const ms = Number(process.hrtime.bigint() - t0) / 1e6;
      if (r.status !== 0) throw new Error(`${name} exited ${r.status}`);
      c.after?.();
      return ms;
    };
    const times = Object.fromEntries(Object.keys(cases).map((k) => [k, []]));
    for (const [name, c] of Object.entries(cases)) once(name, c); // warm the file cache
    for (let i = 0; i < ROUNDS; i++) {
      for (const [name, c] of Object.entries(cases)) if (i < (c.rounds ?? ROUNDS)) times[name].push(once(name, c));
    }
    // Each command against `node -e 0` of the rounds it ran in.
    const ratio = (name) => {
      const rounds = times[name].length;
      return lib.median(times[name]) / lib.median(times['node -e 0'].slice(0, rounds));
    };

    const rows = Object.entries(cases)
      .filter(([name]) => name !== 'node -e 0')
      .map(([name, c]) => {
        const ms = ratio(name) * lib.baseline();
        return c.targetMs !== undefined ? lib.row(name, lib.median(times[name]), { target: c.targetMs, ratio: false }) : lib.row(name, ms, { target: c.target });
      });

    // Ours over the peer's, both medians of the same rounds: below 1 means ours is faster.
    const versus = ratio('new (1-ADR log)') / ratio(`adr new (${PEER}, 1-ADR log)`);
    rows.push({
      name: `new / ${PEER} adr new`,
      ratio: Math.round(versus * 100) / 100,
      target: '< 1x',
      result: versus < 1 ? 'ok' : 'MISSED',
    });

    // Peak memory over 10,000 ADRs: the median of three runs each. The commands stream the log, but
    // the heap grows with the text read: 12.8 MB, two fifths of it adr-wizard decisions (their
    // arrows make V8 keep them at two bytes a character). 84-90 MiB measured; `node -e 0`, 42.
    const memory = {
      'list --json': cli('list', '--json'),
      'index --stdout': cli('index', '--stdout'),
      'doctor --json': cli('doctor', '--json'),
      'export --format json': cli('export', '--format', 'json'),
    };
    const mib = (name, args, cwd, target) => {
      const value = lib.median([0, 1, 2].map(() => peakMiB(args, cwd)));
      const row = { name: `peak memory: ${name}`, MiB: Math.round(value * 10) / 10 };
      return target === undefined ? row : { ...row, target: `<= ${target} MiB`, result: value <= target ? 'ok' : 'MISSED' };
    };
    rows.push(mib('node -e 0', ['-e', '0'], root));
    for (const [name, args] of Object.entries(memory)) rows.push(mib(`${name} (10,000 ADRs)`, args, k10, 96));
    return rows;
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}
