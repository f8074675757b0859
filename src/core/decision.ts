// A finished walk as a Decision: what `decide --json` prints and the ADR writer consumes.
import { conditionalTexts, matches, showCondition, textsFor } from './condition.js';
import { InternalError } from './errors.js';
import { closeCall, flips, weightFlips } from './flips.js';
import { t } from './text.js';
import type { Decision, DecisionNote, DriverCatalog, DriverValues, Lang, Outcome, Text, Tree, WalkResult } from './types.js';

export interface DecisionOptions {
  lang: Lang;
  /** Every driver value known (answered, assumed or implied); the decision keeps the ones it used. */
  values: DriverValues;
  /** Drivers whose values came from defaults. */
  assumed: readonly string[];
  ledBy?: { tree: string; outcome: string };
  /** The driver catalog: flips and contradictory answers need the drivers' values. */
  catalog: DriverCatalog;
  /** Drivers implied by the outcome that led here, and why. */
  implied?: { values: DriverValues; reason: Text; answered: DriverValues };
}

/**
 * Builds the Decision for a completed walk. `drivers` holds only the drivers the decision used
 * (the path of a branching tree, the asked drivers of a matrix), and `assumed` only those of them
 * that came from defaults. Warnings are the outcome's warnings that hold for the answers, plus
 * any contradiction among the answers it used.
 *
 * @example
 *   toDecision(tree, walk(tree, values), { lang: 'en', values, assumed: [], catalog });
 */
export function toDecision(tree: Tree, result: WalkResult, options: DecisionOptions): Decision {
  if (result.status !== 'done') {
    throw new InternalError(`toDecision: the walk of "${tree.id}" is not complete`);
  }
  const outcome = Object.hasOwn(tree.outcomes, result.outcome) ? tree.outcomes[result.outcome] : undefined;
  if (!outcome) throw new InternalError(`toDecision: "${tree.id}" has no outcome "${result.outcome}"`);
  const { lang, values, catalog } = options;
  const drivers: DriverValues = {};
  for (const step of result.path) drivers[step.driver] = step.value;
  // Answers that conditional warnings and consequences read are recorded too, so the ADR (and a
  // later re-render or revisit) shows the same text.
  for (const { drivers: read } of conditionalTexts(outcome)) {
    for (const d of read) if (!Object.hasOwn(drivers, d) && Object.hasOwn(values, d)) drivers[d] = values[d]!;
  }

  const notes: DecisionNote[] = conflictNotes(result, values, catalog, lang);
  const onPath = new Set(result.path.map((s) => s.driver));
  // The implied values this decision's path read (the others do not concern it).
  const implied: DriverValues = Object.fromEntries(Object.entries(options.implied?.values ?? {}).filter(([d]) => onPath.has(d)));
  if (options.implied && Object.keys(implied).length > 0) {
    const { reason, answered } = options.implied;
    const what = Object.entries(implied)
      .map(([d, v]) => `${d}=${v}${answered[d] !== undefined && answered[d] !== v ? ` (answered ${answered[d]})` : ''}`)
      .join(', ');
    notes.push({ kind: 'chain', id: options.ledBy ? `${options.ledBy.tree}/${options.ledBy.outcome}` : 'chain', message: `${what}: ${t(reason, lang)}` });
  }

  const decision: Decision = {
    tree: tree.id,
    outcome: outcome.id,
    title: t(outcome.title, lang),
    path: result.path.map((s) => ({ driver: s.driver, value: s.value, question: s.question })),
    assumed: options.assumed.filter((d) => Object.hasOwn(drivers, d)),
    warnings: warningsOf(outcome, notes, values, lang),
    followUps: [...outcome.followUps],
    drivers,
    // A driver the chain implied is settled by the decision before: changing it is not an option.
    flips: flips(tree, values, result, catalog).filter((f) => !Object.hasOwn(implied, f.driver)),
    notes,
  };
  if (options.ledBy) decision.ledBy = { ...options.ledBy };
  if (Object.keys(implied).length > 0) decision.implied = implied;
  if (result.scores) decision.scores = result.scores;
  if (tree.kind === 'matrix') {
    decision.weightFlips = weightFlips(tree, values, result);
    const close = closeCall(tree, result);
    if (close) decision.closeCall = close;
  }
  return decision;
}

/** Contradictory answers among those the walk used, as notes. */
function conflictNotes(result: Extract<WalkResult, { status: 'done' }>, values: DriverValues, catalog: DriverCatalog, lang: Lang): DecisionNote[] {
  const notes: DecisionNote[] = [];
  const onPath = new Set(result.path.map((s) => s.driver));
  for (const conflict of catalog.conflicts ?? []) {
    const involved = Object.keys(conflict.when);
    if (!involved.some((d) => onPath.has(d)) || !matches(conflict.when, values)) continue;
    notes.push({ kind: 'conflict', id: conflict.id, message: `${showCondition(conflict.when)}: ${t(conflict.reason, lang)}` });
  }
  return notes;
}

function warningsOf(outcome: Outcome, notes: DecisionNote[], values: DriverValues, lang: Lang): string[] {
  return [...notes.filter((n) => n.kind === 'conflict').map((n) => n.message), ...textsFor(outcome.warnings, values, lang)];
}

/**
 * The warnings toDecision would give a completed walk, without the rest of the Decision (its flips
 * re-walk the tree once per alternative answer): what a check of many records needs.
 */
export function decisionWarnings(tree: Tree, result: Extract<WalkResult, { status: 'done' }>, values: DriverValues, catalog: DriverCatalog, lang: Lang): string[] {
  const outcome = Object.hasOwn(tree.outcomes, result.outcome) ? tree.outcomes[result.outcome] : undefined;
  if (!outcome) throw new InternalError(`decisionWarnings: "${tree.id}" has no outcome "${result.outcome}"`);
  return warningsOf(outcome, conflictNotes(result, values, catalog, lang), values, lang);
}
