// `export` in each format and `index --stdout` over 1,000 and 10,000 generated ADRs, as ratios
// to `node -e 0`. The log is the mixed one of adr-log.mjs: adr-tools (Nygard) files with typed
// links in their Status section, MADR 2 and log4brains with Links bullets, MADR 3 and 4 whose
// links are prose, log4brains' dated files, and sessions of adr-wizard decisions (MADR 4 with the
// adr-wizard block and its Mermaid diagram) linked to one another. About one record in seven
// supersedes an earlier one on its topic, one in three amends the record three before it (both
// sides record the pair), one in eleven relates to a record far back: a decision graph of
// thousands of linked records, which the export splits into diagrams Mermaid can draw.
//
// HTML is measured without a browser (PUPPETEER_EXECUTABLE_PATH names no file): the export then
// keeps every ADR's diagram as source and lists the graph's relations, as it does for a user
// without Chromium (it still loads mermaid-cli and puppeteer to look for one: that is measured).
// Drawing thousands of diagrams in a browser measures the browser, not the export; that is measured
// apart, on a log of 200 decisions written by `decide` (adr-log.mjs, writeDecisionLog): the HTML
// export with Chromium drawing every decision's diagram and the decision graph, in seconds.
//
// As in adr.bench.mjs, the commands and `node -e 0` run interleaved, round after round, and each
// ratio is over the `node -e 0` runs of the same rounds.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeAdrLog, writeDecisionLog } from './adr-log.mjs';
import * as lib from './lib.mjs';

const ROUNDS = 5;
// Every diagram drawn (or not, without a browser) in every run: the cache of drawings is measured apart.
const ENV = { NO_COLOR: '1', ADR_DATE: '2026-02-03', ADR_WIZARD_NO_CACHE: '1' };
const NO_BROWSER = { PUPPETEER_EXECUTABLE_PATH: join(tmpdir(), 'adr-wizard-bench-no-browser') };
const DECISIONS = 200;
const DRAWN_RUNS = 3;
const DRAWN_TARGET_MS = 15_000;
// The same export again with the drawings of the first run in the cache (a site or export rebuilt in CI).
const CACHED_TARGET_MS = 3_000;

export async function bench() {
  const root = mkdtempSync(join(tmpdir(), 'adr-export-bench-'));
  try {
    const k1 = writeAdrLog(root, 1000);
    const k10 = writeAdrLog(root, 10000);
    const cli = (...args) => [lib.BIN, ...args];
    const cases = { 'node -e 0': { args: ['-e', '0'] } };
    for (const [cwd, size, targets] of [
      // Measured on a busy two-core machine: md 3.1x and 10-11.5x, html 7.3-8.1x and 23.5-24.5x,
      // json 2.6-2.8x and 6.9-7.3x, index 2.4-2.8x and 5.9-6.9x. About three times the 1,000-ADR
      // figure for ten times the log: linear.
      [k1, '1,000', { md: 5, html: 12, json: 5, index: 5 }],
      [k10, '10,000', { md: 15, html: 30, json: 12, index: 10 }],
    ]) {
      cases[`export --format md (${size} ADRs)`] = { args: cli('export', '--format', 'md'), cwd, target: targets.md };
      cases[`export --format html, no browser (${size} ADRs)`] = { args: cli('export', '--format', 'html'), cwd, env: NO_BROWSER, target: targets.html };
      cases[`export --format json (${size} ADRs)`] = { args: cli('export', '--format', 'json'), cwd, target: targets.json };
      cases[`index --stdout (${size} ADRs)`] = { args: cli('index', '--stdout'), cwd, target: targets.index };
    }
    const once = (name, c) => {
      const t0 = process.hrtime.bigint();
      const r = spawnSync(process.execPath, c.args, { cwd: c.cwd ?? root, env: { ...process.env, ...ENV, ...c.env }, stdio: 'ignore' });
      const ms = Number(process.hrtime.bigint() - t0) / 1e6;
      if (r.status !== 0) throw new Error(`${name} exited ${r.status}`);
      return ms;
    };
    const times = Object.fromEntries(Object.keys(cases).map((k) => [k, []]));
    for (const [name, c] of Object.entries(cases)) once(name, c); // warm the file cache
    for (let i = 0; i < ROUNDS; i++) {
      for (const [name, c] of Object.entries(cases)) times[name].push(once(name, c));
    }
    const base = lib.median(times['node -e 0']);
    return [
      ...Object.entries(cases)
        .filter(([name]) => name !== 'node -e 0')
        .map(([name, c]) => lib.row(name, (lib.median(times[name]) / base) * lib.baseline(), { target: c.target })),
      ...drawn(root, once),
    ];
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

/** The HTML export of DECISIONS decisions with their diagrams drawn: median of a few runs, in ms. */
function drawn(root, once) {
  if (!lib.browserPath()) {
    console.warn('export bench: the drawn HTML export is skipped: no Chromium (apt-get install chromium)');
    return [];
  }
  const cwd = writeDecisionLog(root, DECISIONS);
  const c = { args: [lib.BIN, 'export', '--format', 'html', '--out', 'log.html', '--force'], cwd };
  const name = `export --format html, diagrams drawn (${DECISIONS} decision ADRs)`;
  // A run that fell back to Mermaid source (no browser, a failed diagram) is not this measurement.
  const check = (what) => {
    const svgs = readFileSync(join(cwd, 'log.html'), 'utf8').match(/<svg id=/g)?.length ?? 0;
    if (svgs <= DECISIONS) throw new Error(`${what}: ${svgs} diagrams drawn, expected the ${DECISIONS} decisions' and the graph`);
  };
  const ms = lib.median(Array.from({ length: DRAWN_RUNS }, () => once(name, c)));
  check(name);
  const cacheDir = mkdtempSync(join(tmpdir(), 'adr-wizard-bench-cache-'));
  try {
    const cached = { ...c, env: { ADR_WIZARD_NO_CACHE: '', ADR_WIZARD_CACHE_DIR: cacheDir } };
    const cachedName = `${name}, drawings cached by a first run`;
    once(cachedName, cached);
    const cachedMs = lib.median(Array.from({ length: DRAWN_RUNS }, () => once(cachedName, cached)));
    check(cachedName);
    return [
      lib.row(name, ms, { target: DRAWN_TARGET_MS, ratio: false }),
      lib.row(cachedName, cachedMs, { target: CACHED_TARGET_MS, ratio: false }),
    ];
  } finally {
    rmSync(cacheDir, { recursive: true, force: true });
  }
}
