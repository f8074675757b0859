import { spawnSync } from 'node:child_process';
import { chmodSync, cpSync, existsSync, mkdirSync, readFileSync, readdirSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import { parse as parseYamlText } from 'yaml';
import type { AdrRecord } from '../src/adr/types.js';
import { formatProblem, UsageError } from '../src/core/errors.js';
import type { Tree } from '../src/core/types.js';
import { checkShippedDecisions } from '../src/build/check-decisions.js';
import { checkStarterManifests, checkStartersAgainstTrees } from '../src/build/check-starters.js';
import { findStarter, loadCatalog, SCAFFOLD_DIR, starterIds } from '../src/scaffold/catalog.js';
import { chooseFromAdrs } from '../src/scaffold/from-adrs.js';
import { parseManifest } from '../src/scaffold/manifest.js';
import { buildOptions, parseServices } from '../src/scaffold/options.js';
import { planOps } from '../src/scaffold/plan.js';
import { starterFiles } from '../src/scaffold/starter-files.js';
import { copyDir, renderTemplateDir } from '../src/scaffold/templates.js';
import type { PlannedFile, StarterManifest } from '../src/scaffold/types.js';
import { ROOT, runCli, tempDir } from './support/cli.js';
import { contentText, plannedText, planStarter } from './support/planned.js';

const text = plannedText;
const paths = (files: PlannedFile[]) => files.map((f) => f.path);

const catalog = await loadCatalog();
const manifest = (id: string): StarterManifest => {
  const found = findStarter(catalog, id);
  if (!found) throw new Error(`no starter ${id}`);
  return found;
};

const plan = planStarter;

/** Every planned file is rendered (no Handlebars left) and every JSON file parses. */
function expectWellFormed(files: PlannedFile[]): void {
  for (const file of files) {
    const content = contentText(file);
    expect(content, file.path).not.toMatch(/\{\{/);
    expect(file.path, 'no unexpanded placeholder or .hbs').not.toMatch(/__\w+__|\.hbs$/);
    if (file.path.endsWith('.json')) expect(() => JSON.parse(content), file.path).not.toThrow();
  }
}

describe('template rendering', () => {
  it('renders only .hbs files, copies the rest byte for byte, renames dotfiles, expands __service__', async () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'apps/__service__'), { recursive: true });
    writeFileSync(join(dir, '_gitignore'), 'node_modules/\n');
    writeFileSync(join(dir, '_env.example.hbs'), 'NAME={{name}}\n');
    writeFileSync(join(dir, 'apps/__service__/main.ts.hbs'), 'export const service = "{{service}}";\n');
    writeFileSync(join(dir, 'raw.txt'), 'kept as is: {{name}}\n');
    const png = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0xff, 0x7b, 0x7b, 0x0d, 0x0a, 0x1a, 0x0a]);
    writeFileSync(join(dir, 'logo.png'), png);
    writeFileSync(join(dir, 'run.sh'), '#!/bin/sh\necho hi\n');
    chmodSync(join(dir, 'run.sh'), 0o755);
    writeFileSync(join(dir, 'optional.ts.hbs'), '{{#if extra}}extra{{/if}}\n');

    const files = await renderTemplateDir(dir, { name: 'demo', extra: false }, {
      services: [{ name: 'orders', context: {} }, { name: 'billing', context: {} }],
    });
    expect(paths(files)).toEqual([
      '.env.example',
      '.gitignore',
      'apps/billing/main.ts',
      'apps/orders/main.ts',
      'logo.png',
      'raw.txt',
      'run.sh',
    ]);
    expect(text(files, '.env.example')).toBe('NAME=demo\n');
    expect(text(files, 'apps/billing/main.ts')).toBe('export const service = "billing";\n');
    expect(text(files, 'raw.txt')).toBe('kept as is: {{name}}\n');
    expect(Buffer.from(files.find((f) => f.path === 'logo.png')!.content as Uint8Array)).toEqual(Buffer.from(png));
    expect(files.find((f) => f.path === 'run.sh')?.mode).toBe(0o755);
  });

  it('fails on a field the template uses but the context lacks (strict mode)', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'a.txt.hbs'), '{{missing}}');
    await expect(renderTemplateDir(dir, {})).rejects.toThrow(/a\.txt\.hbs.*missing/s);
  });

  it('copies a folder of plain files (Helm templates) with the same names, and refuses one holding templates', () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'templates'));
    writeFileSync(join(dir, 'templates/deployment.yaml'), 'name: {{ .Release.Name }}\n');
    writeFileSync(join(dir, '_helmignore'), '.git/\n');
    expect(copyDir(dir).map((f) => [f.path, Buffer.from(f.content).toString('utf8')])).toEqual([
      ['.helmignore', '.git/\n'],
      ['templates/deployment.yaml', 'name: {{ .Release.Name }}\n'],
    ]);
    writeFileSync(join(dir, 'NOTES.txt.hbs'), '{{name}}');
    expect(() => copyDir(dir)).toThrow(/NOTES\.txt\.hbs/);
  });
});

