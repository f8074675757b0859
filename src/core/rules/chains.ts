// Chain constraints (`constrains` on an outcome): they name follow-up trees of that outcome and
// outcomes of those trees, and they hold over the whole joint space of both trees with the
// implied values fixed.
import { checkChains } from '../explore.js';
import { didYouMean } from '../did-you-mean.js';
import type { Rule } from './rule.js';
import { showValues } from '../space.js';
import type { Tree } from '../types.js';

export const chains: Rule = (ctx) => {
  const { tree } = ctx;
  const trees = new Map<string, Tree>();
  for (const d of ctx.docs) if (!trees.has(d.tree.id) || d.tree.origin !== 'shipped') trees.set(d.tree.id, d.tree);
  let checkable = false;
  for (const o of Object.values(tree.outcomes)) {
    const c = o.constrains;
    if (!c) continue;
    for (const [followUp, ids] of Object.entries(c.outcomes)) {
      const at = ['outcomes', o.id, 'constrains', 'outcomes', followUp];
      if (!o.followUps.includes(followUp)) {
        ctx.report(at, `"${followUp}" is not a follow-up of "${o.id}"; add it to followUps or drop the constraint`, { key: true, rule: 'chain' });
        continue;
      }
      const child = trees.get(followUp);
      if (!child) continue; // dangling-reference reports an unknown follow-up
      ids.forEach((id, j) => {
        if (!Object.hasOwn(child.outcomes, id)) {
          ctx.report([...at, j], `"${id}" is not an outcome of "${followUp}"${didYouMean(id, Object.keys(child.outcomes))}`, { rule: 'chain' });
        }
      });
      checkable = true;
    }
    if (Object.keys(c.drivers).length > 0 && o.followUps.length === 0) {
      ctx.report(['outcomes', o.id, 'constrains', 'drivers'], `"${o.id}" implies driver values but has no follow-ups to apply them to`, { rule: 'chain' });
    }
    if (Object.keys(c.drivers).length > 0) checkable = true;
  }
  if (!checkable) return;
  for (const check of checkChains(tree, trees, ctx.catalog)) {
    if (!check.broken) continue;
    const { values, reached, parentPath, childPath } = check.broken;
    const shown = showValues(
      Object.fromEntries([...new Set([...parentPath, ...childPath])].filter((d) => Object.hasOwn(values, d)).map((d) => [d, values[d]!])),
    );
    const allowed = tree.outcomes[check.outcome]?.constrains?.outcomes[check.followUp] ?? [];
    ctx.report(
      ['outcomes', check.outcome, 'constrains', 'outcomes', check.followUp],
      `chain broken: ${shown} reaches "${check.outcome}", then "${check.followUp}" reaches "${reached}" (allowed: ${allowed.join(', ')}); imply the drivers that lead there`,
      { rule: 'chain' },
    );
  }
};
