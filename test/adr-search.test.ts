// `search`, and the tag and tree filters of `list`, through the built binary over a log written by
// every tool adr-wizard reads: adr-tools, MADR 2, MADR 4, log4brains and adr-wizard itself.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fold, parseQuery, searchRecord } from '../src/adr/search.js';
import { adrToolsInit } from './support/adr-logs.js';
import { runCli, tempDir } from './support/cli.js';

const ENV = { ADR_DATE: '2026-02-03' };

// adr-tools' `adr init`, as it writes ADR 1.
const ADR_TOOLS_INIT = adrToolsInit('2026-01-05');

// adr-tools' `adr new` template, filled in; the phrase "event sourcing" runs across lines 16-17.
const ADR_TOOLS_NEW = `# 2. Use event sourcing for orders

Date: 2026-01-08

## Status

Accepted

## Context

Orders change state many times and support needs the full history of each one.
Auditors ask who changed what, and when: the decision cannot wait.

## Decision

We will store orders with event
sourcing: every change is an event appended to the order's stream.

## Consequences

Reads need projections; the team learns Kafka.
`;

// MADR 2.1's template (bullets under the title), without the optional date.
const MADR2 = `# Use PostgreSQL for the order history

* Status: proposed
* Deciders: Ana García, Luis Pérez

Technical Story: ORD-42

## Context and Problem Statement

The order history grows by a million rows a month. Which database keeps it?

## Considered Options

* PostgreSQL
* MongoDB

## Decision Outcome

Chosen option: "PostgreSQL", because the team already runs it; sourcing another event store would take a quarter.

### Positive Consequences <!-- optional -->

* One database to back up.

### Negative Consequences <!-- optional -->

* Partitioning by month is set up by hand.
`;

// MADR 4's template (front matter), with the tags teams add to it.
const MADR4 = `---
status: accepted
date: 2026-02-01
decision-makers: Ana García
consulted: Security team
informed: everyone
tags: [Security, api]
---

# Authenticate API clients with OAuth 2.0

## Context and Problem Statement

Partners call the orders API from their own servers. How do they authenticate?

<!-- This is an optional element. Feel free to remove. -->
## Decision Drivers

* A standard the partners know
* Access that can be revoked

## Considered Options

* OAuth 2.0 client credentials
* API keys

## Decision Outcome

Chosen option: "OAuth 2.0 client credentials", because partners already use it.

### Consequences

* Good, because access is revoked per client.
* Bad, because the token service is one more thing to run.
`;

// log4brains' template, dated file name, Tags bullet.
const LOG4BRAINS = `# Adopt Kafka for order events

- Status: accepted
- Deciders: Ana García, Luis Pérez
- Date: 2026-01-15
- Tags: messaging, events

Technical Story: ORD-57

## Context and Problem Statement

Order events must reach billing and shipping within seconds.

## Decision Drivers <!-- optional -->

* Delivery within seconds
* Replay of past events

## Considered Options

* Kafka
* RabbitMQ

## Decision Outcome

Chosen option: "Kafka", because it keeps events for replay.
`;

let cwd: string;
const search = (args: string[], env: Record<string, string | undefined> = {}) => runCli(['search', ...args], { cwd, env: { ...ENV, ...env } });

interface SearchEntry {
  number: number;
  title: string;
  status: string;
  file: string;
  date: string | null;
  tags: string[];
  tree: string | null;
  outcome: string | null;
  matches: { line: number; text: string }[];
}

/** A search that finds nothing: `[]`, the line that says so, exit code 0. */
async function expectNone(args: string[]): Promise<void> {
  const r = await search([...args, '--json']);
  expect([r.code, r.stdout, r.stderr.startsWith('no ADR in doc/adr matches')], args.join(' ')).toEqual([0, '[]\n', true]);
}

async function found(args: string[]): Promise<SearchEntry[]> {
  const r = await search([...args, '--json']);
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  return JSON.parse(r.stdout) as SearchEntry[];
}

const numbers = async (args: string[]) => (await found(args)).map((e) => e.number);

