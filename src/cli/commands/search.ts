// `adr-wizard search <words...> [--status S] [--tag T]... [--tree T]... [--since YYYY-MM-DD] [--json]`:
// the ADRs whose title and text hold every word, with the lines that do, grep-style.
import { basename, relative } from 'node:path';
import { findRecords, searchEntry, type Found } from '../../adr/query-log.js';
import { describeFilter, parseQuery, recordFilter, TreesSeen, type SearchHit } from '../../adr/search.js';
import { adrFolder } from '../adr-folder.js';
import { printJsonArray, printPieces } from '../json-stream.js';
import type { style as Style } from '../messages.js';
import { statusStyle } from '../status-style.js';

interface SearchOptions {
  status?: string;
  tag?: string[];
  tree?: string[];
  since?: string;
  json?: boolean;
}

export async function run(words: string[], opts: SearchOptions = {}): Promise<void> {
  const cwd = process.cwd();
  // Every input is checked before the log is read.
  const query = parseQuery(words);
  const filter = recordFilter(opts);
  const { dir } = await adrFolder(cwd);
  const trees = filter.trees.length > 0 ? new TreesSeen() : undefined;
  let count = 0;

  async function* found(): AsyncGenerator<Found> {
    for await (const f of findRecords(dir, query, filter, trees ? { seen: trees } : {})) {
      count++;
      yield f;
    }
  }

  if (opts.json) await printJsonArray(found(), searchEntry);
  else await printFound(found(), cwd);

  if (count === 0) {
    // Nothing found is an answer, not a failure (exit code 1 means an internal error here): a line
    // on stderr, and `[]` on stdout with --json.
    const typed = query.terms.map((t) => JSON.stringify(t.text)).join(' ');
    const where = relative(cwd, dir) || dir;
    process.stderr.write(`no ADR in ${where} matches ${typed}${describeFilter(filter, opts)}${(await trees?.hint(filter.trees)) ?? ''}\n`);
  }
}

/** Each ADR as it is found: its number, status, title and file, then `file:line: text` per hit. */
async function printFound(found: AsyncIterable<Found>, cwd: string): Promise<void> {
  // Colour only for people: `--json` never loads chalk.
  const { style } = await import('../messages.js');
  await printPieces(textLines(found, cwd, style));
}

async function* textLines(found: AsyncIterable<Found>, cwd: string, style: typeof Style): AsyncGenerator<string> {
  const mark = (s: string) => style.bad(style.title(s));
  let records = 0;
  let lines = 0;
  let out = '';
  for await (const { rec, hits } of found) {
    const file = relative(cwd, rec.file) || basename(rec.file);
    out += `${records > 0 ? '\n' : ''}${style.id(String(rec.number).padStart(4, '0'))}  ${statusStyle(style, rec.status)(rec.status)}  ${style.title(rec.title)}  ${style.dim(file)}\n`;
    for (const h of hits) out += `  ${style.dim(`${file}:${h.line}:`)} ${highlighted(h, mark)}\n`;
    records++;
    lines += hits.length;
    // In pieces of about 64 KB, as --json: a write per ADR was a tenth of a search over 10,000.
    if (out.length >= PIECE) {
      yield out;
      out = '';
    }
  }
  if (records > 0) yield `${out}\n${records} ${records === 1 ? 'ADR matches' : 'ADRs match'} (${lines} ${lines === 1 ? 'line' : 'lines'})\n`;
}

const PIECE = 64 * 1024;

// A long line (a paragraph written on one line) is shown around its first match.
const WIDTH = 200;
const BEFORE = 60;

/** The hit's line, cut around its first match when long, the matches marked. */
function highlighted(hit: SearchHit, mark: (s: string) => string): string {
  const text = hit.text;
  let start = 0;
  let end = text.length;
  if (text.length > WIDTH) {
    start = Math.max(0, Math.min(hit.ranges[0]![0] - BEFORE, text.length - WIDTH));
    end = start + WIDTH;
    // Never between the halves of a character outside the Basic Multilingual Plane.
    if (isLowSurrogate(text, start)) start--;
    if (isLowSurrogate(text, end)) end++;
  }
  let out = start > 0 ? '…' : '';
  let at = start;
  for (const [a, b] of hit.ranges) {
    const s = Math.max(a, start);
    const e = Math.min(b, end);
    if (e <= s) continue;
    out += text.slice(at, s) + mark(text.slice(s, e));
    at = e;
  }
  out += text.slice(at, end);
  return end < text.length ? `${out}…` : out;
}

function isLowSurrogate(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  return c >= 0xdc00 && c <= 0xdfff;
}
