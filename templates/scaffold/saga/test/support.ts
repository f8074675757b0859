import { spawnSync } from 'node:child_process';

// Integration tests need a real RabbitMQ or PostgreSQL. Without one they are skipped with the
// reason printed; when the URL is set in the environment (as CI does), an unreachable service
// fails the run instead.

function reachable(host: string, port: number): boolean {
  const probe = `const s = require('node:net').connect(${port}, ${JSON.stringify(host)});
    s.setTimeout(1500, () => process.exit(1));
    s.on('connect', () => process.exit(0));
    s.on('error', () => process.exit(1));`;
  return spawnSync(process.execPath, ['-e', probe], { timeout: 5000 }).status === 0;
}

function gate(name: string, envVar: string, fallback: string, defaultPort: number): { url: string; skip: string | false } {
  const explicit = process.env[envVar];
  const url = explicit ?? fallback;
  const { hostname, port } = new URL(url);
  if (reachable(hostname, Number(port || defaultPort))) return { url, skip: false };
  const reason = `${name} is not reachable at ${hostname}:${port || defaultPort} (set ${envVar})`;
  if (explicit !== undefined) throw new Error(`${reason}; ${envVar} is set, so this test must run`);
  return { url, skip: reason };
}

export const rabbitmq = () => gate('RabbitMQ', 'RABBITMQ_URL', 'amqp://guest:guest@127.0.0.1:5672', 5672);
export const postgres = () =>
  gate('PostgreSQL', 'DATABASE_URL', 'postgres://postgres:postgres@127.0.0.1:5432/postgres', 5432);

export async function eventually<T>(read: () => Promise<T | undefined> | T | undefined, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
