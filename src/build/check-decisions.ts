// The shipped decision trees get at build time every check `adr-wizard validate` gives them: YAML,
// schema, every lint rule (the whole-space walks of rules, dead texts and chains included, and
// that each outcome names real starters) and the walk of each tree's whole decision space. Only
// trees that pass are put in the build's cache.
import { readdir } from 'node:fs/promises';
import { join, relative } from 'node:path';
import type { Problem } from '../core/errors.js';
import type { Tree } from '../core/types.js';
import { checkDecisionSet } from '../io/trees.js';
import { DECISIONS_DIR, PKG_ROOT } from '../io/paths.js';

export interface DecisionsCheck {
  files: string[];
  problems: Problem[];
  /** Combinations walked over all trees. */
  combinations: number;
  trees: ReadonlyMap<string, Tree>;
}

/** `starters`: the ids of the starter manifests, the only starters an outcome may name. */
export async function checkShippedDecisions(starters: readonly string[]): Promise<DecisionsCheck> {
  const files = (await readdir(DECISIONS_DIR))
    .filter((name) => /\.ya?ml$/.test(name))
    .sort()
    .map((name) => join(DECISIONS_DIR, name));
  // Named as files, the shipped trees are the only ones checked and reported: a repository's own
  // trees around the checkout cannot fail the build.
  const { set, spaces } = await checkDecisionSet({ cwd: PKG_ROOT, files, starters });
  const problems = [...set.problems];
  for (const space of spaces.filter((s) => s.skipped)) {
    const file = set.trees.get(space.id)?.file ?? DECISIONS_DIR;
    problems.push({ file: relative(PKG_ROOT, file), message: `the decision space was not walked: ${space.skipped}`, severity: 'warning' });
  }
  return { files, problems, combinations: spaces.reduce((n, s) => n + s.combinations, 0), trees: set.trees };
}
