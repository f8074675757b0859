import { mkdtempSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { afterEach, describe, expect, it } from 'vitest';
import { parseSimpleYaml, splitFrontMatter, UnsupportedYaml } from './front-matter.js';
import { readLog, listAdrFiles, nextNumberOf } from './log.js';
import { classifyFileName } from './file-names.js';
import { parseAdr } from './parse.js';
import { normaliseStatus } from './status.js';
import type { AdrRecord } from './types.js';
import { adrToolsInit } from '../../test/support/adr-logs.js';

/** Links as type and number: what these tests compare (the target file name is checked apart). */
const typed = (r: AdrRecord) => r.links.map(({ type, number }) => ({ type, number }));

// The exact text each tool writes. adr-tools: `adr init`, `adr new Use PostgreSQL`,
// `adr new -s 2 Use MySQL`, `adr new -l "1:Amends:Amended by" Keep a changelog`.
const ADR_TOOLS: Record<string, string> = {
  '0001-record-architecture-decisions.md': adrToolsInit('2026-01-01', 'Accepted\n\nAmended by [4. Keep a changelog](0004-keep-a-changelog.md)'),
  '0002-use-postgresql.md': `# 2. Use PostgreSQL

Date: 2026-01-02

## Status

Superceded by [3. Use MySQL](0003-use-mysql.md)

## Context

The issue motivating this decision, and any context that influences or constrains the decision.

## Decision

The change that we're proposing or have agreed to implement.

## Consequences

What becomes easier or more difficult to do and any risks introduced by the change that will need to be mitigated.
`,
  '0003-use-mysql.md': `# 3. Use MySQL

Date: 2026-01-03

## Status

Accepted

Supersedes [2. Use PostgreSQL](0002-use-postgresql.md)

## Context

The issue motivating this decision, and any context that influences or constrains the decision.

## Decision

The change that we're proposing or have agreed to implement.

## Consequences

What becomes easier or more difficult to do and any risks introduced by the change that will need to be mitigated.
`,
  '0004-keep-a-changelog.md': `# 4. Keep a changelog

Date: 2026-01-04

## Status

Accepted

Amends [1. Record architecture decisions](0001-record-architecture-decisions.md)

## Context

The issue motivating this decision, and any context that influences or constrains the decision.

## Decision

The change that we're proposing or have agreed to implement.

## Consequences

What becomes easier or more difficult to do and any risks introduced by the change that will need to be mitigated.
`,
};

// MADR 2.1.2 (bullet metadata), MADR 3.0 (front matter with `deciders`), MADR 4.0 (`decision-makers`).
const MADR: Record<string, string> = {
  '0001-use-markdown-architectural-decision-records.md': `# Use Markdown Architectural Decision Records

* Status: accepted
* Deciders: Oliver Kopp, Olaf Zimmermann
* Date: 2017-12-13

Technical Story: Record the decisions taken.

## Context and Problem Statement

We want to record architectural decisions made in this project.
Which format and structure should these records follow?

## Considered Options

* [MADR](https://adr.github.io/madr/) 2.1.2 – The Markdown Architectural Decision Records
* [Michael Nygard's template](http://thinkrelevance.com/blog/2011/11/15/documenting-architecture-decisions) – The first incarnation of the term "ADR"

## Decision Outcome

Chosen option: "MADR 2.1.2", because it is lean.
`,
  '0002-use-plain-junit5-for-testing.md': `---
# These are optional elements. Feel free to remove any of them.
status: superseded by [ADR-0003](0003-use-assertj.md)
date: 2022-11-03
deciders: Oliver Kopp, Olaf Zimmermann
consulted: Stefan
informed: everyone
---
# Use plain JUnit5 for advanced test assertions

## Context and Problem Statement

How to write readable test assertions?
`,
  '0003-use-assertj.md': `---
status: accepted
date: 2024-09-17
decision-makers: [Oliver Kopp]
consulted: []
informed: []
---

# Use AssertJ

## Context and Problem Statement

How to write readable test assertions for advanced tests?
`,
  '0004-use-hamcrest.md': `---
status: "proposed"
date: 2024-10-01
decision-makers:
  - Oliver Kopp
  - Ana Pérez
---

# Use Hamcrest

## Context and Problem Statement

Alternative matchers.
`,
  '0005-replace-junit.md': `---
status: superseded by ADR-0012
date: 2024-10-02
decision-makers: Oliver Kopp
---

# Replace JUnit

## Context and Problem Statement

Text.
`,
};

// log4brains: dated names, bullet metadata, a Links section.
const LOG4BRAINS: Record<string, string> = {
  '20240630-use-log4brains-to-manage-the-adrs.md': `# Use Log4brains to manage the ADRs

- Status: accepted
- Date: 2024-06-30
- Tags: dev-tools, doc

## Context and Problem Statement

We want to record architectural decisions made in this project.
`,
  '20240702-use-nextjs.md': `# Use Next.js for the frontend

- Status: proposed
- Deciders: Thomas Vaillant
- Date: 2024-07-02

## Context and Problem Statement

Pick a framework.

## Links

- Relates to [Use Log4brains to manage the ADRs](20240630-use-log4brains-to-manage-the-adrs.md)
`,
  '20240701-use-markdown.md': `# Use Markdown

- Status: superseded by [20240702-use-nextjs](20240702-use-nextjs.md)
- Date: 2024-07-01

## Context and Problem Statement

Text.
`,
};

let dirs: string[] = [];
afterEach(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
  dirs = [];
});

