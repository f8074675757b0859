// `adr-wizard doctor` as a CI step: logs in every style other tools write, named rules and their
// severities from .adr-wizard.yaml, the output formats, and the checks of decisions that no longer
// hold (advice-changed, conflict), through the built binary in temp folders.
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, tempDir } from './support/cli.js';

const ENV = { ADR_DATE: '2026-02-03' };
const cli = (args: string[], cwd: string) => runCli(args, { cwd, env: ENV, timeoutMs: 60_000 });

function write(dir: string, files: Record<string, string>): void {
  mkdirSync(dir, { recursive: true });
  for (const [name, content] of Object.entries(files)) writeFileSync(join(dir, name), content);
}

/** A repository (it has `.git`, as annotations' paths start at its root) with its ADRs in `folder`. */
function repo(folder: string, files: Record<string, string>): string {
  const cwd = tempDir();
  mkdirSync(join(cwd, '.git'));
  write(join(cwd, folder), files);
  return cwd;
}

interface Report {
  findings: { rule: string; severity: string; number: number; file: string; line?: number; message: string }[];
}

async function doctorJson(cwd: string): Promise<{ code: number | null; report: Report }> {
  const r = await cli(['doctor', '--format', 'json'], cwd);
  expect(r.stderr).toBe('');
  return { code: r.code, report: JSON.parse(r.stdout) as Report };
}

// ------------------------------------------------------------------------------------------------
// Logs as the tools write them.

// adr-tools (Nat Pryce's, as `adr init`, `adr new -s 2`, `adr new -l "1:Amends:Amended by"` write
// them), with its older spelling "Superceded by" / "Supercedes".
const CONTEXT = 'The issue motivating this decision, and any context that influences or constrains the decision.';
const DECISION = "The change that we're proposing or have agreed to implement.";
const CONSEQUENCES = 'What becomes easier or more difficult to do and any risks introduced by the change that will need to be mitigated.';
const nygard = (n: number, title: string, status: string, context = CONTEXT) =>
  `# ${n}. ${title}\n\nDate: 2026-01-0${n}\n\n## Status\n\n${status}\n\n## Context\n\n${context}\n\n## Decision\n\n${DECISION}\n\n## Consequences\n\n${CONSEQUENCES}\n`;

const ADR_TOOLS = {
  '0001-record-architecture-decisions.md':
    '# 1. Record architecture decisions\n\nDate: 2026-01-01\n\n## Status\n\nAccepted\n\nAmended by [4. Keep a changelog](0004-keep-a-changelog.md)\n\n## Context\n\nWe need to record the architectural decisions made on this project.\n\n## Decision\n\nWe will use Architecture Decision Records, as [described by Michael Nygard](http://thinkrelevance.com/blog/2011/11/15/documenting-architecture-decisions).\n\n## Consequences\n\nSee Michael Nygard\'s article, linked above. For a lightweight ADR toolset, see Nat Pryce\'s [adr-tools](https://github.com/npryce/adr-tools).\n',
  '0002-use-postgresql.md': nygard(2, 'Use PostgreSQL', 'Superceded by [3. Use MySQL](0003-use-mysql.md)'),
  '0003-use-mysql.md': nygard(
    3,
    'Use MySQL',
    'Accepted\n\nSupercedes [2. Use PostgreSQL](0002-use-postgresql.md)',
    // A bracketed link in prose is a sentence, not a typed link.
    'This differs from [2. Use PostgreSQL](0002-use-postgresql.md) in the replication we need.',
  ),
  '0004-keep-a-changelog.md': nygard(4, 'Keep a changelog', 'Accepted\n\nAmends [1. Record architecture decisions](0001-record-architecture-decisions.md)'),
};

// MADR 2.1.2, under a site generator's front matter that holds only navigation, with emoji statuses.
const madr2 = (title: string, status: string, extra = '') =>
  `---\nparent: Decisions\nnav_order: 1\n---\n# ${title}\n\n* Status: ${status}\n* Deciders: Ana, Bob\n* Date: 2021-03-04\n\n## Context and Problem Statement\n\nWe want to record architectural decisions. This differs from [2. Use X](0002-use-x.md) in scope.\n\n## Considered Options\n\n* MADR 2.1.2\n* Michael Nygard's template\n\n## Decision Outcome\n\nChosen option: "MADR 2.1.2", because it is lean.\n${extra}`;

