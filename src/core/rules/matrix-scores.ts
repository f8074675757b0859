// Matrix options are scored 1..5 on every criterion, and only on known criteria.
import { didYouMean } from '../did-you-mean.js';
import type { Rule } from './rule.js';

export const matrixScores: Rule = (ctx) => {
  const { tree } = ctx;
  if (tree.kind !== 'matrix') return;
  const criteria = tree.criteria.map((c) => c.id);
  for (const o of Object.values(tree.outcomes)) {
    const scores = o.scores ?? {};
    const missing = criteria.filter((c) => !Object.hasOwn(scores, c));
    if (missing.length > 0) {
      ctx.report(['outcomes', o.id, o.scores ? 'scores' : 'title'], `option "${o.id}" has no score for ${missing.map((c) => `"${c}"`).join(', ')}`);
    }
    for (const [c, score] of Object.entries(scores)) {
      if (!criteria.includes(c)) ctx.report(['outcomes', o.id, 'scores', c], `unknown criterion "${c}"${didYouMean(c, criteria)}`, { key: true });
      else if (!Number.isInteger(score) || score < 1 || score > 5) ctx.report(['outcomes', o.id, 'scores', c], `score ${score} is outside 1..5`);
    }
  }
};
