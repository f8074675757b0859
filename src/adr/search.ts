// Full-text search over ADRs, and the metadata filters `list` and `search` share. Records and text
// in, matches out: the commands read the log and print.
import { UsageError } from '../core/errors.js';
import { isoDay } from './dates.js';
import { splitFrontMatter } from './front-matter.js';
import { checkStatus } from './lookup.js';
import type { AdrRecord, AdrStatus } from './types.js';

// ---------------------------------------------------------------------------------------------
// Folding: case- and accent-insensitive comparison.

const NON_ASCII = /[^\x00-\x7f]/;
const NON_ASCII_RUN = /[^\x00-\x7f]+/g;
const MARKS = /\p{M}+/gu;
// Capital sigma lowers to σ or, at the end of a word, ς; folded text is compared letter by letter.
const FINAL_SIGMA = /ς/g;

// The same few accented letters come back in every file of a log: each short run is decomposed once.
const foldedRuns = new Map<string, string>();

function dropMarks(run: string): string {
  let f = foldedRuns.get(run);
  if (f === undefined) {
    f = run.normalize('NFD').replace(MARKS, '');
    if (run.length <= 4 && foldedRuns.size < 1000) foldedRuns.set(run, f);
  }
  return f;
}

/**
 * Text as search compares it: lower case, accents and other combining marks dropped ("Decisión"
 * and "decision" fold alike; "ñ" folds to "n"). Line breaks are kept, so the folded text has the
 * lines of the original. Plain ASCII, nearly every ADR, is only lowered, keeping every offset.
 */
export function fold(text: string): string {
  if (!NON_ASCII.test(text)) return text.toLowerCase();
  // Only the runs of other characters are decomposed: a Spanish ADR is mostly ASCII too.
  return text.replace(NON_ASCII_RUN, dropMarks).toLowerCase().replace(FINAL_SIGMA, 'σ');
}

/**
 * Where each unit of a folded line comes from in the line as written: `from[i]` is the offset of
 * the character folded unit i comes from, and the last entry the line's length; undefined for
 * plain ASCII, where offsets do not move. A match found in folded text is shown on the line as
 * written through this map.
 */
function foldMap(line: string): number[] | undefined {
  if (!NON_ASCII.test(line)) return undefined;
  const from: number[] = [];
  for (let i = 0; i < line.length; ) {
    const cp = line.codePointAt(i)!;
    const width = cp > 0xffff ? 2 : 1;
    // Letter by letter as fold() does the whole text: NFD never composes across letters, and the
    // marks it puts after a letter are dropped, whatever their order.
    const f = fold(line.slice(i, i + width));
    for (let k = 0; k < f.length; k++) from.push(i);
    i += width;
  }
  from.push(line.length);
  return from;
}

// ---------------------------------------------------------------------------------------------
// The query.

interface Term {
  /** As typed, for messages. */
  text: string;
  /** Folded words: one for a word, several for a phrase. */
  words: string[];
  /** A phrase: its words in order, any run of white space (a line break too) between them. */
  phrase?: RegExp;
  /** The term starts with a letter or digit, so it must start a word of the text. */
  wordStart: boolean;
}

/** What `search` looks for: every term must occur in a record. */
export interface SearchQuery {
  terms: Term[];
}

const SPACES = /\s+/;
const LETTER_OR_DIGIT = /^[\p{L}\p{N}]/u;
const ENDS_IN_LETTER_OR_DIGIT = /[\p{L}\p{N}]$/u;

/**
 * Whether `at` starts a word of the folded text: "team" is found in "teams" and "Team's", not in
 * "planteamiento" or "steam".
 */
function startsWord(hay: string, at: number): boolean {
  if (at === 0) return true;
  const c = hay.charCodeAt(at - 1);
  if (c < 128) return !((c >= 97 && c <= 122) || (c >= 48 && c <= 57) || (c >= 65 && c <= 90));
  // The character before, whole when it is the second half of a surrogate pair.
  const before = c >= 0xdc00 && c <= 0xdfff && at >= 2 ? hay.slice(at - 2, at) : hay[at - 1]!;
  return !ENDS_IN_LETTER_OR_DIGIT.test(before);
}
const REGEXP_SPECIAL = /[.*+?^${}()|[\]\\]/g;

/**
 * The query from the command line's words. Each argument is a term: a word, or, when it holds
 * spaces (`"event sourcing"`, quoted in the shell), a phrase. A term matches where a word of the
 * text starts ("deploy" finds "deployment", "sql" does not find "PostgreSQL"): in prose, a match
 * inside a word is nearly always another word.
 */
export function parseQuery(args: string[]): SearchQuery {
  const terms: Term[] = [];
  for (const arg of args) {
    const words = fold(arg).split(SPACES).filter((w) => w !== '');
    if (words.length === 0) continue;
    const term: Term = { text: arg.trim(), words, wordStart: LETTER_OR_DIGIT.test(words[0]!) };
    if (words.length > 1) term.phrase = new RegExp(words.map((w) => w.replace(REGEXP_SPECIAL, '\\$&')).join('\\s+'), 'g');
    terms.push(term);
  }
  if (terms.length === 0) throw new UsageError('search needs at least one word, e.g. `adr-wizard search kafka` or `adr-wizard search "event sourcing"`');
  return { terms };
}

