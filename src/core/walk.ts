// The walker: (tree, driver values) -> the path taken and the outcome, or the drivers still needed.
import { InternalError } from './errors.js';
import { scoreMatrix } from './matrix.js';
import type { BranchingTree, DriverValues, MatrixTree, PathStep, Question, Tree, WalkResult } from './types.js';

const own = <T>(map: Record<string, T>, key: string): T | undefined => (Object.hasOwn(map, key) ? map[key] : undefined);

/**
 * Walks a tree with the given driver values. Pure. A value that is not one of the question's
 * branches counts as unanswered (values are checked against the driver catalog before walking).
 *
 * Branching trees: follows branches from `start`. When a driver is missing, `missing` lists the
 * driver the walk stopped at first, then every other unanswered driver the walk may still ask
 * from there, so setting all of them always completes the walk.
 *
 * Matrix trees: needs every asked driver; then the best-ranked eligible option wins.
 *
 * @example
 *   walk(tree, { scale: 'small' });
 *   // { status: 'done', tree: 'architecture-style', outcome: 'monolith',
 *   //   path: [{ question: 'q-scale', driver: 'scale', value: 'small' }] }
 */
export function walk(tree: Tree, values: DriverValues): WalkResult {
  return tree.kind === 'matrix' ? walkMatrix(tree, values) : walkBranching(tree, values);
}

function answer(q: Question, values: DriverValues): string | undefined {
  const v = own(values, q.driver);
  return v !== undefined && own(q.branches, v) !== undefined ? v : undefined;
}

function walkBranching(tree: BranchingTree, values: DriverValues): WalkResult {
  const path: PathStep[] = [];
  const seen = new Set<string>();
  let node = tree.start;
  for (;;) {
    if (own(tree.outcomes, node)) return { status: 'done', tree: tree.id, outcome: node, path };
    const q = own(tree.questions, node);
    if (!q) throw new InternalError(`tree "${tree.id}": node "${node}" does not exist (run adr-wizard validate)`);
    if (seen.has(node)) throw new InternalError(`tree "${tree.id}": cycle through "${node}" (run adr-wizard validate)`);
    seen.add(node);
    const value = answer(q, values);
    if (value === undefined) return { status: 'needs', tree: tree.id, path, missing: stillNeeded(tree, q, values), question: q.id };
    path.push({ question: q.id, driver: q.driver, value });
    node = q.branches[value]!;
  }
}

// Breadth-first from the question where the walk stopped: answered questions follow only their
// answer, unanswered ones every branch. The stop driver comes first.
function stillNeeded(tree: BranchingTree, stop: Question, values: DriverValues): string[] {
  const missing: string[] = [];
  const queue: string[] = [stop.id];
  const seen = new Set<string>();
  while (queue.length > 0) {
    const id = queue.shift()!;
    if (seen.has(id)) continue;
    seen.add(id);
    const q = own(tree.questions, id);
    if (!q) continue;
    const value = answer(q, values);
    if (value !== undefined) {
      queue.push(q.branches[value]!);
      continue;
    }
    if (!missing.includes(q.driver)) missing.push(q.driver);
    queue.push(...Object.values(q.branches));
  }
  return missing;
}

function walkMatrix(tree: MatrixTree, values: DriverValues): WalkResult {
  const path: PathStep[] = [];
  const missing: string[] = [];
  for (const driver of tree.asks) {
    const value = own(values, driver);
    if (value === undefined) missing.push(driver);
    else path.push({ question: driver, driver, value });
  }
  if (missing.length > 0) return { status: 'needs', tree: tree.id, path, missing };
  const scores = scoreMatrix(tree, values);
  const best = scores.ranking[0];
  if (best === undefined) {
    throw new InternalError(`tree "${tree.id}": no option is eligible for this context (run adr-wizard validate)`);
  }
  return { status: 'done', tree: tree.id, outcome: best, path, scores };
}
