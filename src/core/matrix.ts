// Weighted matrix scoring: weights after adjustments, gates, totals and a stable ranking.
import type { DriverValues, MatrixTree, ScoreRow, ScoreTable } from './types.js';

// Own properties only: ids such as "constructor" must not resolve to Object.prototype members.
const own = <T>(map: Record<string, T>, key: string): T | undefined => (Object.hasOwn(map, key) ? map[key] : undefined);

/** Criterion id -> effective weight: base weight plus every adjustment whose `when` matches. */
export function effectiveWeights(tree: MatrixTree, values: DriverValues): Record<string, number> {
  const weights: Record<string, number> = {};
  for (const c of tree.criteria) weights[c.id] = c.weight;
  for (const adj of tree.adjustments) {
    const applies = Object.entries(adj.when).every(([d, v]) => own(values, d) === v);
    if (!applies) continue;
    for (const [criterion, delta] of Object.entries(adj.weights)) {
      if (Object.hasOwn(weights, criterion)) weights[criterion] = (weights[criterion] ?? 0) + delta;
    }
  }
  return weights;
}

/**
 * Scores every option of a matrix tree. An option is excluded when a gated driver (`requires`)
 * has a value outside the allowed list; an unanswered gated driver does not exclude. Eligible
 * options are ranked by total, ties broken by their order in the file. `weights` overrides the
 * effective weights (what-if questions: "which weight change would change the winner?").
 *
 * @example
 *   scoreMatrix(tree, { cloud: 'aws' }).ranking[0]; // 'sagemaker'
 */
export function scoreMatrix(
  tree: MatrixTree,
  values: DriverValues,
  weights: Record<string, number> = effectiveWeights(tree, values),
): ScoreTable {
  const rows: ScoreRow[] = Object.values(tree.outcomes).map((o) => {
    const scores = { ...(o.scores ?? {}) };
    let total = 0;
    for (const c of tree.criteria) total += (own(weights, c.id) ?? 0) * (own(scores, c.id) ?? 0);
    const row: ScoreRow = { option: o.id, eligible: true, scores, total };
    for (const [driver, allowed] of Object.entries(o.requires ?? {})) {
      const value = own(values, driver);
      if (value !== undefined && !allowed.includes(value)) {
        row.eligible = false;
        row.excludedBy = { driver, value };
        break;
      }
    }
    return row;
  });
  const order = new Map(rows.map((r, i) => [r.option, i]));
  const ranking = rows
    .filter((r) => r.eligible)
    .sort((a, b) => b.total - a.total || (order.get(a.option) ?? 0) - (order.get(b.option) ?? 0))
    .map((r) => r.option);
  ranking.forEach((id, i) => {
    const row = rows.find((r) => r.option === id);
    if (row) row.rank = i + 1;
  });
  return { weights, rows, ranking };
}
