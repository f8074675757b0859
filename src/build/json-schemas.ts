// decisions/*.schema.json, the JSON Schemas the shipped YAML files name for editors
// (`# yaml-language-server: $schema=./decision-tree.schema.json`), generated from the zod schemas.
import { join } from 'node:path';
import { driversJsonSchema, treeJsonSchema } from '../core/json-schema.js';
import { writeFileAtomic } from '../io/fs.js';
import { manifestJsonSchema } from '../scaffold/manifest.js';

export const SCHEMA_FILES: Record<string, () => Record<string, unknown>> = {
  'decision-tree.schema.json': treeJsonSchema,
  'drivers.schema.json': driversJsonSchema,
};

export async function writeJsonSchemas(dir: string): Promise<string[]> {
  const written: string[] = [];
  for (const [name, schema] of Object.entries(SCHEMA_FILES)) {
    await writeFileAtomic(join(dir, name), `${JSON.stringify(schema(), null, 2)}\n`, { force: true });
    written.push(join(dir, name));
  }
  return written;
}

/** starter.schema.json, named by every templates/scaffold/<id>/starter.yaml. */
export async function writeManifestSchema(dir: string): Promise<string> {
  const file = join(dir, 'starter.schema.json');
  await writeFileAtomic(file, `${JSON.stringify(manifestJsonSchema(), null, 2)}\n`, { force: true });
  return file;
}
