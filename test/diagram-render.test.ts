// Real rendering: every shipped tree (and a tree of hostile labels) to SVG and PNG in one browser
// batch, through Mermaid in Chromium pages.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { join } from 'node:path';
import { inflateSync } from 'node:zlib';
import puppeteer, { type Page } from 'puppeteer-core';
import { describe, expect, it } from 'vitest';
import { t } from '../src/core/text.js';
import type { BranchingTree, Outcome, Tree } from '../src/core/types.js';
import { loadDecisionSet } from '../src/io/trees.js';
import { treeNodeTitles, treeToMermaid } from '../src/render/mermaid.js';
import { browserArgs, renderMermaid, renderMermaidData } from '../src/io/mermaid-browser.js';
import { tempDir } from './support/cli.js';
import { findChromium, serviceGate } from './support/services.js';

const gate = serviceGate('chromium', !!findChromium(), 'apt-get install chromium');

/** What a label looks like inside SVG text (mermaid-cli writes XML, so & < > are escaped). */
function inSvg(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function outcome(id: string, title: string): Outcome {
  return { id, title, decision: 'x', consequences: { positive: [], negative: [] }, warnings: [], followUps: [], starters: [] };
}

const HOSTILE_OUTCOMES = {
  a: 'Quotes "double" and \'single\'',
  b: 'Brackets [x] (y) {z} and #hash',
  c: 'Less <than> & more',
  d: '¿Añadir caché? ñandú ✅ 🚀',
  end: 'end',
  e: 'a --> b | pipe `tick` %%{init}%% style:C#;',
};

const hostile: BranchingTree = {
  kind: 'tree',
  id: 'hostile',
  title: 't',
  problem: 'p',
  reviewed: '2026-01-01',
  sources: [],
  examples: [],
  start: 'q1',
  questions: {
    // Diagrams show a question's short form: that is where hostile text reaches a node.
    q1: { id: 'q1', driver: 'd', text: 'Long question?', short: '¿"Quoted" <question> #1 & [more]?', branches: { a: 'a', b: 'b', c: 'c', d: 'q2' } },
    q2: { id: 'q2', driver: 'e', text: 'Another long question?', short: 'end', branches: { x: 'd', y: 'end', z: 'e' } },
  },
  outcomes: Object.fromEntries(Object.entries(HOSTILE_OUTCOMES).map(([id, title]) => [id, outcome(id, title)])),
};

describe.skipIf(gate)('rendering with Chromium', () => {
  it('renders every shipped tree to SVG and PNG in one batch; each SVG shows the outcome titles', async () => {
    const { trees } = await loadDecisionSet({ cwd: tempDir() });
    expect(trees.size).toBeGreaterThan(0);
    const dir = tempDir();
    const items = [...trees.values()].flatMap((tree) =>
      (['svg', 'png'] as const).map((format) => ({
        tree,
        source: treeToMermaid(tree, 'en'),
        outFile: join(dir, `${tree.id}.${format}`),
        format,
      })),
    );
    // A generous per-diagram limit: other test files load both cores while this one runs.
    await renderMermaid(items, { timeoutMs: 120_000 });
    for (const item of items) {
      expect(existsSync(item.outFile), item.outFile).toBe(true);
      if (item.format === 'png') {
        const png = readFileSync(item.outFile);
        expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
        expect(png.length).toBeGreaterThan(5000);
      } else {
        const svg = readFileSync(item.outFile, 'utf8');
        expect(svg).toMatch(/^<svg/);
        for (const o of Object.values((item.tree as Tree).outcomes)) expect(svg).toContain(inSvg(t(o.title, 'en')));
      }
    }
  }, 300_000);

  it('renders hostile labels as written, with the walk highlighted', async () => {
    const dir = tempDir();
    const walk = { path: [{ question: 'q1', driver: 'd', value: 'd' }, { question: 'q2', driver: 'e', value: 'x' }], outcome: 'd' };
    const svgFile = join(dir, 'hostile.svg');
    const pngFile = join(dir, 'hostile.png');
    const source = treeToMermaid(hostile, 'en', walk);
    await renderMermaid([
      { source, outFile: svgFile, format: 'svg' },
      { source, outFile: pngFile, format: 'png' },
    ], { timeoutMs: 120_000 });
    const svg = readFileSync(svgFile, 'utf8');
    for (const title of Object.values(HOSTILE_OUTCOMES)) expect(svg).toContain(inSvg(title));
    expect(svg).toContain(inSvg('¿"Quoted" <question> #1 & [more]?'));
    // The chosen outcome's class reaches the SVG (that is what colours it).
    expect(svg).toMatch(/class="node[^"]*\bchosen\b/);
    // Each whole question can be attached as a tooltip to the node that shows its short form.
    const titles = treeNodeTitles(hostile, 'en');
    expect([...titles.values()]).toEqual(['Long question?', 'Another long question?']);
    for (const id of titles.keys()) expect(svg).toMatch(new RegExp(`<g class="node[^"]*" id="[^"]*-flowchart-${id}-\\d+"`));
    expect(readFileSync(pngFile).length).toBeGreaterThan(5000);
  }, 300_000);

  it('never replaces an existing picture without force, and replaces it with force', async () => {
    const outFile = join(tempDir(), 'mine.svg');
    writeFileSync(outFile, 'mine');
    const item = { source: 'flowchart TD\n  a --> b', outFile, format: 'svg' as const };
    await expect(renderMermaid([item], { timeoutMs: 120_000 })).rejects.toThrow(/mine\.svg already exists; use --force/);
    expect(readFileSync(outFile, 'utf8')).toBe('mine');
    await renderMermaid([item], { timeoutMs: 120_000, force: true });
    expect(readFileSync(outFile, 'utf8')).toMatch(/^<svg/);
  }, 300_000);

  it('a diagram over the time limit fails the batch instead of hanging it, and writes nothing', async () => {
    const dir = tempDir();
    const outFile = join(dir, 'slow.svg');
    const started = Date.now();
    await expect(
      renderMermaid([{ source: treeToMermaid(hostile, 'en'), outFile, format: 'svg' }], { timeoutMs: 50 }),
    ).rejects.toThrow(/rendering slow\.svg took longer than 50 ms/);
    expect(Date.now() - started).toBeLessThan(30_000);
    expect(existsSync(outFile)).toBe(false);
  }, 60_000);
});

