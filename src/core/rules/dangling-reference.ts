// Every reference resolves: start, branch targets, example outcomes, follow-up trees, starters.
import { didYouMean } from '../did-you-mean.js';
import type { Rule } from './rule.js';

export const danglingReference: Rule = (ctx) => {
  const { tree } = ctx;
  const outcomes = Object.keys(tree.outcomes);
  if (tree.kind === 'tree') {
    const questions = Object.keys(tree.questions);
    const nodes = [...questions, ...outcomes];
    if (!questions.includes(tree.start)) {
      const what = outcomes.includes(tree.start) ? `"${tree.start}" is an outcome; start must name a question` : `start names no question "${tree.start}"${didYouMean(tree.start, questions)}`;
      ctx.report(['start'], what);
    }
    for (const q of Object.values(tree.questions)) {
      for (const [value, next] of Object.entries(q.branches)) {
        if (!nodes.includes(next)) {
          ctx.report(['questions', q.id, 'branches', value], `unknown node "${next}"${didYouMean(next, nodes)}`);
        }
      }
    }
  }
  tree.examples.forEach((ex, i) => {
    if (!outcomes.includes(ex.expect)) {
      ctx.report(['examples', i, 'expect'], `unknown outcome "${ex.expect}"${didYouMean(ex.expect, outcomes)}`);
    }
  });
  const treeIds = [...ctx.treeIds];
  const starters = ctx.options.starters;
  for (const o of Object.values(tree.outcomes)) {
    o.followUps.forEach((id, i) => {
      if (!ctx.treeIds.has(id)) ctx.report(['outcomes', o.id, 'followUps', i], `unknown tree "${id}"${didYouMean(id, treeIds)}`);
      else if (id === tree.id) ctx.report(['outcomes', o.id, 'followUps', i], 'a tree cannot follow up on itself');
    });
    if (starters) {
      o.starters.forEach((id, i) => {
        if (!starters.includes(id)) ctx.report(['outcomes', o.id, 'starters', i], `unknown starter "${id}"${didYouMean(id, starters)}`);
      });
    }
  }
};
