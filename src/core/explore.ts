// Walking a tree over its whole decision space: every combination of the values of the drivers
// it asks (and of the drivers its rules and texts read). `validate` reports the outcome
// distribution; the whole-space lint rules check rules, dead ends and chains with the same walk.
import { InternalError } from './errors.js';
import { askedDrivers, axesOf, combinations, MAX_COMBINATIONS, spaceSize } from './space.js';
import type { DriverCatalog, DriverValues, Tree, WalkResult } from './types.js';
import { walk } from './walk.js';

export interface SpaceReport {
  id: string;
  /** Combinations of the asked drivers' values walked. */
  combinations: number;
  /** Outcome id -> how many combinations reach it. */
  outcomes: Record<string, number>;
  /** Chains checked: outcome -> follow-up tree, with the combinations of both trees walked. */
  chains: { outcome: string; followUp: string; combinations: number }[];
  /** Set when the space is too large to walk (the checks were skipped). */
  skipped?: string;
}

export type Visit = (values: DriverValues, result: WalkResult | { status: 'error'; message: string }) => void;

/**
 * Walks every combination of the tree's asked drivers plus `extra` drivers. Returns the number of
 * combinations, or undefined when a driver is unknown or the space is too large.
 */
export function walkSpace(tree: Tree, catalog: DriverCatalog, extra: readonly string[], visit: Visit): number | undefined {
  const axes = axesOf([...askedDrivers(tree), ...extra], catalog);
  if (!axes || spaceSize(axes) > MAX_COMBINATIONS) return undefined;
  let n = 0;
  for (const values of combinations(axes)) {
    n++;
    let result: WalkResult;
    try {
      result = walk(tree, values);
    } catch (err: unknown) {
      if (!(err instanceof InternalError)) throw err;
      visit(values, { status: 'error', message: err.message });
      continue;
    }
    visit(values, result);
  }
  return n;
}

export interface ChainCheck {
  outcome: string;
  followUp: string;
  combinations: number;
  /** The first combination where the follow-up reaches an outcome the constraint does not allow. */
  broken?: { values: DriverValues; reached: string; parentPath: string[]; childPath: string[] };
}

/**
 * Checks the chains of a tree: for each outcome with a constraint and each follow-up tree it
 * constrains, every combination of both trees' drivers where the parent reaches that outcome,
 * with the implied values fixed, must lead the follow-up to an allowed outcome.
 */
export function checkChains(tree: Tree, trees: ReadonlyMap<string, Tree>, catalog: DriverCatalog): ChainCheck[] {
  const out: ChainCheck[] = [];
  for (const o of Object.values(tree.outcomes)) {
    const c = o.constrains;
    if (!c) continue;
    const targets = new Set([...Object.keys(c.outcomes), ...(Object.keys(c.drivers).length > 0 ? o.followUps : [])]);
    for (const followUp of targets) {
      const child = o.followUps.includes(followUp) ? trees.get(followUp) : undefined;
      if (!child) continue;
      const implied = c.drivers;
      // The parent's space first; for each combination reaching this outcome, only the follow-up's
      // own drivers vary (shared drivers keep the parent's answer, implied ones their value).
      const parentDrivers = askedDrivers(tree);
      const parentAxes = axesOf(parentDrivers, catalog);
      const childAxes = axesOf(
        askedDrivers(child).filter((d) => !Object.hasOwn(implied, d) && !parentDrivers.includes(d)),
        catalog,
      );
      if (!parentAxes || !childAxes || spaceSize(parentAxes) * spaceSize(childAxes) > MAX_COMBINATIONS) continue;
      const allowed = Object.hasOwn(c.outcomes, followUp) ? c.outcomes[followUp]! : undefined;
      const check: ChainCheck = { outcome: o.id, followUp, combinations: 0 };
      for (const values of combinations(parentAxes)) {
        let parent: WalkResult;
        try {
          parent = walk(tree, values);
        } catch (err: unknown) {
          if (err instanceof InternalError) continue; // the tree's own rules report a broken tree
          throw err;
        }
        if (parent.status !== 'done' || parent.outcome !== o.id) continue;
        for (const extra of combinations(childAxes)) {
          const all = { ...values, ...extra };
          let next: WalkResult;
          try {
            next = walk(child, { ...all, ...implied });
          } catch (err: unknown) {
            if (err instanceof InternalError) continue;
            throw err;
          }
          check.combinations++;
          if (next.status !== 'done' || !allowed || allowed.includes(next.outcome) || check.broken) continue;
          check.broken = {
            values: all,
            reached: next.outcome,
            parentPath: parent.path.map((s) => s.driver),
            childPath: next.path.map((s) => s.driver),
          };
        }
      }
      out.push(check);
    }
  }
  return out;
}

/** The outcome distribution of a tree over its whole space, and the chains it constrains. */
export function exploreSpace(tree: Tree, trees: ReadonlyMap<string, Tree>, catalog: DriverCatalog): SpaceReport {
  const outcomes: Record<string, number> = {};
  for (const id of Object.keys(tree.outcomes)) outcomes[id] = 0;
  const n = walkSpace(tree, catalog, [], (_values, r) => {
    if (r.status === 'done') outcomes[r.outcome] = (outcomes[r.outcome] ?? 0) + 1;
  });
  const report: SpaceReport = {
    id: tree.id,
    combinations: n ?? 0,
    outcomes,
    chains: checkChains(tree, trees, catalog).map(({ outcome, followUp, combinations: c }) => ({ outcome, followUp, combinations: c })),
  };
  if (n === undefined) report.skipped = 'a driver is unknown or the space has more than 200000 combinations';
  return report;
}