// The page's own DOM, seen from inside page.evaluate (this project compiles without lib.dom).
declare const document: { querySelectorAll(selector: string): { length: number } };

/** Width, height and the first pixel (RGB) of a PNG, read from its header and first scanline. */
function pngFacts(png: Uint8Array): { width: number; height: number; firstPixel: number[] } {
  const buf = Buffer.from(png);
  expect(buf.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  const width = buf.readUInt32BE(16);
  const height = buf.readUInt32BE(20);
  const idat: Buffer[] = [];
  for (let at = 8; at < buf.length; ) {
    const length = buf.readUInt32BE(at);
    if (buf.toString('latin1', at + 4, at + 8) === 'IDAT') idat.push(buf.subarray(at + 8, at + 8 + length));
    at += length + 12;
  }
  // Every PNG filter leaves the first pixel of the first row as it is (its neighbours count as 0).
  const rows = inflateSync(Buffer.concat(idat));
  return { width, height, firstPixel: [...rows.subarray(1, 4)] };
}

const text = (data: Uint8Array) => new TextDecoder().decode(data);
const ok = (r: { ok: boolean; data?: Uint8Array } | undefined) => {
  expect(r?.ok).toBe(true);
  return text((r as { data: Uint8Array }).data);
};

describe.skipIf(gate)('many diagrams in a page', () => {
  it('a broken diagram fails alone with Mermaid\'s message; the diagrams after it in the same page still render', async () => {
    const tooManyEdges = `flowchart LR\n${Array.from({ length: 501 }, (_, i) => `  a${i} --> a${i + 1}`).join('\n')}`;
    const results = await renderMermaidData(
      [
        { source: 'flowchart TD\n  first --> second', format: 'svg', label: 'one' },
        { source: 'flowchart TD\n  a --> b --', format: 'svg', label: 'broken' },
        { source: 'flowchart TD\n  third --> fourth', format: 'svg', label: 'three' },
        { source: tooManyEdges, format: 'svg', label: 'edges' },
        { source: 'flowchart TD\n  fifth --> sixth', format: 'png', label: 'five' },
      ],
      // One page: every diagram after a failure is drawn by the page that failed.
      { concurrency: 1, timeoutMs: 120_000 },
    );
    expect(ok(results[0])).toContain('second');
    expect(results[1]).toEqual({ ok: false, error: expect.stringMatching(/^Parse error on line \d+: Expecting .*got '1'$/) as string });
    const third = ok(results[2]);
    expect(third).toContain('fourth');
    // Nothing of the broken diagram (Mermaid's "Syntax error" picture, its scratch element) leaks into the next.
    expect(third).not.toMatch(/Syntax error|second/);
    expect(results[3]).toEqual({ ok: false, error: 'the diagram has more than 500 edges; Mermaid draws at most 500 (draw it as several smaller diagrams)' });
    expect(pngFacts((results[4] as { data: Uint8Array }).data).width).toBeGreaterThan(50);
  }, 180_000);

  it('the files of a batch with a broken diagram: the others written, one line for the broken one', async () => {
    const dir = tempDir();
    const files = ['good.svg', 'bad.svg', 'also-good.png'].map((f) => join(dir, f));
    await expect(
      renderMermaid(
        [
          { source: 'flowchart TD\n  a --> b', outFile: files[0]!, format: 'svg' },
          { source: 'flowchart TD\n  a -->', outFile: files[1]!, format: 'svg' },
          { source: 'flowchart TD\n  a --> b', outFile: files[2]!, format: 'png' },
        ],
        { timeoutMs: 120_000 },
      ),
    ).rejects.toMatchObject({
      message: 'could not render 1 diagram',
      problems: [{ message: expect.stringMatching(new RegExp(`^${files[1]}: Parse error on line \\d+: Expecting `)) as string }],
    });
    expect(readFileSync(files[0]!, 'utf8')).toMatch(/^<svg/);
    expect(existsSync(files[1]!)).toBe(false);
    expect(pngFacts(readFileSync(files[2]!)).width).toBeGreaterThan(50);
  }, 180_000);

  it('loads Mermaid once per page: ten diagrams, two pages, one script in each page throughout', async () => {
    const browser = await puppeteer.launch({ executablePath: findChromium(), headless: true, args: browserArgs() });
    try {
      const pages: Page[] = [];
      browser.on('targetcreated', (target: { type(): string; page(): Promise<Page | null> }) => {
        if (target.type() === 'page') void target.page().then((p) => p && pages.push(p));
      });
      const scriptCounts: Promise<number | 'closed'>[] = [];
      const sources = Array.from({ length: 10 }, (_, i) => `flowchart LR\n  start${i} --> end${i}`);
      const results = await renderMermaidData(
        sources.map((source) => ({ source, format: 'svg' as const })),
        {
          browser,
          concurrency: 2,
          timeoutMs: 120_000,
          onProgress: () => {
            for (const p of pages) scriptCounts.push(p.evaluate(() => document.querySelectorAll('script').length).catch(() => 'closed' as const));
          },
        },
      );
      results.forEach((r, i) => expect(ok(r)).toContain(`end${i}`));
      expect(pages).toHaveLength(2);
      const counts = (await Promise.all(scriptCounts)).filter((c) => c !== 'closed');
      expect(counts.length).toBeGreaterThanOrEqual(10);
      expect(new Set(counts)).toEqual(new Set([1]));
      // The pages are closed when the batch ends; the browser it was given stays open.
      expect(pages.every((p) => p.isClosed())).toBe(true);
      expect(browser.connected).toBe(true);
    } finally {
      await browser.close();
    }
  }, 180_000);

  it('PNG: a real PNG at twice the drawing\'s size, on white', async () => {
    const source = 'flowchart LR\n  a[Choose a broker] --> b{Kafka?}\n  b -->|yes| c[Kafka]\n  b -->|no| d[RabbitMQ]';
    const [svgResult, pngResult] = await renderMermaidData(
      [
        { source, format: 'svg' },
        { source, format: 'png' },
      ],
      { timeoutMs: 120_000 },
    );
    const svg = ok(svgResult);
    const width = Number(/max-width: ([\d.]+)px/.exec(svg)?.[1]);
    const [, , vbWidth, vbHeight] = (/viewBox="([^"]+)"/.exec(svg)?.[1] ?? '').split(' ').map(Number);
    const png = pngFacts((pngResult as { data: Uint8Array }).data);
    expect(width).toBeGreaterThan(100);
    expect(Math.abs(png.width - 2 * width)).toBeLessThanOrEqual(4);
    expect(Math.abs(png.height - (2 * width * vbHeight!) / vbWidth!)).toBeLessThanOrEqual(4);
    expect(png.firstPixel).toEqual([255, 255, 255]);
  }, 180_000);

  it('SVG as mermaid-cli wrote it: transparent, scaled by max-width, with its own id', async () => {
    const source = 'flowchart TD\n  a --> b';
    const results = await renderMermaidData(
      [
        { source, format: 'svg', svgId: 'first' },
        { source, format: 'svg', svgId: 'second' },
        { source, format: 'svg' },
      ],
      { timeoutMs: 120_000 },
    );
    // Identical sources are drawn once; each copy carries only its own id, in its styles and arrow markers too.
    for (const [i, id] of ['first', 'second', 'my-svg'].entries()) {
      const svg = ok(results[i]);
      expect(svg).toMatch(new RegExp(`^<svg id="${id}" width="100%" xmlns="http://www.w3.org/2000/svg"[^>]* style="max-width: [\\d.]+px; background-color: transparent;"`));
      expect(svg).toContain(`#${id}{font-family:`);
      expect(svg).toContain(`marker-end="url(#${id}_flowchart-v2-pointEnd)"`);
      for (const other of ['first', 'second', 'my-svg'].filter((o) => o !== id)) expect(svg).not.toContain(`#${other}`);
      expect(svg).not.toMatch(/svg[0-9a-f]{16}/);
    }
  }, 180_000);

  it('the page makes no request: an image in a diagram never reaches its server', async () => {
    let requests = 0;
    const server = createServer((_req, res) => {
      requests++;
      res.writeHead(404).end();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as { port: number };
    try {
      const results = await renderMermaidData(
        [
          { source: `flowchart TD\n  logo@{ img: "http://127.0.0.1:${port}/logo.png", label: "Logo", pos: "t", w: 60, h: 60 }\n  logo --> b`, format: 'svg' },
          { source: `flowchart TD\n  a["<img src='http://127.0.0.1:${port}/inline.png'> A"] --> b`, format: 'png' },
          { source: 'flowchart TD\n  after --> that', format: 'svg' },
        ],
        { concurrency: 1, timeoutMs: 120_000 },
      );
      expect(requests).toBe(0);
      // The image shape needs its picture to be drawn: it fails alone, and the page goes on.
      expect(results[0]).toMatchObject({ ok: false });
      expect((results[0] as { error: string }).error.split('\n')).toHaveLength(1);
      expect(results[1]?.ok).toBe(true);
      expect(ok(results[2])).toContain('that');
    } finally {
      server.close();
    }
  }, 180_000);
});

it('a missing browser is one clear line, not a hang or a stack trace', async () => {
  const before = process.env.PUPPETEER_EXECUTABLE_PATH;
  process.env.PUPPETEER_EXECUTABLE_PATH = '/nonexistent/chromium';
  try {
    await expect(renderMermaid([{ source: 'flowchart TD\n a --> b', outFile: join(tempDir(), 'x.svg'), format: 'svg' }])).rejects.toThrow(
      /PUPPETEER_EXECUTABLE_PATH=\/nonexistent\/chromium does not exist; .*apt-get install chromium/,
    );
  } finally {
    if (before === undefined) delete process.env.PUPPETEER_EXECUTABLE_PATH;
    else process.env.PUPPETEER_EXECUTABLE_PATH = before;
  }
});
