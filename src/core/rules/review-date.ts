// Advice goes stale: a tree not reviewed for 12 months is flagged (a warning: it still works).
import type { Rule } from './rule.js';

export const reviewDate: Rule = (ctx) => {
  const { reviewed } = ctx.tree;
  const today = ctx.options.today;
  const yearAgo = `${String(Number(today.slice(0, 4)) - 1).padStart(4, '0')}${today.slice(4)}`;
  if (reviewed < yearAgo) {
    ctx.report(['reviewed'], `last reviewed ${reviewed}, more than 12 months ago: check the facts and sources, then update the date`, { severity: 'warning' });
  } else if (reviewed > today) {
    ctx.report(['reviewed'], `review date ${reviewed} is in the future`, { severity: 'warning' });
  }
};
