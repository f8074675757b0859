import { describe, expect, it } from 'vitest';
import { addLink, markSuperseded, setStatus } from './edit.js';
import { parseAdr } from './parse.js';
import type { AdrRecord } from './types.js';

function rec(name: string, content: string): Promise<AdrRecord> {
  return parseAdr(`/log/${name}`, content);
}

const NYGARD = `# 2. Use PostgreSQL

Date: 2026-01-02

## Status

Accepted

## Context

Text.
`;

const MADR4 = `---
status: accepted
date: 2024-09-17
decision-makers: [Oliver Kopp]
---

# Use AssertJ

## Context and Problem Statement

Text.
`;

const MADR2 = `# Use MADR

* Status: accepted
* Date: 2017-12-13

## Context and Problem Statement

Text.
`;

const by = { number: 7, title: 'Use MySQL', file: '/log/0007-use-mysql.md' };

describe('superseding keeps each file in its own style', () => {
  it('adr-tools: the status words give way to the link line', async () => {
    const out = markSuperseded(await rec('0002-use-postgresql.md', NYGARD), by);
    expect(out).toBe(`# 2. Use PostgreSQL

Date: 2026-01-02

## Status

Superseded by [7. Use MySQL](0007-use-mysql.md)

## Context

Text.
`);
    const back = await rec('0002-use-postgresql.md', out);
    expect(back.status).toBe('superseded');
    expect(back.links).toEqual([{ type: 'Superseded by', number: 7 }]);
  });

  it('MADR 4: status in the front matter plus a link line in the body', async () => {
    const out = markSuperseded(await rec('0003-use-assertj.md', MADR4), by);
    expect(out).toBe(`---
status: superseded by ADR-0007
date: 2024-09-17
decision-makers: [Oliver Kopp]
---

# Use AssertJ

Superseded by [7. Use MySQL](0007-use-mysql.md)

## Context and Problem Statement

Text.
`);
    const back = await rec('0003-use-assertj.md', out);
    expect([back.status, back.statusText, back.links]).toEqual([
      'superseded',
      'superseded by ADR-0007',
      [{ type: 'Superseded by', number: 7 }],
    ]);
  });

  it('MADR 2 and log4brains: the status bullet carries the link', async () => {
    const out = markSuperseded(await rec('0001-use-madr.md', MADR2), by);
    expect(out).toContain('* Status: superseded by [ADR-0007](0007-use-mysql.md)\n* Date: 2017-12-13');
    const back = await rec('0001-use-madr.md', out);
    expect([back.status, back.links]).toEqual(['superseded', [{ type: 'Superseded by', number: 7 }]]);
  });
});

describe('links', () => {
  it('adds a link line at the end of the adr-tools Status section, once', async () => {
    const r = await rec('0002-use-postgresql.md', NYGARD);
    const once = addLink(r, 'Amends', { number: 1, title: 'Record architecture decisions', file: '0001-record-architecture-decisions.md' });
    expect(once).toContain('## Status\n\nAccepted\n\nAmends [1. Record architecture decisions](0001-record-architecture-decisions.md)\n\n## Context');
    const twice = addLink(await rec('0002-use-postgresql.md', once), 'Amends', { number: 1, title: 'Record architecture decisions', file: '0001-record-architecture-decisions.md' });
    expect(twice).toBe(once);
  });

  it('adds link lines under a MADR title, after earlier ones', async () => {
    const r = await rec('0003-use-assertj.md', MADR4);
    const one = addLink(r, 'Amends', { number: 1, title: 'A', file: '0001-a.md' });
    const two = addLink(await rec('0003-use-assertj.md', one), 'Relates to', { number: 2, title: 'B', file: '0002-b.md' });
    expect(two).toContain('# Use AssertJ\n\nAmends [1. A](0001-a.md)\nRelates to [2. B](0002-b.md)\n\n## Context');
  });
});

describe('status changes', () => {
  it('rewrites only the status, keeping link lines (adr-tools)', async () => {
    const withLink = NYGARD.replace('Accepted\n', 'Proposed\n\nAmends [1. X](0001-x.md)\n');
    const out = setStatus(await rec('0002-use-postgresql.md', withLink), 'Deprecated');
    expect(out).toContain('## Status\n\nDeprecated\n\nAmends [1. X](0001-x.md)\n\n## Context');
  });

  it('rewrites the front matter key (MADR) and quotes what YAML would misread', async () => {
    const out = setStatus(await rec('0003-use-assertj.md', MADR4), 'rejected: #1');
    expect(out.split('\n')[1]).toBe('status: "rejected: #1"');
    expect((await rec('0003-use-assertj.md', out)).status).toBe('rejected');
  });
});

