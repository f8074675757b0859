// A finished walk as a Decision: what `decide --json` prints and the ADR writer consumes.
import { InternalError } from './errors.js';
import { t } from './text.js';
import type { Decision, DriverValues, Lang, Tree, WalkResult } from './types.js';

export interface DecisionOptions {
  lang: Lang;
  /** Every driver value known (answered or assumed); only the ones the walk used are kept. */
  values: DriverValues;
  /** Drivers whose values came from defaults. */
  assumed: readonly string[];
  ledBy?: { tree: string; outcome: string };
}

/**
 * Builds the Decision for a completed walk. `drivers` holds only the drivers the decision used
 * (the path of a branching tree, the asked drivers of a matrix), and `assumed` only those of them
 * that came from defaults.
 *
 * @example
 *   toDecision(tree, walk(tree, values), { lang: 'en', values, assumed: [] });
 */
export function toDecision(tree: Tree, result: WalkResult, options: DecisionOptions): Decision {
  if (result.status !== 'done') {
    throw new InternalError(`toDecision: the walk of "${tree.id}" is not complete`);
  }
  const outcome = Object.hasOwn(tree.outcomes, result.outcome) ? tree.outcomes[result.outcome] : undefined;
  if (!outcome) throw new InternalError(`toDecision: "${tree.id}" has no outcome "${result.outcome}"`);
  const drivers: DriverValues = {};
  for (const step of result.path) drivers[step.driver] = step.value;
  const decision: Decision = {
    tree: tree.id,
    outcome: outcome.id,
    title: t(outcome.title, options.lang),
    path: result.path.map((s) => ({ driver: s.driver, value: s.value, question: s.question })),
    assumed: options.assumed.filter((d) => Object.hasOwn(drivers, d)),
    warnings: outcome.warnings.map((w) => t(w, options.lang)),
    followUps: [...outcome.followUps],
    drivers,
  };
  if (options.ledBy) decision.ledBy = { ...options.ledBy };
  if (result.scores) decision.scores = result.scores;
  return decision;
}
