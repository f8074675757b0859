// Chooses a starter from the accepted decisions in an ADR log (pure: records and manifests in,
// choice out). Which outcomes select a starter, which decides when several do, and which trees
// feed which option: all read from the manifests (selectedBy, precedence, options.*.from).
import type { AdrRecord } from '../adr/types.js';
import type { RawScaffoldFlags } from './options.js';
import type { StarterManifest, ValueOptionName } from './types.js';

export interface AdrChoice {
  starter: string;
  /** Flags implied by the decisions, only options the starter takes (the user's explicit flags win). */
  flags: Pick<RawScaffoldFlags, ValueOptionName>;
  /** The ADRs the choice rests on, for the message the user sees. */
  because: { number: number; tree: string; outcome: string }[];
  /** Other starters the decisions call for, by precedence. */
  also: string[];
}

/** Latest accepted decision per tree (a later ADR on the same tree supersedes in practice). */
function acceptedByTree(records: AdrRecord[]): Map<string, AdrRecord> {
  const byTree = new Map<string, AdrRecord>();
  for (const record of [...records].sort((a, b) => a.number - b.number)) {
    if (record.status !== 'accepted' || !record.wizard) continue;
    byTree.set(record.wizard.tree, record);
  }
  return byTree;
}

const cite = (r: AdrRecord) => ({ number: r.number, tree: r.wizard?.tree ?? '', outcome: r.wizard?.outcome ?? '' });

/** The accepted ADRs that select `starter` (an entry without an outcome: any outcome of its tree). */
function selecting(starter: StarterManifest, accepted: Map<string, AdrRecord>): AdrRecord[] {
  const out: AdrRecord[] = [];
  for (const s of starter.selectedBy) {
    const record = accepted.get(s.tree);
    if (record?.wizard && (s.outcome === undefined || s.outcome === record.wizard.outcome) && !out.includes(record)) out.push(record);
  }
  return out;
}

/** The starter's options the decisions set: an outcome that is not one of the option's values sets nothing. */
function optionsFrom(starter: StarterManifest, accepted: Map<string, AdrRecord>, cited: AdrRecord[]): AdrChoice['flags'] {
  const flags: AdrChoice['flags'] = {};
  for (const [name, spec] of Object.entries(starter.options) as [string, { from?: string; values?: string[] } | undefined][]) {
    if (spec?.from === undefined || spec.values === undefined) continue;
    const record = accepted.get(spec.from);
    const outcome = record?.wizard?.outcome;
    if (!record || outcome === undefined || !spec.values.includes(outcome)) continue;
    flags[name as ValueOptionName] = outcome;
    if (!cited.includes(record)) cited.push(record);
  }
  return flags;
}

/**
 * The starter the decisions call for (the highest precedence among those they select), or
 * undefined when none; with `named`, that starter, whose options only are taken from the ADRs.
 */
export function chooseFromAdrs(records: AdrRecord[], starters: readonly StarterManifest[], named?: string): AdrChoice | undefined {
  const accepted = acceptedByTree(records);
  const selected = starters
    .map((starter) => ({ starter, records: selecting(starter, accepted) }))
    .filter((s) => s.records.length > 0)
    .sort((a, b) => b.starter.precedence - a.starter.precedence || a.starter.id.localeCompare(b.starter.id));
  const chosen =
    named === undefined
      ? selected[0]
      : (selected.find((s) => s.starter.id === named) ?? { starter: starters.find((s) => s.id === named), records: [] });
  if (!chosen?.starter) return undefined;
  const cited = [...chosen.records];
  const flags = optionsFrom(chosen.starter, accepted, cited);
  return {
    starter: chosen.starter.id,
    flags,
    because: cited.map(cite),
    also: selected.filter((s) => s !== chosen).map((s) => s.starter.id),
  };
}

/** The trees whose accepted outcomes can select a starter, for the message when none does. */
export function selectingTrees(starters: readonly StarterManifest[]): string[] {
  return [...new Set(starters.flatMap((s) => s.selectedBy.map((b) => b.tree)))].sort();
}
