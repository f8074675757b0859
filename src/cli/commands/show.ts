import { t } from '../../core/text.js';
import { isConditional, itemText, showCondition } from '../../core/condition.js';
import type { DriverCatalog, Lang, MatrixTree, BranchingTree, Outcome, TextItem, Tree } from '../../core/types.js';
import { loadDecisionSet, treeSource } from '../../io/trees.js';
import { resolveLang } from '../lang.js';
import { printJson, println, style } from '../messages.js';
import { checkTreeIds } from '../../core/resolve.js';
import { outcomeTitle, questionText, valueLabel } from '../../core/labels.js';
import { words, type Words } from '../decision-words.js';

interface ShowOptions {
  json?: boolean;
  mermaid?: boolean;
  lang?: string;
}

export async function run(treeId: string, opts: ShowOptions): Promise<void> {
  const { catalog, trees } = await loadDecisionSet({ cwd: process.cwd() });
  checkTreeIds([treeId], trees);
  const tree = trees.get(treeId)!;
  if (opts.json) {
    // Without --lang the JSON keeps both languages (what a tool reading it wants); with --lang every
    // text field is resolved to that language.
    const { file: _file, origin: _origin, overrides: _overrides, ...rest } = tree;
    const source = treeSource(tree, process.cwd());
    const data = source ? { ...rest, source } : rest;
    printJson(opts.lang === undefined ? data : localize(data, resolveLang(opts.lang)));
    return;
  }
  const lang = resolveLang(opts.lang);
  if (opts.mermaid) {
    const { treeToMermaid } = await import('../../render/mermaid.js');
    process.stdout.write(ensureNewline(treeToMermaid(tree, lang, undefined, { catalog })));
    return;
  }
  printTree(tree, catalog, lang);
}

function printTree(tree: Tree, catalog: DriverCatalog, lang: Lang): void {
  const w = words(lang);
  const kind = tree.kind === 'matrix' ? w.kindMatrix : w.kindTree;
  println(`${style.title(t(tree.title, lang))}  ${style.dim(`${tree.id} · ${kind} · ${w.reviewed} ${tree.reviewed}`)}`);
  const source = treeSource(tree, process.cwd());
  if (source) println(style.dim(`${w.from} ${source.file}${source.overrides ? `; ${w.overrides(tree.id)}` : ''}`));
  if (tree.appliesWhen) println(style.dim(`${w.appliesWhen}: ${showCondition(tree.appliesWhen)}`));
  println();
  println(style.title(w.problem));
  println(indent(t(tree.problem, lang), 2));
  println();
  if (tree.kind === 'matrix') printMatrix(tree, catalog, lang, w);
  else printQuestions(tree, catalog, lang, w);
  println(style.title(w.outcomes));
  for (const outcome of Object.values(tree.outcomes)) printOutcome(tree, outcome, lang, w);
  const rules = tree.rules ?? [];
  if (rules.length > 0) {
    println(style.title(w.rules));
    for (const rule of rules) {
      const when = Object.keys(rule.when).length > 0 ? `${showCondition(rule.when)} → ` : '';
      const what = rule.never ? `${w.ruleNever} ${rule.never.join(', ')}` : `${w.ruleOnly} ${(rule.only ?? []).join(', ')}`;
      println(`  ${style.id(rule.id)}  ${when}${what}`);
      println(`    ${style.dim(t(rule.reason, lang))}`);
    }
    println();
  }
  println(style.title(w.sources));
  for (const source of tree.sources) println(`  - ${source.title}  ${style.dim(source.url)}`);
}

function printQuestions(tree: BranchingTree, catalog: DriverCatalog, lang: Lang, w: Words): void {
  println(style.title(w.questions));
  for (const q of Object.values(tree.questions)) {
    const start = q.id === tree.start ? ' ▶' : '';
    println(`  ${style.id(q.id)}${start}  ${questionText(tree, catalog, q.id, q.driver, lang)}  ${style.dim(`[${q.driver}]`)}`);
    for (const [value, next] of Object.entries(q.branches)) {
      const target = tree.outcomes[next]
        ? style.ok(outcomeTitle(tree, next, lang))
        : `${style.id(next)}${tree.questions[next] ? style.dim(`: ${questionText(tree, catalog, next, tree.questions[next].driver, lang)}`) : ''}`;
      println(`    ${valueLabel(catalog, q.driver, value, lang)} ${style.dim('→')} ${target}`);
    }
  }
  println();
}

