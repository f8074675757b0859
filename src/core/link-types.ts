// The link types ADR logs write between records, in English and Spanish: each relation's active
// form ("Supersedes", written on the newer record) and its passive one ("Superseded by", on the
// older). One table for everything that reads or writes links: the reverse link `link` and
// `new --link` add, what counts as superseding, and the one edge a pair draws in a graph.

/** [active, passive]; the first pairs are the ones adr-wizard writes (`link`, `new --link`). */
const PAIRS: readonly (readonly [string, string])[] = [
  ['Supersedes', 'Superseded by'],
  ['Amends', 'Amended by'],
  ['Clarifies', 'Clarified by'],
  ['Extends', 'Extended by'],
  ['Follows from', 'Led to'],
  ['Relates to', 'Relates to'],
  ['Depends on', 'Required by'],
  ['Reemplaza a', 'Reemplazada por'],
  ['Se deriva de', 'Dio lugar a'],
  ['Modifica', 'Modificada por'],
];

/** What other tools and people write, read as one of the relations above (or as such a relation). */
const READ_ALSO: readonly (readonly [string, string])[] = [
  ['Supercedes', 'Superceded by'],
  ['Replaces', 'Replaced by'],
  ['Reemplaza', 'Reemplazado por'],
  ['Sustituye a', 'Sustituida por'],
  ['Sustituye a', 'Sustituido por'],
  ['Refines', 'Refined by'],
  ['Deprecates', 'Deprecated by'],
  ['Modifica', 'Modificado por'],
];

/** The relations that supersede, in every spelling: what makes a record superseded. */
const SUPERSEDING = new Set(['supersedes', 'supercedes', 'replaces', 'reemplaza a', 'reemplaza', 'sustituye a']);

/** Relations that read the same both ways. */
const SYMMETRIC = new Set(['relates to', 'related to', 'se relaciona con', 'relacionada con', 'relacionado con']);

/** A link type in one spelling for comparing: lower case, single spaces, dashes as spaces. */
export function normaliseLinkType(type: string): string {
  return type.trim().toLowerCase().replace(/[-_]+/g, ' ').replace(/\s+/g, ' ');
}
const normalise = normaliseLinkType;

const ACTIVE_OF = new Map<string, string>();
for (const [active, passive] of [...PAIRS, ...READ_ALSO]) {
  if (normalise(active) !== normalise(passive)) ACTIVE_OF.set(normalise(passive), normalise(active));
}

/** The link pairs adr-wizard writes, [active, passive]. */
export function writtenPairs(): readonly (readonly [string, string])[] {
  return PAIRS;
}

/**
 * The reverse of a well-known link type ("Amends" -> "Amended by"), or undefined. Any spelling of
 * superseding reverses to the pair adr-wizard writes ("Superceded by" -> "Supersedes").
 */
export function reverseOf(type: string): string | undefined {
  const t = normalise(type);
  for (const [a, b] of PAIRS) {
    if (normalise(a) === t) return b;
    if (normalise(b) === t) return a;
  }
  const kind = linkKind(t);
  if (kind === 'supersedes') return 'Superseded by';
  if (kind === 'superseded-by') return 'Supersedes';
  for (const [a, b] of READ_ALSO) {
    if (normalise(a) === t) return b;
    if (normalise(b) === t) return a;
  }
  return undefined;
}

/** The active form of a passive link type ("superseded by" -> "supersedes"), lower case; undefined for an active or unknown one. */
export function activeOf(type: string): string | undefined {
  return ACTIVE_OF.get(normalise(type));
}

/** Whether a relation reads the same both ways ("Relates to"). */
export function isSymmetric(type: string): boolean {
  return SYMMETRIC.has(normalise(type));
}

/** The kind of a link type as written, so that "Superceded by" and "Reemplazada por" both count. */
export function linkKind(type: string): 'superseded-by' | 'supersedes' | 'other' {
  const t = normalise(type);
  if (SUPERSEDING.has(t)) return 'supersedes';
  const active = ACTIVE_OF.get(t);
  return active !== undefined && SUPERSEDING.has(active) ? 'superseded-by' : 'other';
}
