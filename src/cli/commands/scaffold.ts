// `adr-wizard scaffold <starter>` and `scaffold --from-adrs`: flags -> StarterOptions -> plan ->
// apply. All writing happens in src/scaffold/apply.ts.
import { spawn } from 'node:child_process';
import { relative } from 'node:path';
import { UsageError } from '../../core/errors.js';
import { applyPlan, prepareOps } from '../../scaffold/apply.js';
import { buildOptions, type RawScaffoldFlags } from '../../scaffold/options.js';
import { STARTERS } from '../../scaffold/registry.js';
import type { FileOp, StarterOptions } from '../../scaffold/types.js';
import { didYouMean } from '../../core/did-you-mean.js';
import { printJson, println, style } from '../messages.js';
import { progressLine } from '../progress-line.js';
import { adrFolder } from '../adr-folder.js';

interface ScaffoldFlags extends RawScaffoldFlags {
  fromAdrs?: boolean;
  dryRun?: boolean;
  force?: boolean;
  install?: boolean;
  json?: boolean;
}

const DEFAULT_SERVICES: Record<string, string[]> = {
  'nest-microservices': ['orders', 'billing', 'auth'],
  'modular-monolith': ['orders', 'billing', 'identity'],
  saga: ['reservation', 'payment', 'availability'],
};

async function chooseFromLog(cwd: string, named: string | undefined): Promise<{ starter: string; flags: RawScaffoldFlags; note: string }> {
  const {readLog } = await import('../../adr/log.js');
  const { chooseFromAdrs } = await import('../../scaffold/from-adrs.js');
  const { dir } = await adrFolder(cwd);
  const choice = chooseFromAdrs(await readLog(dir), named);
  if (!choice) {
    throw new UsageError(
      `no accepted ADR in ${relative(cwd, dir) || '.'} calls for a starter (architecture-style microservices or modular-monolith, or saga-coordination); name one: adr-wizard scaffold <starter>`,
    );
  }
  const note = choice.because.map((b) => `ADR ${b.number} ${b.tree}: ${b.outcome}`).join('; ') || 'no accepted ADR sets its options';
  return { starter: choice.starter, flags: choice.flags, note };
}

/** Flags a starter cannot honour are refused rather than silently ignored. */
function checkStarterFlags(starterId: string, flags: RawScaffoldFlags): void {
  if (starterId === 'saga') {
    if (flags.database === 'mongodb') {
      throw new UsageError('--database: the saga starter keeps its state in PostgreSQL (--database postgres) or in memory (omit --database)');
    }
    if (flags.services !== undefined) {
      throw new UsageError('--services: the saga starter has fixed services (reservation, payment, availability)');
    }
  }
  if (flags.sagaStyle !== undefined && starterId !== 'saga') {
    throw new UsageError(`--saga-style applies to the saga starter only, not "${starterId}"`);
  }
}

function describeOp(op: FileOp): string {
  const label = { create: style.ok('create   '), overwrite: style.warn('overwrite'), skip: style.dim('skip     ') }[op.action];
  return `  ${label} ${op.path}${op.action === 'skip' ? style.dim(' (unchanged)') : ''}`;
}

/** npm install in the new project; a ticking line in a terminal, npm's own output otherwise. */
function npmInstall(dir: string, quietStdout: boolean): Promise<void> {
  return new Promise((resolvePromise, reject) => {
    const tty = process.stderr.isTTY === true;
    const child = spawn('npm', ['install', '--no-audit', '--no-fund'], {
      cwd: dir,
      stdio: ['ignore', tty || quietStdout ? 'pipe' : 'inherit', tty ? 'pipe' : 'inherit'],
      shell: process.platform === 'win32',
    });
    let output = '';
    child.stdout?.on('data', (d: Buffer) => {
      output += d.toString();
      if (!tty) process.stderr.write(d);
    });
    child.stderr?.on('data', (d: Buffer) => (output += d.toString()));
    const started = Date.now();
    const line = progressLine();
    const timer = tty
      ? setInterval(() => line.show(style.dim(`installing dependencies with npm… ${Math.round((Date.now() - started) / 1000)}s`)), 250)
      : undefined;
    child.on('error', (error) => {
      if (timer) clearInterval(timer);
      reject(new UsageError(`cannot run npm in ${dir}: ${error.message}`));
    });
    child.on('close', (code) => {
      if (timer) clearInterval(timer);
      line.clear();
      if (code === 0) return resolvePromise();
      const tail = output.trim().split('\n').slice(-15).join('\n');
      reject(new UsageError(`npm install failed in ${dir} (exit ${code})${tail ? `:\n${tail}` : ''}`));
    });
  });
}

