// A log keeps its format: `new`, `decide`, the guided session and `revisit` write the next record
// the way the log's records are already written (adr-tools with three-digit names, MADR 4, 3 and
// 2, log4brains), through the built binary in temp folders. The fixture logs below are written by
// hand in each tool's own format.
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { recordDecisions } from '../src/adr/record-decisions.js';
import { guidedSession } from '../src/cli/commands/guided.js';
import { ScriptedPrompter } from '../src/cli/prompter/scripted.js';
import { toDecision } from '../src/core/decision.js';
import type { DriverCatalog, Tree } from '../src/core/types.js';
import { walk } from '../src/core/walk.js';
import { loadDecisionSet } from '../src/io/trees.js';
import { listLog } from './support/adr-list.js';
import { runCli, tempDir } from './support/cli.js';

const NEW_DAY = '2026-03-04';
const DECIDE_DAY = '2026-03-05';
const REVISIT_DAY = '2026-03-06';

const cli = (args: string[], cwd: string, date = NEW_DAY) => runCli(args, { cwd, env: { ADR_DATE: date } });

const list = (cwd: string) => listLog(cwd, { ADR_DATE: NEW_DAY });

function write(root: string, files: Record<string, string>): void {
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(join(root, path, '..'), { recursive: true });
    writeFileSync(join(root, path), content);
  }
}

// --- Fixture logs, one per format --------------------------------------------------------------

/** adr-tools' layout, with names padded to three digits as some teams number them. */
function adrTools(n: number, title: string, date: string, statusLines: string): string {
  return `# ${n}. ${title}\n\nDate: ${date}\n\n## Status\n\n${statusLines}\n\n## Context\n\nWhy ${title.toLowerCase()} came up.\n\n## Decision\n\nWe will ${title.toLowerCase()}.\n\n## Consequences\n\nThe team learns one more tool.\n`;
}

/** MADR 3 and 4: YAML front matter, an unnumbered title, Good/Bad consequences. */
function madrFront(deciders: 'deciders' | 'decision-makers', title: string, date: string, extra = ''): string {
  return `---\nstatus: accepted\ndate: ${date}\n${deciders}: Ana García, Luis Pardo\nconsulted: Platform team\ninformed: everyone\n---\n\n# ${title}\n${extra}\n## Context and Problem Statement\n\nWe need to settle how we ${title.toLowerCase()}.\n\n## Considered Options\n\n* ${title}\n* Keep what we have\n\n## Decision Outcome\n\nChosen option: "${title}", because the team knows it.\n\n### Consequences\n\n* Good, because it is familiar.\n* Bad, because it is one more thing to run.\n`;
}

/** MADR 2: bullets under the title, two consequence lists, a Links section at the end. */
function madr2(title: string, date: string, links = ''): string {
  return `# ${title}\n\n* Status: accepted\n* Deciders: Ana García, Luis Pardo\n* Date: ${date}\n\n## Context and Problem Statement\n\nWe need to settle how we ${title.toLowerCase()}.\n\n## Considered Options\n\n* ${title}\n* Keep what we have\n\n## Decision Outcome\n\nChosen option: "${title}", because the team knows it.\n\n### Positive Consequences\n\n* It is familiar.\n\n### Negative Consequences\n\n* It is one more thing to run.\n${links ? `\n## Links\n\n${links}\n` : ''}`;
}

/** log4brains: dated names, `-` bullets (with Tags), a Links section at the end. */
function log4brains(title: string, date: string, links = ''): string {
  return `# ${title}\n\n- Status: accepted\n- Deciders: Ana García, Luis Pardo\n- Date: ${date}\n- Tags: backend database\n\n## Context and Problem Statement\n\nWe need to settle how we ${title.toLowerCase()}.\n\n## Considered Options\n\n- ${title}\n- Keep what we have\n\n## Decision Outcome\n\nChosen option: "${title}", because the team knows it.\n\n### Positive Consequences\n\n- It is familiar.\n\n### Negative Consequences\n\n- It is one more thing to run.\n${links ? `\n## Links\n\n${links}\n` : ''}`;
}

