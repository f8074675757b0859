// Slow: generates each variant of the saga starter, installs its dependencies, builds it and runs
// its own tests the way a user would, against the real RabbitMQ, Kafka and PostgreSQL when they
// are up (CI starts them with .ci/services.sh and .ci/kafka.sh). Docker cannot run here: the
// Dockerfile and compose file are checked by reading them.
import { existsSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from './support/cli.js';
import { linesOf, parseDockerfile } from './support/dockerfile.js';
import { parseYamlObjects } from './support/deploy.js';
import { connectServices, projectEnv, runOk, type StarterServices } from './support/starter-build.js';


interface Variant {
  id: string;
  args: string[];
  /** Reuse the node_modules of an earlier variant with the same dependencies or a superset. */
  reuse?: string;
  /** Install through `scaffold --install` instead of a separate npm install. */
  viaInstallFlag?: boolean;
  /** The broker the variant talks to: its integration tests need it. */
  broker: 'rabbitmq' | 'kafka';
  postgres: boolean;
  /** Lines the generated project's test output must contain (proof that those tests ran). */
  expectRan: (env: StarterServices) => RegExp[];
}

const ORCHESTRATION_UNIT = [
  /✔ a rejected step \(declined payment\) is not retried; the earlier steps are compensated/,
  /✔ a transient error is retried forward with the same key until the step succeeds/,
  /✔ a reply lost after a successful authorize: the retry gets the recorded answer, no second charge/,
  /✔ an authorize whose outcome stays unknown is compensated too: refunded by key, saga consistent/,
  /✔ an authorize that arrives after the refund of its key is refused \(tombstone\)/,
  /✔ a restarted orchestrator resumes a saga once the crashed one’s lease has expired/,
  /✔ two orchestrators sharing one store drive each saga once: every step runs exactly once/,
];
const ORCHESTRATION_BROKER = [
  /✔ completes a reservation through the payment and availability processes/,
  /✔ a declined payment in the payment process releases the slot in the availability process/,
  /✔ a redelivered command is handled once: the second delivery is answered from the record/,
  /✔ a refund that overtakes its authorize leaves a tombstone; the late authorize is refused/,
];
const ORCHESTRATION_POSTGRES = [
  /✔ keeps each service in its own schema/,
  /✔ idempotency records and tombstones survive in the participant’s tables/,
  /✔ saga rows carry a version: a save from a stale copy is refused/,
  /✔ two orchestrator instances against one database run each saga’s steps exactly once/,
];
const RESTART = /✔ (RabbitMQ|Kafka): POST answers 202 at once; a new process finishes the saga exactly once after kill -9/;
const CHOREOGRAPHY_UNIT = [
  /✔ a compensation that keeps failing is retried, dead-lettered and reported, then redriven/,
  /✔ a reservation stuck past its deadline is cancelled and compensated; a late payment charges nothing/,
  /✔ retention deletes published outbox rows and handled ids older than the cut-off/,
];
const CHOREOGRAPHY_BROKER = [
  /✔ a payment declined in the payment process makes the availability process release the slot/,
  /✔ a dead-lettered event is redriven through the broker once the cause is fixed/,
];
const CHOREOGRAPHY_POSTGRES = [
  /✔ locks rows, not the service: a transaction on one reservation does not wait for another/,
  /✔ a restarted relay publishes what the previous process left in the outbox; duplicates are dropped/,
  /✔ a reservation past its deadline is found by its due time and compensated/,
  /✔ retention deletes published outbox rows and handled ids older than the configured age/,
];

const brokerUp = (v: Variant, s: StarterServices) => (v.broker === 'kafka' ? s.kafka : s.rabbitmq);

function orchestration(id: string, args: string[], broker: Variant['broker'], postgres: boolean, extra: Partial<Variant> = {}): Variant {
  return {
    id,
    args: ['saga', '--saga-style', 'orchestration', ...args],
    broker,
    postgres,
    ...extra,
    expectRan: (s) => {
      const up = broker === 'kafka' ? s.kafka : s.rabbitmq;
      return [
        ...ORCHESTRATION_UNIT,
        ...(up && (!postgres || s.postgres) ? ORCHESTRATION_BROKER : []),
        ...(postgres && s.postgres ? ORCHESTRATION_POSTGRES : []),
        ...(postgres && s.postgres && up ? [RESTART] : []),
      ];
    },
  };
}

function choreography(id: string, args: string[], broker: Variant['broker'], postgres: boolean, reuse: string): Variant {
  return {
    id,
    args: ['saga', '--saga-style', 'choreography', ...args],
    broker,
    postgres,
    reuse,
    expectRan: (s) => {
      const up = broker === 'kafka' ? s.kafka : s.rabbitmq;
      return [
        ...CHOREOGRAPHY_UNIT,
        ...(up && (!postgres || s.postgres) ? CHOREOGRAPHY_BROKER : []),
        ...(postgres && s.postgres ? CHOREOGRAPHY_POSTGRES : []),
      ];
    },
  };
}

const VARIANTS: Variant[] = [
  orchestration('saga-orchestration-postgres', ['--database', 'postgres'], 'rabbitmq', true, { viaInstallFlag: true }),
  orchestration('saga-orchestration', [], 'rabbitmq', false, { reuse: 'saga-orchestration-postgres' }),
  choreography('saga-choreography', [], 'rabbitmq', false, 'saga-orchestration-postgres'),
  choreography('saga-choreography-postgres', ['--database', 'postgres'], 'rabbitmq', true, 'saga-orchestration-postgres'),
  orchestration('saga-orchestration-kafka-postgres', ['--transport', 'kafka', '--database', 'postgres'], 'kafka', true),
  orchestration('saga-orchestration-kafka', ['--transport', 'kafka'], 'kafka', false, { reuse: 'saga-orchestration-kafka-postgres' }),
  choreography('saga-choreography-kafka-postgres', ['--transport', 'kafka', '--database', 'postgres'], 'kafka', true, 'saga-orchestration-kafka-postgres'),
  choreography('saga-choreography-kafka', ['--transport', 'kafka'], 'kafka', false, 'saga-orchestration-kafka-postgres'),
];

describe('saga starter: every variant installs, builds and passes its own tests', () => {
  const root = mkdtempSync(join(tmpdir(), 'adr-wizard-saga-'));
  const times: Record<string, Record<string, number>> = {};
  let services: StarterServices = { rabbitmq: false, postgres: false, kafka: false };
  const baseEnv = projectEnv();

  beforeAll(async () => {
    services = await connectServices(baseEnv, ['rabbitmq', 'postgres', 'kafka']);
  });

  afterAll(() => {
    console.log(
      'saga starter timings (ms):\n' +
        Object.entries(times)
          .map(([id, t]) => `  ${id.padEnd(36)} install ${t.install ?? 'reused'}  build ${t.build}  test ${t.test}`)
          .join('\n'),
    );
    rmSync(root, { recursive: true, force: true });
  });

  for (const variant of VARIANTS) {
    it(`${variant.id}: npm install, npm run build, npm test`, { timeout: 15 * 60_000 }, async () => {
      const dir = join(root, variant.id);
      times[variant.id] = {};
      const t = times[variant.id]!;
      const started = Date.now();
      const generated = await runCli(['scaffold', ...variant.args, '--out', dir, ...(variant.viaInstallFlag ? ['--install'] : [])], {
        timeoutMs: 10 * 60_000,
        env: baseEnv,
      });
      expect(generated.code, generated.stderr).toBe(0);
      if (variant.viaInstallFlag) {
        t.install = Date.now() - started;
        expect(generated.stdout).toContain('Dependencies installed.');
      } else {
        expect(generated.stderr).toBe('');
        if (variant.reuse && existsSync(join(root, variant.reuse, 'node_modules'))) {
          symlinkSync(join(root, variant.reuse, 'node_modules'), join(dir, 'node_modules'), 'dir');
        } else {
          t.install = runOk('npm', ['install', '--prefer-offline', '--no-audit', '--no-fund'], dir, baseEnv).ms;
        }
      }
      const client = variant.broker === 'kafka' ? '@platformatic/kafka' : 'amqplib';
      expect(existsSync(join(dir, 'node_modules', client))).toBe(true);
      t.build = runOk('npm', ['run', 'build'], dir, baseEnv).ms;
      const test = runOk('npm', ['test'], dir, baseEnv);
      t.test = test.ms;
      for (const pattern of variant.expectRan(services)) expect(test.output).toMatch(pattern);
      expect(test.output).toMatch(/ℹ fail 0/);
      if (brokerUp(variant, services) && (!variant.postgres || services.postgres)) {
        expect(test.output).not.toMatch(/ℹ skipped [1-9]/);
      }
    });
  }

  it('the Dockerfile: Node 24 LTS pinned to a minor, multi-stage, numeric non-root user, production dependencies only', () => {
    const dockerfile = readFileSync(join(root, 'saga-orchestration-postgres', 'Dockerfile'), 'utf8');
    const stages = parseDockerfile(dockerfile);
    expect(stages.length).toBeGreaterThanOrEqual(2);
    for (const stage of stages) expect(stage.image).toMatch(/^node:24\.\d+-alpine$/);
    const last = linesOf(stages.at(-1)!);
    expect(last).toContain('USER 1000:1000');
    expect(last.some((l) => /^RUN npm ci --omit=dev\b/.test(l))).toBe(true);
    expect(last.some((l) => l.startsWith('COPY --from=build /app/dist'))).toBe(true);
    expect(last.some((l) => /npm run build|COPY src/.test(l))).toBe(false);
  });

  it('the Kafka compose file: KRaft, containers reach kafka:9092, the host localhost:9094, a database per service', () => {
    const dir = join(root, 'saga-orchestration-kafka-postgres');
    const [compose] = parseYamlObjects(readFileSync(join(dir, 'compose.yaml'), 'utf8')) as {
      services: Record<string, { image?: string; build?: string; command?: string[]; environment?: Record<string, string>; ports?: string[] }>;
    }[];
    const kafka = compose!.services.kafka!;
    expect(kafka.image).toMatch(/^apache\/kafka:4\.\d+\.\d+$/);
    const env = kafka.environment!;
    expect(env.KAFKA_PROCESS_ROLES).toBe('broker,controller');
    expect(env.KAFKA_ADVERTISED_LISTENERS!.split(',')).toEqual(['PLAINTEXT://kafka:9092', 'HOST://localhost:9094']);
    expect(env.KAFKA_LISTENERS!.split(',')).toEqual(expect.arrayContaining(['PLAINTEXT://:9092', 'HOST://:9094', 'CONTROLLER://:9093']));
    expect(kafka.ports).toContain('9094:9094');
    expect(compose!.services.postgres!.image).toMatch(/^postgres:18\.\d+-alpine$/);
    const init = readFileSync(join(dir, 'compose', 'postgres-init.sql'), 'utf8');
    for (const service of ['reservation', 'payment', 'availability']) {
      const s = compose!.services[service]!;
      expect(s.build).toBe('.');
      expect(s.command).toEqual(['node', `dist/apps/${service}.js`]);
      expect(existsSync(join(dir, 'src', 'apps', `${service}.ts`))).toBe(true);
      expect(s.environment!.KAFKA_BROKERS).toBe('kafka:9092');
      expect(s.environment!.DATABASE_URL).toMatch(new RegExp(`@postgres:5432/${service}$`));
      expect(init).toContain(`CREATE DATABASE ${service};`);
    }
  });
});