function folder(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'adr-parse-'));
  dirs.push(dir);
  mkdirSync(dir, { recursive: true });
  for (const [name, content] of Object.entries(files)) writeFileSync(join(dir, name), content);
  return dir;
}

describe('reading an adr-tools log', () => {
  it('reads titles, dates, statuses and link lines, including "Superceded by"', async () => {
    const log = await readLog(folder(ADR_TOOLS));
    expect(log.map((r) => [r.number, r.title, r.status, r.statusText, r.date, r.style])).toEqual([
      [1, 'Record architecture decisions', 'accepted', 'Accepted', '2026-01-01', 'nygard'],
      [2, 'Use PostgreSQL', 'superseded', 'Superceded by [3. Use MySQL](0003-use-mysql.md)', '2026-01-02', 'nygard'],
      [3, 'Use MySQL', 'accepted', 'Accepted', '2026-01-03', 'nygard'],
      [4, 'Keep a changelog', 'accepted', 'Accepted', '2026-01-04', 'nygard'],
    ]);
    expect(log.map(typed)).toEqual([
      [{ type: 'Amended by', number: 4 }],
      [{ type: 'Superceded by', number: 3 }],
      [{ type: 'Supersedes', number: 2 }],
      [{ type: 'Amends', number: 1 }],
    ]);
    expect(log.every((r) => r.problems === undefined)).toBe(true);
  });
});

describe('reading MADR 2, 3 and 4', () => {
  it('reads bullet metadata and front matter, deciders and decision-makers', async () => {
    const log = await readLog(folder(MADR));
    expect(log.map((r) => [r.number, r.title, r.status, r.date, r.deciders, r.style])).toEqual([
      [1, 'Use Markdown Architectural Decision Records', 'accepted', '2017-12-13', ['Oliver Kopp', 'Olaf Zimmermann'], 'madr2'],
      [2, 'Use plain JUnit5 for advanced test assertions', 'superseded', '2022-11-03', ['Oliver Kopp', 'Olaf Zimmermann'], 'madr3'],
      [3, 'Use AssertJ', 'accepted', '2024-09-17', ['Oliver Kopp'], 'madr4'],
      [4, 'Use Hamcrest', 'proposed', '2024-10-01', ['Oliver Kopp', 'Ana Pérez'], 'madr4'],
      [5, 'Replace JUnit', 'superseded', '2024-10-02', ['Oliver Kopp'], 'madr4'],
    ]);
    expect(log[1]!.statusText).toBe('superseded by [ADR-0003](0003-use-assertj.md)');
    expect(typed(log[1]!)).toEqual([{ type: 'Superseded by', number: 3 }]);
    // MADR 4's `superseded by ADR-0012` names ADR 12 exactly (not 1 or 2).
    expect(typed(log[4]!)).toEqual([{ type: 'Superseded by', number: 12 }]);
    // Prose links to web pages are not ADR links.
    expect(typed(log[0]!)).toEqual([]);
  });
});