interface Fixture {
  style: string;
  folder: string;
  files: Record<string, string>;
  /** The record `--supersedes 2` names, and the link the new record writes to it. */
  supersedesLink: (newName: string) => RegExp;
  /** The name and the head `new "Use Redis for caching"` writes. */
  newName: string;
  newHead: string;
  /** The name `decide` writes, and the head of a decision record in that style. */
  decideName: RegExp;
  decideHead: RegExp;
  /** Numbers the new records get. */
  next: number;
}

const FIXTURES: Fixture[] = [
  {
    style: 'nygard',
    folder: 'doc/adr',
    files: {
      '.adr-dir': 'doc/adr\n',
      'doc/adr/001-record-architecture-decisions.md': adrTools(1, 'Record architecture decisions', '2024-01-10', 'Accepted'),
      'doc/adr/002-use-postgresql.md': adrTools(2, 'Use PostgreSQL', '2024-02-15', 'Accepted'),
      'doc/adr/003-publish-events-through-kafka.md': adrTools(3, 'Publish events through Kafka', '2024-03-20', 'Accepted\n\nAmends [2. Use PostgreSQL](002-use-postgresql.md)'),
    },
    newName: '004-use-redis-for-caching.md',
    newHead: `# 4. Use Redis for caching\n\nDate: ${NEW_DAY}\n\n## Status\n\nProposed\n\nSupersedes [2. Use PostgreSQL](002-use-postgresql.md)\n\n## Context\n`,
    supersedesLink: () => /^Supersedes \[2\. Use PostgreSQL\]\(002-use-postgresql\.md\)$/m,
    decideName: /^005-architecture-style-.+\.md$/,
    decideHead: new RegExp(`^# 5\\. Architecture style: .+\\n\\nDate: ${DECIDE_DAY}\\n\\n## Status\\n\\nAccepted\\n\\n## Context\\n`),
    next: 4,
  },
  {
    style: 'madr4',
    folder: 'docs/decisions',
    files: {
      'docs/decisions/0001-use-postgresql.md': madrFront('decision-makers', 'Use PostgreSQL', '2024-01-10'),
      'docs/decisions/0002-publish-events-through-kafka.md': madrFront('decision-makers', 'Publish events through Kafka', '2024-02-15'),
    },
    newName: '0003-use-redis-for-caching.md',
    newHead: `---\nstatus: proposed\ndate: ${NEW_DAY}\ndecision-makers: []\nconsulted: []\ninformed: []\n---\n\n# Use Redis for caching\n\nSupersedes [2. Publish events through Kafka](0002-publish-events-through-kafka.md)\n\n## Context and Problem Statement\n`,
    supersedesLink: () => /^Supersedes \[2\. Publish events through Kafka\]\(0002-publish-events-through-kafka\.md\)$/m,
    decideName: /^0004-architecture-style-.+\.md$/,
    decideHead: new RegExp(`^---\\nstatus: accepted\\ndate: ${DECIDE_DAY}\\ndecision-makers: \\[\\]\\nconsulted: \\[\\]\\ninformed: \\[\\]\\nadr-wizard:\\n  tree: architecture-style\\n[\\s\\S]*?\\n---\\n\\n# Architecture style: .+\\n\\n## Context and Problem Statement\\n`),
    next: 3,
  },
  {
    style: 'madr3',
    folder: 'docs/decisions',
    files: {
      'docs/decisions/0001-use-postgresql.md': madrFront('deciders', 'Use PostgreSQL', '2024-01-10'),
      'docs/decisions/0002-publish-events-through-kafka.md': madrFront('deciders', 'Publish events through Kafka', '2024-02-15'),
    },
    newName: '0003-use-redis-for-caching.md',
    newHead: `---\nstatus: proposed\ndate: ${NEW_DAY}\ndeciders: []\nconsulted: []\ninformed: []\n---\n\n# Use Redis for caching\n\nSupersedes [2. Publish events through Kafka](0002-publish-events-through-kafka.md)\n\n## Context and Problem Statement\n`,
    supersedesLink: () => /^Supersedes \[2\. Publish events through Kafka\]\(0002-publish-events-through-kafka\.md\)$/m,
    decideName: /^0004-architecture-style-.+\.md$/,
    decideHead: new RegExp(`^---\\nstatus: accepted\\ndate: ${DECIDE_DAY}\\ndeciders: \\[\\]\\nconsulted: \\[\\]\\ninformed: \\[\\]\\nadr-wizard:\\n  tree: architecture-style\\n[\\s\\S]*?\\n---\\n\\n# Architecture style: .+\\n\\n## Context and Problem Statement\\n`),
    next: 3,
  },
  {
    style: 'madr2',
    folder: 'docs/adr',
    files: {
      'docs/adr/0001-use-postgresql.md': madr2('Use PostgreSQL', '2024-01-10', '* Refined by [ADR-0002](0002-publish-events-through-kafka.md)'),
      'docs/adr/0002-publish-events-through-kafka.md': madr2('Publish events through Kafka', '2024-02-15', '* Refines [ADR-0001](0001-use-postgresql.md)'),
    },
    newName: '0003-use-redis-for-caching.md',
    newHead: `# Use Redis for caching\n\n* Status: proposed\n* Date: ${NEW_DAY}\n\n## Context and Problem Statement\n`,
    supersedesLink: () => /\n## Links\n\n\* Supersedes \[ADR-0002\]\(0002-publish-events-through-kafka\.md\)\n$/,
    decideName: /^0004-architecture-style-.+\.md$/,
    decideHead: new RegExp(`^# Architecture style: .+\\n\\n\\* Status: accepted\\n\\* Date: ${DECIDE_DAY}\\n\\n## Context and Problem Statement\\n`),
    next: 3,
  },
  {
    style: 'log4brains',
    folder: 'docs/adr',
    files: {
      '.log4brains.yml': 'project:\n  name: Shop\n  tz: Europe/Madrid\n  adrFolder: ./docs/adr\n',
      'docs/adr/20240110-use-postgresql.md': log4brains('Use PostgreSQL', '2024-01-10'),
      'docs/adr/20240215-publish-events-through-kafka.md': log4brains(
        'Publish events through Kafka',
        '2024-02-15',
        '- Relates to [20240110-use-postgresql](20240110-use-postgresql.md)',
      ),
    },
    newName: '20260304-use-redis-for-caching.md',
    newHead: `# Use Redis for caching\n\n- Status: proposed\n- Date: ${NEW_DAY}\n\n## Context and Problem Statement\n`,
    supersedesLink: () => /\n## Links\n\n- Supersedes \[20240215-publish-events-through-kafka\]\(20240215-publish-events-through-kafka\.md\)\n$/,
    decideName: /^20260305-architecture-style-.+\.md$/,
    decideHead: new RegExp(`^# Architecture style: .+\\n\\n- Status: accepted\\n- Date: ${DECIDE_DAY}\\n- Tags: architecture-style\\n\\n## Context and Problem Statement\\n`),
    next: 3,
  },
];

