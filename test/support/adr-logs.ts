// ADR logs as teams have them, one per style, in the exact formats adr-tools, MADR 2/3/4 and
// log4brains write (their templates and commands), with what real logs hold: emoji statuses,
// statuses left out where the format allows it, link lines and links in prose, dated and numbered
// names side by side, `#` and parentheses in file names, a number two branches both took.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

export interface FixtureLog {
  /** The folder discovery must find, relative to the repository root. */
  folder: string;
  /** Files relative to the repository root (the ADRs and any configuration). */
  files: Record<string, string>;
  /** What the log must read as: number, title, status, in list order. */
  expected: [number, string, string][];
  /** The style `new` must write in, and the file name it must write for "Use Redis". */
  next: { style: string; name: RegExp };
}

/** Writes a log under `root` (a fresh temp folder), with an empty `.git` so it is a project root. */
export function writeLog(root: string, log: FixtureLog): void {
  mkdirSync(join(root, '.git'), { recursive: true });
  for (const [name, content] of Object.entries(log.files)) {
    mkdirSync(dirname(join(root, name)), { recursive: true });
    writeFileSync(join(root, name), content);
  }
}

/** What adr-tools' `adr init` writes as ADR 1, dated `date`, with `status` lines (links go there too). */
export function adrToolsInit(date: string, status = 'Accepted'): string {
  return `# 1. Record architecture decisions

Date: ${date}

## Status

${status}

## Context

We need to record the architectural decisions made on this project.

## Decision

We will use Architecture Decision Records, as [described by Michael Nygard](http://thinkrelevance.com/blog/2011/11/15/documenting-architecture-decisions).

## Consequences

See Michael Nygard's article, linked above. For a lightweight ADR toolset, see Nat Pryce's [adr-tools](https://github.com/npryce/adr-tools).
`;
}

const NYGARD_BODY = `## Context

The issue motivating this decision, and any context that influences or constrains the decision.

## Decision

The change that we're proposing or have agreed to implement.

## Consequences

What becomes easier or more difficult to do and any risks introduced by the change that will need to be mitigated.
`;

/** adr-tools: `adr init`, `adr new`, `adr new -s 2`, `adr new -l "1:Amends:Amended by"`, hand-added emoji. */
export const ADR_TOOLS: FixtureLog = {
  folder: 'doc/architecture/decisions',
  files: {
    '.adr-dir': 'doc/architecture/decisions\n',
    'doc/architecture/decisions/0001-record-architecture-decisions.md': adrToolsInit(
      '2025-03-01',
      'Accepted\n\nAmended by [4. Keep a decision log per service](0004-keep-a-decision-log-per-service.md)',
    ),
    'doc/architecture/decisions/0002-use-rabbitmq-for-events.md': `# 2. Use RabbitMQ for events

Date: 2025-03-10

## Status

⌛️ Superceded by [3. Use Kafka for events](0003-use-kafka-for-events.md)

${NYGARD_BODY}`,
    'doc/architecture/decisions/0003-use-kafka-for-events.md': `# 3. Use Kafka for events

Date: 2025-06-02

## Status

✅ Accepted

Supersedes [2. Use RabbitMQ for events](0002-use-rabbitmq-for-events.md)

## Context

This differs from [2. Use RabbitMQ for events](0002-use-rabbitmq-for-events.md) in retention.
We also need to provide [replay](0001-record-architecture-decisions.md) for consumers.

## Decision

We will use Kafka.

## Consequences

What becomes easier or more difficult to do and any risks introduced by the change that will need to be mitigated.
`,
    'doc/architecture/decisions/0004-keep-a-decision-log-per-service.md': `# 4. Keep a decision log per service

Date: 2025-07-15

## Status

Proposed

Amends [1. Record architecture decisions](0001-record-architecture-decisions.md)

${NYGARD_BODY}`,
  },
  expected: [
    [1, 'Record architecture decisions', 'accepted'],
    [2, 'Use RabbitMQ for events', 'superseded'],
    [3, 'Use Kafka for events', 'accepted'],
    [4, 'Keep a decision log per service', 'proposed'],
  ],
  next: { style: 'nygard', name: /^0005-use-redis\.md$/ },
};

