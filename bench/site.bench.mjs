// `export --format site` over the 1,000-ADR log of adr-log.mjs (hand-written records in every
// style, sessions of adr-wizard decisions with their diagrams, a decision graph of hundreds of
// linked records): without a browser (every diagram kept as its source, the graph as lists of
// relations) and, when Chromium is present, with every diagram drawn. The targets: a site of
// 1,000 records in under 3 s without a browser and under 20 s with one, on a two-core machine.
// As in search.bench.mjs they are ratios to `node -e 0`, run interleaved with the export so that
// the machine's load weighs on both sides: at the usual 40-50 ms of `node -e 0`, 60x is 3 s and
// 400x is 20 s. The wall times are reported beside them. Each run rebuilds the site of the run
// before in place, as a CI job publishing it does.
//
// Measured with the renderer of 2026-12 (a page per diagram, Mermaid loaded into each) on the
// two-core machine under a load average of 8 to 14 (`node -e 0` took 160-320 ms instead of 40-50):
// without a browser 2.1-4.6 s (2.2 s of CPU), 13-28x; with diagrams 32-56 s, 130-340x (12 distinct
// decision diagrams, each drawn once, and 11 graph parts). Drawing the graph is most of it, and ~1 s of
// each diagram is loading Mermaid into its page, which a renderer that loads it once removes: the
// target row is written for that renderer.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeAdrLog } from './adr-log.mjs';
import * as lib from './lib.mjs';

// Every diagram drawn in every build: the cache of drawings (a rebuild's case) is measured in export.bench.
const ENV = { NO_COLOR: '1', ADR_DATE: '2026-02-03', ADR_WIZARD_NO_CACHE: '1' };
const NO_BROWSER = { PUPPETEER_EXECUTABLE_PATH: join(tmpdir(), 'adr-wizard-bench-no-browser') };

export async function bench() {
  const root = mkdtempSync(join(tmpdir(), 'adr-site-bench-'));
  try {
    const cwd = writeAdrLog(root, 1000);
    const cases = [{ name: 'export --format site, no browser (1,000 ADRs)', env: NO_BROWSER, out: 'site-plain', target: 60, runs: 5 }];
    if (lib.browserPath()) cases.push({ name: 'export --format site, diagrams drawn (1,000 ADRs)', env: {}, out: 'site-drawn', target: 400, runs: 3 });
    else console.warn('site bench: no Chromium, the row with diagrams is skipped (apt-get install chromium)');
    const time = (args, env = {}) => {
      const t0 = process.hrtime.bigint();
      const r = spawnSync(process.execPath, args, { cwd, env: { ...process.env, ...ENV, ...env }, stdio: 'ignore' });
      const ms = Number(process.hrtime.bigint() - t0) / 1e6;
      if (r.status !== 0) throw new Error(`${args.join(' ')} exited ${r.status}`);
      return ms;
    };
    const rows = [];
    for (const c of cases) {
      const args = [lib.BIN, 'export', '--format', 'site', '--out', c.out];
      time(args, c.env); // the first build writes the folder; the measured ones rebuild it
      const site = [];
      const node = [];
      for (let i = 0; i < c.runs; i++) {
        node.push(time(['-e', '0']));
        site.push(time(args, c.env));
      }
      const ms = lib.median(site);
      const ratio = ms / lib.median(node);
      rows.push(lib.row(c.name, ratio * lib.baseline(), { target: c.target }));
      rows.push(lib.row(`${c.name}, wall time`, ms, { ratio: false }));
    }
    return rows;
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}
