// `index` and `export` on logs that break naive links and diagrams: file names with `#`, spaces and
// parentheses, two files with one number, and a decision graph too large for one Mermaid diagram.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { marked, type Token } from 'marked';
import { describe, expect, it } from 'vitest';
import { reverseOf, writtenPairs } from '../src/core/link-types.js';
import { logGraphPieces, logToMermaid } from '../src/render/mermaid.js';
import { runCli, tempDir } from './support/cli.js';
import { mermaidSyntaxError } from './support/mermaid-parse.js';
import { readFlowchart } from './support/mermaid-source.js';
import { findChromium, serviceGate } from './support/services.js';

const gate = serviceGate('chromium', !!findChromium(), 'apt-get install chromium');
const NO_BROWSER = { PUPPETEER_EXECUTABLE_PATH: '/nonexistent/chromium', PATH: '/nonexistent-bin' };
const MAX_TEXT_SIZE = 50_000;
const MAX_EDGES = 500;

/** An ADR as adr-tools writes it; `links` are the lines it adds under the status. */
function nygard(number: number, title: string, status: string, links: string[] = [], body = 'The change.'): string {
  const linked = links.map((l) => `${l}\n\n`).join('');
  return `# ${number}. ${title}\n\nDate: 2026-01-05\n\n## Status\n\n${status}\n\n${linked}## Context\n\nThe issue motivating this decision.\n\n## Decision\n\n${body}\n\n## Consequences\n\nWhat becomes easier.\n`;
}

function project(): { cwd: string; dir: string } {
  const cwd = tempDir('adr-wizard-export-');
  const dir = join(cwd, 'doc/adr');
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(cwd, '.adr-dir'), 'doc/adr\n');
  return { cwd, dir };
}

/** Every link of a Markdown document, as marked reads it. */
function hrefs(markdown: string): string[] {
  const found: string[] = [];
  marked.walkTokens(marked.lexer(markdown), (t: Token) => {
    if (t.type === 'link') found.push(t.href);
  });
  return found;
}

/** The HTML page's ids and in-page link targets, read by a DOM parser. */
async function pageAnchors(html: string): Promise<{ ids: string[]; targets: string[]; text: string }> {
  const jsdomName = 'jsdom';
  const { JSDOM } = (await import(jsdomName)) as {
    JSDOM: new (html: string) => { window: { document: { querySelectorAll(s: string): Iterable<{ id: string; getAttribute(n: string): string | null }> & ArrayLike<unknown>; body: { textContent: string | null } } } };
  };
  const doc = new JSDOM(html).window.document;
  return {
    ids: [...doc.querySelectorAll('[id]')].map((e) => e.id),
    targets: [...doc.querySelectorAll('a[href^="#"]')].map((a) => decodeURIComponent(a.getAttribute('href')!.slice(1))),
    text: doc.body.textContent ?? '',
  };
}

