// Graph facts about a branching tree, safe on broken trees (cycles, dangling references).
import type { BranchingTree } from './types.js';

/**
 * Node id -> the outcomes reachable from it. Computed as a fixpoint rather than by recursion so
 * that a cycle (which lint reports separately) cannot make it loop or miss outcomes.
 */
export function reachableOutcomes(tree: BranchingTree): Map<string, Set<string>> {
  const reach = new Map<string, Set<string>>();
  for (const id of Object.keys(tree.outcomes)) reach.set(id, new Set([id]));
  const questions = Object.values(tree.questions).filter((q) => !Object.hasOwn(tree.outcomes, q.id));
  for (const q of questions) reach.set(q.id, new Set());
  let changed = true;
  while (changed) {
    changed = false;
    for (const q of questions) {
      const mine = reach.get(q.id)!;
      for (const next of Object.values(q.branches)) {
        for (const o of reach.get(next) ?? []) {
          if (!mine.has(o)) {
            mine.add(o);
            changed = true;
          }
        }
      }
    }
  }
  return reach;
}

/** Ids of the nodes (questions and outcomes) reachable from `start`, start included. */
export function reachableNodes(tree: BranchingTree): Set<string> {
  const seen = new Set<string>();
  const stack = [tree.start];
  while (stack.length > 0) {
    const id = stack.pop()!;
    if (seen.has(id)) continue;
    seen.add(id);
    const q = Object.hasOwn(tree.questions, id) ? tree.questions[id] : undefined;
    if (q && !Object.hasOwn(tree.outcomes, id)) stack.push(...Object.values(q.branches));
  }
  return seen;
}
