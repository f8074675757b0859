// JSON Schemas for editors, generated from the zod schemas (the build writes them to
// decisions/*.schema.json). Draft-07, the draft YAML editors support best.
import * as z from './zod.js';
import { DriversFileSchema, TreeFileSchema } from './schema.js';

export function treeJsonSchema(): Record<string, unknown> {
  return withId(z.toJSONSchema(TreeFileSchema, { target: 'draft-7', io: 'input' }), 'decision-tree.schema.json');
}

export function driversJsonSchema(): Record<string, unknown> {
  return withId(z.toJSONSchema(DriversFileSchema, { target: 'draft-7', io: 'input' }), 'drivers.schema.json');
}

function withId(schema: Record<string, unknown>, name: string): Record<string, unknown> {
  const { $schema, ...rest } = schema;
  return { $schema, $id: `https://adr-wizard.dev/schemas/${name}`, ...rest };
}
