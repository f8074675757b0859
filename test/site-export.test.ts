// `adr-wizard export --format site --out DIR`: the ADR log as a static site, read as files and in
// a real Chromium from file:// (search, filters, links both ways, banners, graph, timeline, dark
// scheme, print), on a log written with the CLI itself.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, runCli, tempDir } from './support/cli.js';
import { findChromium, serviceGate } from './support/services.js';

// The page's own DOM, seen from inside page.evaluate (this project compiles without lib.dom).
interface PageElement {
  hidden: boolean;
  textContent: string | null;
  getAttribute(name: string): string | null;
  querySelector(selector: string): PageElement | null;
  querySelectorAll(selector: string): ArrayLike<PageElement> & Iterable<PageElement>;
}
declare const document: PageElement & { title: string; body: PageElement; documentElement: PageElement };
declare const location: { hash: string };
declare function getComputedStyle(e: PageElement): { display: string; backgroundColor: string; color: string };

const gate = serviceGate('chromium', !!findChromium(), 'apt-get install chromium');
const NO_BROWSER = { PUPPETEER_EXECUTABLE_PATH: '/nonexistent/chromium', PATH: '/nonexistent-bin' };
const ARTIFACTS = join(ROOT, 'test', 'artifacts');
const HOSTILE = `<img src=x onerror="alert(1)"> & "quotes" </script><script>alert(2)</script>`;
// A word written in one record's body and nowhere else in the log.
const ONLY_ONCE = 'zanzibarium';

interface Listed {
  number: number;
  title: string;
  status: string;
  tags: string[];
  tree: string | null;
  file: string;
}

async function cli(cwd: string, args: string[], date?: string): Promise<string> {
  const r = await runCli(args, { cwd, env: date ? { ADR_DATE: date } : {} });
  if (r.code !== 0) throw new Error(`adr-wizard ${args.join(' ')}: ${r.stderr}`);
  return r.stdout;
}

/** Adds tags to a record's front matter, as a person edits a MADR file. */
function tag(file: string, tags: string[]): void {
  const text = readFileSync(file, 'utf8');
  writeFileSync(file, text.replace(/^---\n/, `---\ntags: [${tags.join(', ')}]\n`));
}

// One log for the file: `init`, a chain of decisions with diagrams, hand-written records with tags,
// one superseding a decision, an `Amends` link between two others and a hostile title.
let cwd: string;
let log: Listed[];
const n = { kafka: 0, monolith: 0, hostile: 0, decision: 0 };
beforeAll(async () => {
  cwd = mkdtempSync(join(tmpdir(), 'adr-wizard-site-'));
  execFileSync('git', ['init', '-q', cwd]);
  await cli(cwd, ['init'], '2026-01-10');
  await cli(cwd, ['decide', 'architecture-style', '--chain', '--use-defaults'], '2026-02-03');
  n.decision = 2;
  // The same decision taken again: the same diagram as record 2's, drawn once for both.
  await cli(cwd, ['decide', 'architecture-style', '--use-defaults'], '2026-02-10');
  const kafka = JSON.parse(await cli(cwd, ['new', 'Use Kafka for events', '--json'], '2026-03-01')) as { number: number; file: string };
  n.kafka = kafka.number;
  const kafkaFile = kafka.file;
  tag(kafkaFile, ['messaging', 'data']);
  writeFileSync(kafkaFile, readFileSync(kafkaFile, 'utf8').replace('{Describe the context and problem statement.}', `Orders flow through the ${ONLY_ONCE} pipeline.`));
  const mono = JSON.parse(await cli(cwd, ['new', '--supersedes', String(n.decision), 'Modular monolith after all', '--json'], '2026-04-15')) as { number: number; file: string };
  n.monolith = mono.number;
  tag(mono.file, ['architecture', 'data']);
  const hostile = JSON.parse(await cli(cwd, ['new', HOSTILE, '--json'], '2026-04-20')) as { number: number };
  n.hostile = hostile.number;
  await cli(cwd, ['link', String(n.hostile), 'Amends', String(n.kafka)]);
  log = JSON.parse(await cli(cwd, ['list', '--json'])) as Listed[];
}, 120_000);
afterAll(() => rmSync(cwd, { recursive: true, force: true }));

/** Every file under a folder, relative, with `/`. */
function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => relative(dir, join(e.parentPath, e.name)).split('\\').join('/'))
    .sort();
}

