// The context file: a project's driver values written once and reused by every tree, e.g.
//
//   lang: en
//   deciders: [Ana, Luis]
//   drivers:
//     scale: large
//     team-size: small
//
// Every problem is reported at once, each naming file:line:col and the field, because a user fixes
// a context file in one pass far more happily than in five. Read like every user YAML file
// (user-yaml.ts); the driver values are then checked against the catalog.
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { UsageError, type Problem } from '../core/errors.js';
import * as z from '../core/zod.js';
import { checkDriverValue } from '../core/driver-values.js';
import { sortProblems } from '../core/problems.js';
import type { DriverCatalog, DriverValues, Lang } from '../core/types.js';
import { parseUserYaml, userFileError } from './user-yaml.js';

export interface ContextFile {
  /** The path as the user gave it (used in messages). */
  file: string;
  drivers: DriverValues;
  lang?: Lang;
  deciders?: string[];
  consulted?: string[];
  informed?: string[];
}


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

const names = z.union([z.string(), z.array(z.string())], { error: 'expected a name or a list of names' });
const ContextSchema = z.strictObject({
  // Values are checked against the driver catalog below, with messages naming the values.
  drivers: z.optional(z.nullable(z.record(z.string(), z.unknown()))),
  lang: z.optional(z.enum(['en', 'es'])),
  deciders: z.optional(names),
  consulted: z.optional(names),
  informed: z.optional(names),
});

/** Parses a context file's text (`file` is only used in messages). */
export function parseContext(source: string, file: string, catalog: DriverCatalog): ContextFile {
  const fail = (problems: Problem[]) => userFileError(file, 'context file', problems);
  const { data, raw, problems, locate } = parseUserYaml(source, file, ContextSchema, {
    problem: 'the context file is empty; expected `drivers:` with driver values',
  });
  if (raw === undefined) throw fail(problems);
  const at = (path: (string | number)[], message: string, key = false): void => {
    problems.push({ file, ...locate(path, { key }), path: path.join('.'), message, severity: 'error' });
  };
  // The drivers are checked even when another key is wrong: every problem is reported at once.
  const drivers = isMap(raw) && isMap(raw.drivers) ? raw.drivers : {};
  if (data && data.drivers === undefined) at([], 'no `drivers:` section; expected driver values such as `drivers: {scale: large}`');

  const result: ContextFile = { file, drivers: {} };
  for (const [driver, given] of Object.entries(drivers)) {
    const value = scalarText(given);
    if (value === undefined) {
      const known = catalog.drivers[driver];
      const hint = known ? `; one of: ${Object.keys(known.values).join(', ')}` : '';
      at(['drivers', driver], `expected a single value, got ${describe(given)}${hint}`);
      continue;
    }
    const problem = checkDriverValue(catalog, driver, value);
    if (problem) at(['drivers', driver], problem.message, problem.kind === 'driver');
    else result.drivers[driver] = value;
  }
  if (!data || problems.length > 0) throw fail(sortProblems(problems));
  if (data.lang) result.lang = data.lang;
  for (const key of ['deciders', 'consulted', 'informed'] as const) {
    const v = data[key];
    if (v !== undefined) result[key] = typeof v === 'string' ? [v] : v;
  }
  return result;
}

// YAML 1.2 reads `yes`/`no` as strings but `true`/`false` as booleans: accept them as yes/no.
function scalarText(value: unknown): string | undefined {
  if (value === true) return 'yes';
  if (value === false) return 'no';
  if (typeof value === 'string' || typeof value === 'number') return String(value);
  return undefined;
}

function isMap(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function describe(value: unknown): string {
  if (value === null || value === undefined) return 'nothing';
  return Array.isArray(value) ? 'a list' : 'a mapping';
}
