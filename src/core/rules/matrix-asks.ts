// A matrix's `asks` must match what it uses: every gate and adjustment driver is asked, and every
// asked driver gates or weighs something (else the user answers for nothing). Adjustments must
// name known criteria.
import { didYouMean } from '../did-you-mean.js';
import type { Rule } from './rule.js';

export const matrixAsks: Rule = (ctx) => {
  const { tree } = ctx;
  if (tree.kind !== 'matrix') return;
  const criteria = tree.criteria.map((c) => c.id);
  const used = new Set<string>();
  for (const o of Object.values(tree.outcomes)) {
    for (const d of Object.keys(o.requires ?? {})) {
      used.add(d);
      if (!tree.asks.includes(d)) ctx.report(['outcomes', o.id, 'requires', d], `gate on driver "${d}", which the tree does not ask (add it to asks)`, { key: true });
    }
  }
  tree.adjustments.forEach((adj, i) => {
    for (const d of Object.keys(adj.when)) {
      used.add(d);
      if (!tree.asks.includes(d)) ctx.report(['adjustments', i, 'when', d], `adjustment on driver "${d}", which the tree does not ask (add it to asks)`, { key: true });
    }
    for (const c of Object.keys(adj.weights)) {
      if (!criteria.includes(c)) ctx.report(['adjustments', i, 'weights', c], `unknown criterion "${c}"${didYouMean(c, criteria)}`, { rule: 'matrix-scores', key: true });
    }
  });
  const seen = new Set<string>();
  tree.asks.forEach((d, i) => {
    if (seen.has(d)) ctx.report(['asks', i], `driver "${d}" is asked twice`);
    seen.add(d);
    if (!used.has(d)) ctx.report(['asks', i], `driver "${d}" is asked but no gate or adjustment uses it`);
  });
};