const MADR2 = {
  '0001-use-markdown-architectural-decision-records.md': madr2('Use Markdown Architectural Decision Records', '✅ Accepted'),
  '0002-use-x.md': madr2('Use X', '⌛️ Superseded by [3. X](0003-x.md)'),
  '0003-x.md': madr2('X', 'accepted', '\n## Links\n\n* Supersedes [2. Use X](0002-use-x.md)\n'),
};

// MADR 3.0 (front matter with `deciders`) and MADR 4.0 (`decision-makers`, the status left out).
const MADR3 = {
  '0001-use-postgresql.md':
    '---\nstatus: accepted\ndate: 2023-02-01\ndeciders: Ana, Bob\nconsulted: Carla\ninformed: everyone\n---\n# Use PostgreSQL\n\n## Context and Problem Statement\n\nWe need a database.\n\n## Decision Drivers\n\n* Team knowledge\n\n## Considered Options\n\n* PostgreSQL\n* MySQL\n\n## Decision Outcome\n\nChosen option: "PostgreSQL", because the team knows it.\n\n### Consequences\n\n* Good, because we know it.\n\n## Validation\n\nA review of the schema.\n',
  '0002-use-mysql.md':
    '---\nstatus: "superseded by [ADR-0001](0001-use-postgresql.md)"\ndate: 2023-01-01\ndeciders: Ana\n---\n# Use MySQL\n\n## Context and Problem Statement\n\nWe needed a database.\n\n## Considered Options\n\n* MySQL\n\n## Decision Outcome\n\nChosen option: "MySQL", because it was there.\n',
};

const MADR4 = {
  '0001-use-kafka.md':
    '---\ndate: 2025-05-06\ndecision-makers: Ana, Bob\nconsulted: Platform team\ninformed: everyone\n---\n\n# Use Kafka\n\n## Context and Problem Statement\n\nServices need to exchange events.\n\n## Considered Options\n\n* Kafka\n* RabbitMQ\n\n## Decision Outcome\n\nChosen option: "Kafka", because it keeps the events.\n\n### Consequences\n\n* Good, because events can be replayed.\n\n### Confirmation\n\nThe first service publishes through it.\n',
};

// log4brains: dated names, `- Status:` bullets; one without a status (log4brains reads it as accepted).
const l4b = (title: string, status: string | undefined, date: string) =>
  `# ${title}\n\n${status !== undefined ? `- Status: ${status}\n` : ''}- Date: ${date}\n- Tags: architecture, doc\n\n## Context and Problem Statement\n\nWe want to record decisions.\n\n## Decision Outcome\n\nChosen option: "${title}".\n`;

const LOG4BRAINS = {
  '20240101-use-log4brains.md': l4b('Use Log4brains to manage the ADRs', 'superseded by [20240301-use-adr-wizard](20240301-use-adr-wizard.md)', '2024-01-01'),
  '20240201-use-markdown.md': l4b('Use Markdown Architectural Decision Records', 'accepted', '2024-02-01'),
  '20240301-use-adr-wizard.md': l4b('Use adr-wizard', undefined, '2024-03-01'),
};

