// The starter catalogue: every folder of templates/scaffold/ holding a starter.yaml. A run reads
// the manifests as the build checked and compiled them (dist/starters.json, in the form of the
// decisions cache: io/decisions-cache.ts), so neither YAML nor zod is loaded; a manifest added or
// edited since the build is read from its YAML with every check that needs no decision tree.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { UsageError, type Problem } from '../core/errors.js';
import { builtDataIn } from '../io/decisions-cache.js';
import { PKG_ROOT, TEMPLATES_DIR } from '../io/paths.js';
import { MANIFEST_FILE, type StarterManifest } from './types.js';

export const SCAFFOLD_DIR = join(TEMPLATES_DIR, 'scaffold');
/** Written by the build (src/build/data.ts) when every manifest passed its checks. */
export const STARTERS_FILE = join(PKG_ROOT, 'dist', 'starters.json');

export interface Catalog {
  /** The folder holding one folder per starter. */
  root: string;
  /** By id, in id order. */
  starters: StarterManifest[];
}

/** The key of a manifest's entry in dist/starters.json. */
export const builtKey = (id: string): string => `${id}/${MANIFEST_FILE}`;

const loaded = new Map<string, Catalog>();

/**
 * The starters under `root` (default: the shipped templates/scaffold/). Throws a UsageError
 * listing every problem when a manifest read from its YAML is broken.
 */
export async function loadCatalog(root = SCAFFOLD_DIR): Promise<Catalog> {
  const known = loaded.get(root);
  if (known) return known;
  const shipped = root === SCAFFOLD_DIR;
  const starters: StarterManifest[] = [];
  const problems: Problem[] = [];
  const folders = readdirSync(root, { withFileTypes: true })
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort();
  for (const folder of folders) {
    const file = join(root, folder, MANIFEST_FILE);
    const built = shipped ? builtDataIn(STARTERS_FILE, file, builtKey(folder)) : undefined;
    if (built !== undefined) {
      starters.push(built as StarterManifest);
      continue;
    }
    let source: string;
    try {
      source = readFileSync(file, 'utf8');
    } catch {
      continue; // a folder without a manifest is not a starter (shared templates)
    }
    const { parseManifest } = await import('./manifest.js');
    const parsed = parseManifest(source, file, folder);
    problems.push(...parsed.problems);
    if (parsed.manifest) starters.push(parsed.manifest);
  }
  if (problems.some((p) => p.severity === 'error')) throw new UsageError('the starter manifests above are broken', problems);
  const catalog = { root, starters };
  loaded.set(root, catalog);
  return catalog;
}

export const starterIds = (catalog: Catalog): string[] => catalog.starters.map((s) => s.id);

export function findStarter(catalog: Catalog, id: string): StarterManifest | undefined {
  return catalog.starters.find((s) => s.id === id);
}
