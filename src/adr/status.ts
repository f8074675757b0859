import type { AdrStatus } from './types.js';

// Status words as adr-tools, MADR 2-4, log4brains and people write them, in English and Spanish.
// Order matters: "superseded by ..." and "superceded by ..." (the adr-tools spelling) first.
const RULES: [RegExp, AdrStatus][] = [
  [/^(superseded|superceded|replaced|reemplazad[oa]|sustituid[oa]|supersedid[oa])\b/, 'superseded'],
  [/^(deprecated|obsolete|retired|obsolet[oa]|deprecad[oa]|retirad[oa]|en desuso)\b/, 'deprecated'],
  [/^(rejected|declined|rechazad[oa]|descartad[oa])\b/, 'rejected'],
  [/^(accepted|approved|adopted|decided|done|aceptad[oa]|aprobad[oa]|adoptad[oa])\b/, 'accepted'],
  [/^(proposed|proposal|draft|pending|open|in progress|under review|propuest[oa]|borrador|pendiente)\b/, 'proposed'],
];

// Made once: this runs for every ADR of a log, and a literal in the function would be a new object
// at every call.
const EMPHASIS = /[*_`~]/g;
const PLACEHOLDER = /^[[{].*\|.*[\]}]$/;
// Emoji, symbols and punctuation before the word ("✅ Accepted", "⌛️ Superseded by ...").
const LEADING_DECORATION = /^[^\p{L}\p{N}]+/u;

/** Normalises a status as written ("Accepted", "superseded by ADR-0012", "Propuesta") to one word. */
export function normaliseStatus(text: string): AdrStatus {
  // A template's placeholder ("[proposed | rejected | accepted | ...]") lists every status: it is none.
  const first = text.charCodeAt(0);
  if ((first === 91 || first === 123) && PLACEHOLDER.test(text.trim())) return 'unknown';
  let s = text.toLowerCase().replace(EMPHASIS, '');
  // Nearly every status starts with a letter: the Unicode-aware pattern runs only for the others.
  const c = s.charCodeAt(0);
  if (!(c >= 97 && c <= 122)) s = s.replace(LEADING_DECORATION, '');
  s = s.trim();
  for (const [re, status] of RULES) if (re.test(s)) return status;
  return 'unknown';
}
