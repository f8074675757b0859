// Benchmark helpers: median wall time of repeated process runs, reported as a ratio to a bare
// `node -e 0` measured in the same run (machines differ; ratios travel).
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const BIN = join(ROOT, 'bin/adr-wizard.js');

export function median(values) {
  const s = [...values].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/** Median milliseconds of `runs` runs of a process (after one warm-up run). */
export function timeProcess(cmd, args, { runs = 15, cwd = ROOT, env = {} } = {}) {
  const once = () => {
    const t0 = process.hrtime.bigint();
    const r = spawnSync(cmd, args, { cwd, env: { ...process.env, NO_COLOR: '1', ...env }, stdio: 'ignore' });
    const ms = Number(process.hrtime.bigint() - t0) / 1e6;
    if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} exited ${r.status}`);
    return ms;
  };
  once();
  return median(Array.from({ length: runs }, once));
}

/** Median milliseconds of an in-process async function. */
export async function timeFn(fn, { runs = 5 } = {}) {
  await fn();
  const times = [];
  for (let i = 0; i < runs; i++) {
    const t0 = process.hrtime.bigint();
    await fn();
    times.push(Number(process.hrtime.bigint() - t0) / 1e6);
  }
  return median(times);
}

let baselineMs;
/** Median of bare `node -e 0`, measured once per bench run. */
export function baseline() {
  baselineMs ??= timeProcess(process.execPath, ['-e', '0'], { runs: 21 });
  return baselineMs;
}

/** One result row: name, median ms, ratio to node -e 0, and an optional target. */
export function row(name, ms, { target, ratio = true } = {}) {
  const r = ms / baseline();
  const ok = target === undefined ? '' : (ratio ? r <= target : ms <= target) ? 'ok' : 'MISSED';
  const t = target === undefined ? '' : ratio ? `<= ${target}x` : `<= ${target} ms`;
  return { name, ms: Math.round(ms * 10) / 10, ratio: Math.round(r * 100) / 100, target: t, result: ok };
}

/**
 * A module of the build, found by `test(name, text)` among dist/**\/*.js: the build names chunks by
 * hash and builds each command in its own folder.
 */
export async function builtModule(test) {
  const dist = join(ROOT, 'dist');
  for (const entry of readdirSync(dist, { recursive: true })) {
    const file = join(dist, String(entry));
    if (!file.endsWith('.js')) continue;
    if (test(basename(file), readFileSync(file, 'utf8'))) return import(pathToFileURL(file).href);
  }
  throw new Error('dist/ has no such module; run npm run build');
}

/** The Chromium the benches that draw diagrams use, or undefined (they skip their rows then). */
export function browserPath() {
  return [process.env.PUPPETEER_EXECUTABLE_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'].find((p) => p && existsSync(p));
}
