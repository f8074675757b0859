// Turns driver values into decisions across one or more trees, following chains breadth-first.
// Everything here is a pure function of the answers so far: the interactive loops (decide in a
// terminal, the guided session) simply re-run it after each answer, which is what makes "go back
// and change an answer" trivial and keeps every driver asked once across trees.
import { toDecision } from './decision.js';
import { InternalError, UsageError } from './errors.js';
import { walk } from './walk.js';
import { applies } from './condition.js';
import type { Decision, DriverCatalog, DriverValues, Lang, Text, Tree, WalkResult } from './types.js';
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
  catalog: DriverCatalog;
  /**
   * "All that apply": a requested tree whose `appliesWhen` does not match the answers is skipped
   * (follow-ups are always skipped then), and one whose area is not answered yet waits for it.
   */
  applicable?: boolean;
}

export interface Stuck {
  tree: string;
  /** The driver the walk stopped at first, then every other driver it may still ask. */
  missing: string[];
  /** Branching trees: the question node where the walk stopped. */
  question?: string;
}

export interface Resolution {
  decisions: Decision[];
  /** Walk results by tree id, for the diagrams and explanations. */
  results: Map<string, Extract<WalkResult, { status: 'done' }>>;
  /** Trees that need more drivers, in the order they were reached. */
  stuck: Stuck[];
  /** Trees skipped because the project does not have their area (`appliesWhen`). */
  skipped: string[];
}

export function resolveDecisions(input: ResolveInput): Resolution {
  // Chain constraints: an outcome may imply driver values for the trees that follow it. A tree can
  // be reached before the outcome that constrains it (the guided session decides the architecture
  // first, then the ML platform, both leading to the container platform), so the walk is repeated
  // until the implied values settle.
  let implied = new Map<string, Implied>();
  if (!input.chain) return resolvePass(input, implied); // no follow-ups are walked: nothing to imply
  for (let pass = 0; pass < 5; pass++) {
    const resolution = resolvePass(input, implied);
    const next = impliedBy(resolution.decisions, input.trees);
    if (sameImplied(next, implied)) return resolution;
    implied = next;
  }
  return resolvePass(input, implied);
}

interface Implied {
  values: DriverValues;
  reason: Text;
}

function resolvePass(input: ResolveInput, implied: ReadonlyMap<string, Implied>): Resolution {
  const { trees, assumed, lang, catalog } = input;
  const queue: { id: string; ledBy?: { tree: string; outcome: string } }[] = [];
  const seen = new Set<string>();
  for (const id of input.requested) {
    if (seen.has(id)) continue;
    seen.add(id);
    queue.push({ id });
  }
  const resolution: Resolution = { decisions: [], results: new Map(), stuck: [], skipped: [] };
  for (let i = 0; i < queue.length; i++) {
    const { id, ledBy } = queue[i]!;
    const tree = trees.get(id);
    if (!tree) throw new InternalError(`tree "${id}" was queued but is not loaded`);
    const imp = implied.get(id);
    const values = imp ? { ...input.values, ...imp.values } : input.values;
    if (tree.appliesWhen && (ledBy || input.applicable)) {
      const unknown = Object.keys(tree.appliesWhen).filter((d) => !Object.hasOwn(values, d));
      if (unknown.length === 0 && !applies(tree, values)) {
        resolution.skipped.push(id);
        continue;
      }
      if (unknown.length > 0 && input.applicable && !ledBy) {
        resolution.stuck.push({ tree: id, missing: unknown });
        continue;
      }
    }
    const result = walk(tree, values);
    if (result.status === 'needs') {
      resolution.stuck.push({ tree: id, missing: result.missing, ...(result.question !== undefined ? { question: result.question } : {}) });
      continue;
    }
    const used = new Set(result.path.map((s) => s.driver));
    const decision = toDecision(tree, result, {
      lang,
      values,
      catalog,
      assumed: [...assumed].filter((d) => used.has(d) && !(imp && Object.hasOwn(imp.values, d))),
      ...(ledBy ? { ledBy } : {}),
      ...(imp ? { implied: { values: imp.values, reason: imp.reason, answered: input.values } } : {}),
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

// Implied values per tree: from each decided outcome with a constraint, to its follow-ups and on
// down their chain (the fact "this needs Kubernetes" holds for every decision after it). The
// first constraint to set a driver wins.
function impliedBy(decisions: readonly Decision[], trees: ReadonlyMap<string, Tree>): Map<string, Implied> {
  const out = new Map<string, Implied>();
  const decided = new Map(decisions.map((d) => [d.tree, d]));
  for (const d of decisions) {
    const c = trees.get(d.tree)?.outcomes[d.outcome]?.constrains;
    if (!c || Object.keys(c.drivers).length === 0) continue;
    const stack = [...(trees.get(d.tree)?.outcomes[d.outcome]?.followUps ?? [])];
    const visited = new Set<string>([d.tree]);
    while (stack.length > 0) {
      const id = stack.pop()!;
      if (visited.has(id)) continue;
      visited.add(id);
      const prev = out.get(id);
      out.set(id, prev ? { ...prev, values: { ...c.drivers, ...prev.values } } : { values: { ...c.drivers }, reason: c.reason });
      const child = decided.get(id);
      if (child) stack.push(...(trees.get(id)?.outcomes[child.outcome]?.followUps ?? []));
    }
  }
  return out;
}

function sameImplied(a: ReadonlyMap<string, Implied>, b: ReadonlyMap<string, Implied>): boolean {
  if (a.size !== b.size) return false;
  for (const [id, x] of a) {
    const y = b.get(id);
    if (!y || JSON.stringify(x.values) !== JSON.stringify(y.values)) return false;
  }
  return true;
}

/**
 * `--use-defaults`: takes the default of each driver a walk actually stops at (not of every driver
 * it might ask), so that `assumed` lists only what shaped the decision.
 */
export function resolveWithDefaults(
  input: Omit<ResolveInput, 'assumed'>,
): { resolution: Resolution; values: DriverValues; assumed: Set<string> } {
  const { catalog } = input;
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
export function missingDriversError(
  stuck: readonly Stuck[],
  how = 'set them with --set driver=value, a --context file, or --use-defaults',
): UsageError {
  const parts = stuck.map((s) => `${s.tree}: ${s.missing.join(', ')}`);
  return new UsageError(`missing drivers for ${parts.join('; ')} (${how})`);
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
