// Conditions over answers (rules, conditional text, chain constraints, driver conflicts) and the
// texts that hold only on some paths.
import { t } from './text.js';
import type { Condition, ConditionalText, DriverValues, Lang, Outcome, Text, TextItem, Tree } from './types.js';

/** The values a condition allows for one driver. */
export function allowed(condition: Condition, driver: string): string[] {
  const v = condition[driver];
  return v === undefined ? [] : Array.isArray(v) ? v : [v];
}

/** True when every driver of the condition is answered with an allowed value. */
export function matches(condition: Condition, values: DriverValues): boolean {
  return Object.keys(condition).every((d) => Object.hasOwn(values, d) && allowed(condition, d).includes(values[d]!));
}

/** `team-size=small, cloud=aws|gcp`: a condition as the user reads it in messages. */
export function showCondition(condition: Condition): string {
  return Object.keys(condition)
    .map((d) => `${d}=${allowed(condition, d).join('|')}`)
    .join(', ');
}

export function isConditional(item: TextItem): item is ConditionalText {
  return typeof item === 'object' && 'text' in item;
}

export function itemText(item: TextItem): Text {
  return isConditional(item) ? item.text : item;
}

/**
 * Whether a text item holds for these answers: `when` must match (an unanswered driver does not
 * match), and `unless` must not (an unanswered driver keeps the text, which is written as advice
 * for when the answer is unknown).
 */
export function holds(item: TextItem, values: DriverValues): boolean {
  if (!isConditional(item)) return true;
  if (item.when && !matches(item.when, values)) return false;
  if (item.unless && matches(item.unless, values)) return false;
  return true;
}

/** The texts of a list that hold for these answers, in one language. */
export function textsFor(items: readonly TextItem[], values: DriverValues, lang: Lang): string[] {
  return items.filter((i) => holds(i, values)).map((i) => t(itemText(i), lang));
}

/**
 * The conditional texts of an outcome (warnings, then good and bad consequences), each with its
 * path inside the outcome (`['consequences', 'negative', 2]`) and the drivers its condition reads.
 */
export function conditionalTexts(outcome: Outcome): { path: (string | number)[]; item: ConditionalText; drivers: string[] }[] {
  const lists: [(string | number)[], TextItem[]][] = [
    [['warnings'], outcome.warnings],
    [['consequences', 'positive'], outcome.consequences.positive],
    [['consequences', 'negative'], outcome.consequences.negative],
  ];
  return lists.flatMap(([at, items]) =>
    items.flatMap((item, i) =>
      isConditional(item)
        ? [{ path: [...at, i], item, drivers: [...new Set([...Object.keys(item.when ?? {}), ...Object.keys(item.unless ?? {})])] }]
        : [],
    ),
  );
}

/** True when the answers match the tree's `appliesWhen` (or it has none). */
export function applies(tree: Tree, values: DriverValues): boolean {
  return tree.appliesWhen === undefined || matches(tree.appliesWhen, values);
}