/** MADR 2.1.2's template: `* Status:` bullets, `## Links` bullets, files from 0000, a site generator's navigation front matter. */
export const MADR2: FixtureLog = {
  folder: 'docs/adr',
  files: {
    'docs/adr/0000-use-markdown-architectural-decision-records.md': `# Use Markdown Architectural Decision Records

* Status: accepted
* Deciders: Oliver, Ana
* Date: 2020-02-11

## Context and Problem Statement

We want to record architectural decisions made in this project.
Which format and structure should these records follow?

## Considered Options

* [MADR](https://adr.github.io/madr/) 2.1.2
* Michael Nygard's template

## Decision Outcome

Chosen option: "MADR 2.1.2", because it is lean and structured.
`,
    'docs/adr/0001-use-postgresql.md': `---
parent: Decisions
nav_order: 1
---
# Use PostgreSQL

* Status: accepted <!-- optional -->
* Deciders: Ana <!-- optional -->
* Date: 2020-03-01 <!-- optional -->

Technical Story: [#12](https://example.org/issues/12)

## Context and Problem Statement

We need a database. This differs from [ADR-0000](0000-use-markdown-architectural-decision-records.md), which is about documents.

## Considered Options

* PostgreSQL
* MySQL

## Decision Outcome

Chosen option: "PostgreSQL", because of its JSON support.

### Positive Consequences <!-- optional -->

* One database for documents and rows.

## Links <!-- optional -->

* Refines [ADR-0000](0000-use-markdown-architectural-decision-records.md)
`,
    'docs/adr/0002-use-flyway.md': `# Use Flyway

* Deciders: Ana
* Date: 2020-04-01

## Context and Problem Statement

Schema changes must be repeatable.

## Considered Options

* Flyway
* Liquibase

## Decision Outcome

Chosen option: "Flyway", because the team knows it.
`,
  },
  expected: [
    [0, 'Use Markdown Architectural Decision Records', 'accepted'],
    [1, 'Use PostgreSQL', 'accepted'],
    [2, 'Use Flyway', 'none'],
  ],
  next: { style: 'madr2', name: /^0003-use-redis\.md$/ },
};

/** MADR 3.0.0: front matter with `deciders`, `superseded by [ADR-0002](...)`. */
export const MADR3: FixtureLog = {
  folder: 'docs/decisions',
  files: {
    'docs/decisions/0001-use-rest.md': `---
status: "superseded by [ADR-0002](0002-use-grpc-between-services.md)"
date: 2023-01-10
deciders: [Luis, Marta]
---
# Use REST between services

## Context and Problem Statement

Services talk over HTTP.

## Considered Options

* REST
* gRPC

## Decision Outcome

Chosen option: "REST", because every team knows it.

### Consequences

* Good, because of its tooling.
* Bad, because of chatty calls.

## Validation

Contract tests.
`,
    'docs/decisions/0002-use-grpc-between-services.md': `---
status: accepted
date: 2023-05-02
deciders: Luis
consulted: Platform team
---
# Use gRPC between services

## Context and Problem Statement

Chatty calls cost too much.

## Decision Outcome

Chosen option: "gRPC", because of streaming.
`,
  },
  expected: [
    [1, 'Use REST between services', 'superseded'],
    [2, 'Use gRPC between services', 'accepted'],
  ],
  next: { style: 'madr3', name: /^0003-use-redis\.md$/ },
};

/** MADR 4.0.0: front matter with `decision-makers`; statuses optional; three-digit names. */
export const MADR4: FixtureLog = {
  folder: 'docs/decisions',
  files: {
    'docs/decisions/001-use-madr-4.md': `---
status: accepted
date: 2024-09-17
decision-makers: [Oliver Kopp]
---

# Use MADR 4

## Context and Problem Statement

How do we write decisions down?

## Decision Outcome

Chosen option: "MADR 4", because it is current.

### Consequences

* Good, because it is structured.

### Confirmation

Reviews check it.
`,
    'docs/decisions/002-use-c#-for-tooling (draft).md': `---
date: 2024-10-01
decision-makers: Ana
---

# Use C# for tooling

## Context and Problem Statement

Tools are written in many languages.

## Considered Options

* C#
* Go
`,
    'docs/decisions/003-use-argo-cd.md': `---
status: proposed
date: 2024-11-20
decision-makers: [Ana, Luis]
tags: [delivery, kubernetes]
---

# Use Argo CD

## Context and Problem Statement

Deployments drift.
`,
  },
  expected: [
    [1, 'Use MADR 4', 'accepted'],
    [2, 'Use C# for tooling', 'none'],
    [3, 'Use Argo CD', 'proposed'],
  ],
  next: { style: 'madr4', name: /^004-use-redis\.md$/ },
};