describe('no false alarms on the logs other tools write', () => {
  // Style, folder, files, the statuses read (so that silence is not a misreading), annotations.
  const logs: [string, string, Record<string, string>, string[], string[]][] = [
    ['adr-tools', 'doc/adr', ADR_TOOLS, ['accepted', 'superseded', 'accepted', 'accepted'], []],
    ['MADR 2', 'docs/adr', MADR2, ['accepted', 'superseded', 'accepted'], []],
    ['MADR 3', 'docs/decisions', MADR3, ['accepted', 'superseded'], []],
    [
      'MADR 4',
      'docs/decisions',
      MADR4,
      ['none'],
      ['::notice file=docs/decisions/0001-use-kafka.md,line=8,title=adr-wizard missing-status::no status written'],
    ],
    [
      'log4brains',
      'docs/adr',
      LOG4BRAINS,
      ['superseded', 'accepted', 'accepted'],
      ['::notice file=docs/adr/20240301-use-adr-wizard.md,line=1,title=adr-wizard missing-status::no status written; log4brains reads it as accepted'],
    ],
  ];
  for (const [style, folder, files, statuses, github] of logs) {
    it(`${style}: no error or warning, and exactly these annotations`, async () => {
      const cwd = repo(folder, files);
      const listed = JSON.parse((await cli(['list', '--json'], cwd)).stdout) as { status: string }[];
      expect(listed.map((e) => e.status)).toEqual(statuses);
      const { code, report } = await doctorJson(cwd);
      expect(code).toBe(0);
      expect(report.findings.filter((f) => f.severity !== 'info')).toEqual([]);
      const r = await cli(['doctor', '--format', 'github'], cwd);
      expect(r.code).toBe(0);
      expect(r.stdout).toBe(github.map((l) => `${l}\n`).join(''));
    });
  }
});

describe('rules', () => {
  it('names the rule of every finding, at the line it is about', async () => {
    const cwd = repo('doc/adr', {
      '0001-start.md': nygard(1, 'Start', 'Accepted\n\nAmends [9. Gone](0009-gone.md)'),
      '0002-use-kafka.md': nygard(2, 'Use Kafka', 'Accepted'),
      '0002-use-rabbitmq.md': nygard(2, 'Use RabbitMQ', 'Pondering'),
      '0003-misnumbered.md': nygard(7, 'Misnumbered', 'Accepted'),
      '0004-broken-front-matter.md': '---\nstatus: [accepted\n---\n# Broken\n',
      '0005-half-a-block.md': '---\nstatus: accepted\nadr-wizard:\n  tree: message-queue\n---\n# Half a block\n',
      '0006-superseded.md': '---\nstatus: superseded by ADR-0012\n---\n# Superseded\n',
      '20240101-dated.md': l4b('Dated', 'accepted', '2024-01-01'),
    });
    const { code, report } = await doctorJson(cwd);
    expect(code).toBe(2);
    expect(report.findings.map((f) => [f.rule, f.severity, f.number, f.file.slice(cwd.length + 9), f.line ?? null])).toEqual([
      // A link to a missing file: once, where it is written.
      ['broken-link', 'error', 1, '0001-start.md', 9],
      ['duplicate-number', 'error', 2, '0002-use-kafka.md', null],
      ['duplicate-number', 'error', 2, '0002-use-rabbitmq.md', null],
      ['unknown-status', 'warning', 2, '0002-use-rabbitmq.md', 7],
      ['title-number', 'warning', 3, '0003-misnumbered.md', 1],
      ['unreadable', 'error', 4, '0004-broken-front-matter.md', 2],
      ['missing-status', 'info', 4, '0004-broken-front-matter.md', 4],
      ['wizard-block', 'error', 5, '0005-half-a-block.md', 2],
      // A link by number alone, to a number no file has.
      ['broken-link', 'error', 6, '0006-superseded.md', null],
      ['mixed-naming', 'info', 7, '20240101-dated.md', null],
    ]);
    const mixed = report.findings.find((f) => f.rule === 'mixed-naming')!;
    expect(mixed.message).toContain('dated files are numbered after the numbered ones (here 7)');
    expect(mixed.message).toContain('20240101-dated.md -> 0007-dated.md');

    // --json is --format json; text lines carry file:line and the rule.
    const json = await cli(['doctor', '--json'], cwd);
    expect(json.stdout).toBe((await cli(['doctor', '--format', 'json'], cwd)).stdout);
    const text = await cli(['doctor'], cwd);
    expect(text.code).toBe(2);
    expect(text.stdout).toContain('doc/adr/0002-use-rabbitmq.md:7  warning  status "Pondering" is not one of proposed, accepted, rejected, deprecated, superseded  unknown-status\n');
    expect(text.stdout).toContain('doc/adr/20240101-dated.md  info  the log mixes 7 numbered');
  });

  it('takes severities from .adr-wizard.yaml: off drops a rule, info never fails', async () => {
    const cwd = repo('doc/adr', {
      '0001-a.md': nygard(1, 'A', 'Accepted'),
      '0002-b.md': nygard(3, 'B', 'Accepted'),
      '0003-c.md': '---\ndate: 2025-05-06\ndecision-makers: Ana\n---\n\n# C\n\n## Context and Problem Statement\n\nText.\n',
    });
    const before = await doctorJson(cwd);
    expect(before.code).toBe(0);
    expect(before.report.findings.map((f) => [f.rule, f.severity])).toEqual([
      ['title-number', 'warning'],
      ['missing-status', 'info'],
    ]);

    writeFileSync(join(cwd, '.adr-wizard.yaml'), 'doctor:\n  rules:\n    missing-status: off\n    title-number: error\n');
    const strict = await doctorJson(cwd);
    expect(strict.code).toBe(2);
    expect(strict.report.findings.map((f) => [f.rule, f.severity])).toEqual([['title-number', 'error']]);

    writeFileSync(join(cwd, '.adr-wizard.yaml'), 'doctor:\n  rules:\n    title-number: info\n');
    const lenient = await doctorJson(cwd);
    expect(lenient.code).toBe(0);
    expect(lenient.report.findings.map((f) => [f.rule, f.severity])).toEqual([
      ['title-number', 'info'],
      ['missing-status', 'info'],
    ]);
  });

  it('refuses an unknown rule or severity at its line, with did-you-mean', async () => {
    const cwd = repo('doc/adr', { '0001-a.md': nygard(1, 'A', 'Accepted') });
    writeFileSync(join(cwd, '.adr-wizard.yaml'), 'lang: en\ndoctor:\n  rules:\n    missing-stats: off\n');
    const rule = await cli(['doctor'], cwd);
    expect(rule.code).toBe(2);
    expect(rule.stdout).toBe('');
    expect(rule.stderr.split('\n')[0]).toBe(
      `error ${join(cwd, '.adr-wizard.yaml')}:4:5  doctor.rules.missing-stats  unknown rule "missing-stats" (did you mean "missing-status"?)`,
    );

    writeFileSync(join(cwd, '.adr-wizard.yaml'), 'doctor:\n  rule:\n    stale-tree: error\n');
    const key = await cli(['doctor'], cwd);
    expect(key.code).toBe(2);
    expect(key.stderr.split('\n')[0]).toBe(`error ${join(cwd, '.adr-wizard.yaml')}:2:3  doctor.rule  unknown field "rule" (did you mean "rules"?)`);

    writeFileSync(join(cwd, '.adr-wizard.yaml'), 'doctor:\n  rules:\n    stale-tree: eror\n');
    const severity = await cli(['doctor'], cwd);
    expect(severity.code).toBe(2);
    expect(severity.stderr.split('\n')[0]).toBe(
      `error ${join(cwd, '.adr-wizard.yaml')}:3:17  doctor.rules.stale-tree  unknown severity "eror" (did you mean "error"?); expected error, warning, info, off`,
    );
  });
});

