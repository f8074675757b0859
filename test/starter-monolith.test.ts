// Slow: the modular-monolith starter as a user gets it. Generates it, installs its dependencies,
// builds it and runs its own tests (against the real PostgreSQL when it is up: CI starts it with
// .ci/services.sh); then runs the production build the way its Dockerfile and compose.yaml would.
// No Docker engine runs here, so both files are parsed and their steps replayed: the production
// dependencies are installed alone, and the built app is started with the environment compose
// would give it, probed with the image's own HEALTHCHECK command, and stopped with SIGTERM.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { runCli, tempDir } from './support/cli.js';
import { freePort, portOpen, serviceGate } from './support/services.js';
import { argsOf, parseDockerfile, type Stage } from './support/dockerfile.js';
import { projectEnv, run, runOk } from './support/starter-build.js';

const ADMIN_URL = process.env.DATABASE_URL ?? 'postgres://postgres:postgres@127.0.0.1:5432/postgres';

describe('modular-monolith: options it cannot honour', () => {
  it.each([
    [['--transport', 'kafka'], /^error --transport: the modular-monolith starter does not take --transport/],
    [['--database', 'mongodb'], /^error --database "mongodb" is not one of postgres \(the modular-monolith starter\)/],
    [['--services', 'orders,pg-stats'], /^error --services: "pg-stats" would own the PostgreSQL schema "pg_stats", which PostgreSQL reserves or shares/],
    [['--services', 'public'], /^error --services: "public" would own the PostgreSQL schema "public"/],
  ])('%j: one line, exit 2, nothing written', async (flags, message) => {
    const cwd = tempDir();
    const result = await runCli(['scaffold', 'modular-monolith', '--out', 'mono', ...flags], { cwd });
    expect(result.code).toBe(2);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).toMatch(message);
    expect(existsSync(join(cwd, 'mono'))).toBe(false);
  });

  it('accepts --database postgres, which is what it uses', async () => {
    const cwd = tempDir();
    const result = await runCli(['scaffold', 'modular-monolith', '--out', 'mono', '--database', 'postgres'], { cwd });
    expect(result.code, result.stderr).toBe(0);
  });
});

// --- Dockerfile and compose, read the way Docker reads them (the subset these files use) -------

/** `KEY=value` lines of a .env file. */
function parseEnvFile(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const line of text.split('\n')) {
    const match = /^([A-Z_][A-Z0-9_]*)=(.*)$/.exec(line.trim());
    if (match) out[match[1] as string] = match[2] as string;
  }
  return out;
}

/** Compose's interpolation: `${VAR}`, `${VAR:-default}`, `${VAR:?error}` and `$$`. */
function interpolate(value: string, vars: Record<string, string>): string {
  return value.replace(/\$\$|\$\{([A-Z_][A-Z0-9_]*)(?::([-?])([^}]*))?\}/g, (whole, name?: string, op?: string, rest?: string) => {
    if (whole === '$$') return '$';
    const set = vars[name as string];
    if (set !== undefined && set !== '') return set;
    if (op === '-') return rest ?? '';
    if (op === '?') throw new Error(`compose refuses to start: ${rest}`);
    return '';
  });
}