// ---------------------------------------------------------------------------------------------
// Matching a record's text.

/** One line of a record that holds a match. */
export interface SearchHit {
  /** 1-based line in the file. */
  line: number;
  /** The line as written (no line break). */
  text: string;
  /** What matched on the line: [start, end) offsets into `text`, in order, not overlapping. */
  ranges: [number, number][];
}

/** The HTML comments of a text from `from` on, as [start, end) offsets. */
function commentsOf(text: string, from: number): [number, number][] {
  const out: [number, number][] = [];
  for (let at = text.indexOf('<!--', from); at >= 0; at = text.indexOf('<!--', at)) {
    const end = text.indexOf('-->', at + 4);
    if (end < 0) break;
    out.push([at, end + 3]);
    at = end + 3;
  }
  return out;
}

/**
 * Whether a file, folded, can hold the query: every word of it is somewhere in the text. Cheap, and
 * run on the file's text before it is parsed: a file that fails it needs no more.
 */
export function mayHold(folded: string, query: SearchQuery): boolean {
  for (const term of query.terms) for (const w of term.words) if (!folded.includes(w)) return false;
  return true;
}

/**
 * The lines of a record that hold a term, or undefined when some term is nowhere in it. Searched:
 * the title and the body as a reader sees them. Not searched: front matter (its values are the
 * metadata that --status, --tag, --tree and --since filter on; its keys would match nearly every
 * record) and HTML comments (adr-wizard's own block in a Nygard file, MADR's template notes). A
 * phrase may run across a line break; each line it touches is a hit. `folded` is fold(rec.body),
 * when the caller has it already.
 */
export function searchRecord(rec: Pick<AdrRecord, 'body'>, query: SearchQuery, folded?: string): SearchHit[] | undefined {
  const content = rec.body;
  const hay = folded ?? fold(content);
  if (!mayHold(hay, query)) return undefined;

  // Searched from the end of the front matter on, and matches in a comment are dropped: offsets
  // in the folded text stay those of the whole file, and no text is copied to leave parts out.
  const from = hay.length - splitFrontMatter(hay).body.length;
  const comments = commentsOf(hay, from);
  const shown = (a: number, b: number) => comments.length === 0 || !comments.some(([s, e]) => a < e && b > s);

  const ranges: [number, number][] = [];
  for (const term of query.terms) {
    const before = ranges.length;
    if (term.phrase) {
      const re = term.phrase;
      re.lastIndex = from;
      for (let m = re.exec(hay); m; m = re.exec(hay)) {
        const end = m.index + m[0].length;
        if ((!term.wordStart || startsWord(hay, m.index)) && shown(m.index, end)) ranges.push([m.index, end]);
        else re.lastIndex = m.index + 1;
      }
    } else {
      const w = term.words[0]!;
      for (let at = hay.indexOf(w, from); at >= 0; at = hay.indexOf(w, at + 1)) {
        if ((term.wordStart && !startsWord(hay, at)) || !shown(at, at + w.length)) continue;
        ranges.push([at, at + w.length]);
        at += w.length - 1;
      }
    }
    if (ranges.length === before) return undefined;
  }
  return hitLines(content, hay, ranges);
}

/** The lines the ranges (offsets in the folded text `hay`) touch, with the ranges on the lines as written. */
function hitLines(content: string, hay: string, ranges: [number, number][]): SearchHit[] {
  ranges.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const hits: SearchHit[] = [];
  // Walks both texts line by line together: the folded text has the same line breaks.
  let line = 1;
  let hayStart = 0;
  let start = 0;
  let next = 0;
  while (next < ranges.length) {
    const hayEnd = endOfLine(hay, hayStart);
    const end = endOfLine(content, start);
    // The ranges that touch this line, clipped to it.
    const here: [number, number][] = [];
    for (let i = next; i < ranges.length && ranges[i]![0] <= hayEnd; i++) {
      const [a, b] = ranges[i]!;
      if (b > hayStart) here.push([Math.max(a, hayStart) - hayStart, Math.min(b, hayEnd) - hayStart]);
    }
    while (next < ranges.length && ranges[next]![1] <= hayEnd + 1) next++;
    if (here.length > 0) {
      const text = content.slice(start, end > start && content.charCodeAt(end - 1) === 13 ? end - 1 : end);
      const onLine = mapRanges(text, here);
      if (onLine.length > 0) hits.push({ line, text, ranges: onLine });
    }
    if (hayEnd >= hay.length) break;
    hayStart = hayEnd + 1;
    start = end + 1;
    line++;
  }
  return hits;
}

