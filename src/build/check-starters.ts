// The starter manifests (templates/scaffold/<id>/starter.yaml) get at build time every check of
// a run (manifest.ts) and those against the shipped decision trees: each tree and outcome they
// name exists, an outcome that selects a starter lists it among its starters, an option fed by a
// tree allows only outcomes of that tree, and no two starters tie for the same decisions. Only
// manifests that pass are compiled into dist/starters.json, which runs read instead of the YAML.
import { readdir, readFile, stat } from 'node:fs/promises';
import { join, relative } from 'node:path';
import type { Problem } from '../core/errors.js';
import { dotted } from '../core/problems.js';
import type { Tree } from '../core/types.js';
import type { Locate } from '../core/yaml-doc.js';
import type { CacheFile } from '../io/decisions-cache.js';
import { writeFileAtomic } from '../io/fs.js';
import { PKG_ROOT } from '../io/paths.js';
import { sourceHash } from '../io/source-hash.js';
import { builtKey } from '../scaffold/catalog.js';
import { parseManifest } from '../scaffold/manifest.js';
import { MANIFEST_FILE, type StarterManifest } from '../scaffold/types.js';

interface CheckedManifest {
  file: string;
  shown: string;
  source: string;
  manifest: StarterManifest;
  locate: Locate;
}

export interface StartersCheck {
  starters: CheckedManifest[];
  problems: Problem[];
}

/** Reads and checks every manifest under `root` from its YAML (never from a previous build). */
export async function checkStarterManifests(root: string): Promise<StartersCheck> {
  const starters: CheckedManifest[] = [];
  const problems: Problem[] = [];
  const folders = (await readdir(root, { withFileTypes: true })).filter((e) => e.isDirectory()).map((e) => e.name).sort();
  for (const folder of folders) {
    const file = join(root, folder, MANIFEST_FILE);
    const source = await readFile(file, 'utf8').catch(() => undefined);
    if (source === undefined) continue;
    const shown = relative(PKG_ROOT, file);
    const parsed = parseManifest(source, shown, folder);
    problems.push(...parsed.problems);
    if (parsed.manifest) starters.push({ file, shown, source, manifest: parsed.manifest, locate: parsed.locate });
  }
  if (starters.length === 0) problems.push({ file: relative(PKG_ROOT, root), message: 'no starter manifest found', severity: 'error' });
  return { starters, problems };
}

/** What the manifests say about the decision trees, checked against them. */
export function checkStartersAgainstTrees(check: StartersCheck, trees: ReadonlyMap<string, Tree>): Problem[] {
  const problems: Problem[] = [];
  const selectors = new Map<string, string>();
  const precedences = new Map<number, string>();
  for (const { shown, manifest, locate } of check.starters) {
    const at = (path: (string | number)[], message: string) =>
      problems.push({ file: shown, ...locate(path), path: dotted(path), message, severity: 'error', rule: 'starter' });
    for (const [i, s] of manifest.selectedBy.entries()) {
      const tree = trees.get(s.tree);
      if (!tree) {
        at(['selectedBy', i, 'tree'], `no decision tree "${s.tree}"`);
        continue;
      }
      if (s.outcome !== undefined && !Object.hasOwn(tree.outcomes, s.outcome)) {
        at(['selectedBy', i, 'outcome'], `tree ${s.tree} has no outcome "${s.outcome}"`);
        continue;
      }
      for (const outcome of s.outcome === undefined ? Object.keys(tree.outcomes) : [s.outcome]) {
        if (!tree.outcomes[outcome]!.starters.includes(manifest.id)) {
          at(['selectedBy', i], `${s.tree}'s outcome ${outcome} does not list ${manifest.id} among its starters`);
        }
        const key = `${s.tree}: ${outcome}`;
        const other = selectors.get(key);
        if (other !== undefined && other !== manifest.id) at(['selectedBy', i], `${key} already selects ${other}: one outcome, one starter`);
        selectors.set(key, manifest.id);
      }
    }
    if (manifest.selectedBy.length > 0) {
      const other = precedences.get(manifest.precedence);
      if (other !== undefined) at(['precedence'], `${other} has the same precedence: which one --from-adrs picks would be arbitrary`);
      precedences.set(manifest.precedence, manifest.id);
    }
    for (const [name, option] of Object.entries(manifest.options)) {
      if (option === undefined || !('values' in option) || option.from === undefined) continue;
      const tree = trees.get(option.from);
      if (!tree) {
        at(['options', name, 'from'], `no decision tree "${option.from}"`);
        continue;
      }
      for (const value of option.values as string[]) {
        if (!Object.hasOwn(tree.outcomes, value)) at(['options', name, 'values'], `"${value}" is not an outcome of ${option.from}`);
      }
    }
  }
  return problems;
}

/** dist/starters.json: each checked manifest's data, keyed and identified as the decisions cache. */
export async function writeStarters(check: StartersCheck, out: string): Promise<void> {
  const files: CacheFile['files'] = {};
  for (const { file, source, manifest } of check.starters) {
    const info = await stat(file);
    files[builtKey(manifest.id)] = { size: info.size, mtimeMs: info.mtimeMs, sha1: sourceHash(source), data: manifest };
  }
  await writeFileAtomic(out, JSON.stringify({ version: 2, files } satisfies CacheFile), { force: true });
}
