// The nest-microservices starter. Fast part: what the generated Dockerfiles, compose file and
// environment say (no Docker engine here, so they are parsed). Slow part: each variant is
// generated, installed, built, linted and tested the way a user would, its integration tests
// running against the real RabbitMQ, Kafka and PostgreSQL of this machine (CI starts them with
// .ci/services.sh and .ci/kafka.sh). There is no MongoDB server here: the MongoDB variants run
// their unit, e2e and broker tests, not a repository test against MongoDB.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PlannedFile, StarterOptions } from '../src/scaffold/types.js';
import { runCli } from './support/cli.js';
import { plannedText, planStarter } from './support/planned.js';
import { linesOf, parseDockerfile } from './support/dockerfile.js';
import { connectServices, projectEnv, runOk, type StarterServices } from './support/starter-build.js';

const plan = (overrides: Partial<StarterOptions> = {}): Promise<PlannedFile[]> =>
  planStarter('nest-microservices', { database: 'postgres', ...overrides });

const text = plannedText;

type Compose = { services: Record<string, { image?: string; environment?: Record<string, string>; ports?: string[]; depends_on?: Record<string, unknown> }> };

describe('nest-microservices: images, compose and environment', () => {
  it.each([
    ['rabbitmq', 'postgres'],
    ['kafka', 'mongodb'],
  ] as const)('%s + %s: every image runs Node 24 LTS as a numeric non-root user with production dependencies only', async (transport, database) => {
    const files = await plan({ transport, database });
    const dockerfiles = files.filter((f) => f.path.endsWith('/Dockerfile'));
    expect(dockerfiles).toHaveLength(3);
    for (const file of dockerfiles) {
      const stages = parseDockerfile(text(files, file.path));
      expect(stages.length, file.path).toBeGreaterThanOrEqual(2);
      for (const stage of stages) expect(stage.image, file.path).toMatch(/^node:24\.\d+-(alpine|slim)$/);
      const runtime = linesOf(stages.at(-1)!);
      const user = runtime.filter((l) => /^USER\s/i.test(l)).at(-1);
      // runAsNonRoot without runAsUser only works with a numeric USER (a name: CreateContainerConfigError).
      expect(user, file.path).toMatch(/^USER\s+[1-9]\d*(:[1-9]\d*)?$/);
      // node_modules comes from a stage that installed production dependencies only.
      const copied = runtime.find((l) => /^COPY\s+--from=\S+.*node_modules/.test(l));
      const source = /--from=(\S+)/.exec(copied ?? '')?.[1];
      const deps = stages.find((s) => s.name === source);
      expect((deps ? linesOf(deps) : []).some((l) => /^RUN npm ci .*--omit=dev/.test(l)), `${file.path}: node_modules from a production install`).toBe(true);
      expect(runtime.some((l) => l.startsWith('HEALTHCHECK') && l.includes('/health/live'))).toBe(true);
    }
  });

  it('kafka: a KRaft broker that containers reach as kafka:9092 and the host as localhost:9092', async () => {
    const compose = parseYaml(text(await plan({ transport: 'kafka' }), 'docker-compose.yml')) as Compose;
    const kafka = compose.services.kafka!;
    expect(kafka.image).toMatch(/^apache\/kafka:4\.\d+\.\d+$/);
    const env = kafka.environment!;
    expect(env.KAFKA_PROCESS_ROLES).toBe('broker,controller');
    const advertised = String(env.KAFKA_ADVERTISED_LISTENERS).split(',');
    expect(advertised).toContain('PLAINTEXT://kafka:9092');
    const external = advertised.find((l) => l.startsWith('EXTERNAL://'));
    expect(external).toBe('EXTERNAL://localhost:9092');
    // The port the host uses is published to the EXTERNAL listener's port in the container.
    const externalPort = /EXTERNAL:\/\/:(\d+)/.exec(String(env.KAFKA_LISTENERS))?.[1];
    expect(kafka.ports).toContain(`9092:${externalPort}`);
    expect(compose.services.orders!.environment!.KAFKA_BROKERS).toBe('kafka:9092');
    expect(compose.services.billing!.environment!.KAFKA_BROKERS).toBe('kafka:9092');
  });

  it.each(['rabbitmq', 'kafka'] as const)('%s: auth neither reads nor waits for a broker it does not use', async (transport) => {
    const files = await plan({ transport });
    const env = text(files, 'apps/auth/src/env.ts');
    expect(env).not.toMatch(/RABBITMQ_URL|KAFKA_BROKERS/);
    expect(text(files, 'libs/common/src/config/base-env.ts')).not.toMatch(/RABBITMQ_URL|KAFKA_BROKERS/);
    const compose = parseYaml(text(files, 'docker-compose.yml')) as Compose;
    const auth = compose.services.auth!;
    expect(Object.keys(auth.environment!)).not.toContain(transport === 'rabbitmq' ? 'RABBITMQ_URL' : 'KAFKA_BROKERS');
    expect(Object.keys(auth.depends_on ?? {})).toEqual(['postgres']);
    expect(text(files, 'apps/auth/src/app.module.ts')).not.toMatch(/Messaging|Broker/);
  });

  it('lists what every service reads, in .env.example and in the compose file alike', async () => {
    const files = await plan({ transport: 'rabbitmq', database: 'postgres' });
    const example = text(files, '.env.example');
    expect(example).toContain('#   orders: NODE_ENV, PORT (3000), LOG_LEVEL, DATABASE_URL, RABBITMQ_URL, JWT_SECRET');
    expect(example).toContain('#   billing: NODE_ENV, PORT (3001), LOG_LEVEL, DATABASE_URL, RABBITMQ_URL');
    expect(example).toContain('#   auth: NODE_ENV, PORT (3002), LOG_LEVEL, DATABASE_URL, JWT_SECRET, JWT_TTL_SECONDS');
    const compose = parseYaml(text(files, 'docker-compose.yml')) as Compose;
    for (const service of ['orders', 'billing', 'auth']) {
      const listed = new RegExp(`^#   ${service}: (.*)$`, 'm').exec(example)![1]!.replace(/ \(\d+\)/, '').split(', ');
      expect(Object.keys(compose.services[service]!.environment!).sort(), service).toEqual(listed.sort());
    }
  });

  it('--services shop,stock,auth: shop publishes shop.created, stock handles it with a reservation', async () => {
    const files = await plan({ services: ['shop', 'stock', 'auth'], transport: 'kafka' });
    const events = text(files, 'libs/common/src/dto/events.ts');
    expect(events).toContain("export const SHOP_CREATED = 'shop.created';");
    expect(events).toContain('export class ShopCreatedEvent');
    expect(text(files, 'apps/shop/src/shop.service.ts')).toContain('this.events.emit(SHOP_CREATED, event)');
    const stock = text(files, 'apps/stock/src/stock.controller.ts');
    expect(stock).toContain('@EventPattern(SHOP_CREATED)');
    expect(stock).toContain("@Get('reservations/:shopId')");
    expect(text(files, 'apps/stock/src/stock.repository.ts')).toContain('CREATE TABLE IF NOT EXISTS reservations');
    const all = files.map((f) => (typeof f.content === 'string' ? f.content : '')).join('\n');
    expect(all).not.toMatch(/placed|[Ii]nvoice/);
  });

  it('orders and billing keep their domain: order.placed, one invoice per order', async () => {
    const files = await plan();
    expect(text(files, 'libs/common/src/dto/events.ts')).toContain("export const ORDER_PLACED = 'order.placed';");
    expect(text(files, 'apps/billing/src/billing.repository.ts')).toContain('CREATE TABLE IF NOT EXISTS invoices');
  });

  it('pins: Nest 11, TypeScript 5.9, Node >= 20.19 for development, maintained images', async () => {
    for (const [transport, database] of [['rabbitmq', 'mongodb'], ['kafka', 'postgres']] as const) {
      const files = await plan({ transport, database });
      const pkg = JSON.parse(text(files, 'package.json')) as { engines: { node: string }; dependencies: Record<string, string>; devDependencies: Record<string, string> };
      for (const [name, range] of Object.entries({ ...pkg.dependencies, ...pkg.devDependencies })) {
        if (name.startsWith('@nestjs/') && !['@nestjs/throttler'].includes(name) && name !== '@nestjs/config') expect(range, name).toMatch(/^\^11\./);
      }
      expect(pkg.devDependencies.typescript).toMatch(/^~5\.9\./);
      expect(pkg.engines.node).toBe('>=20.19.4');
      expect(Object.keys(pkg.dependencies)).not.toContain('kafkajs');
      expect(Object.keys(pkg.dependencies).includes('@platformatic/kafka')).toBe(transport === 'kafka');
      const compose = text(files, 'docker-compose.yml');
      expect(compose).toMatch(transport === 'rabbitmq' ? /image: rabbitmq:4\.\d+-management-alpine/ : /image: apache\/kafka:4\.\d+\.\d+/);
      expect(compose).toMatch(database === 'mongodb' ? /image: mongo:8\.\d+/ : /image: postgres:18-alpine/);
    }
  });
});

