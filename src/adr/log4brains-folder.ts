// The ADR folder a log4brains project names in `.log4brains.yml`. Kept apart from locate.ts so that
// the YAML reader and the schema library load only in repositories that have such a file.
import { readFile } from 'node:fs/promises';
import * as z from '../core/zod.js';
import { parseUserYaml, userFileError } from '../io/user-yaml.js';

// Only `project.adrFolder` (and its older top-level form) matter here; everything else in the file
// is log4brains' own business.
const Log4brainsSchema = z.looseObject({
  adrFolder: z.optional(z.string()),
  project: z.optional(z.looseObject({ adrFolder: z.optional(z.string()) })),
});

/** The folder as written (relative to the file), or '' when the file names none. */
export async function log4brainsFolder(file: string): Promise<string> {
  const { data, problems } = parseUserYaml(await readFile(file, 'utf8'), file, Log4brainsSchema, { as: {} });
  if (!data) throw userFileError(file, 'log4brains configuration', problems);
  return (data.project?.adrFolder ?? data.adrFolder ?? '').trim();
}
