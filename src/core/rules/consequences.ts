// An ADR needs a balanced view: at least two good and two bad consequences per outcome that
// hold whatever the answers (conditional ones come on top).
import { isConditional } from '../condition.js';
import type { Rule } from './rule.js';

export const consequences: Rule = (ctx) => {
  for (const o of Object.values(ctx.tree.outcomes)) {
    for (const side of ['positive', 'negative'] as const) {
      const n = o.consequences[side].filter((c) => !isConditional(c)).length;
      if (n < 2) {
        ctx.report(
          ['outcomes', o.id, 'consequences', side],
          `outcome "${o.id}" has ${n} ${side} consequence${n === 1 ? '' : 's'} that always hold${n === 1 ? 's' : ''}; give at least two`,
        );
      }
    }
  }
};