// --- Slow: install, build, lint, test ---------------------------------------------------------


interface Variant {
  id: string;
  args: string[];
  /** The whole user path (build, lint, format, e2e); otherwise typecheck, lint and npm test only. */
  full: boolean;
  /** Test names the generated project's output must contain (proof that the integration tests ran). */
  expectRan: (env: { rabbitmq: boolean; kafka: boolean; postgres: boolean }) => RegExp[];
}

const broker = (consumer: string) => [
  new RegExp(`✓ processes an event that carries a field ${consumer} does not know`),
  /✓ dead-letters an event whose handler fails, instead of losing it/,
  /✓ dead-letters an event without a required field/,
  /✓ a consumer that stops before storing leaves the event to the next one/,
];

const VARIANTS: Variant[] = [
  {
    id: 'nest-rabbitmq-postgres',
    args: ['--transport', 'rabbitmq', '--database', 'postgres'],
    full: true,
    expectRan: ({ rabbitmq, postgres }) => [
      ...(rabbitmq ? broker('billing') : []),
      ...(postgres ? [/✓ billing: one invoice per order, still there after a restart/] : []),
    ],
  },
  {
    id: 'nest-rabbitmq-mongodb',
    args: ['--transport', 'rabbitmq', '--database', 'mongodb'],
    full: true,
    expectRan: ({ rabbitmq }) => (rabbitmq ? broker('billing') : []),
  },
  {
    id: 'nest-kafka-postgres',
    args: ['--transport', 'kafka', '--database', 'postgres'],
    full: true,
    expectRan: ({ kafka, postgres }) => [
      ...(kafka ? broker('billing') : []),
      ...(postgres ? [/✓ billing: one invoice per order, still there after a restart/] : []),
    ],
  },
  {
    id: 'nest-kafka-mongodb',
    args: ['--transport', 'kafka', '--database', 'mongodb'],
    full: true,
    expectRan: ({ kafka }) => (kafka ? broker('billing') : []),
  },
  {
    id: 'nest-shop-stock-auth',
    args: ['--services', 'shop,stock,auth', '--transport', 'kafka', '--database', 'postgres'],
    full: false,
    expectRan: ({ kafka, postgres }) => [
      ...(kafka ? broker('stock') : []),
      ...(postgres ? [/✓ stock: one reservation per shop, still there after a restart/] : []),
    ],
  },
];

