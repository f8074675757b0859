// conflict: accepted decisions that cannot both hold. Two accepted ADRs of one tree with different
// outcomes, neither superseding the other; or an outcome that requires something of the decisions
// after it (`constrains` in its tree) and an accepted decision of such a tree that breaks it.
// Reported on both records, each naming the other: a warning by default, because a team may hold
// both knowingly (two systems, one exception) and say so in the ADRs; `conflict: error` in
// .adr-wizard.yaml makes it fail CI.
import { basename } from 'node:path';
import { groupBy } from '../../core/group-by.js';
import { outcomeTitle } from '../../core/labels.js';
import { isLang, t } from '../../core/text.js';
import type { ChainConstraint, Lang, Tree } from '../../core/types.js';
import { linkKind } from '../../core/link-types.js';
import type { Finding, LogEntry } from './types.js';

type Decided = LogEntry & { wizard: NonNullable<LogEntry['wizard']> };

export function conflicts(log: LogEntry[], trees: ReadonlyMap<string, Tree> | undefined, out: Finding[]): void {
  const accepted = log.filter((r): r is Decided => r.status === 'accepted' && r.wizard !== undefined);
  const byTree = groupBy(accepted, (r) => r.wizard.tree);
  sameTree(byTree, trees, out);
  if (trees) constraints(accepted, byTree, trees, out);
}

function sameTree(byTree: Map<string, Decided[]>, trees: ReadonlyMap<string, Tree> | undefined, out: Finding[]): void {
  for (const [id, recs] of byTree) {
    const byOutcome = groupBy(recs, (r) => r.wizard.outcome);
    // The usual case, one outcome however many records: nothing to compare pair by pair.
    if (byOutcome.size < 2) continue;
    const tree = trees?.get(id);
    const linked = supersedeLinks(recs);
    for (const a of recs) {
      const lang = langOf(a);
      const others: string[] = [];
      for (const [outcome, group] of byOutcome) {
        if (outcome === a.wizard.outcome) continue;
        const open = group.filter((b) => !linked.has(pair(a.number, b.number)));
        if (open.length === 0) continue;
        others.push(`${refs(open)} also decide${open.length === 1 ? 's' : ''} "${id}", as "${outcomeTitle(tree, outcome, lang)}" (${outcome})`);
      }
      if (others.length === 0) continue;
      out.push(
        finding(
          a,
          `${others.join('; ')}, where this one chose "${outcomeTitle(tree, a.wizard.outcome, lang)}" (${a.wizard.outcome}), and neither supersedes the other; ` +
            'supersede one (adr-wizard new --supersedes N, or adr-wizard revisit N)',
        ),
      );
    }
  }
}

/** Pairs of ADR numbers one of which supersedes the other, by a link in either file. */
function supersedeLinks(recs: readonly Decided[]): Set<string> {
  const linked = new Set<string>();
  for (const r of recs) for (const l of r.links) if (linkKind(l.type) !== 'other') linked.add(pair(r.number, l.number));
  return linked;
}

function pair(a: number, b: number): string {
  return a < b ? `${a} ${b}` : `${b} ${a}`;
}

/** `ADR 2 (0002-x.md)`, or `ADRs 2, 4 and 6` (the first ten, then how many more). */
function refs(recs: readonly Decided[]): string {
  const first = recs[0]!;
  if (recs.length === 1) return `ADR ${first.number} (${basename(first.file)})`;
  const shown = recs.slice(0, 10).map((r) => String(r.number));
  const more = recs.length - shown.length;
  return more > 0 ? `ADRs ${shown.join(', ')} and ${more} more` : `ADRs ${shown.slice(0, -1).join(', ')} and ${shown[shown.length - 1]!}`;
}

/**
 * Each accepted outcome with a constraint, against the accepted decisions of the trees it governs:
 * the allowed outcomes for the trees it names, and its driver values for every tree after it in
 * the chain (its follow-ups, then theirs through the outcomes accepted for them), as `decide
 * --chain` applies them.
 */
function constraints(accepted: Decided[], byTree: Map<string, Decided[]>, trees: ReadonlyMap<string, Tree>, out: Finding[]): void {
  for (const a of accepted) {
    const tree = trees.get(a.wizard.tree);
    const outcome = tree && Object.hasOwn(tree.outcomes, a.wizard.outcome) ? tree.outcomes[a.wizard.outcome] : undefined;
    const c = outcome?.constrains;
    if (!tree || !outcome || !c) continue;
    const governed = Object.keys(c.drivers).length > 0 ? chainAfter(outcome.followUps, a.wizard.tree, byTree, trees) : new Set<string>();
    for (const id of Object.keys(c.outcomes)) governed.add(id);
    for (const id of governed) {
      for (const b of byTree.get(id) ?? []) {
        const broken = breaks(c, id, b);
        if (!broken.outcome && broken.drivers.length === 0) continue;
        const follow = trees.get(id);
        const aLang = langOf(a);
        const bLang = langOf(b);
        const allowed = (lang: Lang) => (c.outcomes[id] ?? []).map((o) => `"${outcomeTitle(follow, o, lang)}"`).join(' or ');
        const what = (lang: Lang) =>
          [
            ...(broken.outcome ? [`it decided "${outcomeTitle(follow, b.wizard.outcome, lang)}" (${b.wizard.outcome}), where only ${allowed(lang)} may follow`] : []),
            ...broken.drivers.map(([d, v]) => `it recorded ${d}=${b.wizard.drivers[d]!}, where ${d}=${v} is required`),
          ].join(', and ');
        out.push(finding(a, `ADR ${b.number} (${basename(b.file)}) breaks what this decision requires of "${id}": ${what(aLang)}. ${t(c.reason, aLang)}`));
        out.push(
          finding(
            b,
            `this decision breaks what ADR ${a.number} (${basename(a.file)}), "${outcomeTitle(tree, a.wizard.outcome, bLang)}" (${a.wizard.tree}), requires of "${id}": ${what(bLang)}. ${t(c.reason, bLang)}`,
          ),
        );
      }
    }
  }
}

/** What record `b` of tree `id` breaks of constraint `c`. */
function breaks(c: ChainConstraint, id: string, b: Decided): { outcome: boolean; drivers: [string, string][] } {
  const allowed = c.outcomes[id];
  const drivers = Object.entries(c.drivers).filter(([d, v]) => Object.hasOwn(b.wizard.drivers, d) && b.wizard.drivers[d] !== v);
  return { outcome: allowed !== undefined && !allowed.includes(b.wizard.outcome), drivers };
}

/** The trees after an outcome in a chain: its follow-ups, then on through the outcomes accepted for them. */
function chainAfter(followUps: readonly string[], from: string, byTree: Map<string, Decided[]>, trees: ReadonlyMap<string, Tree>): Set<string> {
  const seen = new Set<string>([from]);
  const found = new Set<string>();
  const stack = [...followUps];
  while (stack.length > 0) {
    const id = stack.pop()!;
    if (seen.has(id)) continue;
    seen.add(id);
    found.add(id);
    for (const r of byTree.get(id) ?? []) stack.push(...(trees.get(id)?.outcomes[r.wizard.outcome]?.followUps ?? []));
  }
  return found;
}

function langOf(r: Decided): Lang {
  return isLang(r.wizard.lang) ? r.wizard.lang : 'en';
}

function finding(r: Decided, message: string): Finding {
  const f: Finding = { rule: 'conflict', severity: 'warning', number: r.number, file: r.file, message };
  if (r.wizard.line !== undefined) f.line = r.wizard.line;
  return f;
}
