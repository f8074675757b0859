// Facts need sources: a tree without any cannot be checked or revisited.
import type { Rule } from './rule.js';

export const sources: Rule = (ctx) => {
  if (ctx.tree.sources.length === 0) ctx.report(['sources'], 'the tree cites no sources; add at least one (title + url)');
};