describe('formats', () => {
  it('refuses an unknown --format with did-you-mean, before touching anything', async () => {
    const cwd = repo('doc/adr', { '0001-a.md': nygard(1, 'A', 'Accepted') });
    const r = await cli(['doctor', '--format', 'gihub'], cwd);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe('error --format gihub: expected text, json, github (did you mean "github"?)\n');
    const both = await cli(['doctor', '--json', '--format', 'github'], cwd);
    expect(both.code).toBe(2);
  });

  it('--format github: one workflow command per finding, paths from the repository root, escaped as GitHub reads them', async () => {
    const cwd = repo('services/billing/doc/adr', {
      '0001-a,b.md': nygard(1, 'A, B', '50% done\r\nmaybe'),
      '0002-c.md': nygard(2, 'C', 'Accepted\n\nAmends [7. Gone](0007-gone.md)'),
    });
    // Run from the service's folder (adr-tools' .adr-dir there): paths still start at the repository root.
    writeFileSync(join(cwd, 'services/billing/.adr-dir'), 'doc/adr\n');
    const r = await cli(['doctor', '--format', 'github'], join(cwd, 'services/billing'));
    expect(r.code).toBe(2);
    expect(r.stdout).toBe(
      '::warning file=services/billing/doc/adr/0001-a%2Cb.md,line=7,title=adr-wizard unknown-status::status "50%25 done" is not one of proposed, accepted, rejected, deprecated, superseded\n' +
        '::error file=services/billing/doc/adr/0002-c.md,line=9,title=adr-wizard broken-link::link "Amends" points to 0007-gone.md, which does not exist\n',
    );
  });
});

