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
  ['Follows from', 'Leads to'],
  ['Aclara', 'Aclarada por'],
  ['Amplía', 'Ampliada por'],
  ['Depende de', 'Requerida por'],
  ['Refina', 'Refinada por'],
];

/** The relations that supersede, in every spelling: what makes a record superseded. */
const SUPERSEDING = new Set(['supersedes', 'supercedes', 'replaces', 'reemplaza a', 'reemplaza', 'sustituye a']);

/** Relations that read the same both ways. */
const SYMMETRIC = new Set(['relates to', 'related to', 'se relaciona con', 'relacionada con', 'relacionado con']);

/** A link type in one spelling for comparing: lower case, single spaces, dashes as spaces. */
function normalise(type: string): string {
  return type.trim().toLowerCase().replace(/[-_]+/g, ' ').replace(/\s+/g, ' ');
}

/**
 * One relation, however it is spelt: the active forms (any language, any tool) that name the
 * same relation as an English one. A log where ADR 3 says "Se deriva de 2" and ADR 2 says
 * "Led to 3" states one relation, and a graph draws it once.
 */
const SAME_AS: Record<string, readonly string[]> = {
  supersedes: [...SUPERSEDING],
  'follows from': ['se deriva de'],
  amends: ['modifica'],
  clarifies: ['aclara'],
  extends: ['amplía'],
  'depends on': ['depende de'],
  refines: ['refina'],
  'relates to': [...SYMMETRIC],
};
const CANONICAL = new Map<string, string>();
for (const [relation, spellings] of Object.entries(SAME_AS)) for (const s of spellings) CANONICAL.set(s, relation);

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


/** The kind of a link type as written, so that "Superceded by" and "Reemplazada por" both count. */
export function linkKind(type: string): 'superseded-by' | 'supersedes' | 'other' {
  const t = normalise(type);
  if (SUPERSEDING.has(t)) return 'supersedes';
  const active = ACTIVE_OF.get(t);
  return active !== undefined && SUPERSEDING.has(active) ? 'superseded-by' : 'other';
}

/**
 * What a link states, whoever wrote it and in whichever spelling: the relation's one name (the
 * English active form, lower case: "supersedes", "follows from"; a type nobody else writes is
 * its own name), and whether the record that wrote it is the relation's target (a passive form,
 * "Superseded by", "Dio lugar a"). Symmetric relations ("Relates to") have no direction.
 */
export function relationOf(type: string): { relation: string; passive: boolean; symmetric: boolean } {
  const t = normalise(type);
  const active = ACTIVE_OF.get(t);
  const base = active ?? t;
  const relation = CANONICAL.get(base) ?? base;
  return { relation, passive: active !== undefined, symmetric: relation === 'relates to' };
}
