// `search` over 1,000 and 10,000 generated ADRs: the mixed log of adr-log.mjs, every tool's style,
// adr-wizard decisions, tags, links, records in English and in Spanish. Three queries: a word in
// about one ADR in five (its own decisions and the records that link to them), a phrase with a
// status filter, and an accented word found in every ADR with a tag filter (the most lines to
// print).
//
// As in adr.bench.mjs, the commands and `node -e 0` run interleaved, round after round, so that a
// change in machine load affects both sides of each ratio alike. Every query reads and parses the
// whole log except the files without its words; the third one parses all of them, as `list` does.
// 20x is about a second at the usual 40-50 ms of `node -e 0`; the wall time is checked too.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeAdrLog } from './adr-log.mjs';
import * as lib from './lib.mjs';

const ROUNDS = 5;
const ENV = { NO_COLOR: '1' };

export async function bench() {
  const root = mkdtempSync(join(tmpdir(), 'adr-search-bench-'));
  try {
    const k1 = writeAdrLog(root, 1000);
    const k10 = writeAdrLog(root, 10000);
    const cli = (...args) => [lib.BIN, 'search', ...args];
    const queries = {
      'a word': ['kafka'],
      'a phrase, --status': ['event sourcing', '--status', 'accepted'],
      'an accented word, --tag': ['decisión', '--tag', 'security'],
    };
    const cases = { 'node -e 0': { args: ['-e', '0'] } };
    for (const [name, q] of Object.entries(queries)) cases[`search ${name} (1,000 ADRs)`] = { args: cli(...q), cwd: k1, target: 5 };
    for (const [name, q] of Object.entries(queries)) cases[`search ${name} (10,000 ADRs)`] = { args: cli(...q), cwd: k10, target: 20, targetMs: 1000 };

    // Nothing found exits 0 too (and says so on stderr): each query is checked once to find ADRs.
    for (const [name, c] of Object.entries(cases)) {
      if (name === 'node -e 0') continue;
      const r = spawnSync(process.execPath, [...c.args, '--json'], { cwd: c.cwd, env: { ...process.env, ...ENV }, encoding: 'utf8' });
      if (r.status !== 0 || JSON.parse(r.stdout).length === 0) throw new Error(`${name} finds no ADR (exit code ${r.status})`);
    }
    const once = (name, c) => {
      const t0 = process.hrtime.bigint();
      const r = spawnSync(process.execPath, c.args, { cwd: c.cwd ?? root, env: { ...process.env, ...ENV }, stdio: 'ignore' });
      const ms = Number(process.hrtime.bigint() - t0) / 1e6;
      if (r.status !== 0) throw new Error(`${name} exited ${r.status}`);
      return ms;
    };
    const times = Object.fromEntries(Object.keys(cases).map((k) => [k, []]));
    for (const [name, c] of Object.entries(cases)) once(name, c); // warm the file cache
    for (let i = 0; i < ROUNDS; i++) for (const [name, c] of Object.entries(cases)) times[name].push(once(name, c));
    const ratio = (name) => lib.median(times[name]) / lib.median(times['node -e 0']);

    const rows = [];
    for (const [name, c] of Object.entries(cases)) {
      if (name === 'node -e 0') continue;
      rows.push(lib.row(name, ratio(name) * lib.baseline(), { target: c.target }));
      // Over 10,000 ADRs the promise is absolute too: under a second on the machine at hand.
      if (c.targetMs !== undefined) rows.push(lib.row(`${name}, wall time`, lib.median(times[name]), { target: c.targetMs, ratio: false }));
    }
    return rows;
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}
