// The logs teams already have, one per style: found where they live, read as written.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { listLog } from './support/adr-list.js';
import { runCli, tempDir } from './support/cli.js';
import { MIXED, STYLED_LOGS, writeLog, type FixtureLog } from './support/adr-logs.js';
import { marked, type Token } from 'marked';

const ENV = { ADR_DATE: '2026-02-03' };
const cli = (args: string[], cwd: string, env: Record<string, string> = {}) => runCli(args, { cwd, env: { ...ENV, ...env } });

const listed = (cwd: string) => listLog(cwd, ENV);

function logIn(log: FixtureLog): string {
  const root = tempDir();
  writeLog(root, log);
  return root;
}

describe.each(Object.entries(STYLED_LOGS))('a %s log', (_name, log) => {
  it('is found where the tool keeps it and reads as written, from the root and from a subfolder', async () => {
    const root = logIn(log);
    const entries = await listed(root);
    expect(entries.map((e) => [e.number, e.title, e.status])).toEqual(log.expected);
    expect(entries.every((e) => e.file.startsWith(join(root, log.folder)))).toBe(true);
    mkdirSync(join(root, 'src/app'), { recursive: true });
    expect((await listed(join(root, 'src/app'))).map((e) => e.number)).toEqual(log.expected.map((e) => e[0]));
  });
});

describe.each(Object.entries(STYLED_LOGS))('new in a %s log', (_name, log) => {
  it('writes the next record in the log\'s style, name and number, superseding in the old file\'s style', async () => {
    const root = logIn(log);
    const last = log.expected.at(-1)!;
    const r = await cli(['new', 'Use Redis', '--supersedes', String(last[0]), '--json'], root);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const made = JSON.parse(r.stdout) as { number: number; file: string };
    expect(basename(made.file)).toMatch(log.next.name);
    const exported = JSON.parse((await cli(['export', '--format', 'json'], root)).stdout) as {
      adrs: { number: number; title: string; status: string; style: string; file: string; links: { type: string; number: number }[] }[];
    };
    const numbers = exported.adrs.map((a) => a.number);
    expect(new Set(numbers).size).toBe(numbers.length);
    const mine = exported.adrs.find((a) => a.title === 'Use Redis')!;
    expect([mine.number, mine.style, mine.status]).toEqual([made.number, log.next.style, 'proposed']);
    const old = exported.adrs.find((a) => a.title === last[1])!;
    expect(mine.links).toEqual([{ type: 'Supersedes', number: last[0], target: basename(old.file) }]);
    expect(old.status).toBe('superseded');
    expect(old.links).toContainEqual({ type: expect.stringMatching(/^Superseded by$/i), number: made.number, target: basename(made.file) });
  });
});