describe('plan vs disk', () => {
  const files: PlannedFile[] = [
    { path: 'a.txt', content: 'same' },
    { path: 'b.txt', content: 'new version' },
    { path: 'c.txt', content: Uint8Array.from([1, 2, 3]) },
  ];
  const existing = new Map([
    ['a.txt', new TextEncoder().encode('same')],
    ['b.txt', new TextEncoder().encode('old version')],
  ]);

  it('creates missing files, skips identical ones and overwrites changed ones only with force', () => {
    expect(planOps(files, existing, true).map((o) => [o.path, o.action])).toEqual([
      ['a.txt', 'skip'],
      ['b.txt', 'overwrite'],
      ['c.txt', 'create'],
    ]);
    expect(planOps(files, existing, false).map((o) => o.action)).toEqual(['skip', 'skip', 'create']);
  });
});

describe('service names', () => {
  it.each([
    ['../x', /not a valid service name/],
    ['A B', /not a valid service name/],
    ['Orders', /not a valid service name.*did you mean "orders"/],
    ['orders,', /empty service name/],
    ['common', /reserved/],
    ['orders,orders', /listed twice/],
    ['1st', /not a valid service name/],
    ['a--b', /not a valid service name/],
    ['x'.repeat(41), /at most 40/],
  ])('rejects %j', (raw, message) => {
    expect(() => parseServices(raw, [])).toThrow(UsageError);
    expect(() => parseServices(raw, [])).toThrow(message);
  });

  it('accepts kebab-case names and keeps their order', () => {
    expect(parseServices('orders, billing,user-profile', [])).toEqual(['orders', 'billing', 'user-profile']);
    expect(parseServices(undefined, ['a'])).toEqual(['a']);
  });

  it('rejects an unknown transport or database', () => {
    expect(() => buildOptions(manifest('nest-microservices'), { transport: 'nats' }, '/tmp')).toThrow(
      /--transport "nats" is not one of rabbitmq, kafka \(the nest-microservices starter\)/,
    );
    expect(() => buildOptions(manifest('nest-microservices'), { database: 'mysql' }, '/tmp')).toThrow(/--database/);
  });
});

describe('nest-microservices plan', () => {
  it.each([
    ['rabbitmq', 'mongodb'],
    ['rabbitmq', 'postgres'],
    ['kafka', 'mongodb'],
    ['kafka', 'postgres'],
  ] as const)('%s + %s: one app per service, the right client libraries, well-formed files', async (transport, database) => {
    const files = await plan('nest-microservices', { transport, database });
    expectWellFormed(files);
    for (const service of ['orders', 'billing', 'auth']) {
      expect(paths(files)).toContain(`apps/${service}/src/main.ts`);
      expect(paths(files)).toContain(`apps/${service}/Dockerfile`);
    }
    const pkg = JSON.parse(text(files, 'package.json')) as { dependencies: Record<string, string>; scripts: Record<string, string> };
    expect(Object.keys(pkg.dependencies).includes('amqplib')).toBe(transport === 'rabbitmq');
    expect(Object.keys(pkg.dependencies).includes('@platformatic/kafka')).toBe(transport === 'kafka');
    expect(Object.keys(pkg.dependencies).includes('mongoose')).toBe(database === 'mongodb');
    expect(Object.keys(pkg.dependencies).includes('pg')).toBe(database === 'postgres');
    expect(pkg.dependencies['@nestjs/core']).toMatch(/^\^11\./);
    expect(pkg.scripts.build).toBe('nest build orders && nest build billing && nest build auth');
    expect(paths(files).includes('docker/postgres/init.sql')).toBe(database === 'postgres');
    expect(paths(files).includes('test/orders-repository.spec.ts')).toBe(database === 'postgres');
    const compose = text(files, 'docker-compose.yml');
    expect(compose).toContain(transport === 'rabbitmq' ? 'rabbitmq:' : 'kafka:');
    expect(compose).toContain(database === 'mongodb' ? 'mongo:8' : 'postgres:18');
    expect(compose).not.toMatch(/PASSWORD:\s*\w+\s*$/m); // no literal default password
    expect(text(files, 'apps/orders/src/orders.service.ts')).toContain("ORDER_PLACED");
    expect(text(files, 'apps/billing/src/billing.controller.ts')).toContain('@EventPattern(ORDER_PLACED)');
    expect(paths(files).includes('test/support/node-environment.cjs')).toBe(transport === 'kafka');
  });

  it('gives every service its own port and a non-root, health-checked image', async () => {
    const files = await plan('nest-microservices');
    expect(text(files, 'apps/orders/src/env.ts')).toContain('PORT: number = 3000');
    expect(text(files, 'apps/billing/src/env.ts')).toContain('PORT: number = 3001');
    const dockerfile = text(files, 'apps/auth/Dockerfile');
    expect(dockerfile).toMatch(/^USER 1000:1000$/m);
    expect(dockerfile).toContain('HEALTHCHECK');
    expect(dockerfile.match(/^FROM /gm)).toHaveLength(3);
    expect(text(files, 'apps/auth/src/env.ts')).toContain('JWT_SECRET');
    expect(text(files, '.env.example')).toMatch(/^JWT_SECRET=$/m);
  });

  it('uses the given services: the first two exchange the event, an auth-like one issues tokens', async () => {
    const files = await plan('nest-microservices', { services: ['shipping', 'invoicing', 'identity', 'search'] });
    expectWellFormed(files);
    expect(paths(files).filter((p) => p.endsWith('/main.ts'))).toEqual([
      'apps/identity/src/main.ts',
      'apps/invoicing/src/main.ts',
      'apps/search/src/main.ts',
      'apps/shipping/src/main.ts',
    ]);
    expect(text(files, 'libs/common/src/dto/events.ts')).toContain("'shipping.created'");
    expect(text(files, 'apps/invoicing/src/invoicing.controller.ts')).toContain('@EventPattern(SHIPPING_CREATED)');
    expect(paths(files)).toContain('apps/identity/src/password.ts');
    expect(paths(files)).not.toContain('apps/search/src/password.ts');
    expect(text(files, 'test/messaging.spec.ts')).toContain('shipping -> invoicing');
  });

  it('a single service gets no messaging test (nothing to exchange)', async () => {
    const files = await plan('nest-microservices', { services: ['catalog'] });
    expectWellFormed(files);
    expect(paths(files)).not.toContain('test/messaging.spec.ts');
  });
});

