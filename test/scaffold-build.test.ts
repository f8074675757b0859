// Slow: generates each starter variant, installs its dependencies, builds it and runs its own
// tests, the way a user would. Integration tests inside the generated projects talk to the real
// RabbitMQ and PostgreSQL when they are up (CI starts them with .ci/services.sh).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from './support/cli.js';
import { portOpen, serviceGate } from './support/services.js';

const RABBITMQ_URL = process.env.RABBITMQ_URL ?? 'amqp://guest:guest@127.0.0.1:5672';
const DATABASE_URL = process.env.DATABASE_URL ?? 'postgres://postgres:postgres@127.0.0.1:5432/postgres';

interface Variant {
  id: string;
  args: string[];
  /** Reuse the node_modules of an earlier variant whose dependencies are a superset. */
  reuse?: string;
  /** Install through `scaffold --install` instead of a separate npm install. */
  viaInstallFlag?: boolean;
  /** Lines the generated project's test output must contain (proof that integration tests ran). */
  expectRan: (env: { rabbitmq: boolean; postgres: boolean }) => RegExp[];
}

const VARIANTS: Variant[] = [
  {
    id: 'saga-orchestration-postgres',
    args: ['saga', '--saga-style', 'orchestration', '--database', 'postgres'],
    viaInstallFlag: true,
    expectRan: ({ rabbitmq, postgres }) => [
      /✔ a compensation that keeps failing is retried with backoff/,
      /✔ a restarted orchestrator resumes a saga/,
      ...(rabbitmq ? [/✔ a declined payment in the payment process releases the slot in the availability process/] : []),
      ...(postgres ? [/✔ an orchestrator restarted with a new connection resumes the saga from the database/] : []),
    ],
  },
  {
    id: 'saga-choreography',
    args: ['saga', '--saga-style', 'choreography'],
    reuse: 'saga-orchestration-postgres',
    expectRan: ({ rabbitmq }) => [
      /✔ an event written while the broker is down is published later, not lost/,
      ...(rabbitmq ? [/✔ a payment declined in the payment process makes the availability process release the slot/] : []),
    ],
  },
  {
    id: 'saga-choreography-postgres',
    args: ['saga', '--saga-style', 'choreography', '--database', 'postgres'],
    reuse: 'saga-orchestration-postgres',
    expectRan: ({ rabbitmq, postgres }) => [
      /✔ a compensation that keeps failing is retried, dead-lettered and reported, then redriven/,
      ...(rabbitmq && postgres ? [/✔ a payment declined in the payment process makes the availability process release the slot/] : []),
      ...(postgres ? [/✔ a restarted relay publishes what the previous process left in the outbox/] : []),
    ],
  },
  {
    id: 'modular-monolith',
    args: ['modular-monolith'],
    expectRan: () => [/PASS test\/module-boundaries\.spec\.ts/],
  },
];

function run(cmd: string, args: string[], cwd: string, env: NodeJS.ProcessEnv): { ms: number; output: string } {
  const started = Date.now();
  const result = spawnSync(cmd, args, { cwd, env, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, timeout: 10 * 60_000 });
  const output = `${result.stdout ?? ''}${result.stderr ?? ''}`;
  if (result.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed in ${cwd} (exit ${result.status}):\n${output.slice(-6000)}`);
  return { ms: Date.now() - started, output };
}

describe('generated starters install, build and pass their own tests', () => {
  const root = mkdtempSync(join(tmpdir(), 'adr-wizard-starters-'));
  const times: Record<string, Record<string, number>> = {};
  const services = { rabbitmq: false, postgres: false };
  // The generated projects must never inherit NODE_ENV=test/production from this runner: npm
  // would skip devDependencies.
  const baseEnv: NodeJS.ProcessEnv = { ...process.env, NODE_ENV: undefined, npm_config_audit: 'false', npm_config_fund: 'false' };
  delete baseEnv.NODE_ENV;

  beforeAll(async () => {
    services.rabbitmq = !serviceGate('RabbitMQ', await portOpen(5672), 'run .ci/services.sh');
    services.postgres = !serviceGate('PostgreSQL', await portOpen(5432), 'run .ci/services.sh');
    // Set only when reachable: the generated tests then must run (they fail rather than skip).
    if (services.rabbitmq) baseEnv.RABBITMQ_URL = RABBITMQ_URL;
    if (services.postgres) baseEnv.DATABASE_URL = DATABASE_URL;
  });

  afterAll(() => {
    console.log(
      'starter timings (ms):\n' +
        Object.entries(times)
          .map(([id, t]) => `  ${id.padEnd(30)} install ${t.install ?? '-'}  build ${t.build}  test ${t.test}`)
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
        expect(existsSync(join(dir, 'node_modules/amqplib'))).toBe(true);
      } else {
        expect(generated.stderr).toBe('');
      }
      if (variant.viaInstallFlag) {
        // installed by the command itself
      } else if (variant.reuse && existsSync(join(root, variant.reuse, 'node_modules'))) {
        symlinkSync(join(root, variant.reuse, 'node_modules'), join(dir, 'node_modules'), 'dir');
      } else {
        t.install = run('npm', ['install', '--prefer-offline', '--no-audit', '--no-fund'], dir, baseEnv).ms;
      }
      t.build = run('npm', ['run', 'build'], dir, baseEnv).ms;
      const test = run('npm', ['test'], dir, baseEnv);
      t.test = test.ms;
      for (const pattern of variant.expectRan(services)) expect(test.output).toMatch(pattern);
      if (services.rabbitmq && services.postgres) expect(test.output).not.toMatch(/skipping|skipped [1-9]|\d+ skipped/);
    });
  }
});
