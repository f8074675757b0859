// Shared steps of the slow starter tests (test/starter-*.test.ts): the environment a generated
// project runs in, the services its integration tests use, and running its npm scripts.
import { spawnSync } from 'node:child_process';
import { portOpen, serviceGate } from './services.js';
import { KAFKA_BROKERS, kafkaGate } from './tools.js';

export const RABBITMQ_URL = process.env.RABBITMQ_URL ?? 'amqp://guest:guest@127.0.0.1:5672';
export const DATABASE_URL = process.env.DATABASE_URL ?? 'postgres://postgres:postgres@127.0.0.1:5432/postgres';

export interface StarterServices {
  rabbitmq: boolean;
  postgres: boolean;
  kafka: boolean;
}

/**
 * The environment of a generated project: never NODE_ENV=test/production from this runner (npm
 * would skip devDependencies), no broker or database URL unless connectServices sets it.
 */
export function projectEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, npm_config_audit: 'false', npm_config_fund: 'false' };
  for (const key of ['NODE_ENV', 'RABBITMQ_URL', 'DATABASE_URL', 'KAFKA_BROKERS']) delete env[key];
  return env;
}

/**
 * Gates the services (a visible skip locally, a failure in CI) and sets the URL of each one that
 * is reachable in `env`: the generated tests then must run against it (they fail rather than skip).
 */
export async function connectServices(env: NodeJS.ProcessEnv, wanted: (keyof StarterServices)[]): Promise<StarterServices> {
  const up: StarterServices = { rabbitmq: false, postgres: false, kafka: false };
  if (wanted.includes('rabbitmq')) up.rabbitmq = !serviceGate('RabbitMQ', await portOpen(5672), 'run .ci/services.sh');
  if (wanted.includes('postgres')) up.postgres = !serviceGate('PostgreSQL', await portOpen(5432), 'run .ci/services.sh');
  if (wanted.includes('kafka')) up.kafka = !(await kafkaGate());
  if (up.rabbitmq) env.RABBITMQ_URL = RABBITMQ_URL;
  if (up.postgres) env.DATABASE_URL = DATABASE_URL;
  if (up.kafka) env.KAFKA_BROKERS = KAFKA_BROKERS;
  return up;
}

export interface Run {
  code: number | null;
  ms: number;
  output: string;
}

/** Runs a command in a generated project; stdout and stderr together, as a user reads them. */
export function run(cmd: string, args: string[], cwd: string, env: NodeJS.ProcessEnv, timeoutMs = 15 * 60_000): Run {
  const started = Date.now();
  const result = spawnSync(cmd, args, { cwd, env, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, timeout: timeoutMs });
  return { code: result.status, ms: Date.now() - started, output: `${result.stdout ?? ''}${result.stderr ?? ''}` };
}

/** run(), failing with the end of the output when the command fails. */
export function runOk(cmd: string, args: string[], cwd: string, env: NodeJS.ProcessEnv, timeoutMs?: number): Run {
  const result = run(cmd, args, cwd, env, timeoutMs);
  if (result.code !== 0) throw new Error(`${cmd} ${args.join(' ')} failed in ${cwd} (exit ${result.code}):\n${result.output.slice(-8000)}`);
  return result;
}