describe('reading log4brains', () => {
  it('numbers dated files by date, keeps proposed as proposed, resolves links by file', async () => {
    const log = await readLog(folder(LOG4BRAINS));
    expect(log.map((r) => [r.number, r.title, r.status, r.date, r.style])).toEqual([
      [1, 'Use Log4brains to manage the ADRs', 'accepted', '2024-06-30', 'log4brains'],
      [2, 'Use Markdown', 'superseded', '2024-07-01', 'log4brains'],
      [3, 'Use Next.js for the frontend', 'proposed', '2024-07-02', 'log4brains'],
    ]);
    expect(log[2]!.statusText).toBe('proposed');
    expect(log[2]!.deciders).toEqual(['Thomas Vaillant']);
    expect(typed(log[1]!)).toEqual([{ type: 'Superseded by', number: 3 }]);
    expect(typed(log[2]!)).toEqual([{ type: 'Relates to', number: 1 }]);
  });

  it('orders dated files as log4brains does: the Date bullet (end of that day) over the name, then the slug', async () => {
    const dir = folder({
      // Written in January, dated March by its Date bullet: log4brains lists it after February's.
      '20240105-zeta.md': '# Zeta\n\n- Status: accepted\n- Date: 2024-03-01\n',
      '20240201-alpha.md': '# Alpha\n\n- Status: accepted\n',
      // The same day as Zeta's Date, without a bullet: the start of that day, so before Zeta.
      '20240301-omega.md': '# Omega\n\n- Status: accepted\n',
      // Same day and both dated by bullets: by slug.
      '20240401-b.md': '# B\n\n- Date: 01/04/2024\n',
      '20240401-a.md': '# A\n\n- Date: 2024-04-01\n',
    });
    expect((await listAdrFiles(dir)).map((f) => [f.number, f.name])).toEqual([
      [1, '20240201-alpha.md'],
      [2, '20240301-omega.md'],
      [3, '20240105-zeta.md'],
      [4, '20240401-a.md'],
      [5, '20240401-b.md'],
    ]);
  });

  it('never reads a dated name as a number, and continues numbering after every style', async () => {
    expect(classifyFileName('20240630-use-x.md')).toEqual({ kind: 'dated', date: '2024-06-30' });
    expect(classifyFileName('0012-use-x.md')).toEqual({ kind: 'numbered', number: 12 });
    expect(classifyFileName('README.md')).toEqual({ kind: 'other' });
    const dir = folder({ ...LOG4BRAINS, '0001-a.md': ADR_TOOLS['0003-use-mysql.md']!, 'README.md': '# ADRs\n' });
    expect(nextNumberOf(await listAdrFiles(dir))).toBe(5);
    // Dated files are numbered after the numbered ones: never a second ADR 1.
    expect((await listAdrFiles(dir)).map((f) => f.number)).toEqual([1, 2, 3, 4]);
  });
});

describe('exact numbers', () => {
  it('ADR 2 is never 12 or 20', async () => {
    const files: Record<string, string> = {};
    for (const n of [2, 12, 20, 21]) {
      files[`${String(n).padStart(4, '0')}-adr-${n}.md`] = `# ${n}. ADR ${n}\n\nDate: 2026-01-01\n\n## Status\n\nAccepted\n`;
    }
    files['0021-adr-21.md'] += '\nSupersedes [2. ADR 2](0002-adr-2.md)\n';
    const log = await readLog(folder(files));
    expect(log.filter((r) => r.number === 2).map((r) => r.title)).toEqual(['ADR 2']);
    expect(typed(log.find((r) => r.number === 21)!)).toEqual([{ type: 'Supersedes', number: 2 }]);
  });
});

