// A decision tree must not loop: a walk would ask the same question forever.
import type { Rule } from './rule.js';

export const cycle: Rule = (ctx) => {
  const { tree } = ctx;
  if (tree.kind !== 'tree') return;
  const state = new Map<string, 'open' | 'done'>();
  const stack: string[] = [];
  const visit = (id: string): void => {
    // An id that is also an outcome resolves to the outcome (duplicate-id reports the clash).
    const q = Object.hasOwn(tree.questions, id) && !Object.hasOwn(tree.outcomes, id) ? tree.questions[id] : undefined;
    if (!q || state.get(id) === 'done') return;
    state.set(id, 'open');
    stack.push(id);
    for (const [value, next] of Object.entries(q.branches)) {
      if (state.get(next) === 'open') {
        const loop = [...stack.slice(stack.indexOf(next)), next].join(' -> ');
        ctx.report(['questions', id, 'branches', value], `cycle: ${loop}`);
      } else {
        visit(next);
      }
    }
    stack.pop();
    state.set(id, 'done');
  };
  visit(tree.start);
  for (const id of Object.keys(tree.questions)) visit(id);
};
