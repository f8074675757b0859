// Where a repository keeps its ADRs. Existing conventions win over our default so that adr-wizard
// continues a log instead of starting a second one beside it.
import { stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { findUp, loadAdrConfig } from './config.js';

export interface AdrDirLocation {
  /** Absolute ADR folder (it may not exist yet). */
  dir: string;
  /** Why this folder: `.adr-wizard.yaml`, `.adr-dir`, `.log4brains.yml`, `docs/decisions`, `doc/adr`, `default`. */
  source: string;
}

async function isDir(p: string): Promise<boolean> {
  try {
    return (await stat(p)).isDirectory();
  } catch {
    return false;
  }
}

/**
 * Order: `folder` in `.adr-wizard.yaml`; `.adr-dir` searched upward (adr-tools); `.log4brains.yml`'s
 * `adrFolder` searched upward; an existing `docs/decisions` (MADR) or `doc/adr` in the project root
 * (the nearest folder upward holding `.git`, else the working folder); else `doc/adr` there.
 */
export async function findAdrDir(cwd: string): Promise<AdrDirLocation> {
  const config = await loadAdrConfig(cwd);
  if (config.folder) return { dir: config.folder, source: config.file ?? '.adr-wizard.yaml' };

  const adrDir = await findUp(cwd, ['.adr-dir']);
  if (adrDir) {
    const rel = adrDir.content.split('\n')[0]!.trim();
    if (rel !== '') return { dir: resolve(adrDir.dir, rel), source: adrDir.file };
  }

  const l4b = await findUp(cwd, ['.log4brains.yml', '.log4brains.yaml']);
  if (l4b) {
    // A one-key lookup: not worth loading the YAML parser for.
    const m = /^\s*adrFolder\s*:\s*(?:"([^"]*)"|'([^']*)'|([^#\n]*?))\s*(?:#.*)?$/m.exec(l4b.content);
    const rel = m ? (m[1] ?? m[2] ?? m[3] ?? '').trim() : '';
    if (rel !== '') return { dir: resolve(l4b.dir, rel), source: l4b.file };
  }

  const root = (await findUp(cwd, ['.git']))?.dir ?? (await findGitDir(cwd)) ?? resolve(cwd);
  for (const candidate of ['docs/decisions', 'doc/adr']) {
    if (await isDir(join(root, candidate))) return { dir: join(root, candidate), source: candidate };
  }
  return { dir: join(root, 'doc/adr'), source: 'default' };
}

// `.git` is usually a folder (findUp reads files only).
async function findGitDir(cwd: string): Promise<string | undefined> {
  let dir = resolve(cwd);
  for (;;) {
    if (await isDir(join(dir, '.git'))) return dir;
    const parent = resolve(dir, '..');
    if (parent === dir) return undefined;
    dir = parent;
  }
}
