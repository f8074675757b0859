// dist/decisions-cache.json: the plain data of each shipped decisions/*.yaml, with what identifies
// its source (size, modification time, SHA-1). Parsing the YAML costs more than the rest of a
// `decide` run; io/decisions-cache.ts reads this instead, entry by entry, while the YAML is unchanged.
import { readFile, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { parseYaml } from '../core/yaml-doc.js';
import type { CacheFile } from '../io/decisions-cache.js';
import { writeFileAtomic } from '../io/fs.js';
import { sourceHash } from '../io/source-hash.js';

export async function writeDecisionsCache(files: readonly string[], out: string): Promise<number> {
  const entries: CacheFile['files'] = {};
  for (const file of files) {
    const [source, info] = await Promise.all([readFile(file, 'utf8'), stat(file)]);
    // The same reading as every other load of a tree (YAML 1.2 core schema, dates as text).
    const { data } = parseYaml(source, file);
    if (data === undefined) throw new Error(`${file}: cannot be read as YAML`);
    entries[basename(file)] = { size: info.size, mtimeMs: info.mtimeMs, sha1: sourceHash(source), data };
  }
  await writeFileAtomic(out, JSON.stringify({ version: 2, files: entries } satisfies CacheFile), { force: true });
  return Object.keys(entries).length;
}
