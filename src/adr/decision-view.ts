// A Decision plus its tree, in words: the view the ADR templates render. Pure (no I/O).
import { whyNot } from '../core/explain.js';
import { flipOutcomes } from '../core/flips.js';
import { textsFor } from '../core/condition.js';
import { t } from '../core/text.js';
import { questionText, valueLabel } from '../core/labels.js';
import type { Decision, DriverCatalog, Lang, Tree, WalkResult } from '../core/types.js';
import { recordFields, type AdrView, type ViewMeta } from './adr-view.js';
import { strings } from './i18n.js';

export function adrTitle(tree: Tree, decision: Decision, lang: Lang): string {
  // The outcome's title in the ADR's language (decision.title is in the language of the walk).
  const outcome = tree.outcomes[decision.outcome];
  return `${t(tree.shortTitle ?? tree.title, lang)}: ${outcome ? t(outcome.title, lang) : decision.title}`;
}

function fmtNumber(n: number): string {
  return Number.isInteger(n) ? String(n) : n.toFixed(2).replace(/0+$/, '').replace(/\.$/, '');
}

/** Every outcome of the tree, the chosen one marked, each other with why it was not chosen. */
export function consideredOptions(tree: Tree, decision: Decision, catalog: DriverCatalog, lang: Lang): { id: string; title: string; chosen: boolean; why: string }[] {
  const l = strings(lang);
  const result: WalkResult & { status: 'done' } = {
    status: 'done',
    tree: tree.id,
    outcome: decision.outcome,
    path: decision.path.map((p) => ({ question: p.question, driver: p.driver, value: p.value })),
  };
  if (decision.scores) result.scores = decision.scores;
  const why = whyNot(tree, result);
  const ruledOut = (id: string): string => {
    const w = why[id];
    if (w === null || w === undefined) return l.notReached;
    if ('reason' in w) return `${l.scoredLower} (${l.total.toLowerCase()} ${fmtNumber(w.total)})`;
    return `${l.ruledOutBy}: ${questionText(tree, catalog, w.question, w.driver, lang)} = ${valueLabel(catalog, w.driver, w.value, lang)}`;
  };
  return Object.values(tree.outcomes).map((o) => ({
    id: o.id,
    title: t(o.title, lang),
    chosen: o.id === decision.outcome,
    why: o.id === decision.outcome ? '' : ruledOut(o.id),
  }));
}

