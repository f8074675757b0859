// The context file: a project's driver values written once and reused by every tree, e.g.
//
//   lang: en
//   deciders: [Ana, Luis]
//   drivers:
//     scale: large
//     team-size: small
//
// Every problem is reported at once, each naming file:line:col and the field, because a user fixes
// a context file in one pass far more happily than in five.
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { UsageError, type Problem } from '../core/errors.js';
import { isLang } from '../core/text.js';
import type { DriverCatalog, DriverValues, Lang } from '../core/types.js';
import { didYouMean } from '../cli/did-you-mean.js';

export interface ContextFile {
  /** The path as the user gave it (used in messages). */
  file: string;
  drivers: DriverValues;
  lang?: Lang;
  deciders?: string[];
  consulted?: string[];
  informed?: string[];
}

export const CONTEXT_KEYS = ['drivers', 'lang', 'deciders', 'consulted', 'informed'] as const;

/** Reads and checks a context file; throws UsageError listing every problem. */
export async function readContextFile(path: string, catalog: DriverCatalog, cwd = process.cwd()): Promise<ContextFile> {
  let source: string;
  try {
    source = await readFile(resolve(cwd, path), 'utf8');
  } catch (err: unknown) {
    const code = (err as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a folder, not a file' : (err as Error).message;
    throw new UsageError(`--context ${path}: ${why}`);
  }
  return parseContext(source, path, catalog);
}

/**
 * Parses a context file's text (`file` is only used in messages). Context files are small and
 * regular, so the common shape is read here without loading the YAML library (start-up time);
 * anything else, and any mistake, goes through the full parser, which locates every problem.
 */
export async function parseContext(source: string, file: string, catalog: DriverCatalog): Promise<ContextFile> {
  const fast = readSimpleContext(source, file, catalog);
  if (fast) return fast;
  const { parseContextYaml } = await import('./context-yaml.js');
  return parseContextYaml(source, file, catalog);
}

// The subset read without the YAML library: top-level `key: value` lines, a `drivers:` block of
// `driver: value` lines, names as a plain value, a `[a, b]` list or a block of `- name` lines;
// comments and blank lines. Plain values must start with a letter and must not be a YAML boolean or
// null, so that they mean exactly what the full parser would read.
const KEY = /^([A-Za-z][\w-]*):(?:\s+(.*))?$/;
const PLAIN = /^\p{L}[\p{L}\p{N} ._\/@-]*$/u;
const SPECIAL = /^(?:true|false|null|~|y|n|on|off)$/i;

function scalar(text: string): string | undefined {
  const t = text.replace(/\s+#.*$/, '').trim();
  const quoted = /^"([^"\\]*)"$/.exec(t) ?? /^'([^']*)'$/.exec(t);
  if (quoted) return quoted[1];
  if (!PLAIN.test(t) || SPECIAL.test(t) || t.endsWith(':') || t.includes(': ') || t.includes(' #')) return undefined;
  return t;
}

/** @internal exported for tests: undefined means "leave it to the YAML parser". */
export function readSimpleContext(source: string, file: string, catalog: DriverCatalog): ContextFile | undefined {
  const result: ContextFile = { file, drivers: {} };
  const seen = new Set<string>();
  let block: 'drivers' | 'deciders' | 'consulted' | 'informed' | undefined;
  let blockIndent = -1;
  for (const raw of source.split('\n')) {
    const line = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    if (line.includes('\t')) return undefined;
    const text = line.trim();
    if (text === '' || text.startsWith('#')) continue;
    const indent = line.length - line.trimStart().length;
    if (indent > 0) {
      if (block === undefined) return undefined;
      if (blockIndent < 0) blockIndent = indent;
      if (indent !== blockIndent) return undefined;
      if (block === 'drivers') {
        const m = KEY.exec(text);
        const value = m?.[2] === undefined ? undefined : scalar(m[2]);
        if (!m || value === undefined || Object.hasOwn(result.drivers, m[1]!)) return undefined;
        if (checkDriverValue(catalog, m[1]!, value)) return undefined;
        result.drivers[m[1]!] = value;
      } else {
        const name = text.startsWith('- ') ? scalar(text.slice(2)) : undefined;
        if (name === undefined) return undefined;
        (result[block] ??= []).push(name);
      }
      continue;
    }
    const m = KEY.exec(text);
    if (!m || seen.has(m[1]!)) return undefined;
    const key = m[1]!;
    seen.add(key);
    block = undefined;
    blockIndent = -1;
    const rest = m[2]?.replace(/^#.*$/, '').trim() ?? '';
    if (key === 'drivers') {
      if (rest !== '') return undefined;
      block = 'drivers';
    } else if (key === 'lang') {
      const v = scalar(rest);
      if (!isLang(v)) return undefined;
      result.lang = v;
    } else if (key === 'deciders' || key === 'consulted' || key === 'informed') {
      if (rest === '') {
        block = key;
        result[key] = [];
      } else if (rest.startsWith('[') && rest.endsWith(']')) {
        const names = rest.slice(1, -1).split(',').map((n) => scalar(n));
        if (names.some((n) => n === undefined)) return undefined;
        result[key] = names as string[];
      } else {
        const v = scalar(rest);
        if (v === undefined) return undefined;
        result[key] = [v];
      }
    } else {
      return undefined;
    }
  }
  // An empty `deciders:` block is null to YAML: leave that (and a file without drivers) to it.
  if (!seen.has('drivers')) return undefined;
  for (const k of ['deciders', 'consulted', 'informed'] as const) if (result[k]?.length === 0) return undefined;
  return result;
}

/** A driver value problem, or undefined when `value` is one of the driver's values. */
export function checkDriverValue(
  catalog: DriverCatalog,
  driver: string,
  value: string,
): { kind: 'driver' | 'value'; message: string } | undefined {
  const def = catalog.drivers[driver];
  if (!def) {
    const hint = didYouMean(driver, Object.keys(catalog.drivers));
    return {
      kind: 'driver',
      message: `unknown driver "${driver}"${hint || '; `adr-wizard show <tree>` lists the drivers a tree asks'}`,
    };
  }
  const values = Object.keys(def.values);
  if (values.includes(value)) return undefined;
  return {
    kind: 'value',
    message: `unknown value "${value}" for driver "${driver}"${didYouMean(value, values)}; values: ${values.join(', ')}`,
  };
}

/**
 * Parses `--set driver=value` flags (repeatable); every problem is reported at once and names the
 * flag as typed.
 */
export function parseSetFlags(sets: readonly string[], catalog: DriverCatalog): DriverValues {
  const values: DriverValues = {};
  const problems: Problem[] = [];
  for (const set of sets) {
    const eq = set.indexOf('=');
    const driver = eq < 0 ? set.trim() : set.slice(0, eq).trim();
    const value = eq < 0 ? '' : set.slice(eq + 1).trim();
    if (eq < 0 || driver === '' || value === '') {
      problems.push({ message: `--set ${set}: expected driver=value (e.g. --set scale=large)`, severity: 'error' });
      continue;
    }
    const problem = checkDriverValue(catalog, driver, value);
    if (problem) problems.push({ message: `--set ${set}: ${problem.message}`, severity: 'error' });
    else values[driver] = value;
  }
  if (problems.length === 1) throw new UsageError(problems[0]!.message);
  if (problems.length > 1) throw new UsageError(`${problems.length} --set flags are not valid`, problems);
  return values;
}

