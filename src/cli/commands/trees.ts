import { t } from '../../core/text.js';
import { loadDecisionSet, treeSource } from '../../io/trees.js';
import { resolveLang } from '../lang.js';
import { printJson, println, style } from '../messages.js';
import { words } from '../decision-words.js';

interface TreesOptions {
  json?: boolean;
  lang?: string;
}

export async function run(opts: TreesOptions): Promise<void> {
  const lang = resolveLang(opts.lang);
  const { trees } = await loadDecisionSet({ cwd: process.cwd() });
  const list = [...trees.values()].map((tree) => {
    const source = treeSource(tree, process.cwd());
    return { id: tree.id, title: t(tree.title, lang), kind: tree.kind, outcomes: Object.keys(tree.outcomes), ...(source ? { source } : {}) };
  });
  if (opts.json) {
    printJson(list);
    return;
  }
  const w = words(lang);
  const width = Math.max(...list.map((x) => x.id.length));
  for (const tree of list) {
    const kind = tree.kind === 'matrix' ? ` ${style.dim(`(${w.kindMatrix})`)}` : '';
    println(`${style.id(tree.id.padEnd(width))}  ${style.title(tree.title)}${kind}`);
    println(`${' '.repeat(width)}  ${style.dim(tree.outcomes.join(', '))}`);
    if (tree.source) {
      const note = tree.source.overrides ? `; ${w.overrides(tree.id)}` : '';
      println(`${' '.repeat(width)}  ${style.dim(`${w.from} ${tree.source.file}${note}`)}`);
    }
  }
}
