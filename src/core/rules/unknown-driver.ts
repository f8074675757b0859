// Every driver a tree names must be in drivers.yaml, and every value one of that driver's values.
import { didYouMean } from '../did-you-mean.js';
import type { Rule, RuleContext } from './rule.js';
import { conditionalTexts } from '../condition.js';
import type { Condition } from '../types.js';
import type { DocPath } from '../yaml-doc.js';

export const unknownDriver: Rule = (ctx) => {
  const { tree } = ctx;
  if (tree.kind === 'tree') {
    for (const q of Object.values(tree.questions)) {
      if (checkDriver(ctx, q.driver, ['questions', q.id, 'driver'])) {
        for (const value of Object.keys(q.branches)) checkValue(ctx, q.driver, value, ['questions', q.id, 'branches', value], true);
      }
    }
  } else {
    tree.asks.forEach((d, i) => checkDriver(ctx, d, ['asks', i]));
    for (const o of Object.values(tree.outcomes)) {
      for (const [d, values] of Object.entries(o.requires ?? {})) {
        if (checkDriver(ctx, d, ['outcomes', o.id, 'requires', d], true)) {
          values.forEach((v, i) => checkValue(ctx, d, v, ['outcomes', o.id, 'requires', d, i]));
        }
      }
    }
    tree.adjustments.forEach((adj, i) => {
      for (const [d, v] of Object.entries(adj.when)) {
        if (checkDriver(ctx, d, ['adjustments', i, 'when', d], true)) checkValue(ctx, d, v, ['adjustments', i, 'when', d]);
      }
    });
  }
  tree.examples.forEach((ex, i) => {
    for (const [d, v] of Object.entries(ex.drivers)) {
      if (checkDriver(ctx, d, ['examples', i, 'drivers', d], true)) checkValue(ctx, d, v, ['examples', i, 'drivers', d]);
    }
  });
  // Conditions: rules, where the tree applies, conditional texts, values implied for a chain.
  (tree.rules ?? []).forEach((r, i) => checkCondition(ctx, r.when, ['rules', i, 'when']));
  if (tree.appliesWhen) checkCondition(ctx, tree.appliesWhen, ['appliesWhen']);
  for (const o of Object.values(tree.outcomes)) {
    for (const { path, item } of conditionalTexts(o)) {
      const at = ['outcomes', o.id, ...path];
      if (item.when) checkCondition(ctx, item.when, [...at, 'when']);
      if (item.unless) checkCondition(ctx, item.unless, [...at, 'unless']);
    }
    if (o.constrains) checkCondition(ctx, o.constrains.drivers, ['outcomes', o.id, 'constrains', 'drivers']);
  }
};

/** Every driver of a condition known, every value one of its values. */
export function checkCondition(ctx: RuleContext, condition: Condition, path: DocPath): void {
  for (const d of Object.keys(condition)) {
    if (!checkDriver(ctx, d, [...path, d], true)) continue;
    const v = condition[d]!;
    if (Array.isArray(v)) v.forEach((x, i) => checkValue(ctx, d, x, [...path, d, i]));
    else checkValue(ctx, d, v, [...path, d]);
  }
}

// `key`: the driver (or value) is a map key in the file, so point at the key, not its value.
function checkDriver(ctx: RuleContext, driver: string, path: DocPath, key = false): boolean {
  if (Object.hasOwn(ctx.catalog.drivers, driver)) return true;
  ctx.report(path, `unknown driver "${driver}"${didYouMean(driver, Object.keys(ctx.catalog.drivers))}`, { key });
  return false;
}

function checkValue(ctx: RuleContext, driver: string, value: string, path: DocPath, key = false): void {
  const values = Object.keys(ctx.catalog.drivers[driver]?.values ?? {});
  if (values.includes(value)) return;
  ctx.report(
    path,
    `"${value}" is not a value of driver "${driver}" (${values.join(', ')})${didYouMean(value, values)}`,
    { rule: 'unknown-value', key },
  );
}
