// Rules written in a tree (`rules:`), checked over every combination of answers: each must give
// `never` or `only` (not both), name outcomes of the tree, and hold everywhere. A broken rule is
// reported at its own line with one combination that breaks it (the answers on the walk's path
// plus the rule's own drivers: the smallest set that reproduces it).
import { matches, showCondition } from '../condition.js';
import { walkSpace } from '../explore.js';
import { showValues } from '../space.js';
import { didYouMean } from '../did-you-mean.js';
import type { Rule } from './rule.js';
import type { DriverValues, TreeRule } from '../types.js';

function violates(rule: TreeRule, outcome: string): boolean {
  if (rule.never) return rule.never.includes(outcome);
  if (rule.only) return !rule.only.includes(outcome);
  return false;
}

export const treeRules: Rule = (ctx) => {
  const { tree } = ctx;
  const rules = tree.rules ?? [];
  if (rules.length === 0) return;
  const outcomeIds = Object.keys(tree.outcomes);
  const seen = new Set<string>();
  const usable: [number, TreeRule][] = [];
  rules.forEach((rule, i) => {
    if (seen.has(rule.id)) ctx.report(['rules', i, 'id'], `rule id "${rule.id}" is used twice in this tree`, { rule: 'duplicate-id' });
    seen.add(rule.id);
    if ((rule.never === undefined) === (rule.only === undefined)) {
      ctx.report(['rules', i], `rule "${rule.id}" needs exactly one of "never" or "only"`, { rule: 'rule-shape' });
      return;
    }
    const field = rule.never ? 'never' : 'only';
    let ok = true;
    (rule.never ?? rule.only ?? []).forEach((id, j) => {
      if (outcomeIds.includes(id)) return;
      ok = false;
      ctx.report(['rules', i, field, j], `rule "${rule.id}" names "${id}", which is not an outcome of this tree${didYouMean(id, outcomeIds)}`, {
        rule: 'dangling-reference',
      });
    });
    const unknown = Object.keys(rule.when).filter((d) => !Object.hasOwn(ctx.catalog.drivers, d));
    if (ok && unknown.length === 0) usable.push([i, rule]);
  });
  if (usable.length === 0) return;

  const broken = new Map<number, { values: DriverValues; outcome: string }>();
  const extra = usable.flatMap(([, r]) => Object.keys(r.when));
  const n = walkSpace(tree, ctx.catalog, extra, (values, result) => {
    if (result.status !== 'done') return;
    for (const [i, rule] of usable) {
      if (broken.has(i) || !matches(rule.when, values) || !violates(rule, result.outcome)) continue;
      const shown: DriverValues = {};
      for (const step of result.path) shown[step.driver] = step.value;
      for (const d of Object.keys(rule.when)) shown[d] = values[d]!;
      broken.set(i, { values: shown, outcome: result.outcome });
    }
  });
  if (n === undefined) {
    ctx.report(['rules'], 'the decision space is too large to check the rules over every combination', { severity: 'warning', rule: 'tree-rule' });
    return;
  }
  for (const [i, { values, outcome }] of broken) {
    const rule = rules[i]!;
    const expected = rule.never ? `never ${rule.never.join(', ')}` : `only ${rule.only!.join(', ')}`;
    const when = Object.keys(rule.when).length > 0 ? ` when ${showCondition(rule.when)}` : '';
    ctx.report(['rules', i], `rule "${rule.id}" (${expected}${when}) is broken: ${showValues(values)} reaches "${outcome}"`);
  }
};