function endOfLine(text: string, from: number): number {
  const nl = text.indexOf('\n', from);
  return nl < 0 ? text.length : nl;
}

/** Folded-line ranges as offsets into the line as written, merged where they overlap. */
function mapRanges(text: string, folded: [number, number][]): [number, number][] {
  const from = foldMap(text);
  const out: [number, number][] = [];
  for (const [a, b] of folded) {
    let s = from ? from[a]! : a;
    let e = from ? from[Math.min(b, from.length - 1)]! : b;
    e = Math.min(e, text.length);
    s = Math.min(s, e);
    // A match cut at the line's end (a phrase running on) or at a "\r" leaves nothing to mark.
    if (e <= s) continue;
    const last = out[out.length - 1];
    if (last && s <= last[1]) last[1] = Math.max(last[1], e);
    else out.push([s, e]);
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Metadata filters: --status, --tag, --tree, --since.

/** The filters `list` and `search` share, checked. Several tags (or trees) mean any of them. */
export interface RecordFilter {
  status?: AdrStatus;
  tags: string[];
  trees: string[];
  since?: string;
}

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** The filter from the options as typed: a clear error for a status or date that cannot be. */
export function recordFilter(opts: { status?: string; tag?: string[]; tree?: string[]; since?: string }): RecordFilter {
  const filter: RecordFilter = { tags: nonEmpty('--tag', opts.tag), trees: nonEmpty('--tree', opts.tree) };
  if (opts.status !== undefined) filter.status = checkStatus(opts.status);
  if (opts.since !== undefined) filter.since = checkDay(opts.since);
  return filter;
}

function nonEmpty(option: string, values: string[] | undefined): string[] {
  const out: string[] = [];
  for (const v of values ?? []) {
    if (v.trim() === '') throw new UsageError(`${option} needs a value, e.g. ${option} ${option === '--tree' ? 'architecture-style' : 'security'}`);
    out.push(fold(v.trim()));
  }
  return out;
}

function checkDay(text: string): string {
  const m = DAY.exec(text.trim());
  // A real calendar day: 2026-02-30 is no date.
  if (m) {
    const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
    if (d.getUTCFullYear() === Number(m[1]) && d.getUTCMonth() === Number(m[2]) - 1 && d.getUTCDate() === Number(m[3])) return m[0];
  }
  throw new UsageError(`--since "${text}" is not a date (expected YYYY-MM-DD, e.g. 2026-01-31)`);
}

/**
 * Whether a record passes the filter. A tag matches a written tag (MADR `tags:`, log4brains
 * `Tags:`) or the tree or outcome of an adr-wizard decision; a tree matches only the latter's tree.
 * With --since, a record without a readable date does not pass.
 */
export function passes(rec: AdrRecord, filter: RecordFilter): boolean {
  if (filter.status !== undefined && rec.status !== filter.status) return false;
  if (filter.trees.length > 0 && (rec.wizard === undefined || !filter.trees.includes(fold(rec.wizard.tree)))) return false;
  if (filter.tags.length > 0 && !hasTag(rec, filter.tags)) return false;
  if (filter.since !== undefined) {
    const day = isoDay(rec.date);
    if (day === undefined || day < filter.since) return false;
  }
  return true;
}

function hasTag(rec: AdrRecord, wanted: string[]): boolean {
  for (const t of rec.tags) if (wanted.includes(fold(t))) return true;
  return rec.wizard !== undefined && (wanted.includes(fold(rec.wizard.tree)) || wanted.includes(fold(rec.wizard.outcome)));
}

/** The filter in words, for "no ADRs ..." messages: ` with status accepted, tag security`. */
export function describeFilter(filter: RecordFilter, opts: { tag?: string[]; tree?: string[] }): string {
  const parts: string[] = [];
  if (filter.status !== undefined) parts.push(`status ${filter.status}`);
  if (filter.tags.length > 0) parts.push(`tag ${(opts.tag ?? []).join(' or ')}`);
  if (filter.trees.length > 0) parts.push(`tree ${(opts.tree ?? []).join(' or ')}`);
  if (filter.since !== undefined) parts.push(`a date on or after ${filter.since}`);
  return parts.length === 0 ? '' : ` with ${parts.join(', ')}`;
}

/**
 * Collects the trees of a log's adr-wizard decisions as records go by, so that a --tree that
 * matched nothing can be told apart from a typo without loading the decision trees.
 */
export class TreesSeen {
  private readonly seen = new Set<string>();

  add(rec: AdrRecord): void {
    if (rec.wizard !== undefined) this.seen.add(rec.wizard.tree);
  }

  /** ` (did you mean "x"?)` for the first --tree that no record has, or ''. */
  async hint(trees: string[]): Promise<string> {
    const known = new Set([...this.seen].map(fold));
    const missing = trees.find((t) => !known.has(t));
    if (missing === undefined) return '';
    // Only a search that found nothing loads the edit distance.
    const { didYouMean } = await import('../core/did-you-mean.js');
    return didYouMean(missing, this.seen);
  }
}
