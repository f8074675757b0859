// Tests that need a system service (Chromium, RabbitMQ, PostgreSQL, python3 modules, tmux) skip
// with a visible reason when it is absent, so `npm test` passes on a fresh machine. In CI,
// ADR_WIZARD_REQUIRE_SERVICES=1 makes an absent service a failure instead of a skip.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createConnection, createServer } from 'node:net';

export const REQUIRE_SERVICES = process.env.ADR_WIZARD_REQUIRE_SERVICES === '1';

/**
 * Returns a skip reason when the service is missing (and services are optional), or undefined
 * when the test should run. Throws when services are required and this one is missing.
 */
export function serviceGate(name: string, available: boolean, howToGet: string): string | undefined {
  if (available) return undefined;
  const reason = `${name} is not available (${howToGet})`;
  if (REQUIRE_SERVICES) throw new Error(`ADR_WIZARD_REQUIRE_SERVICES=1 but ${reason}`);
  console.warn(`skipping: ${reason}`);
  return reason;
}

export function commandExists(cmd: string): boolean {
  try {
    execFileSync('sh', ['-c', `command -v ${cmd}`], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

export function findChromium(): string | undefined {
  const candidates = [
    process.env.PUPPETEER_EXECUTABLE_PATH,
    '/usr/bin/chromium',
    '/usr/bin/chromium-browser',
    '/usr/bin/google-chrome',
  ];
  return candidates.find((p): p is string => typeof p === 'string' && p !== '' && existsSync(p));
}

export function portOpen(port: number, host = '127.0.0.1', timeoutMs = 1000): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createConnection({ port, host });
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });
}

/** A TCP port free on loopback now (for a server a test starts). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
  });
}
