// Examples are executable documentation: each must walk to the outcome it names. Trees without
// examples, and outcomes no example reaches, are warned about.
import type { Rule } from './rule.js';
import type { WalkResult } from '../types.js';
import { walk } from '../walk.js';

export const examples: Rule = (ctx) => {
  const { tree } = ctx;
  if (tree.examples.length === 0) {
    ctx.report(['examples'], 'the tree has no examples; add driver values with the outcome they must reach', { severity: 'warning' });
    return;
  }
  const covered = new Set<string>();
  tree.examples.forEach((ex, i) => {
    if (!Object.hasOwn(tree.outcomes, ex.expect)) return; // dangling-reference reports it
    covered.add(ex.expect);
    let result: WalkResult;
    try {
      result = walk(tree, ex.drivers);
    } catch {
      return; // a broken tree (cycle, dangling node, nothing eligible): other rules report why
    }
    const path = result.path.map((s) => `${s.driver}=${s.value}`).join(' -> ');
    if (result.status === 'needs') {
      const stop = result.missing[0] ?? '';
      const given = Object.hasOwn(ex.drivers, stop) ? ex.drivers[stop] : undefined;
      const why =
        given !== undefined
          ? `value "${given}" of driver "${stop}" has no branch`
          : `it does not set ${result.missing.map((d) => `"${d}"`).join(', ')}`;
      ctx.report(['examples', i], `example stops before an outcome: ${why}${path ? ` (after ${path})` : ''}`);
    } else if (result.outcome !== ex.expect) {
      ctx.report(['examples', i, 'expect'], `example expects "${ex.expect}" but reaches "${result.outcome}"${path ? ` via ${path}` : ''}`);
    }
  });
  for (const id of Object.keys(tree.outcomes)) {
    if (!covered.has(id)) ctx.report(['outcomes', id], `no example reaches outcome "${id}"`, { severity: 'warning', rule: 'uncovered-outcome' });
  }
};
