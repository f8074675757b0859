// Asking drivers in a terminal. The answers live in a stack; after each answer everything is
// re-resolved from scratch, so "← back" is just popping the stack and each driver is asked once
// however many trees need it.
import { t } from '../core/text.js';
import type { DriverCatalog, DriverValues, Lang, Tree } from '../core/types.js';
import { BACK, type Prompter } from './prompter/types.js';
import { resolveDecisions, type Resolution, type ResolveInput } from './resolve-decisions.js';

export interface AskState {
  /** Answers given in this session, in order (the "back" stack). */
  answers: { driver: string; value: string }[];
  /**
   * Answers undone with "← back", offered again as the default so that going back to fix one
   * answer does not mean hunting for the others.
   */
  undone?: Map<string, string>;
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
    if (!stuck) return { resolution, values };
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
