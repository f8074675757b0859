// The one upward search: from a folder towards the filesystem root, the first folder holding one
// of the given names. Config files, `.adr-dir`, `.log4brains.yml`, the repository root and a
// repository's own decision trees are all found this way.
import { stat } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';

export interface Found {
  /** The folder holding the entry. */
  dir: string;
  /** The entry's absolute path. */
  path: string;
  /** Which of the names was found. */
  name: string;
}

export interface FindUpOptions {
  /** What counts: a file, a folder, or either (default). */
  type?: 'file' | 'dir' | 'any';
  /** Do not look above the first folder holding this entry (e.g. `.git`: the repository root). */
  stopAt?: string;
}

export async function findUp(start: string, names: readonly string[], options: FindUpOptions = {}): Promise<Found | undefined> {
  const type = options.type ?? 'any';
  let dir = resolve(start);
  for (;;) {
    for (const name of names) {
      const path = join(dir, name);
      if (await isType(path, type)) return { dir, path, name };
    }
    if (options.stopAt !== undefined && (await isType(join(dir, options.stopAt), 'any'))) return undefined;
    const parent = dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

async function isType(path: string, type: 'file' | 'dir' | 'any'): Promise<boolean> {
  try {
    const s = await stat(path);
    return type === 'any' || (type === 'file' ? s.isFile() : s.isDirectory());
  } catch {
    return false;
  }
}
