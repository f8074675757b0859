// Every context must leave at least one eligible option with non-negative weights; every option
// should win somewhere (an option that never wins is the matrix form of "unreachable"), and every
// asked driver should change the winner somewhere (else the user answers for nothing: the matrix
// form of a pointless question).
import type { Rule } from './rule.js';
import { effectiveWeights, scoreMatrix } from '../matrix.js';
import { axesOf, combinations, MAX_COMBINATIONS, showValues, spaceSize } from '../space.js';
import type { DriverValues } from '../types.js';

export const matrixEligible: Rule = (ctx) => {
  const { tree, catalog } = ctx;
  if (tree.kind !== 'matrix') return;
  const axes = axesOf(tree.asks, catalog);
  if (!axes) return; // unknown-driver reports it
  if (spaceSize(axes) > MAX_COMBINATIONS) return;
  const winners = new Set<string>();
  // For each asked driver: the winners seen per combination of the *other* drivers' values.
  const byOthers = tree.asks.map(() => new Map<string, Set<string>>());
  let noneEligible: DriverValues | undefined;
  let noneCount = 0;
  let negative: { criterion: string; values: DriverValues } | undefined;
  for (const values of combinations(axes)) {
    const weights = effectiveWeights(tree, values);
    const neg = Object.entries(weights).find(([, w]) => w < 0);
    if (neg && !negative) negative = { criterion: neg[0], values };
    const best = scoreMatrix(tree, values).ranking[0];
    if (best === undefined) {
      noneCount++;
      noneEligible ??= values;
    } else {
      winners.add(best);
    }
    tree.asks.forEach((d, i) => {
      const others = tree.asks.map((x) => (x === d ? '' : values[x])).join('/');
      const seen = byOthers[i]!.get(others) ?? new Set<string>();
      seen.add(best ?? '');
      byOthers[i]!.set(others, seen);
    });
  }
  if (noneEligible) {
    ctx.report(['asks'], `no option is eligible when ${showValues(noneEligible)}${noneCount > 1 ? ` (and ${noneCount - 1} more context${noneCount > 2 ? 's' : ''})` : ''}`);
  }
  if (negative) {
    ctx.report(['criteria'], `the weight of "${negative.criterion}" drops below 0 when ${showValues(negative.values)}`);
  }
  tree.asks.forEach((d, i) => {
    const matters = [...byOthers[i]!.values()].some((seen) => seen.size > 1);
    if (!matters && tree.asks.indexOf(d) === i) {
      ctx.report(['asks', i], `driver "${d}" never changes which option wins; drop it from asks or give it a weight that matters`, { severity: 'warning', rule: 'pointless-question' });
    }
  });
  for (const id of Object.keys(tree.outcomes)) {
    if (!winners.has(id)) {
      ctx.report(['outcomes', id], `option "${id}" never ranks first in any context`, { severity: 'warning', rule: 'unreachable' });
    }
  }
};