describe.each(Object.entries(STYLED_LOGS))('status in a %s log', (_name, log) => {
  it('changes every record where its file writes the status, once, and reads back', async () => {
    const root = logIn(log);
    for (const [n] of log.expected) {
      const before = (await listed(root)).find((e) => e.number === n)!;
      const r = await cli(['status', String(n), 'deprecated'], root);
      expect(r.stderr).toBe('');
      expect(r.code).toBe(0);
      const after = await listed(root);
      expect(after.find((e) => e.number === n)!.status).toBe('deprecated');
      // One status per file: a front matter `status:`, a `Status:` bullet or a `## Status` section.
      const text = readFileSync(before.file, 'utf8');
      const places = [/^status:/m, /^[-*]\s+Status:/m, /^## Status\s*$/m].filter((re) => re.test(text));
      expect(places).toHaveLength(1);
      // Nothing else moved: the other records read as before.
      expect(after.filter((e) => e.number !== n).map((e) => e.title)).toEqual(log.expected.filter((e) => e[0] !== n).map((e) => e[1]));
    }
  });
});

interface Finding {
  rule: string;
  severity: string;
  number: number;
  file: string;
}

async function doctor(cwd: string): Promise<{ code: number | null; findings: Finding[] }> {
  const r = await cli(['doctor', '--format', 'json'], cwd);
  return { code: r.code, findings: (JSON.parse(r.stdout) as { findings: Finding[] }).findings };
}

/** Every link target of a Markdown text, decoded. */
function hrefs(markdown: string): string[] {
  const out: string[] = [];
  marked.walkTokens(marked.lexer(markdown), (t: Token) => {
    if (t.type === 'link') out.push(decodeURIComponent((t as { href: string }).href));
  });
  return out;
}

describe.each(Object.entries(STYLED_LOGS))('doctor, index and export of a %s log', (_name, log) => {
  it('raise no false alarm, link every file, and export every record once', async () => {
    const root = logIn(log);
    const checked = await doctor(root);
    expect(checked.findings.filter((f) => f.severity !== 'info')).toEqual([]);
    expect(checked.code).toBe(0);
    expect(checked.findings.every((f) => f.rule === 'missing-status')).toBe(true);

    const index = await cli(['index', '--stdout'], root);
    expect(index.code).toBe(0);
    const dir = join(root, log.folder);
    const targets = hrefs(index.stdout);
    expect(targets).toHaveLength(log.expected.length);
    for (const t of targets) expect(readFileSync(join(dir, t), 'utf8')).toMatch(/^(---|#)/);

    const md = await cli(['export', '--format', 'md'], root);
    const ids = [...md.stdout.matchAll(/<a id="([^"]+)"><\/a>/g)].map((m) => m[1]);
    expect(new Set(ids).size).toBe(log.expected.length);
    for (const [, title] of log.expected) expect(md.stdout).toContain(title.replace(/</g, '&lt;'));
    const html = await cli(['export', '--format', 'html'], root, { PUPPETEER_EXECUTABLE_PATH: '/nonexistent/chromium', PATH: '/nonexistent-bin' });
    expect(html.code).toBe(0);
    for (const [, title] of log.expected) expect(html.stdout).toContain(title.replace(/&/g, '&amp;'));
    const json = JSON.parse((await cli(['export', '--format', 'json'], root)).stdout) as { adrs: { title: string; problems: string[] }[] };
    expect(json.adrs.map((a) => a.title)).toEqual(log.expected.map((e) => e[1]));
  });
});

describe('a log two teams grew apart', () => {
  it('reads mixed names, reports the real duplicate once per file and nothing false, and exports each file under its own anchor', async () => {
    const root = logIn(MIXED);
    expect((await listed(root)).map((e) => [e.number, e.title, e.status])).toEqual(MIXED.expected);
    const { code, findings } = await doctor(root);
    expect(code).toBe(2);
    expect(findings.map((f) => [f.rule, f.severity, f.number])).toEqual([
      ['duplicate-number', 'error', 2],
      ['duplicate-number', 'error', 2],
      ['mixed-naming', 'info', 3],
    ]);
    const md = (await cli(['export', '--format', 'md'], root)).stdout;
    const ids = [...md.matchAll(/<a id="([^"]+)"><\/a>/g)].map((m) => m[1]!);
    expect(new Set(ids).size).toBe(4);
    // Every link inside the document lands on an anchor that exists.
    for (const h of hrefs(md).filter((x) => x.startsWith('#'))) expect(ids).toContain(h.slice(1));
    const index = await cli(['index', '--stdout'], root);
    for (const t of hrefs(index.stdout)) expect(readFileSync(join(root, MIXED.folder, t), 'utf8')).toMatch(/^#/);
    // doctor --fix moves the later duplicate past every number, dated files included.
    const fixed = await cli(['doctor', '--fix'], root);
    expect(fixed.stdout).toContain('0002-use-kotlin (jvm).md -> 0004-use-kotlin (jvm).md');
    const after = await doctor(root);
    expect(after.findings.filter((f) => f.severity !== 'info')).toEqual([]);
  });
});

describe('links as people write them', () => {
  it('reads typed links from Status and Links sections, never from prose', async () => {
    const tools = await listed(logIn(STYLED_LOGS['adr-tools']));
    expect(tools.map((e) => e.links)).toEqual([
      [{ type: 'Amended by', number: 4 }],
      [{ type: 'Superceded by', number: 3 }],
      // "This differs from [2. ...]" and "We also need to provide [replay](...)" are sentences.
      [{ type: 'Supersedes', number: 2 }],
      [{ type: 'Amends', number: 1 }],
    ]);
    const madr2 = await listed(logIn(STYLED_LOGS['MADR 2']));
    expect(madr2.map((e) => e.links)).toEqual([[], [{ type: 'Refines', number: 0 }], []]);
    const l4b = await listed(logIn(STYLED_LOGS.log4brains));
    expect(l4b.map((e) => e.links)).toEqual([[], [{ type: 'Relates to', number: 1 }, { type: 'Superseded by', number: 3 }], []]);
  });
});

describe('finding the log', () => {
  it('finds docs/adr (MADR 2, log4brains) without configuration, and new continues it there', async () => {
    const root = tempDir();
    writeLog(root, { ...STYLED_LOGS['MADR 2'] });
    const r = await cli(['new', 'Use Redis'], root);
    expect(r.code).toBe(0);
    expect(r.stdout.trim()).toMatch(/^docs\/adr\/0003-use-redis\.md$/);
  });

  it('says which folder it chose when several hold ADRs, and how to pin it; the pin silences it', async () => {
    const root = tempDir();
    writeLog(root, STYLED_LOGS['MADR 2']);
    mkdirSync(join(root, 'doc/adr'), { recursive: true });
    writeFileSync(join(root, 'doc/adr/0001-x.md'), '# 1. X\n\nDate: 2026-01-01\n\n## Status\n\nAccepted\n');
    const r = await cli(['list'], root);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe(
      'note: ADRs found in docs/adr (3), doc/adr (1); using docs/adr. To use another, write `folder: <dir>` in .adr-wizard.yaml\n',
    );
    expect(r.stdout).toContain('Use PostgreSQL');
    writeFileSync(join(root, '.adr-wizard.yaml'), 'folder: doc/adr\n');
    const pinned = await cli(['list'], root);
    expect(pinned.stderr).toBe('');
    expect(pinned.stdout).toContain('X');
    expect(pinned.stdout).not.toContain('Use PostgreSQL');
  });

  it('ignores usual folders that hold no ADR-named file, and falls back to doc/adr', async () => {
    const root = tempDir();
    mkdirSync(join(root, '.git'));
    mkdirSync(join(root, 'adr'));
    writeFileSync(join(root, 'adr/README.md'), '# Notes\n');
    mkdirSync(join(root, 'docs/architecture/decisions'), { recursive: true });
    writeFileSync(join(root, 'docs/architecture/decisions/0001-use-x.md'), '---\nstatus: accepted\n---\n# Use X\n');
    expect((await listed(root)).map((e) => e.title)).toEqual(['Use X']);
    const empty = tempDir();
    mkdirSync(join(empty, '.git'));
    const r = await cli(['new', 'First'], empty);
    expect(r.stdout.trim()).toBe('doc/adr/0001-first.md');
  });

  it('finds other layouts a few levels down, and names like adr-001-slug.md', async () => {
    const root = tempDir();
    mkdirSync(join(root, '.git'));
    mkdirSync(join(root, 'docs_src/design/adr'), { recursive: true });
    writeFileSync(join(root, 'docs_src/design/adr/0026-Common Configuration.md'), '# Common Configuration\n\n## Context\n\nText.\n');
    writeFileSync(join(root, 'docs_src/design/adr/adr-027-uris-for-files.md'), '# URIs for Files\n\n## Status\n\nAccepted\n');
    mkdirSync(join(root, 'node_modules/pkg/docs/adr'), { recursive: true });
    writeFileSync(join(root, 'node_modules/pkg/docs/adr/0001-theirs.md'), '# 1. Theirs\n\n## Status\n\nAccepted\n');
    expect((await listed(root)).map((e) => [e.number, e.title, e.status])).toEqual([
      [26, 'Common Configuration', 'none'],
      [27, 'URIs for Files', 'accepted'],
    ]);
    // The next name follows the latest one's prefix and width.
    const r = await cli(['new', 'Use Redis'], root);
    expect(r.stdout.trim()).toBe('docs_src/design/adr/adr-028-use-redis.md');
  });
});
