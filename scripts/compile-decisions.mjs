// Precompiles the shipped decisions/*.yaml into dist/decisions-cache.json (run after each build).
// Parsing ~180 KB of YAML costs more than the whole rest of a `decide` run; JSON.parse of the same
// data is about a millisecond. Each entry carries the SHA-1 of its source: at run time an entry
// whose source changed since the build is ignored and the YAML is parsed instead, so the cache can
// only make loading faster, never different.
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseDocument } from 'yaml';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dir = join(root, 'decisions');
const out = join(root, 'dist', 'decisions-cache.json');

const files = {};
for (const name of readdirSync(dir).filter((n) => /\.ya?ml$/.test(n)).sort()) {
  const source = readFileSync(join(dir, name), 'utf8');
  // The same reading as src/core/yaml-doc.ts: YAML 1.2 core schema, unique keys, alias limit.
  const doc = parseDocument(source, { uniqueKeys: true, schema: 'core' });
  if (doc.errors.length > 0) continue; // left to the YAML path, which reports the errors
  let data;
  try {
    data = doc.toJS({
      maxAliasCount: 100,
      reviver: (_key, value) => (value instanceof Date && !Number.isNaN(value.getTime()) ? value.toISOString().slice(0, 10) : value),
    });
  } catch {
    continue;
  }
  files[name] = { sha1: createHash('sha1').update(source).digest('hex'), data };
}
mkdirSync(dirname(out), { recursive: true });
writeFileSync(`${out}.tmp`, JSON.stringify({ version: 1, files }));
renameSync(`${out}.tmp`, out);
console.log(`decisions cache: ${Object.keys(files).length} files -> ${out}`);
