// The ADR-log commands through the built binary, in temp folders, as a user runs them.
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { describe, expect, it } from 'vitest';
import { listLog, type ListEntry } from './support/adr-list.js';
import { runCli, tempDir } from './support/cli.js';

const ENV = { ADR_DATE: '2026-02-03' };
const cli = (args: string[], cwd: string, env: Record<string, string> = {}) =>
  runCli(args, { cwd, env: { ...ENV, ...env } });

const list = (cwd: string) => listLog(cwd, ENV);

function write(dir: string, files: Record<string, string>): void {
  mkdirSync(dir, { recursive: true });
  for (const [name, content] of Object.entries(files)) writeFileSync(join(dir, name), content);
}

function nygard(n: number, title: string, status = 'Accepted', extra = ''): string {
  return `# ${n}. ${title}\n\nDate: 2026-01-0${Math.min(n, 9)}\n\n## Status\n\n${status}\n${extra}\n## Context\n\nThe issue motivating this decision, and any context that influences or constrains the decision.\n\n## Decision\n\nThe change that we're proposing or have agreed to implement.\n\n## Consequences\n\nWhat becomes easier or more difficult to do and any risks introduced by the change that will need to be mitigated.\n`;
}

describe('init', () => {
  it('writes .adr-dir and ADR 1, and refuses to do it twice without --force', async () => {
    const cwd = tempDir();
    const r = await cli(['init', '--template', 'nygard'], cwd);
    expect(r.code).toBe(0);
    expect(r.stdout.trim()).toBe('doc/adr/0001-record-architecture-decisions.md');
    expect(readFileSync(join(cwd, '.adr-dir'), 'utf8')).toBe('doc/adr\n');
    const adr = readFileSync(join(cwd, 'doc/adr/0001-record-architecture-decisions.md'), 'utf8');
    expect(adr.startsWith('# 1. Record architecture decisions\n\nDate: 2026-02-03\n\n## Status\n\nAccepted\n\n## Context\n\nWe need to record')).toBe(true);

    writeFileSync(join(cwd, 'doc/adr/0001-record-architecture-decisions.md'), '# 1. Mine\n');
    const again = await cli(['init'], cwd);
    expect(again.code).toBe(2);
    expect(again.stderr).toMatch(/already initialised.*--force/);
    expect(readFileSync(join(cwd, 'doc/adr/0001-record-architecture-decisions.md'), 'utf8')).toBe('# 1. Mine\n');

    const forced = await cli(['init', '--force', '--lang', 'es'], cwd);
    expect(forced.code).toBe(0);
    expect(readdirSync(join(cwd, 'doc/adr'))).toEqual(['0001-record-architecture-decisions.md']);
    expect(readFileSync(join(cwd, 'doc/adr/0001-record-architecture-decisions.md'), 'utf8')).toContain('# Registrar las decisiones de arquitectura');
  });

  it('takes a folder and refuses one that already holds ADRs', async () => {
    const cwd = tempDir();
    write(join(cwd, 'docs/decisions'), { '0001-x.md': nygard(1, 'X') });
    const r = await cli(['init', 'docs/decisions'], cwd);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/already holds 1 ADR/);
    const ok = await cli(['init', 'docs/adr'], cwd);
    expect(ok.code).toBe(0);
    expect(readFileSync(join(cwd, '.adr-dir'), 'utf8')).toBe('docs/adr\n');
    expect(existsSync(join(cwd, 'docs/adr/0001-record-architecture-decisions.md'))).toBe(true);
  });
});