describe('index links', () => {
  it('resolve to their files whatever the file names hold: #, spaces, parentheses, %, ?, brackets, accents', async () => {
    const { cwd, dir } = project();
    const names = [
      '0001-use-c#-for-tools.md',
      '0002-why not spaces.md',
      '0003-use-(optional)-cache.md',
      '0004-100%-coverage?.md',
      '0005-[draft] ideas <b>.md',
      '0006-caché-für-alle.md',
    ];
    names.forEach((name, i) => writeFileSync(join(dir, name), nygard(i + 1, `Title ${i + 1}`, 'Accepted')));

    const r = await runCli(['index', '--stdout'], { cwd });
    expect(r.code, r.stderr).toBe(0);
    const links = hrefs(r.stdout);
    expect(links).toHaveLength(names.length);
    for (const href of links) {
      // As a browser or GitHub resolves a relative link: a fragment or a query is not the path.
      expect(href).not.toMatch(/[#?\s()]/);
      const file = decodeURIComponent(href);
      expect(existsSync(join(dir, file)), `${href} -> ${file}`).toBe(true);
    }
    expect(links.map((h) => decodeURIComponent(h)).sort()).toEqual([...names].sort());
    // The link GitHub follows is the same one a browser does: a file URL of the folder.
    for (const href of links) expect(existsSync(new URL(href, pathToFileURL(`${dir}/`)))).toBe(true);
  });
});

describe('two files with one number', () => {
  // Two branches each added ADR 7; ADR 8 supersedes one of them, by file name, and mentions the
  // other in prose (with a section fragment and in angle brackets).
  function log(): { cwd: string } {
    const { cwd, dir } = project();
    writeFileSync(join(dir, '0001-record-architecture-decisions.md'), nygard(1, 'Record architecture decisions', 'Accepted'));
    writeFileSync(join(dir, '0007-use-kafka.md'), nygard(7, 'Use Kafka', 'Accepted'));
    writeFileSync(join(dir, '0007-use-rabbitmq.md'), nygard(7, 'Use RabbitMQ', 'Superseded by [8. Use NATS](0008-use-nats.md)'));
    writeFileSync(
      join(dir, '0008-use-nats.md'),
      nygard(8, 'Use NATS', 'Accepted', ['Supersedes [7. Use RabbitMQ](0007-use-rabbitmq.md)'], 'Unlike [Kafka](0007-use-kafka.md#context "Kafka"), and as [the first](<0001-record-architecture-decisions.md>) says; see [the old one][old].\n\n[old]: ./0007-use-rabbitmq.md'),
    );
    return { cwd };
  }

  it('md: each file has its own anchor; every in-document link reaches the exact file it names', async () => {
    const { cwd } = log();
    const r = await runCli(['export', '--format', 'md'], { cwd });
    expect(r.code, r.stderr).toBe(0);
    const md = r.stdout;
    const ids = [...md.matchAll(/<a id="([^"]+)"><\/a>/g)].map((m) => m[1]!);
    expect(ids).toEqual(['adr-0001', 'adr-0007-use-kafka', 'adr-0007-use-rabbitmq', 'adr-0008']);
    const targets = hrefs(md).filter((h) => h.startsWith('#')).map((h) => h.slice(1));
    expect(targets.length).toBeGreaterThan(4);
    for (const t of targets) expect(ids).toContain(t);
    // The section of each ADR links where its file said.
    const section = (id: string) => {
      const start = md.indexOf(`<a id="${id}">`);
      const next = md.indexOf('<a id=', start + 1);
      return md.slice(start, next < 0 ? undefined : next);
    };
    expect(section('adr-0008')).toContain('Supersedes [7. Use RabbitMQ](#adr-0007-use-rabbitmq)');
    expect(section('adr-0008')).toContain('Unlike [Kafka](#adr-0007-use-kafka "Kafka")');
    expect(section('adr-0008')).toContain('[old]: #adr-0007-use-rabbitmq');
    expect(section('adr-0008')).toContain('[the first](#adr-0001)');
    // The index row of each file 7 goes to its own section.
    expect(md).toContain('| 7 | [Use Kafka](#adr-0007-use-kafka) |');
    expect(md).toContain('| 7 | [Use RabbitMQ](#adr-0007-use-rabbitmq) |');
    // The graph draws 8 superseding RabbitMQ, not Kafka; Kafka and ADR 1 have no relation and are left out.
    const graph = /## Decision graph\n\n```mermaid\n([\s\S]*?)```/.exec(md)![1]!;
    const chart = readFlowchart(graph);
    const label = (id: string) => chart.nodes.get(id)!.label;
    expect(chart.edges.map((e) => `${label(e.from).split('<br/>')[0]} ${e.label} ${label(e.to).split('<br/>')[0]}`)).toEqual(['8. Use NATS supersedes 7. Use RabbitMQ']);
    expect([...chart.nodes.values()].map((n) => n.label)).not.toContainEqual(expect.stringContaining('Kafka'));
  });

  it('html: ids are unique and every in-page link reaches one of them', async () => {
    const { cwd } = log();
    const r = await runCli(['export', '--format', 'html'], { cwd, env: NO_BROWSER });
    expect(r.code, r.stderr).toBe(0);
    const { ids, targets } = await pageAnchors(r.stdout);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ['adr-0001', 'adr-0007-use-kafka', 'adr-0007-use-rabbitmq', 'adr-0008']) expect(ids).toContain(id);
    expect(targets.length).toBeGreaterThan(4);
    for (const t of targets) expect(ids).toContain(t);
    expect(r.stdout).toContain('<a href="#adr-0007-use-rabbitmq">7. Use RabbitMQ</a>');
    expect(r.stdout).toContain('<a href="#adr-0007-use-kafka">Kafka</a>');
    expect(r.stdout).toContain('<a href="#adr-0007-use-rabbitmq">the old one</a>');
  });

  it('a log without duplicates keeps its adr-NNNN anchors', async () => {
    const { cwd, dir } = project();
    writeFileSync(join(dir, '0001-a.md'), nygard(1, 'A', 'Accepted'));
    writeFileSync(join(dir, '0012-b.md'), nygard(12, 'B', 'Accepted', ['Amends [1. A](0001-a.md)']));
    const md = (await runCli(['export'], { cwd })).stdout;
    expect([...md.matchAll(/<a id="([^"]+)">/g)].map((m) => m[1])).toEqual(['adr-0001', 'adr-0012']);
    expect(md).toContain('Amends [1. A](#adr-0001)');
  });
});

const SPANISH_AS: Record<string, string> = { 'Reemplaza a': 'supersedes', 'Se deriva de': 'follows from', Modifica: 'amends' };

describe('the decision graph: one edge per relation', () => {
  // The pairs `adr-wizard link` writes, each recorded on both records.
  const PAIRS = writtenPairs().map(([a, b]) => [a, b] as [string, string]);
  it.each(PAIRS)('%s / %s recorded on both records draws one edge', (active, passive) => {
    expect(reverseOf(active)).toBe(passive);
    const records = [
      { number: 1, title: 'Old', status: 'accepted', file: '0001-old.md', links: [{ type: passive, number: 2, target: '0002-new.md' }] },
      { number: 2, title: 'New', status: 'accepted', file: '0002-new.md', links: [{ type: active, number: 1, target: '0001-old.md' }] },
    ];
    const chart = readFlowchart(logToMermaid(records));
    expect(chart.edges).toHaveLength(1);
    const [piece] = logGraphPieces(records);
    // Drawn from the record that acts (the newer one here); a relation that reads both ways, in
    // number order. Labels are in one language: a Spanish pair is named as its English one.
    const name = SPANISH_AS[active] ?? active.toLowerCase();
    const expected = active === passive ? `1 ${name} 2` : `2 ${name} 1`;
    expect(piece?.relations.map((r) => `${r.from.number} ${r.label} ${r.to.number}`)).toEqual([expected]);
  });
});

/** Records 1..n, each relating to the one before; record `hub` relates to `fan` more. */
function chain(n: number, { title = (i: number) => `Decision ${i}`, hub = 0, fan = 0 } = {}) {
  return Array.from({ length: n }, (_, k) => {
    const i = k + 1;
    const links = i > 1 ? [{ type: 'Supersedes', number: i - 1 }] : [];
    if (i === hub) for (let j = 1; j <= fan; j++) links.push({ type: 'Relates to', number: n + j });
    return { number: i, title: title(i), status: 'accepted', links };
  });
}

describe('logGraphPieces', () => {
  const limits = { maxTextSize: 4_000, maxEdges: 40 };

  function expectWithin(pieces: ReturnType<typeof logGraphPieces>, l: { maxTextSize: number; maxEdges: number }) {
    for (const p of pieces) {
      if (p.kind !== 'diagram') continue;
      expect(p.source.length).toBeLessThanOrEqual(l.maxTextSize);
      const edges = p.source.split('\n').filter((line) => /^\s+n\d+ (~~~|==>|-->)/.test(line)).length;
      expect(edges).toBeLessThanOrEqual(l.maxEdges);
    }
  }
  const drawn = (pieces: ReturnType<typeof logGraphPieces>) =>
    new Set(pieces.flatMap((p) => p.relations.map((r) => `${r.from.number}>${r.to.number}`)));

  it('leaves out records without relations and packs small groups into one diagram', async () => {
    const records = [
      ...chain(3),
      { number: 4, title: 'Alone', status: 'accepted', links: [] },
      { number: 5, title: 'Five', status: 'proposed', links: [{ type: 'Amends', number: 2 }] },
      { number: 6, title: 'Six', status: 'accepted', links: [{ type: 'Relates to', number: 99 }] },
    ];
    const pieces = logGraphPieces(records);
    expect(pieces).toHaveLength(1);
    const p = pieces[0]!;
    expect(p.kind).toBe('diagram');
    expect(p.records.map((r) => r.number)).toEqual([1, 2, 3, 5, 6, 99]);
    if (p.kind === 'diagram') {
      expect(await mermaidSyntaxError(p.source)).toBeUndefined();
      expect(p.source).not.toContain('Alone');
      expect(p.source).toContain('99. ?');
    }
  });

  it('cuts a group too large for one diagram into parts within the limits, every relation drawn', async () => {
    const records = chain(120, { title: (i) => `A decision with a fairly long title, number ${i}` });
    const pieces = logGraphPieces(records, limits);
    expect(pieces.length).toBeGreaterThan(2);
    expectWithin(pieces, limits);
    expect(pieces.every((p) => p.kind === 'diagram' && p.part?.of === pieces.length)).toBe(true);
    expect(drawn(pieces).size).toBe(119);
    // Each record is drawn as a member of exactly one part.
    expect(pieces.flatMap((p) => p.records.map((r) => r.number))).toEqual(records.map((r) => r.number));
    for (const p of pieces) if (p.kind === 'diagram') expect(await mermaidSyntaxError(p.source)).toBeUndefined();
  });

  it('lists the relations of a record with more than one diagram can draw', () => {
    const records = chain(30, { hub: 10, fan: 60 });
    const pieces = logGraphPieces(records, limits);
    expectWithin(pieces, limits);
    const lists = pieces.filter((p) => p.kind === 'relations');
    expect(lists.map((p) => p.records.map((r) => r.number))).toEqual([[10]]);
    expect(lists[0]!.relations).toHaveLength(62);
    expect(drawn(pieces).size).toBe(29 + 60);
  });

  it('keeps many small groups apart from one another only as far as the limits need', () => {
    // 60 pairs: 60 relations and 119 timeline links, more than 40 edges.
    const records = Array.from({ length: 120 }, (_, k) => ({ number: k + 1, title: `T${k + 1}`, status: 'accepted', links: k % 2 ? [{ type: 'Amends', number: k }] : [] }));
    const pieces = logGraphPieces(records, limits);
    expectWithin(pieces, limits);
    expect(pieces.every((p) => p.part === undefined)).toBe(true);
    expect(pieces.length).toBeLessThanOrEqual(Math.ceil(180 / 40) + 1);
    expect(drawn(pieces).size).toBe(60);
  });
});

/** A log of `linked` records in a chain of supersedes (both sides written) with some amends, and `alone` records without links. */
function bigLog(linked: number, alone: number): { cwd: string; dir: string } {
  const { cwd, dir } = project();
  const domains = ['orders', 'billing', 'shipping', 'catalog', 'accounts'];
  const title = (i: number) => `Use the event store for the ${domains[i % 5]} service, revision ${i}`;
  const file = (i: number) => `${String(i).padStart(4, '0')}-event-store-${i}.md`;
  const ref = (i: number) => `[${i}. ${title(i)}](${file(i)})`;
  for (let i = 1; i <= linked; i++) {
    const links: string[] = [];
    if (i > 1) links.push(`Supersedes ${ref(i - 1)}`);
    if (i % 4 === 0 && i > 3) links.push(`Amends ${ref(i - 3)}`);
    if ((i + 3) % 4 === 0 && i + 3 <= linked) links.push(`Amended by ${ref(i + 3)}`);
    const status = i < linked ? `Superseded by ${ref(i + 1)}` : 'Accepted';
    writeFileSync(join(dir, file(i)), nygard(i, title(i), status, links));
  }
  for (let i = linked + 1; i <= linked + alone; i++) writeFileSync(join(dir, file(i)), nygard(i, `Standalone decision ${i}`, 'Accepted'));
  return { cwd, dir };
}

function graphSection(md: string): string {
  const start = md.indexOf('## Decision graph');
  return md.slice(start, md.indexOf('<a id=', start));
}

describe('a decision graph of 452 linked records', () => {
  it('is too large for one Mermaid diagram', async () => {
    const { cwd } = bigLog(452, 0);
    const r = await runCli(['diagram', '--graph'], { cwd });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout.length).toBeGreaterThan(MAX_TEXT_SIZE);
  });

  it('export md writes diagrams that Mermaid draws with its default limits, and leaves out unlinked records', async () => {
    const { cwd } = bigLog(452, 3);
    const r = await runCli(['export', '--format', 'md'], { cwd });
    expect(r.code, r.stderr).toBe(0);
    const graph = graphSection(r.stdout);
    const blocks = [...graph.matchAll(/```mermaid\n([\s\S]*?)```/g)].map((m) => m[1]!);
    expect(blocks.length).toBeGreaterThan(1);
    const edges = new Set<string>();
    for (const source of blocks) {
      expect(source.length).toBeLessThanOrEqual(MAX_TEXT_SIZE);
      const chart = readFlowchart(source);
      const invisible = source.split('\n').filter((l) => l.includes('~~~')).length;
      expect(chart.edges.length + invisible).toBeLessThanOrEqual(MAX_EDGES);
      expect(await mermaidSyntaxError(source)).toBeUndefined();
      const n = (id: string) => Number.parseInt(chart.nodes.get(id)!.label, 10);
      for (const e of chart.edges) edges.add(`${n(e.from)} ${e.label} ${n(e.to)}`);
    }
    // Every relation is drawn: 451 supersedes and the amends, each once however many times written.
    expect([...edges].filter((e) => e.includes('supersedes'))).toHaveLength(451);
    expect([...edges].filter((e) => e.includes('amends'))).toHaveLength(113);
    // Parts of about the same size; where a relation crosses parts, the record says which part draws it.
    const parts = [...graph.matchAll(/^### ADRs \d+ to \d+ \((\d+) records, part \d+ of (\d+) /gm)].map((m) => Number(m[1]));
    expect(parts.length).toBe(blocks.length);
    expect(parts.reduce((a, b) => a + b)).toBe(452);
    expect(Math.max(...parts) / Math.min(...parts)).toBeLessThan(1.5);
    expect(blocks[0]).toContain('<i>in part 2</i>');
    expect(blocks[1]).toContain('<i>in part 1</i>');
    expect(graph).not.toContain('Standalone decision');
    expect(r.stdout).toContain('[Standalone decision 453](#adr-0453)');
  }, 120_000);

  it('html without a browser lists the relations instead of showing any source', async () => {
    const { cwd } = bigLog(452, 0);
    const r = await runCli(['export', '--format', 'html'], { cwd, env: NO_BROWSER, timeoutMs: 60_000 });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain('the decision graph as a list of relations');
    const page = r.stdout;
    const graph = page.slice(page.indexOf('<section class="graph"'), page.indexOf('</section>'));
    expect(graph).not.toContain('mermaid-source');
    expect(graph).toContain('<table class="relations">');
    expect(graph).toContain('<td><a href="#adr-0452">452. Use the event store for the shipping service, revision 452</a></td><td>supersedes</td><td><a href="#adr-0451">');
    const { ids, targets } = await pageAnchors(page);
    for (const t of targets) expect(ids).toContain(t);
  }, 90_000);
});

describe.skipIf(gate)('a decision graph of 452 linked records, drawn in a browser', () => {
  it('export html draws every part: no "Maximum text size" picture, no error picture, no warning', async () => {
    const { cwd } = bigLog(452, 0);
    const r = await runCli(['export', '--format', 'html', '--out', 'log.html'], { cwd, timeoutMs: 600_000 });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).not.toMatch(/warning/i);
    const page = readFileSync(join(cwd, 'log.html'), 'utf8');
    const graph = page.slice(page.indexOf('<section class="graph"'), page.indexOf('</section>'));
    const figures = graph.match(/<figure class="diagram"><svg/g) ?? [];
    expect(figures.length).toBeGreaterThan(1);
    expect(graph).not.toContain('<table class="relations">');
    // Mermaid's picture for a source over its limit, and its error picture (every SVG carries the
    // error picture's styles, not its words).
    expect(page.includes('Maximum text size'), 'Maximum text size picture').toBe(false);
    expect(page.includes('Syntax error in text'), 'error picture').toBe(false);
    expect(graph).toContain('452. Use the event store for the shipping service, revision 452');
  }, 600_000);

  it('diagram --graph refuses a source over Mermaid\'s text limit: exit 2, one clear reason, no picture', async () => {
    const { cwd } = bigLog(452, 0);
    const r = await runCli(['diagram', '--graph', '--format', 'svg', '--out', 'graph.svg'], { cwd, timeoutMs: 120_000 });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^error the graph of 452 ADRs is [\d,]+ characters of Mermaid, over the 50,000 it draws: `adr-wizard export --format html` \(or md\) draws it in parts\n$/);
    expect(existsSync(join(cwd, 'graph.svg'))).toBe(false);
    // Whatever asks for it, the browser never draws Mermaid's "Maximum text size" picture.
    const { renderMermaidData } = await import('../src/io/mermaid-browser.js');
    const source = `graph TD\n${'  a["a long label for this node"] --> b\n'.repeat(1_500)}`;
    const [result] = await renderMermaidData([{ source, format: 'svg' }], { cwd });
    expect(result).toEqual({ ok: false, error: expect.stringMatching(/the diagram is [\d,]+ characters long; Mermaid draws at most 50,000/) });
  }, 120_000);

  it('diagram --graph refuses a source with more edges than Mermaid draws: exit 2, one clear reason', async () => {
    // Short titles: 320 records stay far under the text limit, but with the timeline they make 638 edges.
    const { cwd, dir } = project();
    for (let i = 1; i <= 320; i++) {
      writeFileSync(join(dir, `${String(i).padStart(4, '0')}-d${i}.md`), nygard(i, `D${i}`, 'Accepted', i > 1 ? [`Amends [${i - 1}. D${i - 1}](${String(i - 1).padStart(4, '0')}-d${i - 1}.md)`] : []));
    }
    expect((await runCli(['diagram', '--graph'], { cwd })).stdout.length).toBeLessThan(MAX_TEXT_SIZE);
    const r = await runCli(['diagram', '--graph', '--format', 'svg', '--out', 'graph.svg'], { cwd, timeoutMs: 120_000 });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('more than 500 edges');
    expect(existsSync(join(cwd, 'graph.svg'))).toBe(false);
  }, 120_000);
});