export async function run(starterArg: string | undefined, opts: ScaffoldFlags): Promise<void> {
  const cwd = process.cwd();
  let starterId = starterArg;
  let flags: RawScaffoldFlags = { ...opts };
  let note: string | undefined;
  if (opts.fromAdrs) {
    // A named starter takes only its options from the ADRs; otherwise the ADRs choose the starter.
    const chosen = await chooseFromLog(cwd, starterId);
    starterId = chosen.starter;
    // Explicit flags win over what the ADRs imply.
    flags = { ...chosen.flags, ...Object.fromEntries(Object.entries(flags).filter(([, v]) => v !== undefined)) };
    note = `${chosen.starter}, from ${chosen.note}`;
  }
  if (starterId === undefined) {
    throw new UsageError(`name a starter (${Object.keys(STARTERS).join(', ')}) or pass --from-adrs`);
  }
  const load = STARTERS[starterId];
  if (!load) {
    throw new UsageError(
      `unknown starter "${starterId}"${didYouMean(starterId, Object.keys(STARTERS))}; starters: ${Object.keys(STARTERS).join(', ')}`,
    );
  }
  checkStarterFlags(starterId, flags);
  const options: StarterOptions = buildOptions(starterId, flags, cwd, {
    services: DEFAULT_SERVICES[starterId] ?? DEFAULT_SERVICES['nest-microservices'] ?? [],
  });
  const starter = await load();
  const files = await starter.plan(options);
  const ops = await prepareOps(files, { out: options.out, force: opts.force === true });
  const written = await applyPlan(ops, { out: options.out, force: opts.force === true, dryRun: opts.dryRun === true });
  const nextSteps = starter.nextSteps(options);

  if (opts.json) {
    if (opts.install && !opts.dryRun) await npmInstall(options.out, true);
    printJson({
      starter: starterId,
      out: options.out,
      dryRun: opts.dryRun === true,
      options: {
        name: options.name,
        services: options.services,
        transport: options.transport,
        database: options.database,
        sagaStyle: options.sagaStyle,
        ingress: options.ingress ?? null,
        hosting: options.hosting ?? null,
      },
      from: note ?? null,
      files: ops.map((op) => ({
        path: op.path,
        action: op.action,
        bytes: typeof op.content === 'string' ? Buffer.byteLength(op.content) : op.content.length,
      })),
      written: opts.dryRun ? 0 : written.length,
      installed: opts.install === true && !opts.dryRun,
      nextSteps,
    });
    return;
  }

  const where = relative(cwd, options.out) || '.';
  if (note) println(style.dim(`Starter: ${note}`));
  println(
    opts.dryRun
      ? style.title(`Plan for ${starterId} in ${where} (dry run: nothing written)`)
      : style.title(`Wrote ${starterId} to ${where}`),
  );
  for (const op of ops) println(describeOp(op));
  const counts = { create: 0, overwrite: 0, skip: 0 };
  for (const op of ops) counts[op.action]++;
  println(style.dim(`${counts.create} to create, ${counts.overwrite} to overwrite, ${counts.skip} unchanged`));
  if (opts.install && !opts.dryRun) {
    await npmInstall(options.out, false);
    println(style.ok('Dependencies installed.'));
  }
  println();
  println(style.title('Next steps:'));
  for (const line of nextSteps) {
    if (opts.install && !opts.dryRun && line === 'npm install') continue;
    println(`  ${line}`);
  }
}
