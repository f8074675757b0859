// Where a repository keeps its ADRs. Existing conventions win over our default so that adr-wizard
// continues a log instead of starting a second one beside it.
import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { loadAdrConfig, type AdrConfig } from '../io/config.js';
import { findUp } from '../io/find-up.js';
import { isDir } from '../io/fs.js';

interface AdrDirLocation {
  /** Absolute ADR folder (it may not exist yet). */
  dir: string;
  /** Why this folder: `.adr-wizard.yaml`, `.adr-dir`, `.log4brains.yml`, `docs/decisions`, `doc/adr`, `default`. */
  source: string;
}

/**
 * Order: `folder` in `.adr-wizard.yaml`; `.adr-dir` searched upward (adr-tools); `.log4brains.yml`'s
 * `adrFolder` searched upward; an existing `docs/decisions` (MADR) or `doc/adr` in the project root
 * (the nearest folder upward holding `.git`, else the working folder); else `doc/adr` there.
 * A command that has already read `.adr-wizard.yaml` passes it in, so it is not read twice.
 */
export async function findAdrDir(cwd: string, loaded?: AdrConfig): Promise<AdrDirLocation> {
  const config = loaded ?? (await loadAdrConfig(cwd));
  if (config.folder) return { dir: config.folder, source: config.file ?? '.adr-wizard.yaml' };

  const adrDir = await findUp(cwd, ['.adr-dir'], { type: 'file' });
  if (adrDir) {
    // adr-tools writes the folder on the first line, relative to the file.
    const rel = (await readFile(adrDir.path, 'utf8')).split('\n')[0]!.trim();
    if (rel !== '') return { dir: resolve(adrDir.dir, rel), source: adrDir.path };
  }

  const l4b = await findUp(cwd, ['.log4brains.yml', '.log4brains.yaml'], { type: 'file' });
  if (l4b) {
    const { log4brainsFolder } = await import('./log4brains-folder.js');
    const rel = await log4brainsFolder(l4b.path);
    if (rel !== '') return { dir: resolve(l4b.dir, rel), source: l4b.path };
  }

  const root = (await findUp(cwd, ['.git']))?.dir ?? resolve(cwd);
  for (const candidate of ['docs/decisions', 'doc/adr']) {
    if (await isDir(join(root, candidate))) return { dir: join(root, candidate), source: candidate };
  }
  return { dir: join(root, 'doc/adr'), source: 'default' };
}
