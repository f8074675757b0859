import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { SCHEMA_FILES } from '../build/json-schemas.js';
import { DECISIONS_DIR } from '../io/paths.js';
import { driversJsonSchema, treeJsonSchema } from './json-schema.js';

// The JSON Schemas in decisions/ are written by the build (src/build/json-schemas.ts) from the zod
// schemas; editors find them through the first line of each shipped YAML file.
describe('shipped JSON Schemas', () => {
  it.each(Object.entries(SCHEMA_FILES))('decisions/%s, written by the build, is what json-schema.ts generates now', (name, schema) => {
    const file = join(DECISIONS_DIR, name);
    expect(existsSync(file), `${file} is written by \`npm run build\``).toBe(true);
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual(schema());
  });

  it.each(readdirSync(DECISIONS_DIR).filter((f) => f.endsWith('.yaml')))('decisions/%s names its schema for editors', (name) => {
    const first = readFileSync(join(DECISIONS_DIR, name), 'utf8').split('\n')[0] ?? '';
    const schema = name === 'drivers.yaml' ? 'drivers.schema.json' : 'decision-tree.schema.json';
    expect(Object.keys(SCHEMA_FILES)).toContain(schema);
    expect(first).toBe(`# yaml-language-server: $schema=./${schema}`);
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
