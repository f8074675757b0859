// Every conditional text must be shown for some combination of answers that reaches its outcome;
// else it is dead text no reader will ever see. (Walks that stop or fail somewhere in the space
// are what missing-branch, cycle, dangling-reference and matrix-eligible report, at the node.)
import { conditionalTexts, holds } from '../condition.js';
import { walkSpace } from '../explore.js';
import type { Rule } from './rule.js';
import type { ConditionalText } from '../types.js';

export const deadText: Rule = (ctx) => {
  const { tree } = ctx;
  const conditional: { outcome: string; path: (string | number)[]; item: ConditionalText; shown: boolean }[] = [];
  const extra = new Set<string>();
  for (const o of Object.values(tree.outcomes)) {
    for (const { path, item, drivers } of conditionalTexts(o)) {
      conditional.push({ outcome: o.id, path, item, shown: false });
      for (const d of drivers) extra.add(d);
    }
  }
  if (conditional.length === 0) return;
  const reached = new Set<string>();
  const known = [...extra].filter((d) => Object.hasOwn(ctx.catalog.drivers, d));
  const n = walkSpace(tree, ctx.catalog, known, (values, result) => {
    if (result.status !== 'done') return;
    reached.add(result.outcome);
    for (const c of conditional) if (!c.shown && c.outcome === result.outcome && holds(c.item, values)) c.shown = true;
  });
  if (n === undefined) return;
  for (const c of conditional) {
    if (c.shown || !reached.has(c.outcome)) continue;
    ctx.report(['outcomes', c.outcome, ...c.path], `this conditional text is never shown: no answers that reach "${c.outcome}" match its condition`, {
      severity: 'warning',
      rule: 'dead-text',
    });
  }
};
