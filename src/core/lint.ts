// Semantic checks of schema-valid trees: every rule in rules/, every problem located.
import type { Problem } from './errors.js';
import { dotted, sortProblems } from './problems.js';
import { RULES } from './rules/index.js';
import type { LintOptions, TreeDoc } from './rules/rule.js';
import type { DriverCatalog } from './types.js';

export type { LintOptions, TreeDoc } from './rules/rule.js';

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