beforeAll(async () => {
  cwd = mkdtempSync(join(tmpdir(), 'adr-wizard-search-'));
  const dir = join(cwd, 'doc/adr');
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(cwd, '.adr-dir'), 'doc/adr\n');
  writeFileSync(join(dir, '0001-record-architecture-decisions.md'), ADR_TOOLS_INIT);
  writeFileSync(join(dir, '0002-use-event-sourcing-for-orders.md'), ADR_TOOLS_NEW);
  writeFileSync(join(dir, '0003-use-postgresql-for-the-order-history.md'), MADR2);
  writeFileSync(join(dir, '0004-authenticate-api-clients-with-oauth-20.md'), MADR4);
  writeFileSync(join(dir, '20260115-adopt-kafka-for-order-events.md'), LOG4BRAINS);
  // adr-wizard's own record, in Spanish and adr-tools' layout: its block is an HTML comment.
  const r = await runCli(['decide', 'container-orchestrator', '--set', 'ecosystem-integrations=yes', '--template', 'nygard', '--lang', 'es'], { cwd, env: ENV });
  expect(r.code, r.stderr).toBe(0);
});

afterAll(() => rmSync(cwd, { recursive: true, force: true }));

const EVENT_SOURCING = 'doc/adr/0002-use-event-sourcing-for-orders.md';

