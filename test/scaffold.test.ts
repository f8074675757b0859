import { chmodSync, existsSync, mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { AdrRecord } from '../src/adr/types.js';
import { UsageError } from '../src/core/errors.js';
import { chooseFromAdrs } from '../src/scaffold/from-adrs.js';
import { buildOptions, parseServices } from '../src/scaffold/options.js';
import { planOps } from '../src/scaffold/plan.js';
import { STARTERS } from '../src/scaffold/registry.js';
import { copyDir, renderTemplateDir } from '../src/scaffold/templates.js';
import type { PlannedFile, StarterOptions } from '../src/scaffold/types.js';
import { runCli, tempDir } from './support/cli.js';

const text = (files: PlannedFile[], path: string): string => {
  const file = files.find((f) => f.path === path);
  if (!file) throw new Error(`${path} not planned; planned: ${files.map((f) => f.path).join(', ')}`);
  return typeof file.content === 'string' ? file.content : Buffer.from(file.content).toString('utf8');
};
const paths = (files: PlannedFile[]) => files.map((f) => f.path);

async function plan(starter: string, overrides: Partial<StarterOptions> = {}): Promise<PlannedFile[]> {
  const load = STARTERS[starter];
  if (!load) throw new Error(`no starter ${starter}`);
  const options: StarterOptions = {
    out: '/tmp/x',
    name: 'demo',
    services: ['orders', 'billing', 'auth'],
    transport: 'rabbitmq',
    database: 'mongodb',
    ...overrides,
  };
  return (await load()).plan(options);
}

/** Every planned file is rendered (no Handlebars left) and every JSON file parses. */
function expectWellFormed(files: PlannedFile[]): void {
  for (const file of files) {
    const content = typeof file.content === 'string' ? file.content : Buffer.from(file.content).toString('utf8');
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
    expect(() => buildOptions('nest-microservices', { transport: 'nats' }, '/tmp', { services: [] })).toThrow(
      /--transport: "nats" is not one of rabbitmq, kafka/,
    );
    expect(() => buildOptions('nest-microservices', { database: 'mysql' }, '/tmp', { services: [] })).toThrow(/--database/);
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
  it('orchestration: steps, orchestrator and RPC; PostgreSQL state only with --database postgres', async () => {
    const memory = await plan('saga', { sagaStyle: 'orchestration' });
    const pg = await plan('saga', { sagaStyle: 'orchestration', database: 'postgres' });
    expectWellFormed(memory);
    expectWellFormed(pg);
    expect(paths(memory)).toEqual(expect.arrayContaining(['src/saga/orchestrator.ts', 'src/reservation/steps.ts', 'src/messaging/rpc.ts']));
    expect(paths(memory)).not.toContain('src/saga/pg-saga-repository.ts');
    expect(paths(pg)).toEqual(expect.arrayContaining(['src/saga/pg-saga-repository.ts', 'test/pg-saga-repository.test.ts']));
    expect(paths(memory).some((p) => p.startsWith('src/choreography/'))).toBe(false);
    expect(text(memory, 'src/messaging/messages.ts')).toContain("'payment.refund'");
    expect(JSON.parse(text(pg, 'package.json')).dependencies.pg).toBeDefined();
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

  it('maps microservices, modular monoliths and saga styles; ignores proposed ADRs', () => {
    expect(chooseFromAdrs([record(1, 'architecture-style', 'microservices')])?.starter).toBe('nest-microservices');
    expect(chooseFromAdrs([record(1, 'architecture-style', 'modular-monolith')])?.starter).toBe('modular-monolith');
    expect(chooseFromAdrs([record(1, 'architecture-style', 'monolith')])).toBeUndefined();
    expect(chooseFromAdrs([record(1, 'architecture-style', 'microservices', 'proposed')])).toBeUndefined();
    const saga = chooseFromAdrs([
      record(1, 'architecture-style', 'microservices'),
      record(2, 'saga-coordination', 'choreography'),
      record(3, 'kubernetes-ingress', 'aws-alb'),
    ]);
    expect(saga).toMatchObject({ starter: 'saga', flags: { sagaStyle: 'choreography', ingress: 'aws-alb' } });
    expect(chooseFromAdrs([record(2, 'saga-coordination', 'local-transaction')])).toBeUndefined();
  });

  it('a named starter takes only its options from the ADRs', () => {
    const log = [
      record(1, 'architecture-style', 'microservices'),
      record(2, 'kubernetes-hosting', 'amazon-eks-auto-mode'),
      record(3, 'kubernetes-ingress', 'gateway-api'),
      record(4, 'saga-coordination', 'orchestration'),
    ];
    expect(chooseFromAdrs(log, 'helm')).toMatchObject({
      starter: 'helm',
      flags: { ingress: 'gateway-api', hosting: 'amazon-eks-auto-mode' },
    });
    expect(chooseFromAdrs(log, 'helm')?.flags.sagaStyle).toBeUndefined();
    expect(chooseFromAdrs(log, 'saga')).toMatchObject({ starter: 'saga', flags: { sagaStyle: 'orchestration' } });
    expect(chooseFromAdrs(log, 'nest-microservices')?.flags).toEqual({});
    // Kubernetes decisions alone call for the deployment chart.
    expect(chooseFromAdrs([record(3, 'kubernetes-ingress', 'nginx')])).toMatchObject({ starter: 'helm', flags: { ingress: 'nginx' } });
  });

  it('the latest accepted ADR of a tree wins', () => {
    const choice = chooseFromAdrs([
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

  it('refuses flags a starter cannot honour', async () => {
    const kafka = await runCli(['scaffold', 'saga', '--transport', 'kafka', '--dry-run'], { cwd: tempDir() });
    expect(kafka.code).toBe(2);
    expect(kafka.stderr).toContain('RabbitMQ only');
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
    const doc = JSON.parse(result.stdout) as { starter: string; options: { sagaStyle: string }; from: string };
    expect(doc.starter).toBe('saga');
    expect(doc.options.sagaStyle).toBe('choreography');
    expect(doc.from).toContain('ADR 2 saga-coordination: choreography');
  });

  it('--from-adrs says so when no accepted ADR calls for a starter', async () => {
    const cwd = tempDir();
    mkdirSync(join(cwd, '.git'));
    const result = await runCli(['scaffold', '--from-adrs', '--dry-run'], { cwd });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/no accepted ADR .* calls for a starter/);
  });
});
