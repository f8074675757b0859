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

/** What a file with nothing in it (only blank lines and comments) means. */
export type WhenEmpty = { as: unknown } | { problem: string };

/**
 * Parses `source` and checks it against `schema`, an object schema: its keys are the fields that
 * "did you mean" suggests for a misspelt one. `empty` says what a file with nothing in it means
 * (a config file may be empty; a context file may not, and says so in its own words).
 */
export function parseUserYaml<T>(source: string, file: string, schema: ObjectSchema<T>, empty: WhenEmpty): UserYaml<T> {
  const fields = Object.keys(schema.def.shape);
  if (isEmpty(source)) {
    const noLocation: Locate = () => ({ line: 1, col: 1 });
    if ('as' in empty) return check(empty.as, file, schema, noLocation, fields);
    return { problems: [{ file, line: 1, col: 1, message: empty.problem, severity: 'error' }], locate: noLocation };
  }
  const { data, problems, locate } = parseYaml(source, file);
  if (data === undefined) return { problems, locate };
  return check(data, file, schema, locate, fields);
}

type ObjectSchema<T> = z.ZodMiniType<T> & { def: { shape: Record<string, unknown> } };

// Line by line: a single pattern over the whole text would backtrack on a long run of blanks.
function isEmpty(source: string): boolean {
  return source.split('\n').every((line) => /^\s*(?:#.*)?$/.test(line));
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
