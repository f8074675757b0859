// `adr-wizard export`: the ADR log as one Markdown, HTML or JSON document.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from './support/cli.js';
import { mermaidSyntaxError } from './support/mermaid-parse.js';
import { findChromium, serviceGate } from './support/services.js';

// The page's own DOM, seen from inside page.evaluate (this project compiles without lib.dom).
interface PageElement {
  id: string;
  textContent: string | null;
  querySelector(selector: string): (PageElement & { getBoundingClientRect(): { width: number } }) | null;
}
declare const document: {
  title: string;
  querySelector(selector: string): PageElement | null;
  querySelectorAll(selector: string): ArrayLike<PageElement> & Iterable<PageElement>;
};

const gate = serviceGate('chromium', !!findChromium(), 'apt-get install chromium');

const HOSTILE_TITLE = 'Usar caché ¿sí? & <b>"quotes"</b> #1 🚀';

// One log for the whole file: two decisions written by `decide`, a hand-written Nygard ADR
// with a hostile title that supersedes the first record, and a MADR file with raw HTML.
let cwd: string;
beforeAll(async () => {
  cwd = mkdtempSync(join(tmpdir(), 'adr-wizard-export-'));
  execFileSync('git', ['init', '-q', cwd]);
  for (const args of [['init'], ['decide', 'architecture-style', '--use-defaults'], ['decide', 'mlops-platform', '--use-defaults']]) {
    const r = await runCli(args, { cwd });
    if (r.code !== 0) throw new Error(`${args.join(' ')}: ${r.stderr}`);
  }
  writeFileSync(
    join(cwd, 'doc/adr/0004-usar-cache.md'),
    `# 4. ${HOSTILE_TITLE}\n\nDate: 2026-03-01\n\n## Status\n\nAccepted\n\nSupersedes [1. Record architecture decisions](0001-record-architecture-decisions.md)\n\n## Context\n\nTexto con ñ y acentos: ¿por qué?\n\n## Decision\n\nWe will cache.\n\n## Consequences\n\nFaster.\n`,
  );
  writeFileSync(
    join(cwd, 'doc/adr/0005-raw-html.md'),
    `---\nstatus: proposed\ndate: 2026-04-01\n---\n\n# Raw HTML stays inert\n\n<!-- a template comment -->\n\n<script>document.title = 'pwned'</script>\n\n<img src="https://example.com/x.png">\n`,
  );
});
afterAll(() => rmSync(cwd, { recursive: true, force: true }));

describe('export', () => {
  it('md: one document, index first, then every ADR with links pointing inside it', async () => {
    const r = await runCli(['export', '--format', 'md'], { cwd });
    expect(r.code, r.stderr).toBe(0);
    const md = r.stdout;
    const index = md.indexOf('| # | Title | Status | Date |');
    const firstAdr = md.indexOf('## 1. Record architecture decisions');
    expect(index).toBeGreaterThan(0);
    expect(firstAdr).toBeGreaterThan(index);
    expect(md).toContain('| 4 | [Usar caché ¿sí? & &lt;b>"quotes"&lt;/b> #1 🚀](#adr-0004) | accepted | 2026-03-01 |');
    expect(md).toContain('Supersedes [1. Record architecture decisions](#adr-0001)');
    for (const n of [1, 2, 3, 4, 5]) expect(md).toContain(`<a id="adr-000${n}"></a>`);
    const blocks = [...md.matchAll(/```mermaid\n([\s\S]*?)```/g)].map((m) => m[1]!);
    expect(blocks.length).toBe(3); // the log graph and the two decisions
    for (const b of blocks) expect(await mermaidSyntaxError(b)).toBeUndefined();
  });

  it('json: every ADR with its metadata, links and adr-wizard block', async () => {
    const r = await runCli(['export', '--format', 'json'], { cwd });
    expect(r.code, r.stderr).toBe(0);
    const doc = JSON.parse(r.stdout) as { count: number; adrs: { number: number; title: string; status: string; links: unknown[]; wizard: { tree: string; outcome: string; drivers: Record<string, string> } | null; file: string }[] };
    expect(doc.count).toBe(5);
    expect(doc.adrs.map((a) => a.number)).toEqual([1, 2, 3, 4, 5]);
    expect(doc.adrs[1]!.wizard).toMatchObject({ tree: 'architecture-style', outcome: 'monolith' });
    expect(doc.adrs[2]!.wizard?.tree).toBe('mlops-platform');
    expect(doc.adrs[3]).toMatchObject({ title: HOSTILE_TITLE, status: 'accepted', links: [{ type: 'Supersedes', number: 1 }], wizard: null });
    expect(doc.adrs[0]!.file).toBe(join('doc', 'adr', '0001-record-architecture-decisions.md'));
  });

  it('--out never overwrites without --force', async () => {
    const out = join(cwd, 'log.md');
    writeFileSync(out, 'mine');
    const r = await runCli(['export', '--out', 'log.md'], { cwd });
    expect(r.code).toBe(2);
    expect(readFileSync(out, 'utf8')).toBe('mine');
    expect((await runCli(['export', '--out', 'log.md', '--force'], { cwd })).code).toBe(0);
    expect(readFileSync(out, 'utf8')).toMatch(/^# Architecture decision records/);
  });

  it('an unknown --format is one line naming the formats, with a suggestion, exit 2', async () => {
    const r = await runCli(['export', '--format', 'htm'], { cwd });
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toContain('did you mean "html"');
    expect(r.stderr).toContain('md, html, json or site');
  });

  it('--out log.json writes JSON without --format', async () => {
    const r = await runCli(['export', '--out', 'log.json', '--force'], { cwd });
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(readFileSync(join(cwd, 'log.json'), 'utf8'))).toMatchObject({ count: 5 });
  });

  it('html without a browser still exports, with the Mermaid source shown and a warning', async () => {
    const r = await runCli(['export', '--format', 'html'], {
      cwd,
      env: { PUPPETEER_EXECUTABLE_PATH: '/nonexistent/chromium', PATH: '/nonexistent-bin' },
    });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain('diagrams are shown as Mermaid source');
    expect(r.stdout).toContain('<pre class="mermaid-source">');
    expect(r.stdout).not.toContain('<svg');
  });
});

