// A driver asked twice on one route: the second question's answer is already fixed, so all but
// one of its branches are dead.
import type { Rule } from './rule.js';

export const repeatedDriver: Rule = (ctx) => {
  const { tree } = ctx;
  if (tree.kind !== 'tree') return;
  const own = (id: string) => (Object.hasOwn(tree.questions, id) ? tree.questions[id] : undefined);
  for (const q of Object.values(tree.questions)) {
    // Questions reachable from q (descendants): any of them asking q's driver repeats it.
    const seen = new Set<string>();
    const stack = Object.values(q.branches);
    while (stack.length > 0) {
      const id = stack.pop()!;
      if (seen.has(id) || id === q.id) continue;
      seen.add(id);
      const next = own(id);
      if (!next) continue;
      if (next.driver === q.driver) {
        ctx.report(['questions', next.id, 'driver'], `driver "${q.driver}" is already asked by "${q.id}" on the way here, so only one branch can ever be taken`);
      }
      stack.push(...Object.values(next.branches));
    }
  }
};
