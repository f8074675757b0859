// A question whose every answer can only end at the same outcome changes nothing: it asks the
// user for a fact the decision ignores (the seed trees' most common defect).
import { reachableOutcomes } from '../graph.js';
import type { Rule } from './rule.js';

export const pointlessQuestion: Rule = (ctx) => {
  const { tree } = ctx;
  if (tree.kind !== 'tree') return;
  const reach = reachableOutcomes(tree);
  for (const q of Object.values(tree.questions)) {
    const targets = Object.values(q.branches);
    if (targets.length === 0 || Object.hasOwn(tree.outcomes, q.id)) continue;
    const only = new Set<string>();
    let single = true;
    for (const next of targets) {
      const outs = reach.get(next);
      if (!outs || outs.size !== 1) {
        single = false;
        break;
      }
      for (const o of outs) only.add(o);
    }
    if (single && only.size === 1) {
      const [outcome] = only;
      ctx.report(['questions', q.id], `every answer to "${q.id}" (${q.driver}) leads to outcome "${outcome}": the question changes nothing`);
    }
  }
};
