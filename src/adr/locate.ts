// Where a repository keeps its ADRs. Existing conventions win over our default so that adr-wizard
// continues a log instead of starting a second one beside it.
import { readdirSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { join, relative, resolve } from 'node:path';
import { loadAdrConfig, type AdrConfig } from '../io/config.js';
import { findUp } from '../io/find-up.js';
import { classifyFileName } from './file-names.js';

interface AdrDirLocation {
  /** Absolute ADR folder (it may not exist yet). */
  dir: string;
  /** Why this folder: the config file that names it, the usual folder found, or `default`. */
  source: string;
  /** Said when several usual folders hold ADRs: which one was chosen, and how to pin it. */
  notice?: string;
}

/**
 * The folders ADR tools and templates use, in the order they are tried: adr-tools (`doc/adr`),
 * MADR 2 and log4brains (`docs/adr`), MADR 3 and 4 (`docs/decisions`), then the other layouts
 * teams use. Documented in docs/adr.md ("Where ADRs live").
 */
export const USUAL_FOLDERS = [
  'doc/adr',
  'docs/adr',
  'docs/decisions',
  'docs/architecture/decisions',
  'docs/adrs',
  'docs/architecture-decisions',
  'docs/architecture/adr',
  'doc/decisions',
  'doc/architecture/decisions',
  'adr',
  'adrs',
  'decisions',
  'architecture/decisions',
  // A repository of decisions only keeps them at its root.
  '.',
] as const;

// Folders a search for other layouts never enters: dependencies, build outputs, version control.
const NOT_SEARCHED = new Set(['node_modules', 'vendor', 'dist', 'build', 'target', 'out', 'coverage', 'bin', 'obj']);
const ADR_FOLDER_NAME = /adr|decision|decisiones/i;
const SEARCH_DEPTH = 4;

/**
 * Order: `folder` in `.adr-wizard.yaml`; `.adr-dir` searched upward (adr-tools); `.log4brains.yml`'s
 * `adrFolder` searched upward; then the usual folders of the project root (the nearest folder
 * upward holding `.git`, else the working folder) that hold ADR-named files, the one with the most
 * ADRs first (ties in the order above); else the first usual folder that exists; else `doc/adr`.
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
  const found = USUAL_FOLDERS.map((folder) => ({ folder, count: adrCount(join(root, folder)) }));
  let holding: { folder: string; count?: number }[] = found.filter((f) => f.count !== undefined && f.count > 0).sort((a, b) => b.count! - a.count!);
  // Other layouts (`docs_src/design/adr`, `architecture/adr`): a folder named for ADRs or decisions,
  // a few levels down, holding ADR-named files. Searched only when no usual folder has any.
  if (holding.length === 0) holding = (await searchAdrFolders(root)).sort((a, b) => b.count - a.count);
  const chosen = holding[0];
  if (chosen) {
    const location: AdrDirLocation = { dir: join(root, chosen.folder), source: chosen.folder };
    if (holding.length > 1) {
      const configFile = relative(resolve(cwd), join(root, '.adr-wizard.yaml')) || '.adr-wizard.yaml';
      location.notice =
        `ADRs found in ${holding.map((h) => `${h.folder} (${h.count})`).join(', ')}; using ${chosen.folder}. ` +
        `To use another, write \`folder: <dir>\` in ${configFile}`;
    }
    return location;
  }
  const existing = found.find((f) => f.count !== undefined && f.folder !== '.');
  if (existing) return { dir: join(root, existing.folder), source: existing.folder };
  return { dir: join(root, USUAL_FOLDERS[0]), source: 'default' };
}

/** Folders under `root` (breadth first, SEARCH_DEPTH levels) named for ADRs that hold ADR-named files. */
async function searchAdrFolders(root: string): Promise<{ folder: string; count: number }[]> {
  const out: { folder: string; count: number }[] = [];
  let level = [''];
  for (let depth = 0; depth < SEARCH_DEPTH && level.length > 0; depth++) {
    const next: string[] = [];
    for (const rel of level) {
      let entries: import('node:fs').Dirent[];
      try {
        entries = await readdir(join(root, rel), { withFileTypes: true });
      } catch {
        continue;
      }
      for (const e of entries) {
        if (!e.isDirectory() || e.name.startsWith('.') || NOT_SEARCHED.has(e.name)) continue;
        const child = rel === '' ? e.name : `${rel}/${e.name}`;
        next.push(child);
        if (ADR_FOLDER_NAME.test(e.name)) {
          const count = adrCount(join(root, child));
          if (count !== undefined && count > 0) out.push({ folder: child, count });
        }
      }
    }
    level = next;
  }
  return out;
}

/**
 * How many ADR-named files a folder holds; undefined when it is not a folder. Synchronous: every
 * command asks this of fourteen folders, most of them missing, and a missing folder answers in
 * microseconds here against a thread-pool round trip each with fs.promises.
 */
function adrCount(dir: string): number | undefined {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return undefined;
  }
  let n = 0;
  for (const name of names) if (!name.startsWith('.') && classifyFileName(name).kind !== 'other') n++;
  return n;
}