describe('editing where the file writes it', () => {
  // MADR 2 under a site generator's front matter (navigation only, no status).
  const NAV_MADR2 = `---
parent: Decisions
nav_order: 3
---
# Use Gradle

* Status: proposed <!-- optional -->
* Deciders: Ana, Luis
* Date: 2021-03-04

## Context and Problem Statement

We build with Maven. This differs from [1. Use Maven](0001-use-maven.md), which we keep for now.

## Links

* Refines [ADR-0001](0001-use-maven.md)
`;

  it('changes the MADR 2 status bullet and never adds a second status to the front matter', async () => {
    const r = await rec('0003-use-gradle.md', NAV_MADR2);
    expect([r.style, r.status, r.statusAt]).toEqual(['madr2', 'proposed', 'bullet']);
    const out = setStatus(r, 'accepted');
    expect(out).toContain('* Status: accepted\n* Deciders: Ana, Luis');
    expect(out.split('---')[1]).not.toMatch(/status/);
    const back = await rec('0003-use-gradle.md', out);
    expect([back.status, back.statusAt]).toEqual(['accepted', 'bullet']);
  });

  it('reads links from the Links section only, never from prose', async () => {
    const r = await rec('0003-use-gradle.md', NAV_MADR2);
    expect(r.links).toEqual([{ type: 'Refines', number: 1 }]);
  });

  it('adds MADR 2 and log4brains links as bullets of the Links section, made when missing', async () => {
    const withSection = addLink(await rec('0003-use-gradle.md', NAV_MADR2), 'Amends', { number: 2, title: 'B', file: '0002-b.md' });
    expect(withSection).toMatch(/## Links\n\n\* Refines \[ADR-0001\]\(0001-use-maven\.md\)\n\* Amends \[ADR-0002\]\(0002-b\.md\)\n$/);
    const L4B = '# Use Next.js\n\n- Status: accepted\n- Date: 2024-07-02\n\n## Context and Problem Statement\n\nText.\n';
    const added = addLink(await rec('20240702-use-nextjs.md', L4B), 'Relates to', { number: 1, title: 'Use log4brains', file: '20240101-use-log4brains.md' });
    expect(added).toBe(`${L4B}\n## Links\n\n- Relates to [20240101-use-log4brains](20240101-use-log4brains.md)\n`);
    const back = await parseAdr('/log/20240702-use-nextjs.md', added, new Map([['20240101-use-log4brains.md', 1], ['20240702-use-nextjs.md', 2]]));
    expect(back.links).toEqual([{ type: 'Relates to', number: 1, target: '20240101-use-log4brains.md' }]);
  });

  it('adds a missing status as a bullet in log4brains and MADR 2, in the front matter in MADR 4', async () => {
    const L4B = '# Use Next.js\n\n- Deciders: Ana\n- Date: 2024-07-02\n\n## Context and Problem Statement\n\nText.\n';
    const l4b = await rec('20240702-use-nextjs.md', L4B);
    expect([l4b.status, l4b.statusAt]).toEqual(['accepted', undefined]);
    expect(setStatus(l4b, 'deprecated')).toContain('# Use Next.js\n\n- Status: deprecated\n- Deciders: Ana\n');
    const noStatus = MADR4.replace('status: accepted\n', '');
    const madr = await rec('0003-use-assertj.md', noStatus);
    expect([madr.status, madr.style]).toEqual(['none', 'madr4']);
    expect(setStatus(madr, 'accepted').split('\n').slice(0, 3)).toEqual(['---', 'status: accepted', 'date: 2024-09-17']);
  });

  it('reads statuses behind emoji and supersedes them in place', async () => {
    const EMOJI = NYGARD.replace('Accepted\n', '✅ Accepted\n');
    const r = await rec('0002-use-postgresql.md', EMOJI);
    expect([r.status, r.statusText]).toEqual(['accepted', '✅ Accepted']);
    const gone = await rec('0002-use-postgresql.md', EMOJI.replace('✅ Accepted', '⌛️ Superseded by [7. Use MySQL](0007-use-mysql.md)'));
    expect([gone.status, gone.links]).toEqual(['superseded', [{ type: 'Superseded by', number: 7 }]]);
  });
});
