// How a driver's value reads to a person: the catalog's label in their language, or the value id
// when the catalog does not know it (a tree naming a value the catalog lacks still shows something).
import { t } from './text.js';
import type { DriverCatalog, Lang, Tree } from './types.js';

export function valueLabel(catalog: DriverCatalog, driver: string, value: string, lang: Lang): string {
  const v = catalog.drivers[driver]?.values[value];
  return v ? t(v.label, lang) : value;
}

/** The question a path step answered, in words: the tree's own wording or the driver's question. */
export function questionText(tree: Tree, catalog: DriverCatalog, question: string, driver: string, lang: Lang): string {
  const q = tree.kind === 'tree' ? tree.questions[question] : undefined;
  if (q?.text !== undefined) return t(q.text, lang);
  const d = catalog.drivers[driver];
  return d ? t(d.question, lang) : driver;
}

/** An outcome's title in a language, or its id. */
export function outcomeTitle(tree: Tree | undefined, outcome: string, lang: Lang): string {
  const o = tree?.outcomes[outcome];
  return o ? t(o.title, lang) : outcome;
}