// A repository's own tree (.adr-wizard/decisions/), edited between decisions as a team edits it.
const QUEUE_TREE = `id: message-queue
kind: tree
title: {en: Message queue, es: Cola de mensajes}
problem: {en: Services exchange messages., es: Los servicios intercambian mensajes.}
reviewed: 2026-01-10
sources:
  - {title: Example source, url: "https://example.com/queues"}
start: q-scale
questions:
  q-scale:
    driver: scale
    branches: {small: rabbitmq, large: q-team}
  q-team:
    driver: team-size
    branches: {small: rabbitmq, large: kafka}
outcomes:
  rabbitmq:
    title: {en: RabbitMQ, es: RabbitMQ}
    decision: {en: We will use RabbitMQ., es: Usaremos RabbitMQ.}
    consequences:
      positive: [{en: Simple to run., es: Sencillo de operar.}, {en: Flexible routing., es: Enrutado flexible.}]
      negative: [{en: Less throughput., es: Menos rendimiento.}, {en: No replay., es: Sin repetición.}]
    warnings:
      - {en: "Use quorum queues: classic mirrored queues are gone since RabbitMQ 4.0.", es: "Usa colas quorum: las colas clásicas replicadas desaparecieron en RabbitMQ 4.0."}
  kafka:
    title: {en: Kafka, es: Kafka}
    decision: {en: We will use Kafka., es: Usaremos Kafka.}
    consequences:
      positive: [{en: High throughput., es: Alto rendimiento.}, {en: Replay of events., es: Repetición de eventos.}]
      negative: [{en: More to operate., es: Más que operar.}, {en: Steeper learning., es: Más difícil de aprender.}]
examples:
  - drivers: {scale: small}
    expect: rabbitmq
  - drivers: {scale: large, team-size: large}
    expect: kafka
`;

function queueRepo(): { cwd: string; tree: string; edit: (from: string, to: string) => void } {
  const cwd = repo('doc/adr', {});
  const tree = join(cwd, '.adr-wizard/decisions/message-queue.yaml');
  write(join(cwd, '.adr-wizard/decisions'), { 'message-queue.yaml': QUEUE_TREE });
  const edit = (from: string, to: string) => {
    const text = readFileSync(tree, 'utf8');
    expect(text).toContain(from);
    writeFileSync(tree, text.replace(from, to));
  };
  return { cwd, tree, edit };
}

async function decide(cwd: string, args: string[]): Promise<void> {
  const r = await cli(['decide', ...args], cwd);
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
}