const variablesIn = (text: string): string[] => [...text.matchAll(/\$\{([A-Z_][A-Z0-9_]*)/g)].map((m) => m[1] as string);

// --- the running application ------------------------------------------------------------------

interface App {
  child: ChildProcess;
  stdout: () => string;
  stderr: () => string;
  exit: Promise<number | null>;
}

function startApp(cwd: string, env: NodeJS.ProcessEnv): App {
  const child = spawn(process.execPath, ['dist/main.js'], { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout?.setEncoding('utf8').on('data', (d: string) => (stdout += d));
  child.stderr?.setEncoding('utf8').on('data', (d: string) => (stderr += d));
  const exit = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, stdout: () => stdout, stderr: () => stderr, exit };
}

async function waitForHttp(url: string, app: App, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let exited = false;
  void app.exit.then(() => (exited = true));
  for (;;) {
    if (exited) throw new Error(`the application exited before answering:\n${app.stdout()}\n${app.stderr()}`);
    try {
      await fetch(url);
      return;
    } catch {
      if (Date.now() > deadline) throw new Error(`no answer from ${url} within ${timeoutMs} ms:\n${app.stdout()}\n${app.stderr()}`);
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
}

async function stop(app: App, timeoutMs = 15_000): Promise<number | null> {
  if (app.child.exitCode !== null) return app.child.exitCode;
  app.child.kill('SIGTERM');
  const timer = setTimeout(() => app.child.kill('SIGKILL'), timeoutMs);
  const code = await app.exit;
  clearTimeout(timer);
  return code;
}

const jsonLines = (text: string): Record<string, unknown>[] =>
  text
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as Record<string, unknown>);

async function psql(url: string, statement: string): Promise<void> {
  const result = spawnSync('psql', [url, '-v', 'ON_ERROR_STOP=1', '-qAtc', statement], { encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`psql: ${result.stderr}`);
}

// --- the generated projects ------------------------------------------------------------------

describe('modular-monolith: generated, installed, built, tested and started', () => {
  const root = mkdtempSync(join(tmpdir(), 'adr-wizard-monolith-'));
  const project = join(root, 'shop');
  type Timing = Partial<Record<'install' | 'build' | 'test' | 'prodInstall', number>>;
  const times: Record<string, Timing> = {};
  let postgres = false;
  const started: App[] = [];
  const databases: string[] = [];
  // Never inherit NODE_ENV (npm would skip devDependencies) or a DATABASE_URL set for adr-wizard.
  const baseEnv = projectEnv();
  const testEnv = (): NodeJS.ProcessEnv => (postgres ? { ...baseEnv, DATABASE_URL: ADMIN_URL } : baseEnv);

  const freshDatabase = async (): Promise<string> => {
    const name = `monolith_${process.pid}_${databases.length}`;
    databases.push(name);
    await psql(ADMIN_URL, `DROP DATABASE IF EXISTS ${name}`);
    await psql(ADMIN_URL, `CREATE DATABASE ${name}`);
    return name;
  };

  beforeAll(async () => {
    postgres = !serviceGate('PostgreSQL', await portOpen(5432), 'run .ci/services.sh');
  });

  afterAll(async () => {
    for (const app of started) await stop(app, 2_000);
    if (postgres) for (const name of databases) await psql(ADMIN_URL, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`).catch(() => undefined);
    console.log(
      'modular-monolith timings (ms):\n' +
        Object.entries(times)
          .map(([id, t]) => `  ${id.padEnd(24)} ${Object.entries(t).map(([k, v]) => `${k} ${v}`).join('  ')}`)
          .join('\n'),
    );
    rmSync(root, { recursive: true, force: true });
  });

  it('orders, billing, identity: npm install, npm run build, npm test with its PostgreSQL tests', { timeout: 20 * 60_000 }, async () => {
    const generated = await runCli(['scaffold', 'modular-monolith', '--out', project], { env: baseEnv, timeoutMs: 60_000 });
    expect(generated.code, generated.stderr).toBe(0);
    const t: Timing = (times.default = {});
    t.install = runOk('npm', ['install', '--prefer-offline', '--no-audit', '--no-fund'], project, baseEnv).ms;
    const build = runOk('npm', ['run', 'build'], project, baseEnv);
    t.build = build.ms;
    expect(build.output).toContain('module boundaries: ok (src/modules)');
    const test = runOk('npm', ['test'], project, testEnv());
    t.test = test.ms;
    expect(test.output).toMatch(/✓ the rules fire on a module that reaches into another module/);
    expect(test.output).toMatch(/✓ tells billing through its public API/);
    expect(test.output).toMatch(/✓ fails fast, naming the variable, when DATABASE_URL is missing/);
    if (postgres) {
      expect(test.output).toMatch(/✓ a record created in orders reaches billing through its public API, each in its own schema/);
      expect(test.output).toMatch(/✓ every table belongs to a module schema; none lands in public/);
      for (const m of ['orders', 'billing', 'identity']) {
        expect(test.output).toContain(`✓ keeps its tables, and its migration history, in its own schema "${m}"`);
      }
      expect(test.output).not.toMatch(/skipped|skipping/);
    } else {
      expect(test.output).toContain('skipping PostgreSQL tests: DATABASE_URL is not set');
    }
  });

  it("the boundary check and the compiler both refuse a module that reads another module's table", { timeout: 10 * 60_000 }, () => {
    const file = join(project, 'src/modules/orders/internal/orders.repository.ts');
    const original = readFileSync(file, 'utf8');
    const leak = `
  async billingOf(id: string): Promise<unknown> {
    return this.db.selectFrom('billing.billing').selectAll().where('reference', '=', id).execute();
  }
}
`;
    const leaking = original.replace(/\}\s*$/, leak);
    const line = leaking.split('\n').findIndex((l) => l.includes("'billing.billing'")) + 1;
    writeFileSync(file, leaking);
    try {
      const check = run('npm', ['run', 'check:boundaries'], project, baseEnv);
      expect(check.code).toBe(1);
      expect(check.output).toContain(
        `src/modules/orders/internal/orders.repository.ts:${line}  module "orders" names a table of schema "billing", owned by module "billing"; ask "billing" through its public API instead`,
      );
      const build = run('npm', ['run', 'build'], project, baseEnv);
      expect(build.code).not.toBe(0);
      // Past the check, the compiler refuses it too: orders' Kysely instance knows no billing table.
      const tsc = run('npx', ['tsc', '--noEmit', '-p', 'tsconfig.build.json'], project, baseEnv);
      expect(tsc.code).not.toBe(0);
      expect(tsc.output).toMatch(new RegExp(`orders\\.repository\\.ts\\(${line},\\d+\\): error TS\\d+:[^\\n]*billing\\.billing`));
    } finally {
      writeFileSync(file, original);
    }
  });

  it('Dockerfile: multi-stage on a pinned Node 24 LTS, production dependencies only, user 1000:1000', () => {
    const stages = parseDockerfile(readFileSync(join(project, 'Dockerfile'), 'utf8'));
    expect(stages.length).toBeGreaterThanOrEqual(2);
    for (const stage of stages) expect(stage.image).toMatch(/^node:24\.\d+-[a-z]+(-slim)?$/);
    const final = stages.at(-1) as Stage;
    expect(argsOf(final, 'USER')).toEqual(['1000:1000']);
    expect(JSON.parse(argsOf(final, 'CMD')[0] ?? '')).toEqual(['node', 'dist/main.js']);
    expect(argsOf(final, 'ENV').join(' ')).toMatch(/NODE_ENV=production/);
    expect(argsOf(final, 'RUN')).toEqual([]); // nothing is installed or built in the final image
    // Its node_modules come from a stage that installs production dependencies only.
    const modulesFrom = argsOf(final, 'COPY')
      .map((args) => /^--from=(\S+)\s+\S*node_modules\b/.exec(args)?.[1])
      .find((name) => name !== undefined);
    const deps = stages.find((s) => s.name === modulesFrom);
    expect(argsOf(deps as Stage, 'RUN').join(' ')).toMatch(/npm ci --omit=dev/);
    // Everything the stages copy from the build context exists, and .dockerignore lets it through.
    const ignored = readFileSync(join(project, '.dockerignore'), 'utf8').split('\n').map((l) => l.trim()).filter((l) => l !== '' && !l.startsWith('#'));
    for (const stage of stages) {
      for (const args of argsOf(stage, 'COPY').filter((a) => !a.startsWith('--from'))) {
        const sources = args.split(/\s+/).slice(0, -1);
        for (const source of sources) {
          expect(existsSync(join(project, source)), `COPY ${source}`).toBe(true);
          expect(ignored, `.dockerignore excludes ${source}`).not.toContain(source);
        }
      }
    }
    const healthcheck = argsOf(final, 'HEALTHCHECK')[0] ?? '';
    expect(healthcheck).toContain('/health/live');
  });

  it('compose.yaml: PostgreSQL with a health check, the app after it, every secret from .env', () => {
    const text = readFileSync(join(project, 'compose.yaml'), 'utf8');
    const compose = parseYaml(text) as {
      services: Record<string, { image?: string; build?: string; environment?: Record<string, string>; healthcheck?: { test: string[] }; depends_on?: Record<string, { condition: string }>; volumes?: string[] }>;
    };
    const { postgres: db, app } = compose.services;
    expect(db?.image).toMatch(/^postgres:1[78]-alpine$/);
    expect(db?.healthcheck?.test.join(' ')).toMatch(/pg_isready/);
    expect(db?.volumes).toEqual(['postgres-data:/var/lib/postgresql']); // where PostgreSQL 18 images keep PGDATA
    expect(app?.build).toBe('.');
    expect(app?.depends_on).toEqual({ postgres: { condition: 'service_healthy' } });
    for (const service of Object.values(compose.services)) {
      for (const [key, value] of Object.entries(service.environment ?? {})) {
        if (/PASSWORD|SECRET/.test(key)) expect(value, key).toMatch(/^\$\{[A-Z_]+:\?[^}]+\}$/);
      }
    }
    expect(app?.environment?.DATABASE_URL).toMatch(/^postgres:\/\/\$\{POSTGRES_USER\}:\$\{POSTGRES_PASSWORD\}@postgres:5432\//);
    const example = parseEnvFile(readFileSync(join(project, '.env.example'), 'utf8'));
    for (const name of variablesIn(text)) expect(Object.keys(example), `.env.example lists ${name}`).toContain(name);
    expect(example.POSTGRES_PASSWORD).toBe('');
    expect(() => interpolate(text, example)).toThrow(/set POSTGRES_PASSWORD in \.env/);
  });

  it('with production dependencies only and the environment compose gives it, the app serves, logs JSON and stops on SIGTERM', { timeout: 15 * 60_000 }, async (ctx) => {
    // As the Dockerfile's last two stages: production dependencies from the lockfile, then dist.
    const image = join(root, 'image');
    mkdirSync(image);
    for (const file of ['package.json', 'package-lock.json']) cpSync(join(project, file), join(image, file));
    (times.default ??= {}).prodInstall = runOk('npm', ['ci', '--omit=dev', '--prefer-offline', '--no-audit', '--no-fund'], image, baseEnv).ms;
    expect(existsSync(join(image, 'node_modules/@nestjs/cli'))).toBe(false);
    expect(existsSync(join(image, 'node_modules/jest'))).toBe(false);
    cpSync(join(project, 'dist'), join(image, 'dist'), { recursive: true });
    const imageEnv = { PATH: process.env.PATH, NODE_ENV: 'production', HOME: image };

    // Without its database URL it refuses to start: one JSON line naming the variable.
    const refused = startApp(image, { ...imageEnv, PORT: '3000' });
    expect(await refused.exit).toBe(1);
    const [fatal, ...more] = jsonLines(refused.stdout() + refused.stderr());
    expect(more).toEqual([]);
    expect(fatal).toEqual(expect.objectContaining({ level: 'fatal', context: 'Bootstrap' }));
    expect(String(fatal?.message)).toMatch(/^Invalid environment: DATABASE_URL must be a postgres:\/\/ URL/);

    if (!postgres) return ctx.skip();
    // compose.yaml's app environment, with .env filled in and the compose service name
    // `postgres` resolved to this machine's server.
    const compose = parseYaml(readFileSync(join(project, 'compose.yaml'), 'utf8')) as { services: { app: { environment: Record<string, string> } } };
    const admin = new URL(ADMIN_URL);
    const dotEnv = {
      ...parseEnvFile(readFileSync(join(project, '.env.example'), 'utf8')),
      POSTGRES_USER: decodeURIComponent(admin.username),
      POSTGRES_PASSWORD: decodeURIComponent(admin.password),
      POSTGRES_DB: await freshDatabase(),
    };
    const port = await freePort();
    const env: NodeJS.ProcessEnv = { ...imageEnv };
    for (const [key, value] of Object.entries(compose.services.app.environment)) env[key] = interpolate(value, dotEnv);
    env.DATABASE_URL = (env.DATABASE_URL ?? '').replace('@postgres:5432/', `@${admin.hostname}:${admin.port || 5432}/`);
    env.PORT = String(port);
    const base = `http://127.0.0.1:${port}`;

    const app = startApp(image, env);
    started.push(app);
    await waitForHttp(`${base}/health/live`, app);
    expect((await fetch(`${base}/health/live`)).status).toBe(200);
    const ready = await fetch(`${base}/health/ready`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual(expect.objectContaining({ status: 'ok', info: { database: { status: 'up' } } }));

    const order = await fetch(`${base}/orders`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ reference: 'cart-7', amountCents: 1999 }) });
    expect(order.status).toBe(201);
    const { id } = (await order.json()) as { id: string };
    const billed = (await (await fetch(`${base}/billing?reference=${id}`)).json()) as { amountCents: number }[];
    expect(billed).toEqual([expect.objectContaining({ reference: id, amountCents: 1999 })]);

    // Readiness follows the database; liveness does not (an outage must not restart the app).
    const database = dotEnv.POSTGRES_DB;
    await psql(ADMIN_URL, `ALTER DATABASE ${database} ALLOW_CONNECTIONS false`);
    await psql(ADMIN_URL, `SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '${database}'`);
    const down = await fetch(`${base}/health/ready`);
    expect(down.status).toBe(503);
    expect(await down.json()).toEqual(expect.objectContaining({ status: 'error', error: { database: expect.objectContaining({ status: 'down' }) } }));
    expect((await fetch(`${base}/health/live`)).status).toBe(200);
    await psql(ADMIN_URL, `ALTER DATABASE ${database} ALLOW_CONNECTIONS true`);
    expect((await fetch(`${base}/health/ready`)).status).toBe(200);

    // The image's HEALTHCHECK command, run as Docker would inside the container.
    const stages = parseDockerfile(readFileSync(join(project, 'Dockerfile'), 'utf8'));
    const healthcheck = argsOf(stages.at(-1) as Stage, 'HEALTHCHECK')[0] ?? '';
    const probe = JSON.parse(/CMD\s+(\[.*\])$/.exec(healthcheck)?.[1] ?? '[]') as string[];
    expect(spawnSync(probe[0] as string, probe.slice(1), { env, timeout: 10_000 }).status).toBe(0);

    expect(await stop(app)).toBe(0);
    const logs = jsonLines(app.stdout());
    expect(logs.map((l) => l.message)).toEqual(
      expect.arrayContaining([
        'schema "orders": applied 0001_create_orders',
        'schema "billing": applied 0001_create_billing',
        `listening on port ${port}`,
        'SIGTERM: finishing the requests in flight, then closing the database pool',
      ]),
    );
    expect(logs.map((l) => l.level)).toContain('log');

    // LOG_LEVEL=warn: nothing at "log" level; the schemas are already migrated.
    const quiet = startApp(image, { ...env, LOG_LEVEL: 'warn' });
    started.push(quiet);
    await waitForHttp(`${base}/health/ready`, quiet);
    expect((await fetch(`${base}/health/ready`)).status).toBe(200);
    expect(await stop(quiet)).toBe(0);
    expect(quiet.stdout()).toBe('');
  });

  it('custom names (catalog calling shipping-labels): build and tests pass, with a schema per module', { timeout: 15 * 60_000 }, async () => {
    const dir = join(root, 'custom');
    const generated = await runCli(['scaffold', 'modular-monolith', '--out', dir, '--services', 'catalog,shipping-labels'], { env: baseEnv, timeoutMs: 60_000 });
    expect(generated.code, generated.stderr).toBe(0);
    symlinkSync(join(project, 'node_modules'), join(dir, 'node_modules'), 'dir');
    const t: Timing = (times['catalog,shipping-labels'] = {});
    t.build = runOk('npm', ['run', 'build'], dir, baseEnv).ms;
    const test = runOk('npm', ['test'], dir, testEnv());
    t.test = test.ms;
    expect(test.output).toMatch(/✓ tells shipping-labels through its public API/);
    if (postgres) {
      expect(test.output).toMatch(/✓ a record created in catalog reaches shipping-labels through its public API, each in its own schema/);
      expect(test.output).toContain('✓ keeps its tables, and its migration history, in its own schema "shipping_labels"');
      expect(test.output).not.toMatch(/skipped|skipping/);
    }
  });

  it('a single module: builds and type-checks, tests and all', { timeout: 10 * 60_000 }, async () => {
    const dir = join(root, 'single');
    const generated = await runCli(['scaffold', 'modular-monolith', '--out', dir, '--services', 'catalog'], { env: baseEnv, timeoutMs: 60_000 });
    expect(generated.code, generated.stderr).toBe(0);
    symlinkSync(join(project, 'node_modules'), join(dir, 'node_modules'), 'dir');
    times.catalog = {};
    times.catalog.build = runOk('npm', ['run', 'build'], dir, baseEnv).ms;
    runOk('npm', ['run', 'typecheck'], dir, baseEnv);
    expect(readFileSync(join(dir, 'test/app.e2e.spec.ts'), 'utf8')).not.toContain('public API');
  });
});
