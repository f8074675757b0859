// Reads dist/decisions-cache.json (written by scripts/compile-decisions.mjs after each build): the
// shipped trees as plain data, each with the SHA-1 of the YAML it came from. An entry is used only
// when the YAML on disk still has that hash, so an edited tree is always read from its YAML.
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { PKG_ROOT } from './paths.js';

export const CACHE_FILE = join(PKG_ROOT, 'dist', 'decisions-cache.json');

interface CacheFile {
  version: 1;
  files: Record<string, { sha1: string; data: unknown }>;
}

let cache: Promise<CacheFile | undefined> | undefined;

function load(): Promise<CacheFile | undefined> {
  cache ??= readFile(CACHE_FILE, 'utf8').then(
    (text) => {
      try {
        const parsed = JSON.parse(text) as Partial<CacheFile>;
        return parsed.version === 1 && typeof parsed.files === 'object' && parsed.files !== null ? (parsed as CacheFile) : undefined;
      } catch {
        return undefined;
      }
    },
    () => undefined,
  );
  return cache;
}

/** The cached data of a shipped file, or undefined when there is no cache or the source changed. */
export async function cachedData(name: string, source: string): Promise<unknown> {
  const c = await load();
  const entry = c && Object.hasOwn(c.files, name) ? c.files[name] : undefined;
  if (!entry) return undefined;
  return createHash('sha1').update(source).digest('hex') === entry.sha1 ? entry.data : undefined;
}
