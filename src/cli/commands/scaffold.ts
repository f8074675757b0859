// `adr-wizard scaffold <starter>` and `scaffold --from-adrs`: flags -> StarterOptions -> plan ->
// apply. All writing happens in src/scaffold/apply.ts.
import { spawn } from 'node:child_process';
import { relative } from 'node:path';
import { UsageError } from '../../core/errors.js';
import type { AdrRecord } from '../../adr/types.js';
import { applyPlan } from '../../scaffold/apply.js';
import { loadCatalog } from '../../scaffold/catalog.js';
import { acceptedOptions, type RawScaffoldFlags } from '../../scaffold/options.js';
import { knownStarter, opBytes, prepareStarter, shownOptions } from '../../scaffold/prepare.js';
import { OPTION_FLAGS, type FileOp, type OptionName, type StarterManifest } from '../../scaffold/types.js';
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

/** How an option reads in `scaffold --help`: its values with the default, or its services. */
function describeOption(manifest: StarterManifest, name: OptionName): string {
  const spec = manifest.options[name];
  if (spec === undefined) return '';
  if ('values' in spec) {
    const values = (spec.values as string[]).map((v) => (v === spec.default ? `${v} (default)` : v)).join(', ');
    return `${values}${spec.from ? `; --from-adrs: ${spec.from}` : ''}`;
  }
  return 'fixed' in spec ? `fixed: ${spec.fixed.join(', ')}` : `default ${spec.default.join(',')}`;
}

/** The starters as `scaffold --help` lists them: id, description, the options each accepts. */
export async function starterHelp(): Promise<string> {
  const catalog = await loadCatalog();
  const lines = ['', 'Starters (templates/scaffold/<id>/starter.yaml):'];
  for (const manifest of catalog.starters) {
    lines.push(`  ${manifest.id}`, `    ${manifest.description.en}`);
    const names = acceptedOptions(manifest);
    for (const name of names) lines.push(`    ${OPTION_FLAGS[name].padEnd(14)}${describeOption(manifest, name)}`);
    if (names.length === 0) lines.push('    (no options)');
  }
  return lines.join('\n');
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
  const catalog = await loadCatalog();
  if (starterArg !== undefined) knownStarter(catalog, starterArg);
  let log: { records: AdrRecord[]; dir: string } | undefined;
  if (opts.fromAdrs) {
    const { readLog } = await import('../../adr/log.js');
    const { dir } = await adrFolder(cwd);
    log = { records: await readLog(dir), dir };
  }
  const prepared = await prepareStarter({
    cwd,
    catalog,
    ...(starterArg !== undefined ? { starter: starterArg } : {}),
    flags: opts,
    ...(log ? { log } : {}),
    force: opts.force === true,
  });
  const { manifest, options, ops, nextSteps } = prepared;
  const starterId = manifest.id;
  const written = await applyPlan(ops, { out: options.out, force: opts.force === true, dryRun: opts.dryRun === true });
  const note = prepared.from ? `${prepared.from.starter}, from ${prepared.from.note}` : undefined;
  const also = prepared.from?.also ?? [];

  if (opts.json) {
    if (opts.install && !opts.dryRun) await npmInstall(options.out, true);
    printJson({
      starter: starterId,
      out: options.out,
      dryRun: opts.dryRun === true,
      // The options this starter takes (null: unset), as the plan received them.
      options: shownOptions(prepared),
      from: note ?? null,
      also,
      files: ops.map((op) => ({ path: op.path, action: op.action, bytes: opBytes(op) })),
      written: opts.dryRun ? 0 : written.length,
      installed: opts.install === true && !opts.dryRun,
      nextSteps,
    });
    return;
  }

  const where = relative(cwd, options.out) || '.';
  if (note) println(style.dim(`Starter: ${note}`));
  for (const id of also) println(style.dim(`The ADRs also call for ${id}: adr-wizard scaffold ${id} --from-adrs`));
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
