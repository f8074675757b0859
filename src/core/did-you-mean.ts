// "Did you mean" for every misspelt id a user can type: drivers, values, trees, commands, keys.
import { distance } from 'fastest-levenshtein';

/**
 * The closest candidate to a misspelt word, or undefined when nothing is close enough to be a
 * plausible typo (so that "did you mean" never suggests something unrelated).
 */
export function closestMatch(word: string, candidates: Iterable<string>): string | undefined {
  const lower = word.toLowerCase();
  if (lower === '') return undefined;
  const all = [...candidates];
  let best: string | undefined;
  let bestDistance = Number.POSITIVE_INFINITY;
  for (const candidate of all) {
    if (candidate === word) continue; // the word itself is no suggestion
    const d = distance(lower, candidate.toLowerCase());
    if (d < bestDistance) {
      best = candidate;
      bestDistance = d;
    }
  }
  // One slip of a key ("shortt" for "short") beats a longer word it happens to start.
  if (bestDistance <= 1) return best;
  // A prefix ("team" for "team-size") is a plausible slip even when far in edits.
  if (lower.length >= 3) {
    const prefixed = all.filter((c) => c.toLowerCase().startsWith(lower)).sort((a, b) => a.length - b.length);
    if (prefixed[0] !== undefined) return prefixed[0];
  }
  if (best === undefined) return undefined;
  return bestDistance <= Math.max(2, Math.floor(best.length / 3)) ? best : undefined;
}

/** ` (did you mean "x"?)`, or the empty string when there is no plausible candidate. */
export function didYouMean(word: string, candidates: Iterable<string>): string {
  const match = closestMatch(word, candidates);
  return match === undefined ? '' : ` (did you mean "${match}"?)`;
}
