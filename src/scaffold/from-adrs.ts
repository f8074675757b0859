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
export function chooseFromAdrs(records: AdrRecord[], named?: string): AdrChoice | undefined {
  const accepted = acceptedByTree(records);
  if (named !== undefined) return optionsFor(named, accepted);
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
  // Only Kubernetes decisions: the deployment chart for them.
  if (because.length > 0) return { starter: 'helm', flags, because };
  return undefined;
}

// Which decisions feed which starter's options when the user names the starter.
const TREES_FOR: Record<string, string[]> = {
  saga: ['saga-coordination'],
  helm: ['kubernetes-ingress', 'kubernetes-hosting'],
  kustomize: ['kubernetes-ingress', 'kubernetes-hosting'],
  'mlops-platform': ['kubernetes-ingress', 'kubernetes-hosting', 'mlops-platform'],
};

/** A starter named by the user: the ADRs only supply its options. */
function optionsFor(starter: string, accepted: Map<string, AdrRecord>): AdrChoice {
  const flags: AdrChoice['flags'] = {};
  const because: AdrChoice['because'] = [];
  for (const tree of TREES_FOR[starter] ?? []) {
    const record = accepted.get(tree);
    const outcome = record?.wizard?.outcome;
    if (!record || !outcome) continue;
    if (tree === 'kubernetes-ingress') flags.ingress = outcome;
    else if (tree === 'kubernetes-hosting') flags.hosting = outcome;
    else if (tree === 'saga-coordination') {
      if (outcome !== 'orchestration' && outcome !== 'choreography') continue;
      flags.sagaStyle = outcome;
    }
    because.push(cite(record));
  }
  return { starter, flags, because };
}
