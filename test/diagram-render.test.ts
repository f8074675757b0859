// Real rendering: every shipped tree (and a tree of hostile labels) to SVG and PNG in one browser
// batch, through mermaid-cli and Chromium.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { t } from '../src/core/text.js';
import type { BranchingTree, Outcome, Tree } from '../src/core/types.js';
import { loadDecisionSet } from '../src/io/trees.js';
import { treeNodeTitles, treeToMermaid } from '../src/render/mermaid.js';
import { renderMermaid } from '../src/io/mermaid-browser.js';
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
