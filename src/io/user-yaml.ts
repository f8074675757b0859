// The one reader for a user's YAML files (context files, `.adr-wizard.yaml`, `.log4brains.yml`):
// YAML with locations (core/yaml-doc), then a zod schema, every problem at file:line:col with its
// field. Decision trees take the same path through core/load.ts with their own lint rules.
import type * as z from '../core/zod.js';
import { UsageError, type Problem } from '../core/errors.js';
import { schemaProblems } from '../core/schema-problems.js';
import { parseYaml, type Locate } from '../core/yaml-doc.js';

export interface UserYaml<T> {
  /** The checked data; undefined when there are problems. */
  data?: T;
  /** The data as parsed, before the schema (for checks that can go on despite other problems). */
  raw?: unknown;
  problems: Problem[];
  locate: Locate;
}

/**
 * Parses `source` and checks it against `schema`. `emptyAs` is what an empty file means (a config
 * file may be empty; a context file may not). `knownFields` feeds "did you mean" for unknown keys.
 */
export function parseUserYaml<T>(
  source: string,
  file: string,
  schema: z.ZodMiniType<T>,
  options: { knownFields: readonly string[]; emptyAs?: unknown },
): UserYaml<T> {
  const empty = source.trim() === '' || /^(\s*(#.*)?\n?)*$/.test(source);
  if (empty && options.emptyAs !== undefined) return check(options.emptyAs, file, schema, () => ({ line: 1, col: 1 }), options.knownFields);
  const { data, problems, locate } = parseYaml(source, file);
  if (data === undefined) return { problems, locate };
  return check(data, file, schema, locate, options.knownFields);
}

function check<T>(data: unknown, file: string, schema: z.ZodMiniType<T>, locate: Locate, knownFields: readonly string[]): UserYaml<T> {
  const result = schema.safeParse(data);
  if (!result.success) return { raw: data, problems: schemaProblems(result.error.issues, data, file, locate, knownFields), locate };
  return { data: result.data, raw: data, problems: [], locate };
}

/** The error for a user file with problems: one line per problem, then what the file is. */
export function userFileError(file: string, what: string, problems: Problem[]): UsageError {
  const n = problems.length;
  return new UsageError(`${file}: ${n === 1 ? 'a problem' : `${n} problems`} in the ${what}`, problems);
}
