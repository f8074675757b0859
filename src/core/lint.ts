// Semantic checks of schema-valid trees: every rule in rules/, every problem located.
import type { Problem } from './errors.js';
import { dotted, sortProblems } from './load.js';
import { RULES } from './rules/index.js';
import type { DriverCatalog, Tree } from './types.js';
import type { DocPath, Locate } from './yaml-doc.js';

/** A parsed tree with where it came from, as `parseTree` returns it. */
export interface TreeDoc {
  file: string;
  tree: Tree;
  locate: Locate;
}

export interface LintOptions {
  /** Today as YYYY-MM-DD (passed in so that the core stays pure). */
  today: string;
  /** Known starter ids; when given, outcomes naming another starter are reported. */
  starters?: readonly string[];
  /** Lint only the docs of these files; the others still count as known trees and ids. */
  only?: ReadonlySet<string>;
}

export interface RuleContext {
  doc: TreeDoc;
  tree: Tree;
  /** Every tree of the set, in load order (for duplicate ids). */
  docs: readonly TreeDoc[];
  treeIds: ReadonlySet<string>;
  catalog: DriverCatalog;
  options: LintOptions;
  /** Reports a problem at `path` of the current tree file. */
  report(path: DocPath, message: string, extra?: { severity?: 'error' | 'warning'; rule?: string; key?: boolean }): void;
}

export type Rule = (ctx: RuleContext) => void;

/**
 * Runs every lint rule over every tree; problems come back sorted by file, line and column.
 *
 * @example
 *   const problems = lintTrees([{ file, tree, locate }], catalog, { today: '2026-11-24' });
 */
export function lintTrees(docs: readonly TreeDoc[], catalog: DriverCatalog, options: LintOptions): Problem[] {
  const problems: Problem[] = [];
  const treeIds = new Set(docs.map((d) => d.tree.id));
  for (const doc of docs) {
    if (options.only && !options.only.has(doc.file)) continue;
    for (const [ruleId, rule] of RULES) {
      rule({
        doc,
        tree: doc.tree,
        docs,
        treeIds,
        catalog,
        options,
        report(path, message, extra = {}) {
          problems.push({
            file: doc.file,
            ...doc.locate(path, { key: extra.key === true }),
            path: dotted(path),
            message,
            severity: extra.severity ?? 'error',
            rule: extra.rule ?? ruleId,
          });
        },
      });
    }
  }
  return sortProblems(problems);
}