function printMatrix(tree: MatrixTree, catalog: DriverCatalog, lang: Lang, w: Words): void {
  println(style.title(w.asks));
  for (const driver of tree.asks) {
    println(`  ${style.id(driver)}  ${questionText(tree, catalog, driver, driver, lang)}`);
  }
  println();
  println(style.title(w.criteria));
  for (const c of tree.criteria) println(`  ${style.id(c.id)}  ${t(c.title, lang)} (${c.weight})`);
  if (tree.adjustments.length > 0) {
    println();
    println(style.title(w.adjustments));
    for (const adj of tree.adjustments) {
      const when = Object.entries(adj.when).map(([d, v]) => `${d} = ${v}`).join(', ');
      const deltas = Object.entries(adj.weights).map(([c, d]) => `${c} ${d >= 0 ? '+' : ''}${d}`).join(', ');
      const reason = adj.reason === undefined ? '' : style.dim(`  ${t(adj.reason, lang)}`);
      println(`  ${when}: ${deltas}${reason}`);
    }
  }
  println();
}

// A conditional text shows its condition, so the reader of `show` knows when it applies.
function itemLine(item: TextItem, lang: Lang): string {
  const text = t(itemText(item), lang);
  if (!isConditional(item)) return text;
  const cond = [item.when ? showCondition(item.when) : '', item.unless ? `not ${showCondition(item.unless)}` : '']
    .filter((x) => x !== '')
    .join('; ');
  return `${style.dim(`[${cond}]`)} ${text}`;
}

function printOutcome(tree: Tree, outcome: Outcome, lang: Lang, w: Words): void {
  println(`  ${style.id(outcome.id)}  ${style.title(t(outcome.title, lang))}`);
  println(indent(t(outcome.decision, lang), 4));
  for (const p of outcome.consequences.positive) println(`    ${style.ok('+')} ${itemLine(p, lang)}`);
  for (const n of outcome.consequences.negative) println(`    ${style.bad('-')} ${itemLine(n, lang)}`);
  for (const warning of outcome.warnings) println(`    ${style.warn(`! ${itemLine(warning, lang)}`)}`);
  if (outcome.constrains) {
    const c = outcome.constrains;
    const parts = [
      ...Object.entries(c.drivers).map(([d, v]) => `${d}=${v}`),
      ...Object.entries(c.outcomes).map(([tree, ids]) => `${tree} ∈ {${ids.join(', ')}}`),
    ];
    println(`    ${style.dim(`${w.constrains}: ${parts.join('; ')} (${t(c.reason, lang)})`)}`);
  }
  if (tree.kind === 'matrix') {
    if (outcome.scores) {
      const scores = Object.entries(outcome.scores).map(([c, s]) => `${c} ${s}`).join(', ');
      println(`    ${style.dim(`${w.scores}: ${scores}`)}`);
    }
    if (outcome.requires) {
      const gates = Object.entries(outcome.requires).map(([d, vs]) => `${d} ∈ {${vs.join(', ')}}`).join('; ');
      println(`    ${style.dim(`${w.requires}: ${gates}`)}`);
    }
  }
  const extra: string[] = [];
  if (outcome.followUps.length > 0) extra.push(`${w.followUps}: ${outcome.followUps.join(', ')}`);
  if (outcome.starters.length > 0) extra.push(`${w.starters}: ${outcome.starters.join(', ')}`);
  if (extra.length > 0) println(`    ${style.dim(extra.join('   '))}`);
  println();
}

function indent(text: string, n: number): string {
  const pad = ' '.repeat(n);
  return text
    .trimEnd()
    .split('\n')
    .map((line) => pad + line)
    .join('\n');
}

function ensureNewline(s: string): string {
  return s.endsWith('\n') ? s : `${s}\n`;
}

/** Replaces every `{en, es}` text with the string of one language. */
function localize(value: unknown, lang: Lang): unknown {
  if (Array.isArray(value)) return value.map((v) => localize(v, lang));
  if (value !== null && typeof value === 'object') {
    const keys = Object.keys(value);
    const rec = value as Record<string, unknown>;
    if (keys.length === 2 && typeof rec.en === 'string' && typeof rec.es === 'string') return rec[lang];
    return Object.fromEntries(keys.map((k) => [k, localize(rec[k], lang)]));
  }
  return value;
}