describe('status words', () => {
  it.each([
    ['Accepted', 'accepted'],
    ['proposed', 'proposed'],
    ['**Rejected**', 'rejected'],
    ['Deprecated', 'deprecated'],
    ['superseded by ADR-0012', 'superseded'],
    ['Superceded by [3. Foo](0003-foo.md)', 'superseded'],
    ['Propuesta', 'proposed'],
    ['Aceptada', 'accepted'],
    ['Reemplazada por [3. X](0003-x.md)', 'superseded'],
    ['{proposed | rejected | accepted}', 'unknown'],
    ['wip', 'unknown'],
  ])('%s -> %s', (text, status) => {
    expect(normaliseStatus(text)).toBe(status);
  });
});

describe('front matter', () => {
  const samples = [
    'status: accepted\ndate: 2026-01-01\n',
    'status: "superseded by ADR-0003"\ndecision-makers: ["Ana", Bob]\n',
    "title: 'it''s: fine'\nlist:\n  - a\n  - \"b: c\"\n",
    'adr-wizard:\n  tree: x\n  drivers:\n    scale: large\n    "yes": "no"\n  assumed: []\n',
    'a: plain # comment\nb: ""\n',
  ];
  it.each(samples)('the fast reader agrees with the yaml package: %j', (src) => {
    expect(parseSimpleYaml(src)).toEqual(parseYaml(src));
  });

  it.each(['a: |\n  block\n', 'a: &x 1\n', 'a: {b: 1}\n', 'a: b: c\n'])('hands %j to the real parser', (src) => {
    expect(() => parseSimpleYaml(src)).toThrow(UnsupportedYaml);
  });

  it('reports front matter that does not parse at the line of the file, and keeps reading the file', async () => {
    const rec = await parseAdr('/x/0001-a.md', '---\nstatus: [accepted\ndate: 2026-01-01\n---\n# A\n');
    expect(rec.title).toBe('A');
    // The unclosed list runs into line 3 of the file (line 2 of the front matter).
    expect(rec.problems?.[0]?.message).toMatch(/^front matter does not parse: line 3, col 1: YAML syntax: /);
  });

  it('reads a log whose files need the full YAML reader only here and there', async () => {
    const log = await readLog(
      folder({
        '0001-a.md': '---\nstatus: accepted\n---\n# A\n',
        '0002-b.md': '---\nstatus: >-\n  superseded by\n  ADR-0003\ndeciders: {lead: Ana}\n---\n# B\n',
        '0003-c.md': '# 3. C\n\n## Status\n\nAccepted\n\nSupersedes [2. B](0002-b.md)\n',
      }),
    );
    expect(log.map((r) => [r.number, r.title, r.status, r.statusText, typed(r), r.problems])).toEqual([
      [1, 'A', 'accepted', 'accepted', [], undefined],
      [2, 'B', 'superseded', 'superseded by ADR-0003', [{ type: 'Superseded by', number: 3 }], undefined],
      [3, 'C', 'accepted', 'Accepted', [{ type: 'Supersedes', number: 2 }], undefined],
    ]);
  });

  it('reads a null front matter as an empty one, not as a broken one', async () => {
    expect(parseSimpleYaml('~\n')).toEqual({});
    const empty = await parseAdr('/x/0001-a.md', '---\n---\n# A\n');
    const nulled = await parseAdr('/x/0001-a.md', '---\n~\n---\n# A\n');
    // Only the body and the title's line (one line lower) differ.
    expect({ ...nulled, body: empty.body, problems: nulled.problems?.map((p) => ({ ...p, line: p.line! - 1 })) }).toEqual(empty);
  });

  it('splits front matter only at a closing fence', () => {
    expect(splitFrontMatter('---\na: 1\n---\n# T\n')).toEqual({ frontMatter: 'a: 1\n', body: '# T\n' });
    expect(splitFrontMatter('# T\n---\n')).toEqual({ body: '# T\n---\n' });
  });
});