describe('new, list and numbering', () => {
  it('continues the numbering across every style and lists every ADR whatever its style', async () => {
    const cwd = tempDir();
    const dir = join(cwd, 'doc/adr');
    write(dir, {
      '0001-record-architecture-decisions.md': nygard(1, 'Record architecture decisions'),
      '0002-use-madr.md': '---\nstatus: proposed\ndate: 2026-01-02\n---\n\n# Use MADR\n',
      '20260103-use-log4brains.md': '# Use log4brains\n\n- Status: proposed\n- Date: 2026-01-03\n',
      '0007-seven.md': nygard(7, 'Seven'),
      'README.md': '# Our decisions\n',
    });
    const r = await cli(['new', 'Use', 'PostgreSQL'], cwd);
    expect(r.code).toBe(0);
    // The dated log4brains file is ADR 8 (after the highest numbered file): the new one is 9.
    expect(r.stdout.trim()).toBe('doc/adr/0009-use-postgresql.md');
    // The latest numbered ADR is adr-tools style, so the new one is too.
    expect(readFileSync(join(dir, '0009-use-postgresql.md'), 'utf8')).toMatch(/^# 9\. Use PostgreSQL\n\nDate: 2026-02-03\n\n## Status\n\nProposed\n/);
    const entries = await list(cwd);
    expect(entries.map((e) => [e.number, e.title, e.status, e.statusText])).toEqual([
      [1, 'Record architecture decisions', 'accepted', 'Accepted'],
      [2, 'Use MADR', 'proposed', 'proposed'],
      [7, 'Seven', 'accepted', 'Accepted'],
      [9, 'Use PostgreSQL', 'proposed', 'Proposed'],
      // Dated files follow the numbered ones, so a numbered file added moves them (doctor says so).
      [10, 'Use log4brains', 'proposed', 'proposed'],
    ]);
    expect(entries[3]).toEqual({
      number: 9,
      title: 'Use PostgreSQL',
      status: 'proposed',
      statusText: 'Proposed',
      date: '2026-02-03',
      file: join(dir, '0009-use-postgresql.md'),
      links: [],
      tags: [],
      tree: null,
      outcome: null,
    });
    const accepted = await cli(['list', '--status', 'accepted', '--json'], cwd);
    expect((JSON.parse(accepted.stdout) as ListEntry[]).map((e) => e.number)).toEqual([1, 7]);
    const badNew = await cli(['new', '--status', 'wip', 'X'], cwd);
    expect(badNew.code).toBe(2);
    expect(badNew.stderr).toMatch(/unknown status "wip" \(expected one of proposed, accepted, rejected, deprecated, superseded\)/);
    const bad = await cli(['list', '--status', 'wip'], cwd);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/unknown status "wip"/);
  });

  it('list --json prints one JSON document however long the log, and [] for none', async () => {
    const cwd = tempDir();
    const files: Record<string, string> = {};
    // About 100 KB of JSON: printed in more than one piece.
    for (let n = 1; n <= 400; n++) files[`${String(n).padStart(4, '0')}-adr-${n}.md`] = nygard(n, `ADR number ${n}`);
    write(join(cwd, 'doc/adr'), files);
    const r = await cli(['list', '--json'], cwd);
    expect(r.stdout.length).toBeGreaterThan(64 * 1024);
    const entries = JSON.parse(r.stdout) as ListEntry[];
    expect(entries.map((e) => e.number)).toEqual(Array.from({ length: 400 }, (_, i) => i + 1));
    expect(r.stdout).toBe(`${JSON.stringify(entries, null, 2)}\n`);
    const empty = tempDir();
    expect((await cli(['list', '--json'], empty)).stdout).toBe('[]\n');
  });

  it('writes MADR 4 by default, in Spanish with --lang es', async () => {
    const cwd = tempDir();
    const r = await cli(['new', '--lang', 'es', 'Usar', 'Kafka'], cwd);
    expect(r.code).toBe(0);
    const text = readFileSync(join(cwd, 'doc/adr/0001-usar-kafka.md'), 'utf8');
    expect(text).toMatch(/^---\nstatus: proposed\ndate: 2026-02-03\ndecision-makers: \[\]\nconsulted: \[\]\ninformed: \[\]\n---\n\n# Usar Kafka\n\n## Contexto y planteamiento del problema\n/);
  });

  it('finds the ADR folder as adr-tools, MADR and log4brains users keep it', async () => {
    const a = tempDir();
    mkdirSync(join(a, 'sub/deeper'), { recursive: true });
    writeFileSync(join(a, '.adr-dir'), 'architecture/decisions\n');
    expect((await cli(['new', 'X'], join(a, 'sub/deeper'))).stdout.trim()).toBe('../../architecture/decisions/0001-x.md');

    const b = tempDir();
    writeFileSync(join(b, '.log4brains.yml'), '---\nproject:\n  name: demo\n  tz: Europe/Madrid\n  adrFolder: ./docs/adr   # here\n');
    expect((await cli(['new', 'X'], b)).stdout.trim()).toBe('docs/adr/0001-x.md');

    const c = tempDir();
    mkdirSync(join(c, 'docs/decisions'), { recursive: true });
    expect((await cli(['new', 'X'], c)).stdout.trim()).toBe('docs/decisions/0001-x.md');

    const d = tempDir();
    writeFileSync(join(d, '.adr-wizard.yaml'), 'folder: records\ntemplate: nygard\nlang: es\n');
    expect((await cli(['new', 'X'], d)).stdout.trim()).toBe('records/0001-x.md');
    expect(readFileSync(join(d, 'records/0001-x.md'), 'utf8')).toMatch(/^# 1\. X\n\nFecha: 2026-02-03\n\n## Estado\n\nPropuesta\n/);
  });

  it('reports a broken .adr-wizard.yaml with its file and line', async () => {
    const cwd = tempDir();
    writeFileSync(join(cwd, '.adr-wizard.yaml'), 'folder: records\nlang: fr\n');
    const r = await cli(['new', 'X'], cwd);
    expect(r.code).toBe(2);
    // file:line:col, the field, and what it may be.
    expect(r.stderr).toMatch(/\.adr-wizard\.yaml:2:7 {2}lang {2}must be "en" or "es"/);
  });
});

describe('supersede, link and status round trips', () => {
  const ADR_TOOLS = {
    '0001-record-architecture-decisions.md': nygard(1, 'Record architecture decisions'),
    '0002-use-postgresql.md': nygard(2, 'Use PostgreSQL'),
  };

  it('new --supersedes rewrites both files, adr-tools style', async () => {
    const cwd = tempDir();
    writeFileSync(join(cwd, '.adr-dir'), 'doc/adr\n');
    write(join(cwd, 'doc/adr'), ADR_TOOLS);
    const r = await cli(['new', '--supersedes', '2', 'Use MySQL'], cwd);
    expect(r.code).toBe(0);
    const old = readFileSync(join(cwd, 'doc/adr/0002-use-postgresql.md'), 'utf8');
    expect(old).toContain('## Status\n\nSuperseded by [3. Use MySQL](0003-use-mysql.md)\n\n## Context');
    expect(old).not.toContain('Accepted');
    const fresh = readFileSync(join(cwd, 'doc/adr/0003-use-mysql.md'), 'utf8');
    expect(fresh).toContain('## Status\n\nProposed\n\nSupersedes [2. Use PostgreSQL](0002-use-postgresql.md)\n\n## Context');
    const entries = await list(cwd);
    expect(entries.map((e) => [e.number, e.status, e.links])).toEqual([
      [1, 'accepted', []],
      [2, 'superseded', [{ type: 'Superseded by', number: 3 }]],
      [3, 'proposed', [{ type: 'Supersedes', number: 2 }]],
    ]);
  });

  it('new --supersedes keeps a MADR file MADR: front matter status plus a link line', async () => {
    const cwd = tempDir();
    write(join(cwd, 'doc/adr'), {
      '0001-use-assertj.md': '---\nstatus: accepted\ndate: 2024-09-17\ndecision-makers: [Oliver Kopp]\n---\n\n# Use AssertJ\n\n## Context and Problem Statement\n\nText.\n',
    });
    expect((await cli(['new', '-s', '1', 'Use Hamcrest'], cwd)).code).toBe(0);
    const old = readFileSync(join(cwd, 'doc/adr/0001-use-assertj.md'), 'utf8');
    expect(old).toBe(
      '---\nstatus: superseded by ADR-0002\ndate: 2024-09-17\ndecision-makers: [Oliver Kopp]\n---\n\n# Use AssertJ\n\nSuperseded by [2. Use Hamcrest](0002-use-hamcrest.md)\n\n## Context and Problem Statement\n\nText.\n',
    );
    const fresh = readFileSync(join(cwd, 'doc/adr/0002-use-hamcrest.md'), 'utf8');
    expect(fresh).toContain('# Use Hamcrest\n\nSupersedes [1. Use AssertJ](0001-use-assertj.md)\n');
  });

  it('link adds both directions; status rewrites only the status; numbers match exactly', async () => {
    const cwd = tempDir();
    const files: Record<string, string> = { ...ADR_TOOLS };
    for (const n of [12, 20]) files[`00${n}-adr-${n}.md`] = nygard(n, `ADR ${n}`);
    write(join(cwd, 'doc/adr'), files);
    const l = await cli(['link', '20', 'Amends', '2'], cwd);
    expect(l.code).toBe(0);
    const s = await cli(['status', '2', 'deprecated'], cwd);
    expect(s.code).toBe(0);
    const entries = await list(cwd);
    expect(entries.map((e) => [e.number, e.status, e.statusText, e.links])).toEqual([
      [1, 'accepted', 'Accepted', []],
      [2, 'deprecated', 'Deprecated', [{ type: 'Amended by', number: 20 }]],
      [12, 'accepted', 'Accepted', []],
      [20, 'accepted', 'Accepted', [{ type: 'Amends', number: 2 }]],
    ]);
    const custom = await cli(['link', '12', 'Clarifies', '1', '--reverse', 'Clarified by'], cwd);
    expect(custom.code).toBe(0);
    expect((await list(cwd))[0]!.links).toEqual([{ type: 'Clarified by', number: 12 }]);

    const missing = await cli(['status', '3', 'accepted'], cwd);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/there is no ADR 3 \(the log has ADRs 1-20\)/);
    write(join(cwd, 'doc/adr'), { '0012-other-twelve.md': nygard(12, 'Other twelve') });
    const twice = await cli(['link', '12', 'Amends', '1'], cwd);
    expect(twice.code).toBe(2);
    expect(twice.stderr).toMatch(/ADR 12 is ambiguous: doc\/adr\/0012-adr-12\.md and doc\/adr\/0012-other-twelve\.md share the number/);
    const badStatus = await cli(['status', '2', 'maybe'], cwd);
    expect(badStatus.code).toBe(2);
    expect(badStatus.stderr).toMatch(/unknown status "maybe"/);
  });

  it('new --link "Amends:N" links both ways', async () => {
    const cwd = tempDir();
    write(join(cwd, 'doc/adr'), ADR_TOOLS);
    expect((await cli(['new', '--link', 'Amends:1', 'Keep a changelog'], cwd)).code).toBe(0);
    const entries = await list(cwd);
    expect(entries.map((e) => e.links)).toEqual([[{ type: 'Amended by', number: 3 }], [], [{ type: 'Amends', number: 1 }]]);
  });
});

describe('index', () => {
  it('prints a table of contents and keeps the rest of the README when writing it', async () => {
    const cwd = tempDir();
    const dir = join(cwd, 'doc/adr');
    write(dir, {
      '0001-record-architecture-decisions.md': nygard(1, 'Record architecture decisions'),
      '0002-pipes.md': nygard(2, 'Pipes | and [brackets]', 'Proposed'),
      'README.md': '# Decisions\n\nHow we decide.\n',
    });
    const out = await cli(['index', '--stdout'], cwd);
    expect(out.code).toBe(0);
    expect(out.stdout).toBe(
      '# Architecture Decision Records\n\n| No. | Title | Status | Date |\n| ---: | --- | --- | --- |\n' +
        '| 1 | [Record architecture decisions](0001-record-architecture-decisions.md) | Accepted | 2026-01-01 |\n' +
        '| 2 | [Pipes \\| and \\[brackets\\]](0002-pipes.md) | Proposed | 2026-01-02 |\n',
    );
    expect((await cli(['index'], cwd)).code).toBe(0);
    const readme = readFileSync(join(dir, 'README.md'), 'utf8');
    expect(readme.startsWith('# Decisions\n\nHow we decide.\n\n<!-- adr-wizard:index:start -->\n# Architecture Decision Records\n')).toBe(true);
    writeFileSync(join(dir, 'README.md'), `${readme}\nMore notes.\n`);
    await cli(['new', 'Third'], cwd);
    await cli(['index'], cwd);
    const again = readFileSync(join(dir, 'README.md'), 'utf8');
    expect(again).toContain('| 3 | [Third](0003-third.md) | Proposed | 2026-02-03 |\n<!-- adr-wizard:index:end -->\n\nMore notes.\n');
    expect(again.match(/adr-wizard:index:start/g)).toHaveLength(1);
  });
});

describe('hostile titles and user text', () => {
  it.each([
    ['../../etc/passwd', '0001-etc-passwd.md'],
    ['Decisión\u0007 con\ttab\u001b[31m', '0001-decision-con-tab-31m.md'],
    ['🚀 Launch 🎉', '0001-launch.md'],
    ['"quoted" \'title\'', '0001-quoted-title.md'],
    ['...', '0001-untitled.md'],
    ['x'.repeat(300), `0001-${'x'.repeat(60)}.md`],
  ])('%j becomes a safe file name inside the ADR folder', async (title, name) => {
    const cwd = tempDir();
    const r = await cli(['new', title], cwd);
    expect(r.code).toBe(0);
    expect(readdirSync(join(cwd, 'doc/adr'))).toEqual([name]);
    expect(existsSync(join(cwd, 'etc'))).toBe(false);
    const [entry] = await list(cwd);
    expect(entry!.number).toBe(1);
  });

  it('quotes front matter and escapes table cells', async () => {
    const cwd = tempDir();
    writeFileSync(join(cwd, '.adr-wizard.yaml'), 'decision-makers: ["Ana: #1", "yes", "- b", "[x]"]\ninformed: "Team | ops"\n');
    const title = 'Pick: #this | that\nnow';
    expect((await cli(['new', '--status', 'accepted', title], cwd)).code).toBe(0);
    const [file] = readdirSync(join(cwd, 'doc/adr'));
    const text = readFileSync(join(cwd, 'doc/adr', file!), 'utf8');
    const fm = parseYaml(text.split('---\n')[1]!) as Record<string, unknown>;
    expect(fm).toEqual({
      status: 'accepted',
      date: '2026-02-03',
      'decision-makers': ['Ana: #1', 'yes', '- b', '[x]'],
      consulted: [],
      informed: ['Team | ops'],
    });
    expect(text).toContain('\n# Pick: #this | that now\n');
    const index = await cli(['index', '--stdout'], cwd);
    expect(index.stdout).toContain('| 1 | [Pick: #this \\| that now](0001-pick-this-that-now.md) | Accepted | 2026-02-03 |');
  });
});

describe('no clobber', () => {
  it('never overwrites an ADR: a taken name moves to the next number', async () => {
    const cwd = tempDir();
    write(join(cwd, 'doc/adr'), { '0001-a.md': nygard(1, 'A') });
    expect((await cli(['new', 'A'], cwd)).stdout.trim()).toBe('doc/adr/0002-a.md');
    expect(readFileSync(join(cwd, 'doc/adr/0001-a.md'), 'utf8')).toBe(nygard(1, 'A'));
  });

  it('index leaves a README alone when nothing changed and never touches ADR files', async () => {
    const cwd = tempDir();
    write(join(cwd, 'doc/adr'), { '0001-a.md': nygard(1, 'A') });
    await cli(['index'], cwd);
    const before = readFileSync(join(cwd, 'doc/adr/README.md'), 'utf8');
    await cli(['index'], cwd);
    expect(readFileSync(join(cwd, 'doc/adr/README.md'), 'utf8')).toBe(before);
    expect(readFileSync(join(cwd, 'doc/adr/0001-a.md'), 'utf8')).toBe(nygard(1, 'A'));
  });
});

describe('doctor', () => {
  it('finds a duplicate number, a broken link and an unknown status, and --fix renumbers the later file', async () => {
    const cwd = tempDir();
    const dir = join(cwd, 'doc/adr');
    write(dir, {
      '0001-record-architecture-decisions.md': nygard(1, 'Record architecture decisions'),
      // Two branches each added ADR 2; the later one (by date) is renumbered.
      '0002-use-kafka.md': nygard(2, 'Use Kafka').replace('2026-01-02', '2026-01-05'),
      '0002-use-rabbitmq.md': nygard(2, 'Use RabbitMQ'),
      '0003-queue-topology.md': nygard(3, 'Queue topology', 'Accepted', '\nAmends [2. Use Kafka](0002-use-kafka.md)\n\nRelates to [2. Use RabbitMQ](0002-use-rabbitmq.md)\n'),
      '0004-odd.md': nygard(4, 'Odd', 'Pondering', '\nAmends [9. Gone](0009-gone.md)\n'),
      '0005-bad-front-matter.md': '---\nstatus: [accepted\n---\n# Bad\n',
    });
    const check = await cli(['doctor', '--json'], cwd);
    expect(check.code).toBe(2);
    const report = JSON.parse(check.stdout) as { findings: { rule: string; number: number; file: string }[] };
    const rules = report.findings.map((f) => `${f.rule}:${f.number}`);
    expect(rules).toEqual(expect.arrayContaining(['duplicate-number:2', 'broken-link:4', 'unknown-status:4', 'unreadable:5']));
    expect(rules.filter((r) => r === 'duplicate-number:2')).toHaveLength(2);

    const fix = await cli(['doctor', '--fix'], cwd);
    expect(fix.stdout).toContain('fixed 0002-use-kafka.md -> 0006-use-kafka.md; updated 0003-queue-topology.md');
    expect(readdirSync(dir).sort()).toEqual([
      '0001-record-architecture-decisions.md',
      '0002-use-rabbitmq.md',
      '0003-queue-topology.md',
      '0004-odd.md',
      '0005-bad-front-matter.md',
      '0006-use-kafka.md',
    ]);
    expect(readFileSync(join(dir, '0006-use-kafka.md'), 'utf8')).toMatch(/^# 6\. Use Kafka\n/);
    expect(readFileSync(join(dir, '0003-queue-topology.md'), 'utf8')).toContain(
      'Amends [6. Use Kafka](0006-use-kafka.md)\n\nRelates to [2. Use RabbitMQ](0002-use-rabbitmq.md)',
    );
    const after = JSON.parse((await cli(['doctor', '--json'], cwd)).stdout) as { findings: { rule: string }[] };
    expect(after.findings.map((f) => f.rule)).not.toContain('duplicate-number');
  });

  it('warns about accepted decisions resting on facts reviewed more than 12 months ago', async () => {
    const cwd = tempDir();
    const wizard = (tree: string, reviewed: string, status: string) =>
      `---\nstatus: ${status}\ndate: 2025-01-01\nadr-wizard:\n  tree: ${tree}\n  reviewed: ${reviewed}\n  outcome: x\n  drivers:\n    scale: large\n  assumed: []\n---\n\n# T\n`;
    write(join(cwd, 'doc/adr'), {
      '0001-old.md': wizard('retired-tree', '2024-06-01', 'accepted'),
      '0002-recent.md': wizard('retired-tree', '2025-06-01', 'accepted'),
      '0003-old-but-rejected.md': wizard('retired-tree', '2024-06-01', 'rejected'),
    });
    const r = await cli(['doctor', '--json'], cwd, { ADR_DATE: '2026-02-03' });
    // Warnings only: exit 0.
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout) as { findings: { rule: string; number: number; severity: string }[] };
    // The tree is gone: a note each, nothing to re-walk.
    expect(report.findings.map((f) => [f.rule, f.number, f.severity])).toEqual([
      ['stale-tree', 1, 'warning'],
      ['advice-changed', 1, 'info'],
      ['advice-changed', 2, 'info'],
    ]);
  });

  it('says so when the log is healthy', async () => {
    const cwd = tempDir();
    write(join(cwd, 'doc/adr'), { '0001-a.md': nygard(1, 'A') });
    const r = await cli(['doctor'], cwd);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/ok 1 ADR in doc\/adr, no problems found/);
  });
});