const MONOLITH = ['--set', 'complexity=low', '--set', 'team-size=small', '--set', 'dedicated-runtime=no'];

/** The decision's own lines: drivers and options bullets, the path, the chosen option, the diagram. */
function decisionLines(text: string): string[] {
  const diagram = /```mermaid\n[\s\S]*?```/.exec(text)?.[0] ?? '';
  const lines = text.split('\n').filter((l) => /^\* .+ → \*\*|^\* \*\*|^\d+\. .+ → \*\*|^Chosen option: |^Facts as of /.test(l));
  return [...lines, diagram];
}

describe.each(FIXTURES)('a $style log', (fx) => {
  it('gets its next records in its own format: new, decide, then read back', async () => {
    const cwd = tempDir();
    write(cwd, fx.files);
    const dir = join(cwd, fx.folder);
    const before = readdirSync(dir).sort();

    // new, superseding the latest record of the fixture.
    const made = await cli(['new', '--supersedes', '2', '--json', 'Use Redis for caching'], cwd);
    expect(made.stderr).toBe('');
    expect(made.code).toBe(0);
    const json = JSON.parse(made.stdout) as { number: number; file: string; status: string; supersedes: number[] };
    expect(json).toMatchObject({ number: fx.next, file: join(dir, fx.newName), status: 'proposed', supersedes: [2] });
    const created = readFileSync(join(dir, fx.newName), 'utf8');
    expect(created.startsWith(fx.newHead)).toBe(true);
    expect(created).toMatch(fx.supersedesLink(fx.newName));

    // decide, non-interactive: a decision record in the same format.
    const decided = await cli(['decide', 'architecture-style', ...MONOLITH, '--json'], cwd, DECIDE_DAY);
    expect(decided.stderr).toBe('');
    expect(decided.code).toBe(0);
    const adr = (JSON.parse(decided.stdout) as { decisions: { adr: { number: number; file: string; written: boolean } }[] }).decisions[0]!.adr;
    const after = readdirSync(dir).sort();
    const added = after.filter((f) => !before.includes(f) && f !== fx.newName);
    expect(added).toHaveLength(1);
    expect(added[0]).toMatch(fx.decideName);
    // The JSON names the file that was written, and its number in the log.
    expect(adr).toEqual({ number: fx.next + 1, file: relative(cwd, join(dir, added[0]!)), written: true });
    const decision = readFileSync(join(dir, added[0]!), 'utf8');
    expect(decision).toMatch(fx.decideHead);

    // Read back: every number once, the new records with this format's fields.
    const log = await list(cwd);
    const numbers = log.map((e) => e.number);
    expect(new Set(numbers).size).toBe(numbers.length);
    expect(numbers).toEqual(Array.from({ length: fx.next + 1 }, (_, i) => i + 1));
    const [fresh, record] = log.slice(-2);
    expect(fresh).toMatchObject({
      number: fx.next,
      title: 'Use Redis for caching',
      status: 'proposed',
      date: NEW_DAY,
      file: join(dir, fx.newName),
      links: [{ type: 'Supersedes', number: 2 }],
    });
    expect(record).toMatchObject({ number: fx.next + 1, title: expect.stringMatching(/^Architecture style: /), status: 'accepted', date: DECIDE_DAY });
    expect(log.find((e) => e.number === 2)!.status).toBe('superseded');
  });
});

