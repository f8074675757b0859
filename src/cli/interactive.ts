// Asking drivers in a terminal. The answers live in a stack; after each answer everything is
// re-resolved from scratch, so "← back" is just popping the stack and each driver is asked once
// however many trees need it.
import { matches } from '../core/condition.js';
import { t } from '../core/text.js';
import { valueLabel } from '../core/labels.js';
import { words } from './decision-words.js';
import type { DriverCatalog, DriverValues, Lang, Tree } from '../core/types.js';
import { BACK, type Prompter } from './prompter/types.js';
import { resolveDecisions, type Resolution, type ResolveInput } from '../core/resolve.js';

export interface AskState {
  /** Answers given in this session, in order (the "back" stack). */
  answers: { driver: string; value: string }[];
  /**
   * Answers undone with "← back", offered again as the default so that going back to fix one
   * answer does not mean hunting for the others.
   */
  undone?: Map<string, string>;
  /** Contradictions the user chose to keep (asked once each). */
  kept?: Set<string>;
}

/**
 * Asks the missing drivers until every tree is decided. `base` holds values that came from flags or
 * a context file (never asked, never undone). Returns undefined when the user goes back past the
 * first question (the caller decides what "back" means there).
 */
export async function askUntilResolved(
  input: Omit<ResolveInput, 'values'> & { base: DriverValues },
  catalog: DriverCatalog,
  prompter: Prompter,
  state: AskState,
): Promise<{ resolution: Resolution; values: DriverValues } | undefined> {
  const undone = (state.undone ??= new Map<string, string>());
  for (;;) {
    const values: DriverValues = { ...input.base };
    for (const a of state.answers) values[a.driver] = a.value;
    const resolution = resolveDecisions({ ...input, values });
    const stuck = resolution.stuck[0];
    if (!stuck) {
      const conflict = await confirmConflicts(catalog, values, prompter, input.lang, state);
      if (conflict === 'resolved') return { resolution, values };
      continue; // an answer was withdrawn: ask it again
    }
    const driver = stuck.missing[0]!;
    const tree = input.trees.get(stuck.tree)!;
    const answer = await askDriver(prompter, catalog, tree, driver, input.lang, undone.get(driver));
    if (answer === BACK) {
        if (!undoLast(state)) return undefined;
    } else {
      state.answers.push({ driver, value: answer });
    }
  }
}

/**
 * Answers that cannot both be true: the user keeps both (the ADR records the contradiction) or
 * withdraws one of the answers given in this session, which is then asked again.
 */
async function confirmConflicts(
  catalog: DriverCatalog,
  values: DriverValues,
  prompter: Prompter,
  lang: Lang,
  state: AskState,
): Promise<'resolved' | 'changed'> {
  const kept = (state.kept ??= new Set<string>());
  const w = words(lang);
  for (const conflict of catalog.conflicts ?? []) {
    if (kept.has(conflict.id) || !matches(conflict.when, values)) continue;
    const mine = Object.keys(conflict.when).filter((d) => state.answers.some((a) => a.driver === d));
    if (mine.length === 0) continue; // both came from flags or a context file: nothing to ask
    const KEEP = '';
    const pick = await prompter.select<string>({
      id: `conflict:${conflict.id}`,
      message: w.conflict(t(conflict.reason, lang)),
      choices: [
        ...mine.map((d) => ({
          value: d,
          name: w.changeAnswerOf(`${t(catalog.drivers[d]?.question ?? d, lang)} (${valueLabel(catalog, d, values[d]!, lang)})`),
        })),
        { value: KEEP, name: w.keepBoth },
      ],
      default: mine[0]!,
    });
    if (pick === KEEP) {
      kept.add(conflict.id);
      continue;
    }
    const i = state.answers.findIndex((a) => a.driver === pick);
    const [withdrawn] = state.answers.splice(i, 1);
    if (withdrawn) (state.undone ??= new Map()).set(withdrawn.driver, withdrawn.value);
    return 'changed';
  }
  return 'resolved';
}

/** One driver as a select: value labels as choices, the driver's help under the list. */
export function askDriver(
  prompter: Prompter,
  catalog: DriverCatalog,
  tree: Tree,
  driver: string,
  lang: Lang,
  previous?: string,
): Promise<string | typeof BACK> {
  const def = catalog.drivers[driver]!;
  const help = t(def.help, lang);
  return prompter.select({
    id: `driver:${driver}`,
    message: `${t(def.question, lang)}  [${t(tree.title, lang)}]`,
    choices: Object.entries(def.values).map(([value, v]) => ({ value, name: t(v.label, lang), description: help })),
    default: previous ?? def.default,
    back: true,
  });
}

/** Pops the last answer (remembering it as the default for when it is asked again). */
export function undoLast(state: AskState): boolean {
  const last = state.answers.pop();
  if (!last) return false;
  (state.undone ??= new Map()).set(last.driver, last.value);
  return true;
}