const pageOf = (number: number) => `records/adr-${String(number).padStart(4, '0')}.html`;

describe('export --format site (files)', () => {
  let site: string;
  beforeAll(async () => {
    site = join(cwd, 'site-files');
    const r = await runCli(['export', '--format', 'site', '--out', 'site-files'], { cwd, env: NO_BROWSER });
    if (r.code !== 0) throw new Error(r.stderr);
    expect(r.stderr).toContain('diagrams are shown as Mermaid source');
  });

  it('writes the index, the graph, the timeline, a page per record, its assets and a manifest of them', () => {
    const files = filesUnder(site);
    const expected = ['index.html', 'graph.html', 'timeline.html', 'assets/style.css', 'assets/site.js', 'assets/search-index.js', '.nojekyll', '.adr-wizard-site.json', ...log.map((r) => pageOf(r.number))];
    expect(files).toEqual([...expected].sort());
    const manifest = JSON.parse(readFileSync(join(site, '.adr-wizard-site.json'), 'utf8')) as { generator: string; files: string[] };
    expect(manifest.generator).toBe('adr-wizard');
    expect(manifest.files).toEqual(expected.filter((f) => f !== '.adr-wizard-site.json').sort());
    // No staging folder is left beside the site.
    expect(readdirSync(cwd).filter((f) => f.includes('adr-wizard-'))).toEqual([]);
    // Without a browser a decision's diagram is its Mermaid source, with a note saying so.
    const decision = readFileSync(join(site, pageOf(n.decision)), 'utf8');
    expect(decision).toContain('<pre class="mermaid-source"><code>flowchart');
    expect(decision).toContain('could not be drawn');
  });

  it('escapes a hostile title in every page and keeps the search index inert', () => {
    const pages = filesUnder(site).filter((f) => f.endsWith('.html'));
    const escaped = '&lt;img src=x onerror=&quot;alert(1)&quot;&gt; &amp; &quot;quotes&quot; &lt;/script&gt;&lt;script&gt;alert(2)&lt;/script&gt;';
    for (const p of pages) {
      const html = readFileSync(join(site, p), 'utf8');
      expect(html, p).not.toContain('<img');
      expect(html, p).not.toContain('alert(2)</script>');
      expect(html.match(/<script\b/g)?.length ?? 0, p).toBe(p === 'index.html' ? 2 : 0);
    }
    for (const p of ['index.html', 'timeline.html', pageOf(n.hostile), pageOf(n.kafka)]) {
      expect(readFileSync(join(site, p), 'utf8'), p).toContain(escaped);
    }
    const index = readFileSync(join(site, 'assets/search-index.js'), 'utf8');
    expect(index).not.toContain('<');
  });

  it('links only within the site: every page, script and stylesheet link resolves to a file of it', () => {
    for (const p of filesUnder(site).filter((f) => f.endsWith('.html') || f.endsWith('.css'))) {
      const text = readFileSync(join(site, p), 'utf8');
      // Nothing is loaded from elsewhere: no remote script, stylesheet, image, font or import.
      expect(text, p).not.toMatch(/\bsrc="(?:https?:)?\/\//);
      expect(text, p).not.toMatch(/<link[^>]+href="(?:https?:)?\/\//);
      expect(text, p).not.toMatch(/url\(\s*['"]?(?:https?:)?\/\//);
      expect(text, p).not.toContain('@import');
      for (const m of text.matchAll(/\b(?:href|src)="([^"]*)"/g)) {
        const ref = m[1]!.replace(/&amp;/g, '&');
        if (/^https?:\/\//.test(ref)) {
          // A link an ADR itself writes (a source it cites): in the record's text, never the site's own.
          expect(p, ref).toMatch(/^records\//);
          continue;
        }
        expect(ref, `${p}: ${ref}`).not.toMatch(/^(?:[a-z]+:|\/)/i);
        const path = ref.split('#')[0]!;
        if (path === '') continue;
        const target = fileURLToPath(new URL(path, pathToFileURL(join(site, p))));
        expect(existsSync(target), `${p} -> ${ref}`).toBe(true);
      }
    }
  });

  it('shows each link on both records, even when only one of them wrote it', async () => {
    const proj = tempDir('adr-wizard-site-links-');
    const dir = join(proj, 'doc/adr');
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(proj, '.adr-dir'), 'doc/adr\n');
    const nygard = (num: number, title: string, status: string, extra = '') =>
      `# ${num}. ${title}\n\nDate: 2026-0${num}-01\n\n## Status\n\n${status}\n\n${extra}## Context\n\nWhy.\n\n## Decision\n\nWhat.\n\n## Consequences\n\nThen.\n`;
    writeFileSync(join(dir, '0007-use-rabbitmq.md'), nygard(7, 'Use RabbitMQ', 'Accepted'));
    writeFileSync(join(dir, '0009-use-nats.md'), nygard(9, 'Use NATS', 'Accepted', 'Supersedes [7. Use RabbitMQ](0007-use-rabbitmq.md)\n\n'));
    expect((await runCli(['export', '--format', 'site', '--out', 'out'], { cwd: proj, env: NO_BROWSER })).code).toBe(0);
    const seven = readFileSync(join(proj, 'out', pageOf(7)), 'utf8');
    expect(seven).toMatch(/<div class="banner"[^>]*>.*Replaced by <a href="adr-0009.html">9. Use NATS<\/a>/);
    expect(seven).toContain('<span class="link-type">Superseded by</span> <a href="adr-0009.html">9. Use NATS</a>');
    const nine = readFileSync(join(proj, 'out', pageOf(9)), 'utf8');
    expect(nine).toContain('<span class="link-type">Supersedes</span> <a href="adr-0007.html">7. Use RabbitMQ</a>');
    expect(nine).not.toContain('class="banner"');
    const timeline = readFileSync(join(proj, 'out', 'timeline.html'), 'utf8');
    expect(timeline).toMatch(/2026-09-01<\/span> <a href="records\/adr-0007.html">7. Use RabbitMQ<\/a> superseded by <a href="records\/adr-0009.html">/);
  });

  it('refuses a non-empty folder it did not write: one line, exit 2, nothing written', async () => {
    const proj = tempDir('adr-wizard-site-refuse-');
    await cli(proj, ['init']);
    mkdirSync(join(proj, 'public'));
    writeFileSync(join(proj, 'public', 'notes.txt'), 'mine');
    const r = await runCli(['export', '--format', 'site', '--out', 'public'], { cwd: proj, env: NO_BROWSER });
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toContain('--force');
    expect(readdirSync(join(proj, 'public'))).toEqual(['notes.txt']);
    expect(readdirSync(proj).filter((f) => f.includes('adr-wizard-'))).toEqual([]);
    // With --force the site is written beside what was there.
    expect((await runCli(['export', '--format', 'site', '--out', 'public', '--force'], { cwd: proj, env: NO_BROWSER })).code).toBe(0);
    expect(readFileSync(join(proj, 'public', 'notes.txt'), 'utf8')).toBe('mine');
    expect(existsSync(join(proj, 'public', 'index.html'))).toBe(true);
  });

  it('rebuilds its own site in place: removes the pages of records that are gone, keeps files it never wrote', async () => {
    const proj = tempDir('adr-wizard-site-rebuild-');
    await cli(proj, ['init']);
    await cli(proj, ['new', 'Use Redis']);
    await cli(proj, ['new', 'Use Postgres']);
    const export_ = () => runCli(['export', '--format', 'site', '--out', 'docs/site'], { cwd: proj, env: NO_BROWSER });
    expect((await export_()).code).toBe(0);
    const out = join(proj, 'docs/site');
    expect(existsSync(join(out, pageOf(3)))).toBe(true);
    writeFileSync(join(out, 'CNAME'), 'adr.example.org\n');
    rmSync(join(proj, 'doc/adr', readdirSync(join(proj, 'doc/adr')).find((f) => f.startsWith('0003'))!));
    const r = await export_();
    expect(r.code, r.stderr).toBe(0);
    expect(existsSync(join(out, pageOf(3)))).toBe(false);
    expect(existsSync(join(out, pageOf(2)))).toBe(true);
    expect(readFileSync(join(out, 'CNAME'), 'utf8')).toBe('adr.example.org\n');
    expect(readFileSync(join(out, 'index.html'), 'utf8')).not.toContain('Use Postgres');
  });

  it('a file in the way is one line naming it, exit 2', async () => {
    const proj = tempDir('adr-wizard-site-file-');
    await cli(proj, ['init']);
    writeFileSync(join(proj, 'public'), 'a file');
    for (const out of ['public', 'public/site']) {
      const r = await runCli(['export', '--format', 'site', '--out', out], { cwd: proj, env: NO_BROWSER });
      expect(r.code, out).toBe(2);
      expect(r.stderr.trim().split('\n'), out).toHaveLength(1);
      expect(r.stderr, out).toContain(join(proj, out));
    }
    expect(readFileSync(join(proj, 'public'), 'utf8')).toBe('a file');
  });

  it('a site needs --out, and --lang takes en or es', async () => {
    const noOut = await runCli(['export', '--format', 'site'], { cwd, env: NO_BROWSER });
    expect(noOut.code).toBe(2);
    expect(noOut.stderr).toContain('--out');
    const badLang = await runCli(['export', '--format', 'site', '--out', 'x', '--lang', 'fr'], { cwd, env: NO_BROWSER });
    expect(badLang.code).toBe(2);
    expect(badLang.stderr).toContain('--lang fr');
    expect(existsSync(join(cwd, 'x'))).toBe(false);
    const es = await runCli(['export', '--format', 'site', '--out', 'site-es', '--lang', 'es'], { cwd, env: NO_BROWSER });
    expect(es.code, es.stderr).toBe(0);
    const index = readFileSync(join(cwd, 'site-es', 'index.html'), 'utf8');
    expect(index).toContain('<html lang="es">');
    expect(index).toContain('<label for="f-q">Buscar</label>');
  });
});

describe.skipIf(gate)('export --format site in Chromium', () => {
  type Browser = Awaited<ReturnType<typeof import('puppeteer')['default']['launch']>>;
  type Page = Awaited<ReturnType<Browser['newPage']>>;
  let site: string;
  let browser: Browser;
  const problems: string[] = [];
  const remote: string[] = [];

  beforeAll(async () => {
    site = join(cwd, 'site');
    const r = await runCli(['export', '--format', 'site', '--out', 'site'], { cwd, timeoutMs: 120_000 });
    if (r.code !== 0) throw new Error(r.stderr);
    const puppeteer = (await import('puppeteer')).default;
    browser = await puppeteer.launch({
      executablePath: findChromium(),
      headless: true,
      args: [...(process.getuid?.() === 0 ? ['--no-sandbox'] : []), '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
    });
    mkdirSync(ARTIFACTS, { recursive: true });
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
  });

  /** A page that lets only file:// through and records every console error and page error. */
  async function open(path: string, hash = ''): Promise<Page> {
    const page = await browser.newPage();
    await page.setViewport({ width: 1100, height: 900 });
    await page.setRequestInterception(true);
    page.on('request', (req) => {
      if (req.url().startsWith('file:') || req.url().startsWith('data:')) void req.continue();
      else {
        remote.push(req.url());
        void req.abort();
      }
    });
    page.on('console', (m) => {
      if (m.type() === 'error' || m.type() === 'warn') problems.push(`${path}: console ${m.type()}: ${m.text()}`);
    });
    page.on('pageerror', (e) => problems.push(`${path}: ${String(e)}`));
    await page.goto(pathToFileURL(join(site, path)).href + hash, { waitUntil: 'load' });
    return page;
  }

  const visibleNumbers = (page: Page) =>
    page.evaluate(() => [...document.querySelectorAll('table.records tbody tr')].filter((r) => !r.hidden).map((r) => Number(r.querySelector('td.num')!.textContent)));

  async function setFilter(page: Page, name: string, value: string): Promise<void> {
    await page.select(`#f-${name}`, value);
  }

  it('searches titles and bodies: a word in one body finds that record only, and the hash keeps it', async () => {
    const page = await open('index.html');
    expect(await visibleNumbers(page)).toEqual(log.map((r) => r.number));
    await page.type('#f-q', ONLY_ONCE);
    expect(await visibleNumbers(page)).toEqual([n.kafka]);
    expect(await page.evaluate(() => location.hash)).toBe(`#q=${ONLY_ONCE}`);
    // Titles and bodies, case and accents folded: what `adr-wizard search` finds.
    await page.click('#f-q', { count: 3 });
    await page.type('#f-q', 'MÓDULAR monolith after');
    const found = JSON.parse(await cli(cwd, ['search', 'modular', 'monolith', 'after', '--json'])) as { number: number }[];
    expect(found.map((r) => r.number)).toContain(n.monolith);
    expect(await visibleNumbers(page)).toEqual(found.map((r) => r.number));
    await page.click('#f-q', { count: 3 });
    await page.type('#f-q', 'nothing-has-this-word');
    expect(await visibleNumbers(page)).toEqual([]);
    expect(await page.evaluate(() => document.querySelector('.match-count')!.textContent)).toBe('No record matches.');
    await page.screenshot({ path: join(ARTIFACTS, 'site-index-no-match.png') });
    await page.close();
  });

  it('filters by status, tree and tag, combined, as `list` reads the log; a filtered view can be linked', async () => {
    const page = await open('index.html');
    const expectShown = async (pick: (r: Listed) => boolean) => expect(await visibleNumbers(page)).toEqual(log.filter(pick).map((r) => r.number));
    await setFilter(page, 'status', 'superseded');
    await expectShown((r) => r.status === 'superseded');
    await setFilter(page, 'status', '');
    await setFilter(page, 'tree', 'none');
    await expectShown((r) => r.tree === null);
    await setFilter(page, 'tree', 'architecture-style');
    await expectShown((r) => r.tree === 'architecture-style');
    await setFilter(page, 'tree', '');
    await setFilter(page, 'tag', 'data');
    await expectShown((r) => r.tags.includes('data'));
    await setFilter(page, 'status', 'proposed');
    await setFilter(page, 'tree', 'none');
    await expectShown((r) => r.tags.includes('data') && r.status === 'proposed' && r.tree === null);
    expect(log.filter((r) => r.tags.includes('data') && r.status === 'proposed' && r.tree === null).length).toBeGreaterThan(0);
    const hash = await page.evaluate(() => location.hash);
    expect(hash).toBe('#status=proposed&tree=none&tag=data');
    await page.screenshot({ path: join(ARTIFACTS, 'site-index-filtered.png') });
    await page.close();

    // The link opens the same view.
    const linked = await open('index.html', hash);
    expect(await visibleNumbers(linked)).toEqual(log.filter((r) => r.tags.includes('data') && r.status === 'proposed' && r.tree === null).map((r) => r.number));
    expect(await linked.$eval('#f-tag', (e) => (e as unknown as { value: string }).value)).toBe('data');
    await linked.close();
  });

  it('without scripts the index is the plain list of every record, with no filters shown', async () => {
    const page = await browser.newPage();
    await page.setJavaScriptEnabled(false);
    await page.goto(pathToFileURL(join(site, 'index.html')).href + '#status=superseded', { waitUntil: 'load' });
    expect(await page.$$eval('table.records tbody tr', (rows) => rows.length)).toBe(log.length);
    expect(await page.$eval('form.filters', (f) => getComputedStyle(f as unknown as PageElement).display)).toBe('none');
    await page.close();
  });

  it('links records both ways: from the new record to the one it supersedes (banner) and back', async () => {
    const page = await open(pageOf(n.monolith));
    const decision = log.find((r) => r.number === n.decision)!;
    await Promise.all([page.waitForNavigation(), page.click(`.record-links a[href="adr-000${n.decision}.html"]`)]);
    expect(page.url()).toBe(pathToFileURL(join(site, pageOf(n.decision))).href);
    expect(await page.$eval('h1', (h) => h.textContent)).toBe(`${n.decision}. ${decision.title}`);
    const banner = await page.$eval('.banner', (b) => b.textContent);
    expect(banner).toContain(`Replaced by ${n.monolith}. Modular monolith after all`);
    // The diagram of the decision is drawn, inline.
    expect(await page.$$eval('.adr-body figure.diagram svg', (s) => s.length)).toBe(1);
    await page.screenshot({ path: join(ARTIFACTS, 'site-record.png'), fullPage: false });
    await (await page.$('.adr-body figure.diagram'))!.screenshot({ path: join(ARTIFACTS, 'site-record-diagram.png') });
    await page.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: 'dark' }]);
    await (await page.$('.adr-body figure.diagram'))!.screenshot({ path: join(ARTIFACTS, 'site-record-diagram-dark.png') });
    await page.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: 'light' }]);
    await Promise.all([page.waitForNavigation(), page.click('.banner a')]);
    expect(page.url()).toBe(pathToFileURL(join(site, pageOf(n.monolith))).href);
    // The Amends link, written by `link` on both records, reads both ways.
    const hostilePage = await open(pageOf(n.hostile));
    expect(await hostilePage.$eval('.record-links', (s) => s.textContent)).toContain(`Amends ${n.kafka}. Use Kafka for events`);
    await Promise.all([hostilePage.waitForNavigation(), hostilePage.click(`.record-links a[href="${pageOf(n.kafka).slice('records/'.length)}"]`)]);
    expect(await hostilePage.$eval('.record-links', (s) => s.textContent)).toContain(`Amended by ${n.hostile}. ${HOSTILE}`);
    // Previous and next lead along the log.
    await Promise.all([hostilePage.waitForNavigation(), hostilePage.click('.prev-next a.next')]);
    expect(hostilePage.url()).toBe(pathToFileURL(join(site, pageOf(n.kafka + 1))).href);
    await page.close();
    await hostilePage.close();
  });

  it('draws a diagram two records share once, and gives each copy in one page ids of its own', async () => {
    const decisions = log.filter((r) => r.tree === 'architecture-style');
    expect(decisions.length).toBe(2);
    const svgOf = (r: Listed) => /<svg[\s\S]*?<\/svg>/.exec(readFileSync(join(site, pageOf(r.number)), 'utf8'))![0];
    // One rendering, the same picture on both pages.
    expect(svgOf(decisions[0]!)).toBe(svgOf(decisions[1]!));
    // The one-page export holds both copies: its ids stay unique.
    const r = await runCli(['export', '--format', 'html'], { cwd, timeoutMs: 120_000 });
    expect(r.code, r.stderr).toBe(0);
    // (Mermaid names edges `L_n0_n1_0` in every diagram alike; the ids it scopes by svgId, the SVG's
    // own, its style's and its markers', are the ones a second copy would break.)
    const ids = [...r.stdout.matchAll(/\bid="(adr-diagram-[^"]+)"/g)].map((m) => m[1]!);
    expect(ids.length).toBeGreaterThan(4);
    expect(ids.filter((id, i) => ids.indexOf(id) !== i)).toEqual([]);
    expect(r.stdout.match(/<svg\b/g)!.length).toBeGreaterThanOrEqual(4);
  }, 120_000);

  it('the graph and the timeline load: drawn graph with linked relations, months with the supersession', async () => {
    const graph = await open('graph.html');
    expect(await graph.$$eval('figure.diagram svg', (s) => s.length)).toBeGreaterThan(0);
    const links = await graph.$$eval('details.relations-list a', (as) => as.map((a) => a.getAttribute('href')));
    expect(links).toContain(pageOf(n.monolith));
    for (const href of links) expect(existsSync(join(site, href!))).toBe(true);
    await graph.screenshot({ path: join(ARTIFACTS, 'site-graph.png') });
    await graph.close();
    const timeline = await open('timeline.html');
    const months = await timeline.$$eval('section.month h2', (hs) => hs.map((h) => h.textContent));
    expect(months.slice(0, 4)).toEqual(['January 2026', 'February 2026', 'March 2026', 'April 2026']);
    expect(await timeline.$eval('.event-status', (e) => e.textContent)).toContain(`superseded by ${n.monolith}. Modular monolith after all`);
    await timeline.screenshot({ path: join(ARTIFACTS, 'site-timeline.png'), fullPage: true });
    await timeline.close();
  });

  it('follows the dark colour scheme and prints without navigation or filters', async () => {
    const page = await open('index.html');
    const background = () => page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);
    const light = await background();
    await page.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: 'dark' }]);
    const dark = await background();
    const luminance = (rgb: string) => rgb.match(/\d+/g)!.slice(0, 3).reduce((s, v) => s + Number(v), 0) / 3;
    expect(luminance(light)).toBeGreaterThan(200);
    expect(luminance(dark)).toBeLessThan(60);
    await page.screenshot({ path: join(ARTIFACTS, 'site-index-dark.png') });
    await page.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: 'light' }]);
    await page.screenshot({ path: join(ARTIFACTS, 'site-index.png'), fullPage: true });
    await page.emulateMediaType('print');
    const shown = await page.evaluate(() => ({
      nav: getComputedStyle(document.querySelector('.site-header')!).display,
      filters: getComputedStyle(document.querySelector('form.filters')!).display,
      table: getComputedStyle(document.querySelector('table.records')!).display,
    }));
    expect(shown).toEqual({ nav: 'none', filters: 'none', table: 'table' });
    await page.close();
  });

  it('no page logs an error or asks for anything but files', async () => {
    const pages = filesUnder(site).filter((f) => f.endsWith('.html'));
    expect(pages).toHaveLength(3 + log.length);
    for (const p of pages) await (await open(p)).close();
    expect(problems).toEqual([]);
    expect(remote).toEqual([]);
  }, 120_000);
});