describe('the decision content', () => {
  let catalog: DriverCatalog;
  let trees: Map<string, Tree>;
  beforeAll(async () => {
    ({ catalog, trees } = await loadDecisionSet({ cwd: process.cwd() }));
  });

  it('is the same in every format: drivers, options, path, outcome, diagram and sources', async () => {
    const tree = trees.get('architecture-style')!;
    const values = { complexity: 'low', 'team-size': 'small', 'dedicated-runtime': 'no' };
    const result = walk(tree, values);
    if (result.status !== 'done') throw new Error('incomplete walk');
    const decision = toDecision(tree, result, { lang: 'en', values, assumed: [], catalog });
    const text: Record<string, string> = {};
    for (const fx of FIXTURES) {
      const cwd = tempDir();
      write(cwd, fx.files);
      // No template given: each log's own format is found.
      const [written] = await recordDecisions({ decisions: [decision], trees, catalog, cwd, lang: 'en' });
      expect(written!.file.startsWith(join(cwd, fx.folder, '/')), fx.style).toBe(true);
      text[fx.style] = written!.content;
    }
    const reference = decisionLines(text.madr4!);
    expect(reference.length).toBeGreaterThan(5);
    expect(reference.at(-1)).toMatch(/^```mermaid\n/);
    for (const fx of FIXTURES) expect(decisionLines(text[fx.style]!), fx.style).toEqual(reference);
    // The adr-wizard block: in the front matter of MADR 3 and 4, in an HTML comment elsewhere.
    for (const style of ['nygard', 'madr2', 'log4brains']) expect(text[style]).toMatch(/\n<!-- adr-wizard\ntree: architecture-style\n[\s\S]*\n-->\n$/);
    for (const style of ['madr3', 'madr4']) expect(text[style]).toMatch(/^---\n[\s\S]*\nadr-wizard:\n  tree: architecture-style\n/);
    // MADR 2 and log4brains split the consequences; MADR 3 and 4 write Good/Bad lines.
    for (const style of ['madr2', 'log4brains']) expect(text[style]).toMatch(/\n### Positive Consequences\n\n\* .+\n[\s\S]*\n### Negative Consequences\n\n\* /);
    for (const style of ['madr3', 'madr4']) expect(text[style]).toMatch(/\n### Consequences\n\n\* Good: .+\n[\s\S]*\* Bad: /);
  });
});

describe.each([
  { style: 'madr2', fx: FIXTURES.find((f) => f.style === 'madr2')!, name: /^0004-architecture-style-.+\.md$/, link: /\n## Links\n\n\* Supersedes \[ADR-0003\]\(0003-architecture-style-[a-z-]+\.md\)\n\n<!-- adr-wizard\n/ },
  { style: 'log4brains', fx: FIXTURES.find((f) => f.style === 'log4brains')!, name: /^20260306-architecture-style-.+\.md$/, link: /\n## Links\n\n- Supersedes \[20260305-architecture-style-([a-z-]+)\]\(20260305-architecture-style-\1\.md\)\n\n<!-- adr-wizard\n/ },
])('revisit in a $style log', ({ style, fx, name, link }) => {
  it('writes the superseding record in the same format', async () => {
    const cwd = tempDir();
    write(cwd, fx.files);
    const dir = join(cwd, fx.folder);
    expect((await cli(['decide', 'architecture-style', ...MONOLITH], cwd, DECIDE_DAY)).code).toBe(0);
    const before = readdirSync(dir);
    const r = await cli(['revisit', '3', '--set', 'team-size=large', '--set', 'domain-boundaries=unclear'], cwd, REVISIT_DAY);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const added = readdirSync(dir).filter((f) => !before.includes(f));
    expect(added).toHaveLength(1);
    expect(added[0]).toMatch(name);
    const text = readFileSync(join(dir, added[0]!), 'utf8');
    const bullet = style === 'madr2' ? '\\*' : '-';
    expect(text).toMatch(new RegExp(`^# Architecture style: .+\\n\\n${bullet} Status: accepted\\n${bullet} Date: ${REVISIT_DAY}\\n`));
    expect(text).toMatch(link);
    expect(text).toMatch(/\noutcome: modular-monolith\n/);
    const log = await list(cwd);
    expect(log.map((e) => [e.number, e.status, e.links.filter((l) => /supersede/i.test(l.type))])).toEqual([
      [1, 'accepted', []],
      [2, 'accepted', []],
      [3, 'superseded', [{ type: 'Superseded by', number: 4 }]],
      [4, 'accepted', [{ type: 'Supersedes', number: 3 }]],
    ]);
  });
});

describe('choosing the format', () => {
  it('follows most of the five latest records, a tie going to the latest', async () => {
    const cwd = tempDir();
    // Nygard is the most common overall, and the latest record is MADR 4; among the five latest,
    // Nygard and MADR 2 tie and MADR 2 is the later of the two.
    write(cwd, {
      'doc/adr/0001-one.md': adrTools(1, 'One', '2024-01-01', 'Accepted'),
      'doc/adr/0002-two.md': adrTools(2, 'Two', '2024-01-02', 'Accepted'),
      'doc/adr/0003-three.md': adrTools(3, 'Three', '2024-01-03', 'Accepted'),
      'doc/adr/0004-four.md': madr2('Four', '2024-01-04'),
      'doc/adr/0005-five.md': madr2('Five', '2024-01-05'),
      'doc/adr/0006-six.md': madrFront('decision-makers', 'Six', '2024-01-06'),
    });
    const r = await cli(['new', 'Seven'], cwd);
    expect(r.code).toBe(0);
    expect(r.stdout.trim()).toBe('doc/adr/0007-seven.md');
    expect(readFileSync(join(cwd, 'doc/adr/0007-seven.md'), 'utf8')).toMatch(/^# Seven\n\n\* Status: proposed\n/);
  });

  it('.adr-wizard.yaml overrides the log; a bad value is an error naming the file, line and key', async () => {
    const cwd = tempDir();
    write(cwd, FIXTURES.find((f) => f.style === 'madr4')!.files);
    writeFileSync(join(cwd, '.adr-wizard.yaml'), 'lang: en\ntemplate: madr2\n');
    const r = await cli(['new', 'Use Redis'], cwd);
    expect(r.code).toBe(0);
    expect(readFileSync(join(cwd, 'docs/decisions/0003-use-redis.md'), 'utf8')).toMatch(/^# Use Redis\n\n\* Status: proposed\n\* Date: /);

    writeFileSync(join(cwd, '.adr-wizard.yaml'), 'lang: en\ntemplate: madr5\n');
    const bad = await cli(['new', 'Use Memcached'], cwd);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain(`${join(cwd, '.adr-wizard.yaml')}:2:11  template  "madr5": expected madr (MADR 4), madr4, madr3, madr2, nygard, log4brains or a path to a .hbs file`);
    expect(bad.stderr).not.toMatch(/\n\s+at /);
    expect(readdirSync(join(cwd, 'docs/decisions'))).not.toContain('0004-use-memcached.md');
  });

  it('--template overrides both; a misspelt one is refused with a suggestion', async () => {
    const cwd = tempDir();
    write(cwd, FIXTURES.find((f) => f.style === 'madr2')!.files);
    writeFileSync(join(cwd, '.adr-wizard.yaml'), 'template: madr2\n');
    expect((await cli(['new', '--template', 'madr3', 'Use Redis'], cwd)).code).toBe(0);
    expect(readFileSync(join(cwd, 'docs/adr/0003-use-redis.md'), 'utf8')).toMatch(/^---\nstatus: proposed\ndate: 2026-03-04\ndeciders: \[\]\n/);
    const bad = await cli(['decide', 'architecture-style', ...MONOLITH, '--template', 'lob4brains'], cwd);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--template lob4brains: unknown template \(did you mean "log4brains"\?\)/);
    expect(readdirSync(join(cwd, 'docs/adr'))).toHaveLength(3);
  });

  it('an empty log gets MADR 4 with four-digit names', async () => {
    const cwd = tempDir();
    const r = await cli(['new', 'First'], cwd);
    expect(r.stdout.trim()).toBe('doc/adr/0001-first.md');
    expect(readFileSync(join(cwd, 'doc/adr/0001-first.md'), 'utf8')).toMatch(/^---\nstatus: proposed\ndate: 2026-03-04\ndecision-makers: \[\]\n/);
  });

  it('numbers as wide as the log writes them, and wider only when the numbers need it', async () => {
    const cwd = tempDir();
    write(cwd, {
      'doc/adr/098-ninety-eight.md': adrTools(98, 'Ninety-eight', '2024-01-01', 'Accepted'),
      'doc/adr/099-ninety-nine.md': adrTools(99, 'Ninety-nine', '2024-01-02', 'Accepted'),
    });
    expect((await cli(['new', 'One hundred'], cwd)).stdout.trim()).toBe('doc/adr/100-one-hundred.md');
    const unpadded = tempDir();
    write(unpadded, { 'adr/9-nine.md': adrTools(9, 'Nine', '2024-01-01', 'Accepted') });
    expect((await cli(['new', 'Ten'], unpadded)).stdout.trim()).toBe('adr/10-ten.md');
    expect((await cli(['new', 'Eleven'], unpadded)).stdout.trim()).toBe('adr/11-eleven.md');
  });
});

describe('dated (log4brains) names', () => {
  const fx = FIXTURES.find((f) => f.style === 'log4brains')!;

  it('a second record of the same day and slug gets -2, then -3', async () => {
    const cwd = tempDir();
    write(cwd, fx.files);
    for (const expected of ['20260304-use-redis.md', '20260304-use-redis-2.md', '20260304-use-redis-3.md']) {
      const r = await cli(['new', 'Use Redis'], cwd);
      expect(r.code).toBe(0);
      expect(r.stdout.trim()).toBe(`docs/adr/${expected}`);
    }
    expect((await list(cwd)).map((e) => [e.number, e.file.slice(e.file.lastIndexOf('/') + 1)])).toEqual([
      [1, '20240110-use-postgresql.md'],
      [2, '20240215-publish-events-through-kafka.md'],
      [3, '20260304-use-redis-2.md'],
      [4, '20260304-use-redis-3.md'],
      [5, '20260304-use-redis.md'],
    ]);
  });

  it("report the number the log gives a new file, which a repository's own template sees too", async () => {
    const cwd = tempDir();
    write(cwd, fx.files);
    writeFileSync(join(cwd, '.adr-wizard.yaml'), 'template: ours.hbs\n');
    writeFileSync(join(cwd, 'ours.hbs'), '# {{title}}\n\n- Status: {{status}}\n- Date: {{date}}\n\nNumber {{number}} in a {{style}} log.\n');
    expect((await cli(['new', 'Use Redis'], cwd)).code).toBe(0);
    // Listed by date, then name: written the same day, "Add a cache" comes before "Use Redis".
    const r = await cli(['new', '--json', 'Add a cache'], cwd);
    expect(JSON.parse(r.stdout)).toMatchObject({ number: 3, file: join(cwd, 'docs/adr/20260304-add-a-cache.md') });
    expect(readFileSync(join(cwd, 'docs/adr/20260304-add-a-cache.md'), 'utf8')).toBe(
      '# Add a cache\n\n- Status: proposed\n- Date: 2026-03-04\n\nNumber 3 in a log4brains log.\n',
    );
    expect((await list(cwd)).map((e) => [e.number, e.title])).toEqual([
      [1, 'Use PostgreSQL'],
      [2, 'Publish events through Kafka'],
      [3, 'Add a cache'],
      [4, 'Use Redis'],
    ]);
  });

  it('stay dated in a log4brains log when another format is asked for: a numbered file would renumber every dated one', async () => {
    const cwd = tempDir();
    write(cwd, fx.files);
    const r = await cli(['new', '--template', 'madr4', 'Use Redis'], cwd);
    expect(r.stdout.trim()).toBe('docs/adr/20260304-use-redis.md');
    expect(readFileSync(join(cwd, 'docs/adr/20260304-use-redis.md'), 'utf8')).toMatch(/^---\nstatus: proposed\n/);
    expect((await list(cwd)).map((e) => e.number)).toEqual([1, 2, 3]);
  });

  it('decide --dry-run names the dated file it would write, and writes nothing', async () => {
    const cwd = tempDir();
    write(cwd, fx.files);
    const r = await cli(['decide', 'architecture-style', ...MONOLITH, '--dry-run'], cwd);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/would be written: docs\/adr\/20260304-architecture-style-[a-z-]+\.md/);
    expect(readdirSync(join(cwd, 'docs/adr'))).toHaveLength(2);
  });
});

describe('init', () => {
  it.each([
    ['madr2', '0001-record-architecture-decisions.md', /^# Record architecture decisions\n\n\* Status: accepted\n\* Date: 2026-03-04\n\n## Context and Problem Statement\n/],
    ['madr3', '0001-record-architecture-decisions.md', /^---\nstatus: accepted\ndate: 2026-03-04\ndeciders: \[\]\n/],
    ['log4brains', '20260304-record-architecture-decisions.md', /^# Record architecture decisions\n\n- Status: accepted\n- Date: 2026-03-04\n\n## Context and Problem Statement\n/],
  ])('--template %s writes ADR 1 in that format', async (template, name, head) => {
    const cwd = tempDir();
    const r = await cli(['init', '--template', template], cwd);
    expect(r.code).toBe(0);
    expect(r.stdout.trim()).toBe(`doc/adr/${name}`);
    expect(readFileSync(join(cwd, 'doc/adr', name), 'utf8')).toMatch(head);
    // The next record, on a later day, follows it.
    expect((await cli(['new', 'Next'], cwd, DECIDE_DAY)).code).toBe(0);
    const log = await list(cwd);
    expect(log.map((e) => e.number)).toEqual([1, 2]);
    expect(readFileSync(log[1]!.file, 'utf8')).toMatch(template === 'madr3' ? /^---\nstatus: proposed\n/ : /^# Next\n\n[-*] Status: proposed\n/);
  });
});

describe('the guided session', () => {
  let catalog: DriverCatalog;
  let trees: Map<string, Tree>;
  beforeAll(async () => {
    ({ catalog, trees } = await loadDecisionSet({ cwd: process.cwd() }));
  });

  it('writes its records in the format of the log it finds', async () => {
    vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
    const cwd = tempDir();
    write(cwd, FIXTURES.find((f) => f.style === 'log4brains')!.files);
    const saved = process.env.ADR_DATE;
    process.env.ADR_DATE = DECIDE_DAY;
    try {
      const prompter = new ScriptedPrompter({
        trees: ['architecture-style'],
        chain: false,
        'driver:team-size': 'small',
        'driver:complexity': 'low',
        'driver:dedicated-runtime': 'no',
        'confirm-write': 'write',
        starter: '',
      });
      const { written } = await guidedSession({ prompter, catalog, trees, lang: 'es', cwd });
      expect(written).toHaveLength(1);
      expect(written[0]).toMatch(/\/docs\/adr\/20260305-estilo-de-arquitectura-[a-z-]+\.md$/);
      expect(readFileSync(written[0]!, 'utf8')).toMatch(/^# Estilo de arquitectura: .+\n\n- Status: accepted\n- Date: 2026-03-05\n- Tags: architecture-style\n\n## Contexto y planteamiento del problema\n/);
    } finally {
      if (saved === undefined) delete process.env.ADR_DATE;
      else process.env.ADR_DATE = saved;
      vi.restoreAllMocks();
    }
  });
});
