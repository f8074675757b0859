// A question must branch on every value of its driver, or a walk with that value has nowhere to go.
import type { Rule } from './rule.js';

export const missingBranch: Rule = (ctx) => {
  const { tree } = ctx;
  if (tree.kind !== 'tree') return;
  for (const q of Object.values(tree.questions)) {
    const driver = Object.hasOwn(ctx.catalog.drivers, q.driver) ? ctx.catalog.drivers[q.driver] : undefined;
    if (!driver) continue;
    const missing = Object.keys(driver.values).filter((v) => !Object.hasOwn(q.branches, v));
    if (missing.length > 0) {
      const list = missing.map((v) => `"${v}"`).join(', ');
      ctx.report(['questions', q.id, 'branches'], `no branch for ${missing.length > 1 ? 'values' : 'value'} ${list} of driver "${q.driver}"`);
    }
  }
};