describe('advice-changed', () => {
  it('a decision just written is clean, in either language and template, chains included', async () => {
    const cwd = repo('doc/adr', {});
    await decide(cwd, ['architecture-style', 'saga-coordination', '--chain', '--use-defaults', '--lang', 'es', '--template', 'nygard']);
    await decide(cwd, ['mlops-platform', '--chain', '--use-defaults', '--set', 'cloud=aws', '--set', 'managed-preference=yes']);
    const written = readdirSync(join(cwd, 'doc/adr'));
    expect(written).toHaveLength(4);
    // Each carries warnings: what doctor compares today's warnings with.
    for (const f of written) expect(readFileSync(join(cwd, 'doc/adr', f), 'utf8')).toMatch(/> \[!WARNING\]|\* ⚠ /);
    const r = await cli(['doctor', '--format', 'github'], cwd);
    expect(r.stdout).toBe('');
    expect(r.code).toBe(0);
  }, 60_000);

  it('re-walks accepted decisions against the tree as it is today', async () => {
    const { cwd, edit } = queueRepo();
    await decide(cwd, ['message-queue', '--set', 'scale=small']);
    expect((await doctorJson(cwd)).report.findings).toEqual([]);

    // The tree now asks one more question on that path.
    edit('branches: {small: rabbitmq, large: q-team}', 'branches: {small: q-team, large: q-team}');
    let { code, report } = await doctorJson(cwd);
    expect(code).toBe(0);
    expect(report.findings.map((f) => [f.rule, f.severity, f.number, f.line])).toEqual([['advice-changed', 'warning', 1, 10]]);
    expect(report.findings[0]!.message).toBe(
      're-walked against "message-queue" (reviewed 2026-01-10): the tree now also asks "team-size", which the ADR does not record; act on it with `adr-wizard revisit 1`',
    );

    // The same answers now lead elsewhere.
    edit('branches: {small: q-team, large: q-team}', 'branches: {small: kafka, large: q-team}');
    ({ report } = await doctorJson(cwd));
    expect(report.findings.map((f) => f.message)).toEqual([
      're-walked against "message-queue" (reviewed 2026-01-10): with the recorded drivers it now reaches "Kafka" (kafka), not "RabbitMQ" (rabbitmq), by scale=small; act on it with `adr-wizard revisit 1`',
    ]);

    // `revisit` acts on it (once the tree's own example agrees, as `validate` demands): the new
    // ADR supersedes the old one, and the log is clean again.
    edit('  - drivers: {scale: small}\n    expect: rabbitmq', '  - drivers: {scale: small}\n    expect: kafka');
    expect((await cli(['revisit', '1'], cwd)).code).toBe(0);
    ({ code, report } = await doctorJson(cwd));
    expect(report.findings).toEqual([]);
  }, 60_000);

  it('reports a warning that now applies, a value the drivers no longer know, and a tree that is gone', async () => {
    const { cwd, tree, edit } = queueRepo();
    await decide(cwd, ['message-queue', '--set', 'scale=large', '--set', 'team-size=large', '--lang', 'es']);
    edit(
      '      negative: [{en: More to operate., es: Más que operar.}, {en: Steeper learning., es: Más difícil de aprender.}]\n',
      '      negative: [{en: More to operate., es: Más que operar.}, {en: Steeper learning., es: Más difícil de aprender.}]\n    warnings:\n      - {en: "ZooKeeper mode is gone since Kafka 4.0: run KRaft.", es: "El modo ZooKeeper desapareció en Kafka 4.0: usa KRaft."}\n',
    );
    let { report } = await doctorJson(cwd);
    // In the language of the record.
    expect(report.findings.map((f) => f.message)).toEqual([
      're-walked against "message-queue" (reviewed 2026-01-10): a warning now applies that the ADR does not carry: "El modo ZooKeeper desapareció en Kafka 4.0: usa KRaft."; act on it with `adr-wizard revisit 1`',
    ]);

    const adr = join(cwd, 'doc/adr/0001-cola-de-mensajes-kafka.md');
    writeFileSync(adr, readFileSync(adr, 'utf8').replace('    scale: large\n', '    scale: huge\n'));
    ({ report } = await doctorJson(cwd));
    expect(report.findings[0]!.message).toContain('the recorded value scale=huge is no longer known (scale takes small, large)');

    // The tree is gone: nothing to compare with; a note, never a failure.
    rmSync(tree);
    const gone = await doctorJson(cwd);
    expect(gone.code).toBe(0);
    expect(gone.report.findings.map((f) => [f.rule, f.severity, f.message])).toEqual([
      [
        'advice-changed',
        'info',
        'decided with the tree "message-queue", which adr-wizard no longer has (shipped or in .adr-wizard/decisions): there is nothing to re-walk',
      ],
    ]);
  }, 60_000);
});

