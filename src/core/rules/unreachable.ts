// Every question and outcome of a branching tree can be reached from `start`.
import { reachableNodes } from '../graph.js';
import type { Rule } from './rule.js';

export const unreachable: Rule = (ctx) => {
  const { tree } = ctx;
  if (tree.kind !== 'tree' || !Object.hasOwn(tree.questions, tree.start)) return;
  const reached = reachableNodes(tree);
  for (const id of Object.keys(tree.questions)) {
    if (!reached.has(id)) ctx.report(['questions', id], `question "${id}" cannot be reached from start "${tree.start}"`);
  }
  for (const id of Object.keys(tree.outcomes)) {
    if (!reached.has(id)) ctx.report(['outcomes', id], `outcome "${id}" cannot be reached from start "${tree.start}"`);
  }
};