describe('saga plan', () => {
  it('orchestration: steps, orchestrator and request/reply; PostgreSQL state only with --database postgres', async () => {
    const memory = await plan('saga', { sagaStyle: 'orchestration' });
    const pg = await plan('saga', { sagaStyle: 'orchestration', database: 'postgres' });
    expectWellFormed(memory);
    expectWellFormed(pg);
    expect(paths(memory)).toEqual(expect.arrayContaining(['src/saga/orchestrator.ts', 'src/reservation/steps.ts', 'src/messaging/rabbitmq-commands.ts']));
    expect(paths(memory)).not.toContain('src/saga/pg-saga-repository.ts');
    expect(paths(pg)).toEqual(expect.arrayContaining(['src/saga/pg-saga-repository.ts', 'test/pg-saga-repository.test.ts']));
    expect(paths(memory).some((p) => p.startsWith('src/choreography/'))).toBe(false);
    expect(text(memory, 'src/messaging/messages.ts')).toContain("'payment.refund'");
    expect(JSON.parse(text(pg, 'package.json')).dependencies.pg).toBeDefined();
  });

  it('--transport kafka: Kafka request/reply and event bus instead of RabbitMQ', async () => {
    const orchestration = await plan('saga', { sagaStyle: 'orchestration', transport: 'kafka', database: 'postgres' });
    const choreography = await plan('saga', { sagaStyle: 'choreography', transport: 'kafka' });
    expectWellFormed(orchestration);
    expectWellFormed(choreography);
    expect(paths(orchestration)).toEqual(expect.arrayContaining(['src/messaging/kafka-commands.ts', 'compose.yaml', 'Dockerfile']));
    expect(paths(orchestration)).not.toContain('src/messaging/rabbitmq-commands.ts');
    expect(paths(choreography)).toContain('src/choreography/kafka-bus.ts');
    expect(paths(choreography)).not.toContain('src/choreography/rabbitmq-bus.ts');
    for (const files of [orchestration, choreography]) {
      const deps = JSON.parse(text(files, 'package.json')).dependencies as Record<string, string>;
      expect(Object.keys(deps)).toContain('@platformatic/kafka');
      expect(Object.keys(deps)).not.toContain('amqplib');
    }
  });

  it('choreography: events, outbox and relay, no orchestrator', async () => {
    const files = await plan('saga', { sagaStyle: 'choreography' });
    expectWellFormed(files);
    expect(paths(files)).toEqual(expect.arrayContaining(['src/choreography/outbox.ts', 'src/choreography/rabbitmq-bus.ts']));
    expect(paths(files)).not.toContain('src/saga/orchestrator.ts');
    expect(text(files, 'README.md')).toContain('transactional outbox');
  });
});

describe('modular-monolith plan', () => {
  it('a module per service with a public index and private internals, plus the boundary test', async () => {
    const files = await plan('modular-monolith', { services: ['orders', 'billing', 'identity'] });
    expectWellFormed(files);
    for (const m of ['orders', 'billing', 'identity']) {
      expect(paths(files)).toContain(`src/modules/${m}/index.ts`);
      expect(paths(files)).toContain(`src/modules/${m}/internal/${m}.service.ts`);
    }
    expect(text(files, 'src/modules/orders/internal/orders.service.ts')).toContain("from '../../billing'");
    expect(paths(files)).toContain('test/module-boundaries.spec.ts');
    expect(paths(files)).toContain('test/fixtures/violation/modules/alpha/internal/alpha.service.ts');
  });
});

