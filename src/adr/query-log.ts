// Reading the log through the filters of `list` and the words of `search`, one record at a time,
// and the JSON shape of each answer: the same for `list --json`, `search --json` and the MCP tools.
import { eachAdr, type AdrFile } from './log.js';
import { fold, mayHold, passes, searchRecord, type RecordFilter, type SearchHit, type SearchQuery, type TreesSeen } from './search.js';
import type { AdrRecord } from './types.js';

/** The `list --json` shape: stable, documented in docs/adr.md. */
export function listEntry(r: AdrRecord) {
  return {
    number: r.number,
    title: r.title,
    status: r.status,
    statusText: r.statusText,
    date: r.date ?? null,
    file: r.file,
    links: r.links.map((l) => ({ type: l.type, number: l.number })),
    tags: r.tags,
    tree: r.wizard?.tree ?? null,
    outcome: r.wizard?.outcome ?? null,
  };
}

export interface Found {
  rec: AdrRecord;
  hits: SearchHit[];
}

/** The `search --json` shape: stable, documented in docs/adr.md. */
export function searchEntry({ rec, hits }: Found) {
  return {
    number: rec.number,
    title: rec.title,
    status: rec.status,
    file: rec.file,
    date: rec.date ?? null,
    tags: rec.tags,
    tree: rec.wizard?.tree ?? null,
    outcome: rec.wizard?.outcome ?? null,
    matches: hits.map((h) => ({ line: h.line, text: h.text })),
  };
}

export interface ReadOptions {
  /** Collects every record's tree, for the "did you mean" of a --tree that matched nothing. */
  seen?: TreesSeen;
  /** The folder's listing, when the caller has it (and has checked it). */
  listed?: AdrFile[];
}

/** The records that pass the filter. */
export async function* listRecords(dir: string, filter: RecordFilter, { seen, listed }: ReadOptions = {}): AsyncGenerator<AdrRecord> {
  for await (const r of eachAdr(dir, listed)) {
    seen?.add(r);
    if (passes(r, filter)) yield r;
  }
}

/** The records that pass the filter and hold every word, with the lines that do. */
export async function* findRecords(dir: string, query: SearchQuery, filter: RecordFilter, { seen, listed }: ReadOptions = {}): AsyncGenerator<Found> {
  // A file without every word is turned down before it is parsed; the one that passes is folded
  // once, for the test and the search.
  let text = '';
  let folded = '';
  const mayMatch = (content: string) => {
    text = content;
    folded = fold(content);
    return mayHold(folded, query);
  };
  for await (const rec of eachAdr(dir, listed, mayMatch)) {
    // Only the ADRs that hold the words: a tree suggested when nothing matched is one of theirs.
    seen?.add(rec);
    if (!passes(rec, filter)) continue;
    const hits = searchRecord(rec, query, rec.body === text ? folded : undefined);
    if (hits !== undefined) yield { rec, hits };
  }
}