describe('conflict', () => {
  it('Kubeflow needs Kubernetes: an accepted Docker Compose decision conflicts with it, on both records, until one is superseded', async () => {
    const cwd = repo('doc/adr', {});
    await decide(cwd, ['mlops-platform', '--set', 'cloud=on-prem', '--set', 'managed-preference=no', '--set', 'scale=large', '--set', 'ops-maturity=high', '--set', 'cost-sensitive=no']);
    await decide(cwd, ['container-orchestrator', '--set', 'ecosystem-integrations=no', '--set', 'high-resilience=no', '--set', 'scale=small', '--lang', 'es']);
    const listed = JSON.parse((await cli(['list', '--json'], cwd)).stdout) as { file: string }[];
    expect(listed.map((e) => e.file.slice(cwd.length + 9))).toEqual([
      '0001-ml-platform-kubeflow-on-kubernetes.md',
      '0002-plataforma-de-contenedores-docker-compose-en-una-sola.md',
    ]);
    const { code, report } = await doctorJson(cwd);
    // A warning: a team may hold both knowingly.
    expect(code).toBe(0);
    expect(report.findings.map((f) => [f.rule, f.severity, f.number, f.line])).toEqual([
      ['conflict', 'warning', 1, 10],
      ['conflict', 'warning', 2, 10],
    ]);
    const [onKubeflow, onCompose] = report.findings.map((f) => f.message);
    expect(onKubeflow).toBe(
      'ADR 2 (0002-plataforma-de-contenedores-docker-compose-en-una-sola.md) breaks what this decision requires of "container-orchestrator": ' +
        'it decided "Docker Compose on a single host" (docker-compose), where only "Kubernetes" may follow, and it recorded ecosystem-integrations=no, where ecosystem-integrations=yes is required. ' +
        'Kubeflow runs only on Kubernetes, and it is the Kubernetes ecosystem (operators, Istio, KServe) that it needs.',
    );
    // The reason in the language of the record it is written for.
    expect(onCompose).toMatch(/^this decision breaks what ADR 1 \(0001-ml-platform-kubeflow-on-kubernetes\.md\), "Kubeflow sobre Kubernetes" \(mlops-platform\), requires of "container-orchestrator": it decided "Docker Compose en una sola máquina" \(docker-compose\).*Kubeflow solo funciona sobre Kubernetes/);

    // `conflict: error` makes CI fail on it.
    writeFileSync(join(cwd, '.adr-wizard.yaml'), 'doctor:\n  rules:\n    conflict: error\n');
    expect((await doctorJson(cwd)).code).toBe(2);

    // Superseding the Compose decision with a Kubernetes one clears it.
    expect((await cli(['revisit', '2', '--set', 'ecosystem-integrations=yes'], cwd)).code).toBe(0);
    const after = await doctorJson(cwd);
    expect(after.code).toBe(0);
    expect(after.report.findings).toEqual([]);
  }, 60_000);

  it('two accepted decisions of one tree with different outcomes', async () => {
    const cwd = repo('doc/adr', {});
    await decide(cwd, ['container-orchestrator', '--set', 'ecosystem-integrations=no', '--set', 'high-resilience=no', '--set', 'scale=small']);
    await decide(cwd, ['container-orchestrator', '--set', 'ecosystem-integrations=yes', '--set', 'high-resilience=no', '--set', 'scale=large']);
    const r = await cli(['doctor', '--format', 'github'], cwd);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(
      '::warning file=doc/adr/0001-container-platform-docker-compose-on-a-single-host.md,line=10,title=adr-wizard conflict::' +
        'ADR 2 (0002-container-platform-kubernetes.md) also decides "container-orchestrator", as "Kubernetes" (kubernetes), where this one chose "Docker Compose on a single host" (docker-compose), and neither supersedes the other; supersede one (adr-wizard new --supersedes N, or adr-wizard revisit N)\n' +
        '::warning file=doc/adr/0002-container-platform-kubernetes.md,line=10,title=adr-wizard conflict::' +
        'ADR 1 (0001-container-platform-docker-compose-on-a-single-host.md) also decides "container-orchestrator", as "Docker Compose on a single host" (docker-compose), where this one chose "Kubernetes" (kubernetes), and neither supersedes the other; supersede one (adr-wizard new --supersedes N, or adr-wizard revisit N)\n',
    );
    // Saying that one supersedes the other settles it.
    expect((await cli(['link', '2', 'Supersedes', '1'], cwd)).code).toBe(0);
    expect((await doctorJson(cwd)).report.findings).toEqual([]);
  }, 60_000);
});