describe('choosing a starter from the ADR log', () => {
  const record = (number: number, tree: string, outcome: string, status: AdrRecord['status'] = 'accepted'): AdrRecord => ({
    number,
    title: `${tree} ${outcome}`,
    status,
    statusText: status,
    file: `/adr/${number}.md`,
    links: [],
    style: 'madr4',
    tags: [],
    wizard: { tree, reviewed: '2026-01-01', outcome, drivers: {}, assumed: [] },
    body: '',
  });

  const choose = (records: AdrRecord[], named?: string) => chooseFromAdrs(records, catalog.starters, named);

  it('maps microservices, modular monoliths and saga styles; ignores proposed ADRs', () => {
    expect(choose([record(1, 'architecture-style', 'microservices')])?.starter).toBe('nest-microservices');
    expect(choose([record(1, 'architecture-style', 'modular-monolith')])?.starter).toBe('modular-monolith');
    expect(choose([record(1, 'architecture-style', 'modular-monolith-with-extracted-services')])?.starter).toBe('modular-monolith');
    expect(choose([record(1, 'architecture-style', 'monolith')])).toBeUndefined();
    expect(choose([record(1, 'architecture-style', 'microservices', 'proposed')])).toBeUndefined();
    const saga = choose([
      record(1, 'architecture-style', 'microservices'),
      record(2, 'saga-coordination', 'choreography'),
      record(3, 'kubernetes-ingress', 'aws-alb'),
    ]);
    // The saga decision is the most specific; the saga starter takes no ingress, so none is implied.
    expect(saga).toMatchObject({ starter: 'saga', flags: { sagaStyle: 'choreography' } });
    expect(saga?.flags).toEqual({ sagaStyle: 'choreography' });
    expect(saga?.because).toEqual([{ number: 2, tree: 'saga-coordination', outcome: 'choreography' }]);
    expect(saga?.also).toEqual(['nest-microservices', 'helm']);
    expect(choose([record(2, 'saga-coordination', 'local-transaction')])).toBeUndefined();
    expect(choose([record(5, 'mlops-platform', 'mlflow'), record(6, 'kubernetes-ingress', 'nginx')])).toMatchObject({
      starter: 'mlops-platform',
      flags: { ingress: 'nginx' },
      also: ['helm'],
    });
  });

  it('a named starter takes only its options from the ADRs', () => {
    const log = [
      record(1, 'architecture-style', 'microservices'),
      record(2, 'kubernetes-hosting', 'amazon-eks-auto-mode'),
      record(3, 'kubernetes-ingress', 'gateway-api'),
      record(4, 'saga-coordination', 'orchestration'),
    ];
    expect(choose(log, 'helm')).toMatchObject({
      starter: 'helm',
      flags: { ingress: 'gateway-api', hosting: 'amazon-eks-auto-mode' },
    });
    expect(choose(log, 'helm')?.flags.sagaStyle).toBeUndefined();
    expect(choose(log, 'saga')).toMatchObject({ starter: 'saga', flags: { sagaStyle: 'orchestration' } });
    expect(choose(log, 'nest-microservices')?.flags).toEqual({});
    expect(choose(log, 'nest-microservices')?.because).toEqual([{ number: 1, tree: 'architecture-style', outcome: 'microservices' }]);
    // Kubernetes decisions alone call for the deployment chart.
    expect(choose([record(3, 'kubernetes-ingress', 'nginx')])).toMatchObject({ starter: 'helm', flags: { ingress: 'nginx' } });
  });

  it('the latest accepted ADR of a tree wins', () => {
    const choice = choose([
      record(1, 'architecture-style', 'microservices'),
      record(4, 'architecture-style', 'modular-monolith'),
    ]);
    expect(choice?.starter).toBe('modular-monolith');
    expect(choice?.because).toEqual([{ number: 4, tree: 'architecture-style', outcome: 'modular-monolith' }]);
  });
});

function listTree(dir: string, rel = ''): string[] {
  return readdirSync(join(dir, rel)).flatMap((name) => {
    const path = rel ? `${rel}/${name}` : name;
    return statSync(join(dir, path)).isDirectory() ? listTree(dir, path) : [path];
  });
}