type Manifest = { dependencies: Record<string, string>; devDependencies: Record<string, string> };

describe('nest-microservices variants install, build, lint and pass their own tests', () => {
  let root = '';
  const times: Record<string, Record<string, number>> = {};
  let services: StarterServices = { rabbitmq: false, kafka: false, postgres: false };
  const baseEnv = projectEnv();

  beforeAll(async () => {
    root = mkdtempSync(join(tmpdir(), 'adr-wizard-nest-'));
    const shared = join(root, 'shared');
    services = await connectServices(baseEnv, ['rabbitmq', 'postgres', 'kafka']);

    // Every variant is generated first; one install of the union of their dependencies (the same
    // ranges everywhere: one template) then serves them all through a node_modules link.
    const union: Manifest = { dependencies: {}, devDependencies: {} };
    for (const variant of VARIANTS) {
      const dir = join(root, variant.id);
      const generated = await runCli(['scaffold', 'nest-microservices', ...variant.args, '--out', dir], { timeoutMs: 60_000, env: baseEnv });
      expect(generated.code, generated.stderr).toBe(0);
      expect(generated.stderr).toBe('');
      const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as Manifest;
      Object.assign(union.dependencies, pkg.dependencies);
      Object.assign(union.devDependencies, pkg.devDependencies);
    }
    mkdirSync(shared);
    writeFileSync(join(shared, 'package.json'), JSON.stringify({ name: 'shared', private: true, ...union }, null, 2));
    const install = runOk('npm', ['install', '--prefer-offline', '--no-audit', '--no-fund'], shared, baseEnv);
    times.shared = { install: install.ms };
    for (const variant of VARIANTS) symlinkSync(join(shared, 'node_modules'), join(root, variant.id, 'node_modules'), 'dir');
  }, 20 * 60_000);

  afterAll(() => {
    console.log(
      'nest-microservices timings (ms):\n' +
        Object.entries(times)
          .map(([id, t]) => `  ${id.padEnd(24)} ${Object.entries(t).map(([step, ms]) => `${step} ${ms}`).join('  ')}`)
          .join('\n'),
    );
    if (root) rmSync(root, { recursive: true, force: true });
  });

  for (const variant of VARIANTS) {
    it(`${variant.id}: ${variant.full ? 'build, lint, format:check, test, test:e2e' : 'typecheck, lint, test'}`, { timeout: 30 * 60_000 }, () => {
      const dir = join(root, variant.id);
      expect(existsSync(join(dir, 'node_modules'))).toBe(true);
      const t = (times[variant.id] = {} as Record<string, number>);
      if (variant.full) t.build = runOk('npm', ['run', 'build'], dir, baseEnv).ms;
      else t.typecheck = runOk('npm', ['run', 'typecheck'], dir, baseEnv).ms;
      t.lint = runOk('npm', ['run', 'lint'], dir, baseEnv).ms;
      if (variant.full) t.format = runOk('npm', ['run', 'format:check'], dir, baseEnv).ms;
      const test = runOk('npm', ['test', '--', '--verbose'], dir, baseEnv);
      t.test = test.ms;
      for (const pattern of variant.expectRan(services)) expect(test.output).toMatch(pattern);
      if (services.rabbitmq && services.postgres && services.kafka) expect(test.output).not.toMatch(/skipping|\d+ skipped/);
      if (variant.full) {
        const e2e = runOk('npm', ['run', 'test:e2e', '--', '--verbose'], dir, baseEnv);
        t.e2e = e2e.ms;
        expect(e2e.output).toMatch(/✓ refuses a request without a token \(401\)/);
        expect(e2e.output).toMatch(/✓ takes the customer from the token, not from the body/);
        expect(e2e.output).toMatch(/✓ throttles login: attempts beyond the limit get 429/);
        expect(e2e.output).toMatch(/✓ GET \/health\/ready answers 503 and names what is down/);
      }
    });
  }
});