export function decisionView(
  tree: Tree,
  decision: Decision,
  catalog: DriverCatalog,
  lang: Lang,
  meta: ViewMeta,
): AdrView {
  const l = strings(lang);
  const assumed = new Set(decision.assumed);
  const outcome = tree.outcomes[decision.outcome];
  // Conditional consequences are read against the answers the decision recorded.
  const known = decision.drivers;
  const options = consideredOptions(tree, decision, catalog, lang);
  const answer = (driver: string, value: string) => valueLabel(catalog, driver, value, lang);

  const drivers = Object.entries(decision.drivers).map(([id, value]) => ({
    id,
    question: catalog.drivers[id] ? t(catalog.drivers[id].question, lang) : id,
    value,
    label: answer(id, value),
    assumed: assumed.has(id),
  }));

  const path = decision.path.map((p) => ({
    question: questionText(tree, catalog, p.question, p.driver, lang),
    answer: answer(p.driver, p.value) + (assumed.has(p.driver) ? ` (${l.assumed})` : ''),
  }));

  let scores: AdrView['scores'] = null;
  let because = `${l.becauseAnswers} ${path.map((p) => p.answer).join('; ')}`;
  if (tree.kind === 'matrix' && decision.scores) {
    const table = decision.scores;
    const title = (id: string) => (tree.outcomes[id] ? t(tree.outcomes[id].title, lang) : id);
    const eligible = table.rows.filter((r) => r.eligible);
    const ordered = [...eligible].sort((a, b) => (a.rank ?? 1e9) - (b.rank ?? 1e9));
    scores = {
      rows: ordered.map((r) => ({
        id: r.option,
        title: title(r.option),
        total: fmtNumber(r.total),
        rank: r.rank === undefined ? '' : String(r.rank),
      })),
      criteria: tree.criteria.map((c) => ({
        title: t(c.title, lang),
        weight: table.weights[c.id] ?? c.weight,
        cells: ordered.map((r) => (r.scores[c.id] === undefined ? '' : fmtNumber(r.scores[c.id]!))),
      })),
      excluded: table.rows
        .filter((r) => !r.eligible)
        .map((r) => ({
          title: title(r.option),
          why: r.excludedBy
            ? `${questionText(tree, catalog, r.excludedBy.driver, r.excludedBy.driver, lang)} = ${answer(r.excludedBy.driver, r.excludedBy.value)}`
            : '',
        })),
    };
    const best = table.rows.find((r) => r.option === decision.outcome);
    because = best ? l.becauseScore.replace('{total}', fmtNumber(best.total)) : because;
  }

  return {
    ...recordFields(adrTitle(tree, decision, lang), lang, meta, [tree.id]),
    wizard: {
      tree: tree.id,
      reviewed: tree.reviewed,
      outcome: decision.outcome,
      drivers: Object.entries(decision.drivers).map(([id, value]) => ({ id, value })),
      assumed: decision.assumed,
    },
    problem: t(tree.problem, lang),
    treeTitle: t(tree.title, lang),
    drivers,
    hasAssumed: drivers.some((d) => d.assumed),
    options,
    outcome: {
      id: decision.outcome,
      title: outcome ? t(outcome.title, lang) : decision.title,
      decision: outcome ? t(outcome.decision, lang) : '',
    },
    because,
    positive: outcome ? textsFor(outcome.consequences.positive, known, lang) : [],
    negative: outcome ? textsFor(outcome.consequences.negative, known, lang) : [],
    path,
    warnings: decision.warnings,
    scores,
    mermaid: meta.mermaid,
    image: meta.image,
    sources: tree.sources.map((s) => ({ title: s.title, url: s.url })),
    reviewed: tree.reviewed,
    // Contradictory answers are already the first warnings; the notes say what the chain settled.
    notes: (decision.notes ?? []).filter((n) => n.kind === 'chain').map((n) => n.message),
    revisit: revisitLines(tree, decision, catalog, lang),
    closeCall: closeCallLine(tree, decision, lang),
    treeFile: meta.treeFile ?? null,
  };
}

/** "Revisit when", in words: each answer change and the outcome it leads to. */
function revisitLines(tree: Tree, decision: Decision, catalog: DriverCatalog, lang: Lang): string[] {
  const l = strings(lang);
  const title = (id: string) => `**${tree.outcomes[id] ? t(tree.outcomes[id].title, lang) : id}**`;
  const questionOf = (driver: string) => {
    const step = decision.path.find((p) => p.driver === driver);
    return questionText(tree, catalog, step?.question ?? driver, driver, lang);
  };
  const lines = (decision.flips ?? []).map((f) => {
    const target = flipOutcomes(f).map(title).join(' / ') + (f.outcome === undefined ? ` (${l.flipOrMore})` : '');
    return `${target} ${l.flipIf}: ${questionOf(f.driver)} → ${valueLabel(catalog, f.driver, f.to, lang)}`;
  });
  if (tree.kind === 'matrix') {
    for (const w of decision.weightFlips ?? []) {
      const criterion = tree.criteria.find((c) => c.id === w.criterion);
      const name = criterion ? t(criterion.title, lang) : w.criterion;
      lines.push(
        `${title(w.outcome)} ${l.weightFlip.replace('{criterion}', name).replace('{to}', fmtNumber(w.to)).replace('{from}', fmtNumber(w.from))}`,
      );
    }
  }
  return lines;
}

function closeCallLine(tree: Tree, decision: Decision, lang: Lang): string | null {
  const close = decision.closeCall;
  if (!close || tree.kind !== 'matrix') return null;
  const l = strings(lang);
  const criteria = close.decidedBy
    .slice(0, 3)
    .map((d) => {
      const c = tree.criteria.find((x) => x.id === d.criterion);
      return `${c ? t(c.title, lang) : d.criterion} (+${fmtNumber(d.difference)})`;
    })
    .join(', ');
  const runnerUp = tree.outcomes[close.runnerUp] ? t(tree.outcomes[close.runnerUp]!.title, lang) : close.runnerUp;
  return l.closeCall.replace('{runnerUp}', runnerUp).replace('{margin}', `${fmtNumber(close.margin)} ${close.margin === 1 ? l.point : l.points}`).replace('{criteria}', criteria || '—');
}
