// How a driver's value reads to a person: the catalog's label in their language, or the value id
// when the catalog does not know it (a tree naming a value the catalog lacks still shows something).
import { t } from './text.js';
import type { DriverCatalog, Lang, Tree } from './types.js';

export function valueLabel(catalog: DriverCatalog, driver: string, value: string, lang: Lang): string {
  const v = catalog.drivers[driver]?.values[value];
  return v ? t(v.label, lang) : value;
}

/** The question a path step answered, in words: the tree's own wording or the driver's question. */
export function questionText(tree: Tree, catalog: DriverCatalog | undefined, question: string, driver: string, lang: Lang): string {
  const q = tree.kind === 'tree' ? tree.questions[question] : undefined;
  if (q?.text !== undefined) return t(q.text, lang);
  const d = catalog?.drivers[driver];
  return d ? t(d.question, lang) : driver;
}

/**
 * A question in a few words, for a diagram node: the question's own `short`, else its driver's,
 * else the driver id read as words ("team-size" -> "Team size?"). Never the whole question: a
 * diagram of whole questions is mostly text.
 */
export function questionShort(tree: Tree, catalog: DriverCatalog | undefined, question: string, driver: string, lang: Lang): string {
  const q = tree.kind === 'tree' ? tree.questions[question] : undefined;
  if (q?.short !== undefined) return t(q.short, lang);
  const d = catalog?.drivers[driver];
  if (d?.short !== undefined) return t(d.short, lang);
  const words = driver.replace(/-+/g, ' ').trim();
  return `${words.charAt(0).toUpperCase()}${words.slice(1)}?`;
}

/** An outcome's title in a language, or its id. */
export function outcomeTitle(tree: Tree | undefined, outcome: string, lang: Lang): string {
  const o = tree?.outcomes[outcome];
  return o ? t(o.title, lang) : outcome;
}
