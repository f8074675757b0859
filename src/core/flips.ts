// "What would change this decision": the single answer changes that lead to another outcome, and
// for a matrix the weight changes that would crown another option and how close the runner-up is.
import { effectiveWeights, scoreMatrix } from './matrix.js';
import { axesOf, combinations } from './space.js';
import type { CloseCall, DriverCatalog, DriverValues, Flip, MatrixTree, Tree, WalkResult, WeightFlip } from './types.js';
import { walk } from './walk.js';

/** The runner-up is a close call when it trails the winner by at most this share of the winner's total. */
export const CLOSE_CALL_SHARE = 0.05;

/** Weight changes beyond this many points are not "what would change it" but another decision. */
const MAX_WEIGHT_CHANGE = 5;

type Done = Extract<WalkResult, { status: 'done' }>;

/**
 * For each driver the decision used and each other value it could take: the outcome reached
 * instead, when it differs. A change that leads to questions not answered yet gives the outcome
 * every completion agrees on, or the list of possible outcomes.
 *
 * @example
 *   flips(tree, { team-size: 'small', ... }, walk(tree, values), catalog);
 *   // [{ driver: 'team-size', from: 'small', to: 'large', outcome: 'modular-monolith' }]
 */
export function flips(tree: Tree, values: DriverValues, result: Done, catalog: DriverCatalog): Flip[] {
  const out: Flip[] = [];
  for (const step of result.path) {
    const driver = Object.hasOwn(catalog.drivers, step.driver) ? catalog.drivers[step.driver] : undefined;
    for (const to of Object.keys(driver?.values ?? {})) {
      if (to === step.value) continue;
      const reached = outcomesWith(tree, { ...values, [step.driver]: to }, catalog);
      const others = [...reached].filter((o) => o !== result.outcome);
      if (others.length === 0) continue;
      const flip: Flip = { driver: step.driver, from: step.value, to };
      if (reached.size === 1) flip.outcome = others[0]!;
      else flip.outcomes = [...reached].sort();
      out.push(flip);
    }
  }
  return out;
}

// Every outcome reachable with these values, completing unanswered drivers every possible way.
function outcomesWith(tree: Tree, values: DriverValues, catalog: DriverCatalog): Set<string> {
  const found = new Set<string>();
  const pending: DriverValues[] = [values];
  for (let guard = 0; pending.length > 0 && guard < 10_000; guard++) {
    const v = pending.pop()!;
    const r = walk(tree, v);
    if (r.status === 'done') {
      found.add(r.outcome);
      continue;
    }
    const axes = axesOf(r.missing.slice(0, 1), catalog);
    if (!axes) continue;
    for (const extra of combinations(axes)) pending.push({ ...v, ...extra });
  }
  return found;
}

/** The outcomes a flip leads to: its one outcome, or every outcome it can still reach. */
export function flipOutcomes(flip: Flip): string[] {
  return flip.outcome !== undefined ? [flip.outcome] : (flip.outcomes ?? []);
}

/**
 * Matrix trees: for each criterion, the smallest change of its weight (up to five points) that
 * makes another option rank first.
 */
export function weightFlips(tree: MatrixTree, values: DriverValues, result: Done): WeightFlip[] {
  const base = effectiveWeights(tree, values);
  const out: WeightFlip[] = [];
  for (const c of tree.criteria) {
    const from = base[c.id] ?? c.weight;
    for (let step = 1; step <= MAX_WEIGHT_CHANGE; step++) {
      const hit = [from + step, from - step]
        .filter((to) => to >= 0)
        .map((to) => ({ to, winner: scoreMatrix(tree, values, { ...base, [c.id]: to }).ranking[0] }))
        .find((x) => x.winner !== undefined && x.winner !== result.outcome);
      if (hit) {
        out.push({ criterion: c.id, from, to: hit.to, outcome: hit.winner! });
        break;
      }
    }
  }
  return out;
}

/** Matrix trees: the runner-up and the criteria that decided, when the margin is small. */
export function closeCall(tree: MatrixTree, result: Done): CloseCall | undefined {
  const table = result.scores;
  if (!table) return undefined;
  const [first, second] = table.ranking;
  if (first === undefined || second === undefined) return undefined;
  const rows = new Map(table.rows.map((r) => [r.option, r]));
  const a = rows.get(first)!;
  const b = rows.get(second)!;
  const margin = a.total - b.total;
  if (margin > a.total * CLOSE_CALL_SHARE) return undefined;
  const decidedBy = tree.criteria
    .map((c) => ({
      criterion: c.id,
      difference: (table.weights[c.id] ?? 0) * ((a.scores[c.id] ?? 0) - (b.scores[c.id] ?? 0)),
    }))
    .filter((d) => d.difference > 0)
    .sort((x, y) => y.difference - x.difference);
  return { runnerUp: second, margin, decidedBy };
}