/** log4brains: `.log4brains.yml`, dated names, `- Status:` bullets (optional: accepted), Tags, superseded by a slug link. */
export const LOG4BRAINS: FixtureLog = {
  folder: 'docs/adr',
  files: {
    '.log4brains.yml': 'project:\n  name: Shop\n  tz: Europe/Madrid\n  adrFolder: ./docs/adr\n',
    'docs/adr/20240105-use-log4brains-to-manage-the-adrs.md': `# Use Log4brains to manage the ADRs

- Status: accepted
- Date: 2024-01-05
- Tags: dev-tools, doc

## Context and Problem Statement

We want to record architectural decisions made in this project.

## Decision Outcome

Chosen option: "Log4brains", because it publishes a static site.
`,
    'docs/adr/20240212-use-nextjs-for-the-storefront.md': `# Use Next.js for the storefront

- Status: superseded by [20240601-use-astro-for-the-storefront](20240601-use-astro-for-the-storefront.md)
- Deciders: Ana
- Tags: frontend

## Context and Problem Statement

The storefront must render on the server.

## Links

- Relates to [Use Log4brains to manage the ADRs](20240105-use-log4brains-to-manage-the-adrs.md)
`,
    'docs/adr/20240601-use-astro-for-the-storefront.md': `# Use Astro for the storefront

- Deciders: Ana, Luis
- Tags: frontend, performance

## Context and Problem Statement

Pages ship too much JavaScript.
`,
  },
  expected: [
    [1, 'Use Log4brains to manage the ADRs', 'accepted'],
    [2, 'Use Next.js for the storefront', 'superseded'],
    [3, 'Use Astro for the storefront', 'accepted'],
  ],
  next: { style: 'log4brains', name: /^\d{8}-use-redis\.md$/ },
};

/** MADR 4 published with a site generator: front matter for navigation only, statuses left out. */
export const MADR_SITE: FixtureLog = {
  folder: 'docs/decisions',
  files: {
    'docs/decisions/0000-use-markdown-architectural-decision-records.md': `---
parent: Decisions
nav_order: 0
---
# Use Markdown Architectural Decision Records

## Context and Problem Statement

Which format and structure should these records follow?

## Considered Options

* MADR 4.0.0
* Formless

## Decision Outcome

Chosen option: "MADR 4.0.0", because it is lean.
`,
    'docs/decisions/0001-use-dashes-in-filenames.md': `---
parent: Decisions
nav_order: 1
---
# Use Dashes in Filenames

## Context and Problem Statement

What is the pattern of the filename where an ADR is stored?

## Decision Outcome

Chosen option: "Dashes", because they read well.

### Confirmation

The file names are checked in review.
`,
  },
  expected: [
    [0, 'Use Markdown Architectural Decision Records', 'none'],
    [1, 'Use Dashes in Filenames', 'none'],
  ],
  next: { style: 'madr4', name: /^0002-use-redis\.md$/ },
};

export const STYLED_LOGS = {
  'adr-tools': ADR_TOOLS,
  'MADR 2': MADR2,
  'MADR 3': MADR3,
  'MADR 4': MADR4,
  'MADR 4 on a site': MADR_SITE,
  log4brains: LOG4BRAINS,
};

/**
 * A log two teams grew apart: adr-tools files and log4brains files side by side, one number taken on
 * two branches, file names with `#`, spaces and parentheses, links between all of them.
 */
export const MIXED: FixtureLog = {
  folder: 'docs/adr',
  files: {
    'docs/adr/0001-record-architecture-decisions.md': `# 1. Record architecture decisions

Date: 2024-01-02

## Status

Accepted

## Context

We need to record the architectural decisions made on this project.
`,
    'docs/adr/0002-use-c#-for-tools.md': `# 2. Use C# for tools

Date: 2024-02-01

## Status

Accepted

${NYGARD_BODY}`,
    'docs/adr/0002-use-kotlin (jvm).md': `# 2. Use Kotlin (JVM)

Date: 2024-02-03

## Status

Proposed

Relates to [2. Use C# for tools](0002-use-c%23-for-tools.md)

${NYGARD_BODY}`,
    'docs/adr/20240301-adopt-log4brains.md': `# Adopt log4brains

- Status: accepted
- Date: 2024-03-01

## Context and Problem Statement

We want a static site of the log.

## Links

- Relates to [1. Record architecture decisions](0001-record-architecture-decisions.md)
- Relates to [2. Use Kotlin (JVM)](<0002-use-kotlin (jvm).md>)
`,
  },
  expected: [
    [1, 'Record architecture decisions', 'accepted'],
    [2, 'Use C# for tools', 'accepted'],
    [2, 'Use Kotlin (JVM)', 'proposed'],
    [3, 'Adopt log4brains', 'accepted'],
  ],
  next: { style: 'log4brains', name: /^\d{8}-use-redis\.md$/ },
};

