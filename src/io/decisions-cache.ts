// Reads dist/decisions-cache.json (written by the build after every check of the shipped trees
// passed, src/build/write-decisions-cache.ts): the shipped trees as plain data; and, in the same
// form, dist/starters.json, the checked starter manifests. An entry is used only
// while its YAML is the one the build checked: same size and modification time, or, when those
// differ (a fresh checkout touches every file), the same SHA-1 of its content. An edited tree is
// always read from its YAML, with every check.
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { PKG_ROOT } from './paths.js';
import { sourceHash } from './source-hash.js';

export const CACHE_FILE = join(PKG_ROOT, 'dist', 'decisions-cache.json');

export interface CacheFile {
  version: 2;
  files: Record<string, { size: number; mtimeMs: number; sha1: string; data: unknown }>;
}

const loaded = new Map<string, CacheFile | null>();

// Synchronous on purpose: a handful of small reads on every start, where waiting on the event
// loop for each costs more than the reads.
function load(cacheFile: string): CacheFile | null {
  if (loaded.has(cacheFile)) return loaded.get(cacheFile)!;
  let cache: CacheFile | null;
  try {
    const parsed = JSON.parse(readFileSync(cacheFile, 'utf8')) as Partial<CacheFile>;
    cache = parsed.version === 2 && typeof parsed.files === 'object' && parsed.files !== null ? (parsed as CacheFile) : null;
  } catch {
    cache = null;
  }
  loaded.set(cacheFile, cache);
  return cache;
}

/** The built data of the shipped file `file`, or undefined when there is no build or the file changed since. */
export function builtData(file: string, name: string): unknown {
  return builtDataIn(CACHE_FILE, file, name);
}

/** builtData for another file the build writes in the same form (`name`: the entry's key). */
export function builtDataIn(cacheFile: string, file: string, name: string): unknown {
  const c = load(cacheFile);
  const entry = c && Object.hasOwn(c.files, name) ? c.files[name] : undefined;
  if (!entry) return undefined;
  try {
    const info = statSync(file);
    if (info.size !== entry.size) return undefined;
    if (info.mtimeMs === entry.mtimeMs) return entry.data;
    return sourceHash(readFileSync(file, 'utf8')) === entry.sha1 ? entry.data : undefined;
  } catch {
    return undefined;
  }
}