describe('adr-wizard scaffold (the binary)', () => {
  it('--dry-run prints every file and writes nothing', async () => {
    const cwd = tempDir();
    const result = await runCli(['scaffold', 'nest-microservices', '--out', 'svc', '--dry-run'], { cwd });
    expect(result.code).toBe(0);
    expect(existsSync(join(cwd, 'svc'))).toBe(false);
    expect(result.stdout).toContain('dry run: nothing written');
    expect(result.stdout).toMatch(/create\s+apps\/orders\/src\/main\.ts/);
    expect(result.stdout).toMatch(/create\s+\.gitignore/);
    expect(result.stdout).toContain('Next steps:');
    expect(result.stdout).toContain('npm install');
  });

  it('writes the starter, then refuses a non-empty folder without --force', async () => {
    const cwd = tempDir();
    const first = await runCli(['scaffold', 'modular-monolith', '--out', 'mono'], { cwd });
    expect(first.code).toBe(0);
    const written = listTree(join(cwd, 'mono'));
    expect(written).toContain('.gitignore');
    expect(written).toContain('src/modules/orders/index.ts');
    expect(written).not.toContain('_gitignore');

    writeFileSync(join(cwd, 'mono/NOTES.md'), 'mine\n');
    writeFileSync(join(cwd, 'mono/README.md'), 'edited by me\n');
    const again = await runCli(['scaffold', 'modular-monolith', '--out', 'mono'], { cwd });
    expect(again.code).toBe(2);
    expect(again.stderr).toMatch(/is not empty \(.*NOTES\.md.*\); choose another --out or pass --force/);
    expect(again.stderr).not.toMatch(/\n\s+at /); // no stack trace
    expect(readFileSync(join(cwd, 'mono/README.md'), 'utf8')).toBe('edited by me\n');

    const forced = await runCli(['scaffold', 'modular-monolith', '--out', 'mono', '--force'], { cwd });
    expect(forced.code).toBe(0);
    expect(forced.stdout).toMatch(/overwrite\s+README\.md/);
    expect(forced.stdout).toMatch(/skip\s+package\.json \(unchanged\)/);
    expect(readFileSync(join(cwd, 'mono/README.md'), 'utf8')).toContain('modular monolith');
    expect(readFileSync(join(cwd, 'mono/NOTES.md'), 'utf8')).toBe('mine\n');
  });

  it('treats a folder holding only .git as empty', async () => {
    const cwd = tempDir();
    mkdirSync(join(cwd, 'repo/.git'), { recursive: true });
    const result = await runCli(['scaffold', 'saga', '--out', 'repo'], { cwd });
    expect(result.code).toBe(0);
    expect(existsSync(join(cwd, 'repo/src/saga/orchestrator.ts'))).toBe(true);
  });

  it('--json prints one document with the plan', async () => {
    const cwd = tempDir();
    const result = await runCli(['scaffold', 'saga', '--saga-style', 'choreography', '--out', 's', '--json', '--dry-run'], { cwd });
    expect(result.code).toBe(0);
    const doc = JSON.parse(result.stdout) as { starter: string; dryRun: boolean; options: { sagaStyle: string }; files: { path: string; action: string; bytes: number }[]; nextSteps: string[] };
    expect(doc.starter).toBe('saga');
    expect(doc.dryRun).toBe(true);
    expect(doc.options.sagaStyle).toBe('choreography');
    expect(doc.files.find((f) => f.path === 'src/choreography/outbox.ts')).toMatchObject({ action: 'create' });
    expect(doc.files.every((f) => f.bytes > 0)).toBe(true);
    expect(doc.nextSteps.length).toBeGreaterThan(0);
  });

  it.each([
    [['--services', '../x'], /--services: "\.\.\/x" is not a valid service name/],
    [['--services', 'A B'], /not a valid service name/],
    [['--services', 'orders,common'], /"common" is reserved/],
    [['--services', 'a,a'], /listed twice/],
    [['--transport', 'nats'], /--transport/],
  ])('rejects %j with exit 2 and one clear line', async (args, message) => {
    const cwd = tempDir();
    const result = await runCli(['scaffold', 'nest-microservices', '--out', 'x', ...args], { cwd });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(message);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(existsSync(join(cwd, 'x'))).toBe(false);
  });

  it('suggests the closest starter for a typo', async () => {
    const result = await runCli(['scaffold', 'nest-microservice', '--dry-run'], { cwd: tempDir() });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('unknown starter "nest-microservice" (did you mean "nest-microservices"?)');
  });

  it.each([
    [['saga', '--transport', 'nats'], '--transport "nats" is not one of rabbitmq, kafka (the saga starter)'],
    [['saga', '--database', 'mongodb'], '--database "mongodb" is not one of memory, postgres (the saga starter)'],
    [['saga', '--services', 'a,b'], '--services: the saga starter has fixed services (reservation, payment, availability)'],
    [['modular-monolith', '--transport', 'kafka'], '--transport: the modular-monolith starter does not take --transport (its options: --services, --database)'],
    [['modular-monolith', '--database', 'mongodb'], '--database "mongodb" is not one of postgres (the modular-monolith starter)'],
    [['nest-microservices', '--saga-style', 'choreography'], '--saga-style: the nest-microservices starter does not take --saga-style'],
    [['helm', '--database', 'postgres'], '--database: the helm starter does not take --database (its options: --services, --ingress, --hosting)'],
    [['mlops-platform', '--services', 'a'], '--services: the mlops-platform starter has fixed services (inference-api, ui)'],
    [['mlops-platform', '--transport', 'kafka'], '--transport: the mlops-platform starter does not take --transport (its options: --ingress, --hosting)'],
  ])('refuses a flag or value the starter does not declare: %j', async (args, message) => {
    const result = await runCli(['scaffold', ...args, '--dry-run'], { cwd: tempDir() });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(message);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('accepts what the manifests declare: saga on Kafka with in-memory state, --database memory', async () => {
    const cwd = tempDir();
    const result = await runCli(['scaffold', 'saga', '--transport', 'kafka', '--database', 'memory', '--out', 's', '--json', '--dry-run'], { cwd });
    expect(result.stderr).toBe('');
    const doc = JSON.parse(result.stdout) as { options: Record<string, unknown> };
    expect(doc.options).toEqual({
      name: 's',
      services: ['reservation', 'payment', 'availability'],
      transport: 'kafka',
      database: 'memory',
      sagaStyle: 'orchestration',
    });
    const helm = JSON.parse((await runCli(['scaffold', 'helm', '--out', 'h', '--json', '--dry-run'], { cwd })).stdout) as { options: Record<string, unknown> };
    expect(helm.options).toEqual({ name: 'h', services: ['orders', 'billing', 'auth'], ingress: 'gateway-api', hosting: null });
  });

  it('--help lists every starter from its manifest: id, description, accepted options', async () => {
    for (const args of [['scaffold', '--help'], ['scaffold', '-h']]) {
      const result = await runCli(args, { cwd: tempDir() });
      expect(result.code).toBe(0);
      const listed = result.stdout.slice(result.stdout.indexOf('Starters'));
      for (const starter of catalog.starters) {
        expect(listed).toContain(`  ${starter.id}\n    ${starter.description.en}\n`);
      }
      expect(listed).toMatch(/ {2}saga\n.*\n {4}--services {4}fixed: reservation, payment, availability\n {4}--transport {3}rabbitmq \(default\), kafka\n {4}--database {4}memory \(default\), postgres\n/);
      expect(listed).not.toMatch(/ {2}modular-monolith\n.*\n(?: {4}.*\n)*? {4}--transport/);
    }
  });

  it('--from-adrs picks the starter and saga style from the accepted ADRs', async () => {
    const cwd = tempDir();
    mkdirSync(join(cwd, '.git'));
    mkdirSync(join(cwd, 'doc/adr'), { recursive: true });
    const adr = (tree: string, outcome: string, status: string) =>
      `---\nstatus: ${status}\ndate: 2026-01-01\nadr-wizard:\n  tree: ${tree}\n  reviewed: 2026-01-01\n  outcome: ${outcome}\n  drivers: {}\n  assumed: []\n---\n\n# ${tree}\n`;
    writeFileSync(join(cwd, 'doc/adr/0001-architecture.md'), adr('architecture-style', 'microservices', 'accepted'));
    writeFileSync(join(cwd, 'doc/adr/0002-saga.md'), adr('saga-coordination', 'choreography', 'accepted'));
    const result = await runCli(['scaffold', '--from-adrs', '--out', 'app', '--json', '--dry-run'], { cwd });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const doc = JSON.parse(result.stdout) as { starter: string; options: { sagaStyle: string }; from: string; also: string[] };
    expect(doc.starter).toBe('saga');
    expect(doc.options.sagaStyle).toBe('choreography');
    expect(doc.from).toContain('ADR 2 saga-coordination: choreography');
    expect(doc.also).toEqual(['nest-microservices']);
    const text = await runCli(['scaffold', '--from-adrs', '--out', 'app', '--dry-run'], { cwd });
    expect(text.stdout).toContain('The ADRs also call for nest-microservices: adr-wizard scaffold nest-microservices --from-adrs');
  });

  it('--from-adrs says so when no accepted ADR calls for a starter', async () => {
    const cwd = tempDir();
    mkdirSync(join(cwd, '.git'));
    const result = await runCli(['scaffold', '--from-adrs', '--dry-run'], { cwd });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/no accepted ADR .* calls for a starter/);
  });
});

describe('a starter is one folder with a manifest', () => {
  /** A starter made only of templates: no code anywhere else. */
  function helloStarter(root: string): void {
    const dir = join(root, 'hello');
    mkdirSync(join(dir, 'apps/__service__'), { recursive: true });
    writeFileSync(
      join(dir, 'starter.yaml'),
      [
        'id: hello',
        'description: { en: Hello services, es: Servicios de saludo }',
        'options:',
        '  services: { default: [greeter, echo] }',
        '  database: { values: [memory, postgres], default: memory }',
        'nextSteps:',
        '  - cd {{out}}',
        '  - echo {{name}}',
        '',
      ].join('\n'),
    );
    writeFileSync(join(dir, 'README.md.hbs'), '# {{name}}\n{{#each serviceNames}}- {{this}}\n{{/each}}{{#if postgres}}PostgreSQL{{else}}in memory{{/if}}\n');
    writeFileSync(join(dir, 'apps/__service__/main.js.hbs'), 'console.log("{{service}}");\n');
  }

  it('the catalogue reads a new folder: listed, planned from its templates, its flags checked', async () => {
    const root = tempDir();
    helloStarter(root);
    mkdirSync(join(root, 'shared-templates')); // a folder without a manifest is not a starter
    const own = await loadCatalog(root);
    expect(starterIds(own)).toEqual(['hello']);
    const hello = findStarter(own, 'hello')!;
    const options = buildOptions(hello, { database: 'postgres' }, root);
    expect(options).toMatchObject({ services: ['greeter', 'echo'], database: 'postgres', name: 'hello' });
    expect(options.transport).toBeUndefined();
    const files = await starterFiles(own, hello, options);
    expect(paths(files)).toEqual(['README.md', 'apps/echo/main.js', 'apps/greeter/main.js']);
    expect(text(files, 'README.md')).toBe('# hello\n- greeter\n- echo\nPostgreSQL\n');
    expect(() => buildOptions(hello, { transport: 'kafka' }, root)).toThrow('--transport: the hello starter does not take --transport (its options: --services, --database)');
  });

  it('the binary scaffolds a folder added to an installed package, and lists it in --help', { timeout: 60_000 }, async () => {
    const pkg = tempDir('adr-wizard-package-');
    for (const name of ['bin', 'dist', 'decisions', 'templates', 'package.json']) cpSync(join(ROOT, name), join(pkg, name), { recursive: true });
    symlinkSync(join(ROOT, 'node_modules'), join(pkg, 'node_modules'), 'dir');
    helloStarter(join(pkg, 'templates', 'scaffold'));
    const cwd = tempDir();
    const bin = join(pkg, 'bin', 'adr-wizard.js');
    const cli = (...args: string[]) => spawnSync(process.execPath, [bin, ...args], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
    const written = cli('scaffold', 'hello', '--out', 'h', '--database', 'postgres');
    expect(written.stderr).toBe('');
    expect(written.status).toBe(0);
    expect(readFileSync(join(cwd, 'h/apps/greeter/main.js'), 'utf8')).toBe('console.log("greeter");\n');
    expect(existsSync(join(cwd, 'h/starter.yaml'))).toBe(false);
    expect(written.stdout).toContain(`  cd ${join(cwd, 'h')}\n  echo h\n`);
    expect(cli('scaffold', '--help').stdout).toContain('  hello\n    Hello services\n    --services    default greeter,echo\n    --database    memory (default), postgres\n');
    const refused = cli('scaffold', 'hello', '--out', 'x', '--saga-style', 'choreography');
    expect(refused.status).toBe(2);
    expect(refused.stderr.trim()).toBe('error --saga-style: the hello starter does not take --saga-style (its options: --services, --database)');
    // The shipped starters still come from the build's compiled manifests.
    expect(cli('scaffold', 'saga', '--out', 's', '--dry-run').status).toBe(0);
  });

  it('scaffold helm loads no other starter\'s code and no manifest parser (YAML, schema)', { timeout: 60_000 }, () => {
    const cwd = tempDir();
    const log = join(cwd, 'loaded.txt');
    // Records every module the run resolves (module.register hooks run before the program).
    const hooks = `import { appendFileSync } from 'node:fs'; export async function resolve(s, c, next) { const r = await next(s, c); appendFileSync(${JSON.stringify(log)}, r.url + '\\n'); return r; }`;
    const register = `import { register } from 'node:module'; register(${JSON.stringify(`data:text/javascript,${encodeURIComponent(hooks)}`)});`;
    const result = spawnSync(process.execPath, ['--import', `data:text/javascript,${encodeURIComponent(register)}`, join(ROOT, 'bin', 'adr-wizard.js'), 'scaffold', 'helm', '--out', 'h'], {
      cwd,
      encoding: 'utf8',
    });
    expect(result.stderr).toBe('');
    const loaded = readFileSync(log, 'utf8').split('\n').filter((u) => u.includes('/dist/'));
    expect(loaded.some((u) => /\/helm-[\w-]+\.js$/.test(u))).toBe(true);
    expect(loaded.filter((u) => /\/(nest-microservices|modular-monolith|saga|mlops|kustomize|manifest|yaml-doc)-[\w-]+\.js$/.test(u))).toEqual([]);
  });

  it('no shipped code outside the plan modules and their loader map names a starter', () => {
    const ids = starterIds(catalog);
    // The plan code of each starter (named by its manifest) and the map that loads it.
    const planCode = [join('src', 'scaffold', 'starters') + sep, join('src', 'scaffold', 'deploy') + sep, join('src', 'scaffold', 'registry.ts')];
    // `saga` is also a reserved service name (a folder of the layouts), not the starter.
    const allowed = new Map([[join('src', 'scaffold', 'options.ts'), ['saga']]]);
    const found: string[] = [];
    for (const entry of readdirSync(join(ROOT, 'src'), { recursive: true, withFileTypes: true })) {
      if (!entry.isFile() || !entry.name.endsWith('.ts') || entry.name.endsWith('.test.ts')) continue;
      const rel = relative(ROOT, join(entry.parentPath, entry.name));
      if (planCode.some((p) => rel.startsWith(p) || rel === p) || rel.includes('__fixtures__')) continue;
      // Comments may name a starter as an example; code may not.
      const source = readFileSync(join(ROOT, rel), 'utf8')
        .replace(/\/\*[\s\S]*?\*\//g, '')
        .replace(/^\s*\/\/.*$/gm, '');
      for (const id of ids) {
        if ((allowed.get(rel) ?? []).includes(id)) continue;
        if (new RegExp(`['"\`/]${id}['"\`/]`).test(source)) found.push(`${rel}: ${id}`);
      }
    }
    expect(found).toEqual([]);
  });

  it('never writes a manifest into a generated project', async () => {
    for (const starter of catalog.starters) {
      const files = await plan(starter.id, { services: buildOptions(starter, {}, '/tmp').services });
      expect(paths(files).filter((p) => p.endsWith('starter.yaml')), starter.id).toEqual([]);
    }
  });
});

describe('starter manifests are checked', () => {
  const check = (yaml: string, folder = 'demo') => parseManifest(yaml, 'demo/starter.yaml', folder).problems.map(formatProblem);
  const base = 'id: demo\ndescription: { en: Demo, es: Demo }\n';

  it('every shipped manifest passes, and the build compiled exactly them', async () => {
    const checked = await checkStarterManifests(SCAFFOLD_DIR);
    expect(checked.problems.map(formatProblem)).toEqual([]);
    const compiled = JSON.parse(readFileSync(join(ROOT, 'dist', 'starters.json'), 'utf8')) as { files: Record<string, { data: unknown }> };
    expect(Object.fromEntries(Object.entries(compiled.files).map(([k, v]) => [k, v.data]))).toEqual(
      Object.fromEntries(checked.starters.map((s) => [`${s.manifest.id}/starter.yaml`, s.manifest])),
    );
  });

  it('editors get the manifest schema: starter.schema.json accepts every shipped manifest and rejects a misspelt field', () => {
    const schema = JSON.parse(readFileSync(join(SCAFFOLD_DIR, 'starter.schema.json'), 'utf8')) as object;
    const validate = new Ajv({ allErrors: true, strict: false }).compile(schema);
    for (const starter of catalog.starters) {
      const source = readFileSync(join(SCAFFOLD_DIR, starter.id, 'starter.yaml'), 'utf8');
      expect(source.split('\n')[0]).toBe('# yaml-language-server: $schema=../starter.schema.json');
      expect(validate(parseYamlText(source)), `${starter.id}: ${JSON.stringify(validate.errors)}`).toBe(true);
    }
    expect(validate({ id: 'x', description: { en: 'x', es: 'x' }, optoins: {} })).toBe(false);
  });

  it.each([
    [`${base}options:\n  transport: { values: [rabbitmq], default: kafka }\n`, 'demo/starter.yaml:4:45  options.transport.default  "kafka" is not one of its values (rabbitmq)'],
    [`${base}options:\n  transport: { values: [nats] }\n`, 'options.transport.values[0]  must be "rabbitmq" or "kafka"'],
    [`${base}plan: starters/nope\n`, 'plan  no plan module "starters/nope"'],
    [`${base}nextSteps:\n  - cd {{dir}}\n`, 'nextSteps[0]  unknown placeholder {{dir}}; known: {{out}}, {{name}}'],
    [`${base}optoins: {}\n`, 'unknown field "optoins" (did you mean "options"?)'],
    [`${base}options:\n  services: { default: [orders, common] }\n`, 'options.services  "common" is reserved'],
    [base, 'id  the id must be the folder\'s name, "other"', 'other'],
  ] as [string, string, string?][])('reports a broken manifest: %j', (yaml, message, folder) => {
    expect(check(yaml, folder).join('\n')).toContain(message);
  });

  it('the build accepts in the trees only starters that have a manifest', { timeout: 120_000 }, async () => {
    const ids = starterIds(catalog);
    const shipped = await checkShippedDecisions(ids);
    expect(shipped.problems.map(formatProblem)).toEqual([]);
    expect(checkStartersAgainstTrees(await checkStarterManifests(SCAFFOLD_DIR), shipped.trees).map(formatProblem)).toEqual([]);
    const withoutHelm = await checkShippedDecisions(ids.filter((id) => id !== 'helm'));
    expect(withoutHelm.problems.filter((p) => p.severity === 'error').map((p) => p.message)).toContain('unknown starter "helm"');
  });

  it('the build checks what the manifests say about the decision trees', () => {
    const tree = (id: string, outcomes: Record<string, string[]>) =>
      [id, { id, outcomes: Object.fromEntries(Object.entries(outcomes).map(([o, starters]) => [o, { id: o, starters }])) } as unknown as Tree] as const;
    const trees = new Map([tree('style', { big: ['demo'], small: [] }), tree('ingress', { a: ['demo'], b: ['demo'] })]);
    const manifestOf = (yaml: string, folder = 'demo') => {
      const parsed = parseManifest(yaml, `${folder}/starter.yaml`, folder);
      return { file: folder, shown: `${folder}/starter.yaml`, source: yaml, manifest: parsed.manifest!, locate: parsed.locate };
    };
    const demo = manifestOf(
      `${base}precedence: 5\nselectedBy:\n  - { tree: style, outcome: small }\n  - { tree: nope }\n  - { tree: style, outcome: huge }\noptions:\n  ingress: { values: [a, c], from: ingress }\n`,
    );
    const other = manifestOf('id: other\ndescription: { en: O, es: O }\nprecedence: 5\nselectedBy: [{ tree: ingress }]\n', 'other');
    expect(checkStartersAgainstTrees({ starters: [demo, other], problems: [] }, trees).map(formatProblem)).toEqual([
      "demo/starter.yaml:5:5  selectedBy[0]  style's outcome small does not list demo among its starters",
      'demo/starter.yaml:6:13  selectedBy[1].tree  no decision tree "nope"',
      'demo/starter.yaml:7:29  selectedBy[2].outcome  tree style has no outcome "huge"',
      'demo/starter.yaml:9:22  options.ingress.values  "c" is not an outcome of ingress',
      "other/starter.yaml:4:14  selectedBy[0]  ingress's outcome a does not list other among its starters",
      "other/starter.yaml:4:14  selectedBy[0]  ingress's outcome b does not list other among its starters",
      'other/starter.yaml:3:13  precedence  demo has the same precedence: which one --from-adrs picks would be arbitrary',
    ]);
  });
});
