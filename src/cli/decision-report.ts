// Human output of decisions, shared by `decide` and the guided session's summary.
import { relative, sep } from 'node:path';
import { flipOutcomes } from '../core/flips.js';
import { t } from '../core/text.js';
import type { Decision, DriverCatalog, Lang, Tree } from '../core/types.js';
import { println, style } from './messages.js';
import { outcomeTitle, questionText, valueLabel } from '../core/labels.js';
import { words } from './decision-words.js';

export interface AdrRef {
  number: number;
  file: string;
  written: boolean;
  dryRun?: boolean;
}

/** A path relative to cwd when inside it (what a user types next), else absolute. */
export function displayPath(file: string, cwd = process.cwd()): string {
  const rel = relative(cwd, file);
  return rel === '' || rel.startsWith('..') ? file : rel.split(sep).join('/');
}

export function printDecision(
  decision: Decision,
  trees: ReadonlyMap<string, Tree>,
  catalog: DriverCatalog,
  lang: Lang,
  adr?: AdrRef,
): void {
  const w = words(lang);
  const tree = trees.get(decision.tree);
  const treeTitle = tree ? t(tree.title, lang) : decision.tree;
  println(`${style.title(treeTitle)}: ${style.ok(style.title(decision.title))}  ${style.dim(`${decision.tree} → ${decision.outcome}`)}`);
  if (decision.ledBy) {
    const ledTree = trees.get(decision.ledBy.tree);
    println(`  ${style.dim(w.ledBy(ledTree ? t(ledTree.title, lang) : decision.ledBy.tree, outcomeTitle(ledTree, decision.ledBy.outcome, lang)))}`);
  }
  for (const step of decision.path) {
    const q = tree ? questionText(tree, catalog, step.question, step.driver, lang) : step.driver;
    const assumed = decision.assumed.includes(step.driver) ? style.warn(` (${w.assumed})`) : '';
    println(`  ${q} ${style.dim('→')} ${valueLabel(catalog, step.driver, step.value, lang)}${assumed}`);
  }
  if (decision.scores) {
    const rows = new Map(decision.scores.rows.map((r) => [r.option, r]));
    const ranking = decision.scores.ranking
      .map((id, i) => `${i + 1}. ${outcomeTitle(tree, id, lang)} (${rows.get(id)?.total ?? '?'})`)
      .join('  ');
    println(`  ${style.dim(`${w.ranking}:`)} ${ranking}`);
    for (const row of decision.scores.rows) {
      if (row.excludedBy) {
        println(`  ${style.dim(`${outcomeTitle(tree, row.option, lang)}: ${w.excludedBy(row.excludedBy.driver, row.excludedBy.value)}`)}`);
      }
    }
  }
  for (const warning of decision.warnings) println(`  ${style.warn(`${w.warning}: ${warning}`)}`);
  for (const note of decision.notes.filter((n) => n.kind === 'chain')) println(`  ${style.dim(note.message)}`);
  if (decision.closeCall) {
    println(`  ${style.warn(w.closeCall(outcomeTitle(tree, decision.closeCall.runnerUp, lang), String(decision.closeCall.margin)))}`);
  }
  for (const flip of decision.flips) {
    const target = flipOutcomes(flip).map((id) => outcomeTitle(tree, id, lang)).join(' / ');
    const q = tree ? questionText(tree, catalog, decision.path.find((p) => p.driver === flip.driver)?.question ?? flip.driver, flip.driver, lang) : flip.driver;
    println(`  ${style.dim(`${w.revisitWhen}: ${w.flip(target, q, valueLabel(catalog, flip.driver, flip.to, lang))}`)}`);
  }
  if (decision.followUps.length > 0) println(`  ${style.dim(`${w.followUps}: ${decision.followUps.join(', ')}`)}`);
  if (adr) {
    const n = String(adr.number).padStart(4, '0');
    const what = adr.written ? w.adrWritten(n) : adr.dryRun ? w.adrDryRun(n) : w.adrUnchanged(n);
    println(`  ${what}: ${style.id(displayPath(adr.file))}`);
  }
}

/** Next steps after deciding: the follow-ups not decided yet, the starters, the log. */
export function printNextSteps(
  decisions: readonly Decision[],
  trees: ReadonlyMap<string, Tree>,
  lang: Lang,
  opts: { context?: string; written: boolean; noWrite?: boolean; skipStarters?: boolean },
): void {
  const w = words(lang);
  const decided = new Set(decisions.map((d) => d.tree));
  const followUps = [...new Set(decisions.flatMap((d) => d.followUps))].filter((id) => !decided.has(id) && trees.has(id));
  const starters = opts.skipStarters
    ? []
    : [...new Set(decisions.flatMap((d) => trees.get(d.tree)?.outcomes[d.outcome]?.starters ?? []))];
  const hints: [command: string, why: string][] = [];
  if (followUps.length > 0) {
    const ctx = opts.context === undefined ? '' : ` --context ${opts.context}`;
    hints.push([`adr-wizard decide ${followUps.join(' ')}${ctx}`, w.hintFollowUps]);
  }
  for (const starter of starters) hints.push([`adr-wizard scaffold ${starter}`, w.hintScaffold]);
  if (opts.written) hints.push(['adr-wizard list', w.hintList]);
  if (hints.length === 0 && !opts.noWrite) return;
  println();
  println(style.title(w.nextSteps));
  for (const [command, why] of hints) println(`  ${style.dim('$')} ${command}  ${style.dim(`# ${why}`)}`);
  if (opts.noWrite) println(`  ${style.dim(w.hintWrite)}`);
}