/**
 * A log where every relation is written on both of its records, each side in its own way: English
 * and Spanish link lines (adr-tools' `Superseded by` against a hand-written `Reemplaza a`, `Led to`
 * against `Se deriva de`, `Amended by` against a MADR `Modifica`), a MADR status that names its
 * successor by number only against a link by file name, and two records that both write the
 * symmetric relation. Five relations: the graph draws five edges.
 */
export const RELATIONS_BOTH_WAYS: FixtureLog = {
  folder: 'doc/adr',
  files: {
    '.adr-dir': 'doc/adr\n',
    'doc/adr/0001-record-architecture-decisions.md': adrToolsInit(
      '2025-01-10',
      'Accepted\n\nAmended by [5. Keep one decision log per service](0005-keep-one-decision-log-per-service.md)',
    ),
    'doc/adr/0002-use-rabbitmq-for-events.md': `# 2. Use RabbitMQ for events

Date: 2025-02-01

## Status

Superseded by [3. Usar Kafka para los eventos](0003-usar-kafka-para-los-eventos.md)

Led to [4. Particionar los temas por cliente](0004-particionar-los-temas-por-cliente.md)

${NYGARD_BODY}`,
    'doc/adr/0003-usar-kafka-para-los-eventos.md': `# 3. Usar Kafka para los eventos

Fecha: 2025-03-01

## Estado

Aceptada

Reemplaza a [2. Use RabbitMQ for events](0002-use-rabbitmq-for-events.md)

## Contexto

RabbitMQ no guarda los eventos el tiempo que hace falta.
`,
    'doc/adr/0004-particionar-los-temas-por-cliente.md': `# 4. Particionar los temas por cliente

Fecha: 2025-03-15

## Estado

Aceptada

Se deriva de [2. Use RabbitMQ for events](0002-use-rabbitmq-for-events.md)

## Contexto

Cada cliente necesita su propio orden de eventos.
`,
    'doc/adr/0005-keep-one-decision-log-per-service.md': `---
status: accepted
date: 2025-04-01
---
# Keep one decision log per service

## Context and Problem Statement

Services are released on their own.

## More Information

* Modifica [ADR-0001](0001-record-architecture-decisions.md)
`,
    'doc/adr/0006-use-rest-between-services.md': `# Use REST between services

* Status: superseded by ADR-0007
* Date: 2025-05-01

## Context and Problem Statement

Services talk over HTTP.
`,
    'doc/adr/0007-use-grpc-between-services.md': `# Use gRPC between services

* Status: accepted
* Date: 2025-06-01

## Context and Problem Statement

Chatty calls cost too much.

## Links

* Supersedes [ADR-0006](0006-use-rest-between-services.md)
`,
    'doc/adr/0008-use-postgresql.md': `# 8. Use PostgreSQL

Date: 2025-07-01

## Status

Accepted

Relates to [9. Usar Flyway para las migraciones](0009-usar-flyway-para-las-migraciones.md)

${NYGARD_BODY}`,
    'doc/adr/0009-usar-flyway-para-las-migraciones.md': `# 9. Usar Flyway para las migraciones

Fecha: 2025-07-02

## Estado

Aceptada

Se relaciona con [8. Use PostgreSQL](0008-use-postgresql.md)
`,
  },
  expected: [
    [1, 'Record architecture decisions', 'accepted'],
    [2, 'Use RabbitMQ for events', 'superseded'],
    [3, 'Usar Kafka para los eventos', 'accepted'],
    [4, 'Particionar los temas por cliente', 'accepted'],
    [5, 'Keep one decision log per service', 'accepted'],
    [6, 'Use REST between services', 'superseded'],
    [7, 'Use gRPC between services', 'accepted'],
    [8, 'Use PostgreSQL', 'accepted'],
    [9, 'Usar Flyway para las migraciones', 'accepted'],
  ],
  next: { style: 'nygard', name: /^0010-use-redis\.md$/ },
};
