// Turns driver values into decisions across one or more trees, following chains breadth-first.
// Everything here is a pure function of the answers so far: the interactive loops (decide in a
// terminal, the guided session) simply re-run it after each answer, which is what makes "go back
// and change an answer" trivial and keeps every driver asked once across trees.
import { toDecision } from '../core/decision.js';
import { InternalError, UsageError } from '../core/errors.js';
import { walk } from '../core/walk.js';
import type { Decision, DriverCatalog, DriverValues, Lang, Tree, WalkResult } from '../core/types.js';
import { didYouMean } from './did-you-mean.js';

export interface ResolveInput {
  trees: ReadonlyMap<string, Tree>;
  /** Tree ids to decide, in order. */
  requested: readonly string[];
  /** Follow each outcome's followUps (each tree once). */
  chain: boolean;
  values: DriverValues;
  /** Drivers whose value is a default the user did not give. */
  assumed: ReadonlySet<string>;
  lang: Lang;
}

export interface Stuck {
  tree: string;
  /** The driver the walk stopped at first, then every other driver it may still ask. */
  missing: string[];
}

export interface Resolution {
  decisions: Decision[];
  /** Walk results by tree id, for the diagrams and explanations. */
  results: Map<string, Extract<WalkResult, { status: 'done' }>>;
  /** Trees that need more drivers, in the order they were reached. */
  stuck: Stuck[];
}

export function resolveDecisions(input: ResolveInput): Resolution {
  const { trees, values, assumed, lang } = input;
  const queue: { id: string; ledBy?: { tree: string; outcome: string } }[] = [];
  const seen = new Set<string>();
  for (const id of input.requested) {
    if (seen.has(id)) continue;
    seen.add(id);
    queue.push({ id });
  }
  const resolution: Resolution = { decisions: [], results: new Map(), stuck: [] };
  for (let i = 0; i < queue.length; i++) {
    const { id, ledBy } = queue[i]!;
    const tree = trees.get(id);
    if (!tree) throw new InternalError(`tree "${id}" was queued but is not loaded`);
    const result = walk(tree, values);
    if (result.status === 'needs') {
      resolution.stuck.push({ tree: id, missing: result.missing });
      continue;
    }
    const used = new Set(result.path.map((s) => s.driver));
    const usedValues: DriverValues = {};
    for (const d of used) if (values[d] !== undefined) usedValues[d] = values[d];
    const decision = toDecision(tree, result, {
      lang,
      values: usedValues,
      assumed: [...assumed].filter((d) => used.has(d)),
      ...(ledBy ? { ledBy } : {}),
    });
    resolution.decisions.push(decision);
    resolution.results.set(id, result);
    if (!input.chain) continue;
    for (const next of tree.outcomes[result.outcome]?.followUps ?? []) {
      if (seen.has(next) || !trees.has(next)) continue;
      seen.add(next);
      queue.push({ id: next, ledBy: { tree: id, outcome: result.outcome } });
    }
  }
  return resolution;
}

/**
 * `--use-defaults`: takes the default of each driver a walk actually stops at (not of every driver
 * it might ask), so that `assumed` lists only what shaped the decision.
 */
export function resolveWithDefaults(
  input: Omit<ResolveInput, 'assumed'>,
  catalog: DriverCatalog,
): { resolution: Resolution; values: DriverValues; assumed: Set<string> } {
  const values = { ...input.values };
  const assumed = new Set<string>();
  for (let guard = 0; guard < 1000; guard++) {
    const resolution = resolveDecisions({ ...input, values, assumed });
    if (resolution.stuck.length === 0) return { resolution, values, assumed };
    for (const { missing } of resolution.stuck) {
      const driver = missing[0];
      const def = driver === undefined ? undefined : catalog.drivers[driver];
      if (driver === undefined || !def) throw new InternalError(`a walk needs driver "${driver}" that has no default`);
      values[driver] = def.default;
      assumed.add(driver);
    }
  }
  throw new InternalError('defaults did not settle the walk');
}

/** Every missing driver of every stuck tree, in one line, as the non-interactive error. */
export function missingDriversError(stuck: readonly Stuck[]): UsageError {
  const parts = stuck.map((s) => `${s.tree}: ${s.missing.join(', ')}`);
  return new UsageError(
    `missing drivers for ${parts.join('; ')} (set them with --set driver=value, a --context file, or --use-defaults)`,
  );
}

/** Checks tree ids named on the command line; every unknown one is reported with a suggestion. */
export function checkTreeIds(ids: readonly string[], trees: ReadonlyMap<string, Tree>): string[] {
  const unknown = ids.filter((id) => !trees.has(id));
  if (unknown.length === 0) return [...ids];
  const known = [...trees.keys()];
  const lines = unknown.map((id) => `unknown tree "${id}"${didYouMean(id, known)}`);
  throw new UsageError(`${lines.join('; ')}; the trees are: ${known.sort().join(', ')}`);
}

/** Trees no outcome leads to: where "all that apply, following chains" starts. */
export function rootTrees(trees: ReadonlyMap<string, Tree>): string[] {
  const followed = new Set<string>();
  for (const tree of trees.values()) {
    for (const outcome of Object.values(tree.outcomes)) for (const f of outcome.followUps) followed.add(f);
  }
  return [...trees.keys()].filter((id) => !followed.has(id));
}
