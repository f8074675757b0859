import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { DECISIONS_DIR } from '../io/paths.js';
import { driversJsonSchema, treeJsonSchema } from './json-schema.js';

// The JSON Schemas shipped in decisions/ are generated from the zod schemas; this test regenerates
// them (`npx vitest run -u src/core/json-schema.test.ts`) and fails when they are out of date.
describe('shipped JSON Schemas', () => {
  it('decisions/decision-tree.schema.json matches the tree schema', async () => {
    await expect(JSON.stringify(treeJsonSchema(), null, 2) + '\n').toMatchFileSnapshot(join(DECISIONS_DIR, 'decision-tree.schema.json'));
  });

  it('decisions/drivers.schema.json matches the drivers schema', async () => {
    await expect(JSON.stringify(driversJsonSchema(), null, 2) + '\n').toMatchFileSnapshot(join(DECISIONS_DIR, 'drivers.schema.json'));
  });

  it.each([
    ['tree', treeJsonSchema()],
    ['drivers', driversJsonSchema()],
  ])('gives editors a description for every field of the %s schema', (_name, schema) => {
    const undocumented: string[] = [];
    const visit = (node: unknown, where: string): void => {
      if (Array.isArray(node)) return node.forEach((n, i) => visit(n, `${where}[${i}]`));
      if (typeof node !== 'object' || node === null) return;
      const props = (node as { properties?: Record<string, { description?: string }> }).properties;
      for (const [key, value] of Object.entries(props ?? {})) {
        if (key !== 'en' && key !== 'es' && !value.description) undocumented.push(`${where}.${key}`);
      }
      for (const [key, value] of Object.entries(node)) visit(value, `${where}.${key}`);
    };
    visit(schema, '$');
    expect(undocumented).toEqual([]);
  });

  const files = readdirSync(DECISIONS_DIR).filter((f) => f.endsWith('.yaml'));
  it.each(files)('decisions/%s validates against its JSON Schema (what editors check)', (name) => {
    // Formats are left to zod (the date also has a pattern); ajv checks structure like an editor.
    const ajv = new Ajv({ allErrors: true, strict: false, validateFormats: false });
    const schema = name === 'drivers.yaml' ? driversJsonSchema() : treeJsonSchema();
    const validate = ajv.compile(schema);
    const data: unknown = parse(readFileSync(join(DECISIONS_DIR, name), 'utf8'));
    validate(data);
    expect(validate.errors ?? []).toEqual([]);
  });
});
