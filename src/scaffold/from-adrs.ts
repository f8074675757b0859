// Chooses a starter from the accepted decisions in an ADR log (pure: records in, choice out).
import type { AdrRecord } from '../adr/types.js';

export interface AdrChoice {
  starter: string;
  /** Flags implied by the decisions (the user's explicit flags win). */
  flags: { sagaStyle?: 'orchestration' | 'choreography'; ingress?: string; hosting?: string };
  /** The ADRs the choice rests on, for the message the user sees. */
  because: { number: number; tree: string; outcome: string }[];
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

/**
 * The starter the decisions call for, or undefined when none of them enables one. A saga decision
 * is the most specific (it names the coordination style), then the architecture style.
 */
export function chooseFromAdrs(records: AdrRecord[]): AdrChoice | undefined {
  const accepted = acceptedByTree(records);
  const flags: AdrChoice['flags'] = {};
  const because: AdrChoice['because'] = [];
  const ingress = accepted.get('kubernetes-ingress');
  if (ingress?.wizard) {
    flags.ingress = ingress.wizard.outcome;
    because.push(cite(ingress));
  }
  const hosting = accepted.get('kubernetes-hosting');
  if (hosting?.wizard) {
    flags.hosting = hosting.wizard.outcome;
    because.push(cite(hosting));
  }
  const saga = accepted.get('saga-coordination');
  if (saga?.wizard && (saga.wizard.outcome === 'orchestration' || saga.wizard.outcome === 'choreography')) {
    flags.sagaStyle = saga.wizard.outcome;
    return { starter: 'saga', flags, because: [cite(saga), ...because] };
  }
  const style = accepted.get('architecture-style');
  if (style?.wizard?.outcome === 'microservices') {
    return { starter: 'nest-microservices', flags, because: [cite(style), ...because] };
  }
  // Extracted services start life as modules with a public API: the same starter.
  if (style?.wizard?.outcome === 'modular-monolith' || style?.wizard?.outcome === 'modular-monolith-with-extracted-services') {
    return { starter: 'modular-monolith', flags, because: [cite(style), ...because] };
  }
  return undefined;
}