describe('search: words', () => {
  it('finds the ADRs that hold every word, anywhere in them; a quoted phrase as one', async () => {
    expect(await numbers(['event', 'sourcing'])).toEqual([2, 3]);
    // MADR 2's file has "event" and "sourcing", but not together.
    expect(await numbers(['event sourcing'])).toEqual([2]);
    expect(await numbers(['order', 'event sourcing'])).toEqual([2]);
    // Each word is in some ADR, but no ADR holds both.
    const none = await search(['postgresql', 'kafka']);
    expect(none.code).toBe(0);
    expect(none.stdout).toBe('');
    expect(none.stderr).toBe('no ADR in doc/adr matches "postgresql" "kafka"\n');
  });

  it('prints each ADR, then its lines as file:line (a phrase across a line break on both), then a count', async () => {
    const r = await search(['Event Sourcing']);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe(
      [
        `0002  accepted  Use event sourcing for orders  ${EVENT_SOURCING}`,
        `  ${EVENT_SOURCING}:1: # 2. Use event sourcing for orders`,
        `  ${EVENT_SOURCING}:16: We will store orders with event`,
        `  ${EVENT_SOURCING}:17: sourcing: every change is an event appended to the order's stream.`,
        '',
        '1 ADR matches (3 lines)',
        '',
      ].join('\n'),
    );
    const two = await search(['kafka']);
    expect(two.stdout).toBe(
      [
        `0002  accepted  Use event sourcing for orders  ${EVENT_SOURCING}`,
        `  ${EVENT_SOURCING}:21: Reads need projections; the team learns Kafka.`,
        '',
        '0007  accepted  Adopt Kafka for order events  doc/adr/20260115-adopt-kafka-for-order-events.md',
        '  doc/adr/20260115-adopt-kafka-for-order-events.md:1: # Adopt Kafka for order events',
        '  doc/adr/20260115-adopt-kafka-for-order-events.md:21: * Kafka',
        '  doc/adr/20260115-adopt-kafka-for-order-events.md:26: Chosen option: "Kafka", because it keeps events for replay.',
        '',
        '2 ADRs match (4 lines)',
        '',
      ].join('\n'),
    );
  });

  it('ignores accents and case both ways', async () => {
    // Typed without accents, found in Spanish; typed with them, found in English.
    expect(await numbers(['camino de la decision'])).toEqual([6]);
    expect(await numbers(['MAQUINA'])).toEqual([6]);
    expect(await numbers(['decisión cannot wait'])).toEqual([2]);
    const [adr] = await found(['camino de la decision']);
    expect(adr!.matches).toEqual([{ line: 30, text: '### Camino de la decisión' }]);
  });

  it('matches where a word starts', async () => {
    expect(await numbers(['sourc'])).toEqual([2, 3]);
    // "ourcing" is inside "sourcing", never the start of a word.
    await expectNone(['ourcing']);
  });

  it('searches what a reader sees: not front matter, not HTML comments (adr-wizard block, template notes)', async () => {
    // "Ana García" is in MADR 2's and log4brains' bullets, and in MADR 4's front matter.
    expect(await numbers(['garcia'])).toEqual([3, 7]);
    for (const words of [['decision-makers'], ['optional element'], ['optional'], ['outcome: kubernetes'], ['container-orchestrator']]) {
      await expectNone(words);
    }
  });

  it('marks the words in colour in a terminal, and only there', async () => {
    const plain = await search(['kafka', 'projections']);
    expect(plain.stdout).not.toContain('\u001b[');
    const coloured = await search(['kafka', 'projections'], { NO_COLOR: undefined, FORCE_COLOR: '1' });
    expect(coloured.stdout).toContain('\u001b[1mprojections\u001b[22m');
    expect(coloured.stdout).toContain('\u001b[1mKafka\u001b[22m');
    // eslint-disable-next-line no-control-regex
    expect(coloured.stdout.replace(/\u001b\[\d+m/g, '')).toBe(plain.stdout);
  });
});

describe('search: filters', () => {
  it('--status', async () => {
    expect(await numbers(['order'])).toEqual([2, 3, 4, 7]);
    expect(await numbers(['order', '--status', 'proposed'])).toEqual([3]);
    expect(await numbers(['kafka', '--status', 'Accepted'])).toEqual([2, 7]);
  });

  it('--tree matches the tree of adr-wizard decisions only; a near miss gets a suggestion', async () => {
    expect(await numbers(['kubernetes', '--tree', 'container-orchestrator'])).toEqual([6]);
    const miss = await search(['kubernetes', '--tree', 'container-orchestrater']);
    expect(miss.code).toBe(0);
    expect(miss.stderr).toBe('no ADR in doc/adr matches "kubernetes" with tree container-orchestrater (did you mean "container-orchestrator"?)\n');
    // The outcome is a tag, not a tree.
    await expectNone(['kubernetes', '--tree', 'kubernetes']);
  });

  it('--tag matches written tags (any case), and the tree or outcome of adr-wizard decisions; several mean any', async () => {
    expect(await numbers(['order', '--tag', 'security'])).toEqual([4]);
    expect(await numbers(['order', '--tag', 'MESSAGING'])).toEqual([7]);
    expect(await numbers(['order', '--tag', 'api', '--tag', 'messaging'])).toEqual([4, 7]);
    expect(await numbers(['docker', '--tag', 'kubernetes'])).toEqual([6]);
    expect(await numbers(['docker', '--tag', 'container-orchestrator'])).toEqual([6]);
    await expectNone(['order', '--tag', 'kubernetes']);
  });

  it('--since keeps ADRs dated that day or later; ADRs without a date are left out', async () => {
    expect(await numbers(['order', '--since', '2026-01-15'])).toEqual([4, 7]);
    expect(await numbers(['order', '--since', '2000-01-01'])).toEqual([2, 4, 7]);
    const undated = await search(['postgresql', '--since', '2000-01-01']);
    expect(undated.code).toBe(0);
    expect(undated.stderr).toBe('no ADR in doc/adr matches "postgresql" with a date on or after 2000-01-01\n');
  });
});

describe('search --json', () => {
  it('prints one entry per ADR with its matching lines', async () => {
    const r = await search(['kafka', '--json']);
    const entries = JSON.parse(r.stdout) as SearchEntry[];
    expect(r.stdout).toBe(`${JSON.stringify(entries, null, 2)}\n`);
    expect(entries.map((e) => e.number)).toEqual([2, 7]);
    expect(entries[1]).toEqual({
      number: 7,
      title: 'Adopt Kafka for order events',
      status: 'accepted',
      file: join(cwd, 'doc/adr/20260115-adopt-kafka-for-order-events.md'),
      date: '2026-01-15',
      tags: ['messaging', 'events'],
      tree: null,
      outcome: null,
      matches: [
        { line: 1, text: '# Adopt Kafka for order events' },
        { line: 21, text: '* Kafka' },
        { line: 26, text: 'Chosen option: "Kafka", because it keeps events for replay.' },
      ],
    });
    const [decision] = await found(['helm', '--tree', 'container-orchestrator']);
    expect(decision).toMatchObject({ number: 6, status: 'accepted', date: '2026-02-03', tags: [], tree: 'container-orchestrator', outcome: 'kubernetes' });
  });

  it('prints [] and exits 0 when nothing matches', async () => {
    const r = await search(['zeppelin', '--json']);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('[]\n');
    expect(r.stderr).toBe('no ADR in doc/adr matches "zeppelin"\n');
  });
});

describe('search: bad input', () => {
  it.each([
    [['x', '--since', 'yesterday'], '--since "yesterday" is not a date (expected YYYY-MM-DD, e.g. 2026-01-31)'],
    [['x', '--since', '2026-02-30'], '--since "2026-02-30" is not a date (expected YYYY-MM-DD, e.g. 2026-01-31)'],
    [['x', '--status', 'wip'], 'unknown status "wip" (expected one of proposed, accepted, rejected, deprecated, superseded)'],
    [['x', '--tag', ' '], '--tag needs a value, e.g. --tag security'],
    [['  '], 'search needs at least one word'],
  ])('%j: exit 2, one line', async (args, message) => {
    const r = await search(args);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toContain(message);
  });

  it('an empty log matches nothing', async () => {
    const empty = tempDir();
    const r = await runCli(['search', 'kafka'], { cwd: empty });
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('no ADR in doc/adr matches "kafka"\n');
  });
});

describe('search: matching text', () => {
  it('maps matches in decomposed accents and long lines back to the text as written', () => {
    const decomposed = 'Decisio\u0301n tomada\nLa migraci\u00f3n de datos\n';
    expect(searchRecord({ body: decomposed }, parseQuery(['decision']))).toEqual([{ line: 1, text: 'Decisio\u0301n tomada', ranges: [[0, 9]] }]);
    expect(searchRecord({ body: decomposed }, parseQuery(['MIGRACION DE']))).toEqual([{ line: 2, text: 'La migraci\u00f3n de datos', ranges: [[3, 15]] }]);
    expect(searchRecord({ body: '# Título\r\n\r\nMás texto, más\r\n' }, parseQuery(['mas']))).toEqual([{ line: 3, text: 'Más texto, más', ranges: [[0, 3], [11, 14]] }]);
    expect(fold('ÑANDÚ Straße')).toBe('nandu straße');
  });

  it('cuts a long line around its first match', async () => {
    const dir = join(tempDir(), 'doc/adr');
    mkdirSync(dir, { recursive: true });
    const long = `${'word '.repeat(100)}needle ${'tail '.repeat(100)}`.trim();
    writeFileSync(join(dir, '0001-long.md'), `# 1. Long\n\nDate: 2026-01-01\n\n## Status\n\nAccepted\n\n## Context\n\n${long}\n`);
    const r = await runCli(['search', 'needle'], { cwd: join(dir, '../..') });
    const line = r.stdout.split('\n')[1]!;
    expect(line.startsWith('  doc/adr/0001-long.md:11: …word word')).toBe(true);
    expect(line).toMatch(/ (tail ?)+[a-z]*…$/);
    expect(line).toContain('needle');
    expect(line.length).toBeLessThan(260);
    // --json keeps the line whole.
    const json = await runCli(['search', 'needle', '--json'], { cwd: join(dir, '../..') });
    expect((JSON.parse(json.stdout) as SearchEntry[])[0]!.matches).toEqual([{ line: 11, text: long }]);
  });
});

interface ListEntry {
  number: number;
  tags: string[];
  tree: string | null;
  outcome: string | null;
}

describe('list --tag and --tree', () => {
  const list = async (args: string[]) => {
    const r = await runCli(['list', ...args], { cwd, env: ENV });
    return { ...r, entries: args.includes('--json') ? (JSON.parse(r.stdout) as ListEntry[]) : [] };
  };

  it('filters as search does, and lists tags, tree and outcome in --json', async () => {
    const all = await list(['--json']);
    expect(all.entries.map((e) => [e.number, e.tags, e.tree, e.outcome])).toEqual([
      [1, [], null, null],
      [2, [], null, null],
      [3, [], null, null],
      [4, ['Security', 'api'], null, null],
      [6, [], 'container-orchestrator', 'kubernetes'],
      [7, ['messaging', 'events'], null, null],
    ]);
    expect((await list(['--tag', 'security', '--json'])).entries.map((e) => e.number)).toEqual([4]);
    expect((await list(['--tag', 'API', '--tag', 'events', '--json'])).entries.map((e) => e.number)).toEqual([4, 7]);
    expect((await list(['--tag', 'kubernetes', '--json'])).entries.map((e) => e.number)).toEqual([6]);
    expect((await list(['--tree', 'container-orchestrator', '--status', 'accepted', '--json'])).entries.map((e) => e.number)).toEqual([6]);
    const table = await list(['--tag', 'messaging']);
    expect(table.stdout).toBe('0007  accepted  Adopt Kafka for order events  doc/adr/20260115-adopt-kafka-for-order-events.md\n');
  });

  it('says when nothing passes, and suggests a tree the log has', async () => {
    const none = await list(['--tree', 'container-orchestrater']);
    expect(none.code).toBe(0);
    expect(none.stdout).toBe('');
    expect(none.stderr).toBe('no ADRs in doc/adr with tree container-orchestrater (did you mean "container-orchestrator"?)\n');
    const json = await list(['--tag', 'nothing', '--json']);
    expect(json.stdout).toBe('[]\n');
  });
});