describe.skipIf(gate)('export --format html in a browser', () => {
  it('is one self-contained page: index, rendered diagrams inline, inert raw HTML, print styles', async () => {
    const r = await runCli(['export', '--format', 'html', '--out', 'log.html', '--force'], { cwd, timeoutMs: 90_000 });
    expect(r.code, r.stderr).toBe(0);
    const file = join(cwd, 'log.html');
    const html = readFileSync(file, 'utf8');
    expect(html).toContain('@media print');
    expect(html).not.toMatch(/<script|<link |@import|https?:\/\/[^"'\s]*\.(?:js|css|woff2?)/);

    const puppeteer = (await import('puppeteer')).default;
    const root = process.getuid?.() === 0;
    const browser = await puppeteer.launch({
      executablePath: findChromium(),
      headless: true,
      args: [...(root ? ['--no-sandbox'] : []), '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
    });
    try {
      const page = await browser.newPage();
      const remote: string[] = [];
      page.on('request', (req) => {
        if (!/^(file|data|about):/.test(req.url())) remote.push(req.url());
      });
      await page.setViewport({ width: 1100, height: 900 });
      await page.goto(pathToFileURL(file).href, { waitUntil: 'load' });
      const dom = await page.evaluate(() => ({
        title: document.title,
        indexRows: document.querySelectorAll('nav.index tbody tr').length,
        articles: [...document.querySelectorAll('article.adr')].map((a) => a.id),
        figures: [...document.querySelectorAll('figure.diagram')].map((f) => ({
          svg: f.querySelector('svg') !== null,
          text: (f.textContent ?? '').replace(/\s+/g, ' '),
          width: f.querySelector('svg')?.getBoundingClientRect().width ?? 0,
        })),
        scripts: document.querySelectorAll('script').length,
        hostileHeading: document.querySelector('#adr-0004 h2')?.textContent,
      }));
      expect(dom.title).toBe('Architecture decision records');
      expect(dom.indexRows).toBe(5);
      expect(dom.articles).toEqual(['adr-0001', 'adr-0002', 'adr-0003', 'adr-0004', 'adr-0005']);
      expect(dom.scripts).toBe(0);
      expect(dom.hostileHeading).toBe(`4. ${HOSTILE_TITLE}`);
      // The log graph and the two decisions' diagrams, drawn (not left as source).
      expect(dom.figures).toHaveLength(3);
      for (const f of dom.figures) {
        expect(f.svg).toBe(true);
        expect(f.width).toBeGreaterThan(100);
      }
      expect(dom.figures[0]!.text).toContain('4. Usar caché ¿sí?');
      expect(dom.figures[1]!.text).toContain('Simple layered monolith');
      expect(dom.figures[2]!.text).toContain('Amazon SageMaker AI');
      expect(remote).toEqual([]);
      await page.screenshot({ path: join(tmpdir(), 'adr-wizard-export.png'), fullPage: true });
    } finally {
      await browser.close();
    }
  }, 120_000);
});
