// "Why not X?": for every outcome the walk did not choose, the answer that ruled it out.
import { reachableOutcomes } from './graph.js';
import type { Tree, WalkResult } from './types.js';

export type WhyNot =
  | { driver: string; value: string; question: string }
  | { reason: 'lower-score'; total: number }
  | null;

/**
 * Branching trees: the first path step after which no route leads to the outcome any more (null
 * when the outcome is not reachable from the start at all). Matrix trees: the gate that excluded
 * the option, or its lower total.
 *
 * @example
 *   whyNot(tree, walk(tree, { scale: 'small' }));
 *   // { microservices: { question: 'q-scale', driver: 'scale', value: 'small' }, ... }
 */
export function whyNot(tree: Tree, result: WalkResult & { status: 'done' }): Record<string, WhyNot> {
  const out: Record<string, WhyNot> = {};
  const others = Object.keys(tree.outcomes).filter((id) => id !== result.outcome);
  if (tree.kind === 'matrix') {
    const rows = new Map((result.scores?.rows ?? []).map((r) => [r.option, r]));
    for (const id of others) {
      const row = rows.get(id);
      if (!row) out[id] = null;
      else if (row.excludedBy) out[id] = { ...row.excludedBy, question: row.excludedBy.driver };
      else out[id] = { reason: 'lower-score', total: row.total };
    }
    return out;
  }
  const reach = reachableOutcomes(tree);
  for (const id of others) {
    out[id] = null;
    if (!reach.get(tree.start)?.has(id)) continue;
    for (const step of result.path) {
      const next = tree.questions[step.question]?.branches[step.value];
      if (next !== undefined && !reach.get(next)?.has(id)) {
        out[id] = { driver: step.driver, value: step.value, question: step.question };
        break;
      }
    }
  }
  return out;
}
