// Rendering 20 tree diagrams: one browser for the batch (renderMermaid: a few pages, each loading
// Mermaid once) against 20 separate `mmdc` processes of the same sources, in the same run. The 20
// sources are distinct (the 14 shipped ones, and 6 of them again with a comment line added), so the
// batch draws every one; a second batch of the 14 with 6 repeated as they are shows what drawing
// identical sources once saves. Runs only when a browser is present.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as lib from './lib.mjs';

const COUNT = 20;
const TARGET_SPEEDUP = 8;

/** Every shipped tree in English and Spanish, as `adr-wizard diagram` prints it, cycled to COUNT. */
function cycledSources(lib) {
  const trees = readdirSync(join(lib.ROOT, 'decisions'))
    .filter((f) => f.endsWith('.yaml') && f !== 'drivers.yaml')
    .map((f) => f.replace(/\.yaml$/, ''));
  const all = [];
  for (const tree of trees) {
    for (const lang of ['en', 'es']) {
      const r = spawnSync(process.execPath, [lib.BIN, 'diagram', tree, '--lang', lang], { encoding: 'utf8' });
      if (r.status !== 0) throw new Error(`diagram ${tree}: ${r.stderr}`);
      all.push(r.stdout);
    }
  }
  return Array.from({ length: COUNT }, (_, i) => all[i % all.length]);
}

export async function bench() {
  const executablePath = lib.browserPath();
  if (!executablePath) {
    console.warn('diagram bench skipped: no Chromium (apt-get install chromium)');
    return [];
  }
  const { renderMermaid } = await lib.builtModule((name) => /^mermaid-browser-.*\.js$/.test(name));
  // Every diagram drawn, as on a first run: the cache of drawings would make the batch a file read.
  process.env.ADR_WIZARD_NO_CACHE = '1';

  const dir = mkdtempSync(join(tmpdir(), 'adr-wizard-bench-'));
  try {
    const cycled = cycledSources(lib);
    // A Mermaid comment makes a repeated source a different text that draws the same picture.
    const srcs = cycled.map((s, i) => (cycled.indexOf(s) === i ? s : `${s.trimEnd()}\n%% copy ${i}\n`));
    const inputs = srcs.map((s, i) => {
      const file = join(dir, `d${i}.mmd`);
      writeFileSync(file, s);
      return file;
    });

    // One browser, a few pages at once: what `diagram --all` and `export --format html` do.
    const t0 = process.hrtime.bigint();
    await renderMermaid(srcs.map((source, i) => ({ source, outFile: join(dir, `batch${i}.svg`), format: 'svg' })));
    const batchMs = Number(process.hrtime.bigint() - t0) / 1e6;

    const t2 = process.hrtime.bigint();
    await renderMermaid(cycled.map((source, i) => ({ source, outFile: join(dir, `cycled${i}.svg`), format: 'svg' })));
    const cycledMs = Number(process.hrtime.bigint() - t2) / 1e6;

    // The alternative: one mmdc process (and browser) per diagram.
    const config = join(dir, 'puppeteer.json');
    const args = ['--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'];
    if (process.getuid?.() === 0) args.unshift('--no-sandbox');
    writeFileSync(config, JSON.stringify({ executablePath, args }));
    const mmdc = join(lib.ROOT, 'node_modules', '.bin', 'mmdc');
    const t1 = process.hrtime.bigint();
    for (const [i, input] of inputs.entries()) {
      const r = spawnSync(mmdc, ['-q', '-p', config, '-i', input, '-o', join(dir, `mmdc${i}.svg`)], { stdio: 'ignore' });
      if (r.status !== 0) throw new Error(`mmdc exited ${r.status}`);
    }
    const mmdcMs = Number(process.hrtime.bigint() - t1) / 1e6;

    const speedup = mmdcMs / batchMs;
    return [
      lib.row(`render ${COUNT} diagrams, one browser batch`, batchMs),
      lib.row(`render ${COUNT} diagrams, ${COUNT} mmdc processes`, mmdcMs),
      lib.row(`render ${COUNT} diagrams, ${COUNT - new Set(cycled).size} of them repeated, one browser batch`, cycledMs),
      {
        name: `batch speedup over mmdc (x)`,
        ms: Math.round(speedup * 100) / 100,
        ratio: Math.round(speedup * 100) / 100,
        target: `>= ${TARGET_SPEEDUP}x`,
        result: speedup >= TARGET_SPEEDUP ? 'ok' : 'MISSED',
      },
    ];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
