// Front matter is read for every ADR in the log (10,000 files must list in well under a second),
// and the `yaml` package needs ~150 µs a document. This reads the small YAML subset ADR front
// matter actually uses (maps, lists, quoted and plain scalars) in a few µs and says "unsupported"
// for anything else, which then goes to the full YAML reader.

export type FrontMatterValue = string | FrontMatterValue[] | { [key: string]: FrontMatterValue };
export type FrontMatter = Record<string, FrontMatterValue>;

export class UnsupportedYaml extends Error {}

interface SplitDocument {
  /** The YAML between the `---` fences, or undefined when the file has none. */
  frontMatter?: string;
  /** Everything after the closing fence (or the whole text). */
  body: string;
}

// The closing fence: `---` or `...` on a line of its own.
const CLOSING_FENCE = /^(?:---|\.\.\.)[ \t]*\r?$/gm;

export function splitFrontMatter(text: string): SplitDocument {
  const src = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (!src.startsWith('---')) return { body: src };
  const firstNl = src.indexOf('\n');
  if (firstNl < 0 || src.slice(0, firstNl).trim() !== '---') return { body: src };
  CLOSING_FENCE.lastIndex = firstNl + 1;
  const m = CLOSING_FENCE.exec(src);
  if (!m) return { body: src };
  const fm = src.slice(firstNl + 1, m.index);
  const rest = src.slice(m.index + m[0].length);
  return { frontMatter: fm, body: rest.startsWith('\n') ? rest.slice(1) : rest.startsWith('\r\n') ? rest.slice(2) : rest };
}

// The patterns of the subset, made once: a regular expression literal inside a function is a new
// object at every call, and these run for every line of every front matter of a log.
const NESTED_ITEM = /^[^"'[\]{}]*:(\s|$)/;
const UNSUPPORTED_KEY = /^[\s#"'[\]{},&*!|>%@`?]|^-(\s|$)|#/;
const UNSUPPORTED_START = /^[{&*!|>%@`]/;
const COMMENT = /\s#/;
const COLON_SPACE = /:\s/;
const FLOW_ITEM_OPENER = /[[{"']/;

/**
 * The lines that hold YAML (not blank, not a comment) without their indentation, and the parser's
 * place in them. Two arrays rather than an object per line: this runs for every ADR of a log.
 */
class Lines {
  readonly indents: number[] = [];
  readonly texts: string[] = [];
  at = 0;

  get count(): number {
    return this.texts.length;
  }
}

/**
 * Parses the subset; throws UnsupportedYaml for anything it does not understand. Strings are cut
 * from the source only for what ends up in the result (a line, its key, its value): this runs for
 * every ADR of a log, and its garbage is what makes a long listing's memory grow.
 */
export function parseSimpleYaml(source: string): FrontMatter {
  if (source.includes('\t')) throw new UnsupportedYaml('tab');
  const lines = new Lines();
  // Lines as `source.split('\n')` cuts them, less one trailing `\r`, without their indentation.
  for (let at = 0; at <= source.length; ) {
    const nl = source.indexOf('\n', at);
    const end = nl < 0 ? source.length : nl;
    const stop = end > at && source.charCodeAt(end - 1) === 13 ? end - 1 : end;
    let first = at;
    while (first < stop && isSpace(source.charCodeAt(first))) first++;
    if (first < stop && source.charCodeAt(first) !== 35 /* # */) {
      lines.indents.push(first - at);
      lines.texts.push(source.slice(first, stop));
    }
    at = end + 1;
  }
  // A document that is only a null (`~`) holds no keys: as empty as no front matter at all.
  if (lines.count === 1 && /^(~|null|Null|NULL)$/.test(lines.texts[0]!.trimEnd())) return {};
  const value = parseBlock(lines, 0);
  if (lines.at < lines.count) throw new UnsupportedYaml('trailing');
  if (Array.isArray(value) || typeof value === 'string') {
    if (lines.count === 0) return {};
    throw new UnsupportedYaml('not a map');
  }
  return value;
}

/** White space as String.prototype.trim sees it. */
function isSpace(c: number): boolean {
  return (
    c === 32 || (c >= 9 && c <= 13) || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff
  );
}

/** `text.slice(from).trim()`, cut once. */
function trimmedFrom(text: string, from: number): string {
  let a = from;
  let b = text.length;
  while (a < b && isSpace(text.charCodeAt(a))) a++;
  while (b > a && isSpace(text.charCodeAt(b - 1))) b--;
  return text.slice(a, b);
}

function isItem(text: string): boolean {
  return text === '-' || text.startsWith('- ');
}

function parseBlock(lines: Lines, indent: number): FrontMatterValue {
  if (lines.at >= lines.count) return {};
  const first = lines.indents[lines.at]!;
  if (isItem(lines.texts[lines.at]!)) return parseList(lines, first);
  return parseMap(lines, first < indent ? indent : first);
}

function parseMap(lines: Lines, indent: number): FrontMatter {
  const out: FrontMatter = {};
  while (lines.at < lines.count) {
    const lineIndent = lines.indents[lines.at]!;
    const text = lines.texts[lines.at]!;
    if (lineIndent < indent) break;
    if (lineIndent > indent) throw new UnsupportedYaml('indent');
    const from = valueStart(text);
    const key = keyOf(text, from);
    const rest = trimmedFrom(text, from);
    lines.at++;
    if (rest === '') {
      const next = lines.at < lines.count ? lines.indents[lines.at]! : -1;
      // A list may sit at the same indent as its key ("key:\n- a"), a map must be deeper.
      if (next > indent || (next === indent && lines.texts[lines.at]!.startsWith('- '))) {
        out[key] = parseBlock(lines, next);
      } else {
        out[key] = '';
      }
    } else {
      out[key] = parseScalarOrFlow(rest);
    }
  }
  return out;
}

function parseList(lines: Lines, indent: number): FrontMatterValue[] {
  const out: FrontMatterValue[] = [];
  while (lines.at < lines.count) {
    const lineIndent = lines.indents[lines.at]!;
    const text = lines.texts[lines.at]!;
    if (lineIndent !== indent || !isItem(text)) {
      if (lineIndent > indent) throw new UnsupportedYaml('indent');
      break;
    }
    const item = trimmedFrom(text, 1);
    if (item === '' || NESTED_ITEM.test(item)) throw new UnsupportedYaml('nested list item');
    out.push(parseScalarOrFlow(item));
    lines.at++;
  }
  return out;
}

/** Where the value of a `key: value` line starts, just after the colon ending its key. */
function valueStart(text: string): number {
  if (text.startsWith('"') || text.startsWith("'")) {
    const end = findClosingQuote(text, 0);
    if (text.charCodeAt(end + 1) !== 58 /* : */) throw new UnsupportedYaml('key');
    return end + 2;
  }
  // The first `:` followed by a space or the end of the line ends a plain key.
  let colon = text.indexOf(':');
  while (colon >= 0 && colon + 1 < text.length && text[colon + 1] !== ' ') colon = text.indexOf(':', colon + 1);
  if (colon <= 0) throw new UnsupportedYaml('key');
  return colon + 1;
}

/** The key of a line whose value starts at `from`. */
function keyOf(text: string, from: number): string {
  if (text.startsWith('"') || text.startsWith("'")) return unquote(text.slice(0, from - 1));
  let end = from - 1;
  while (end > 0 && isSpace(text.charCodeAt(end - 1))) end--;
  const key = text.slice(0, end);
  if (UNSUPPORTED_KEY.test(key)) throw new UnsupportedYaml('key');
  return key;
}

function parseScalarOrFlow(text: string): FrontMatterValue {
  if (text.startsWith('[')) return parseFlowList(text);
  if (UNSUPPORTED_START.test(text)) throw new UnsupportedYaml('syntax');
  return parseScalar(text);
}

function parseScalar(text: string): string {
  if (text.startsWith('"') || text.startsWith("'")) {
    const end = findClosingQuote(text, 0);
    const rest = text.slice(end + 1).trim();
    if (rest !== '' && !rest.startsWith('#')) throw new UnsupportedYaml('after quote');
    return unquote(text.slice(0, end + 1));
  }
  // Plain scalar: a " #" starts a comment.
  const hash = text.search(COMMENT);
  const value = (hash >= 0 ? text.slice(0, hash) : text).trim();
  if (COLON_SPACE.test(value) || value.endsWith(':')) throw new UnsupportedYaml('colon in plain scalar');
  if (value === '~' || value === 'null') return '';
  return value;
}

function parseFlowList(text: string): FrontMatterValue[] {
  const out: string[] = [];
  let i = 1;
  const n = text.length;
  for (;;) {
    while (i < n && text[i] === ' ') i++;
    if (text[i] === ']') {
      i++;
      break;
    }
    if (i >= n) throw new UnsupportedYaml('unterminated flow');
    let item: string;
    if (text[i] === '"' || text[i] === "'") {
      const end = findClosingQuote(text, i);
      item = unquote(text.slice(i, end + 1));
      i = end + 1;
    } else {
      const start = i;
      while (i < n && text[i] !== ',' && text[i] !== ']') i++;
      item = text.slice(start, i).trim();
      if (FLOW_ITEM_OPENER.test(item)) throw new UnsupportedYaml('flow item');
    }
    out.push(item);
    while (i < n && text[i] === ' ') i++;
    if (text[i] === ',') i++;
    else if (text[i] !== ']') throw new UnsupportedYaml('flow separator');
  }
  const rest = text.slice(i).trim();
  if (rest !== '' && !rest.startsWith('#')) throw new UnsupportedYaml('after flow');
  return out;
}

function findClosingQuote(text: string, start: number): number {
  const q = text[start];
  for (let i = start + 1; i < text.length; i++) {
    const c = text[i];
    if (q === '"' && c === '\\') {
      i++;
      continue;
    }
    if (c === q) {
      if (q === "'" && text[i + 1] === "'") {
        i++;
        continue;
      }
      return i;
    }
  }
  throw new UnsupportedYaml('unterminated quote');
}

function unquote(quoted: string): string {
  if (quoted.startsWith("'")) return quoted.slice(1, -1).replace(/''/g, "'");
  // Double-quoted YAML escapes are a superset of JSON's; JSON covers what we write.
  try {
    const v: unknown = JSON.parse(quoted);
    if (typeof v === 'string') return v;
  } catch {
    // fall through
  }
  throw new UnsupportedYaml('escape');
}

type FrontMatterResult = { data: FrontMatter; problem?: undefined } | { data?: undefined; problem: string };

/** The full YAML reader (core/yaml-doc), for what the subset does not cover. */
export type YamlReader = (typeof import('../core/yaml-doc.js'))['parseYaml'];

/** Loads the full YAML reader: only a log with front matter beyond the subset pays for it. */
export async function loadYamlReader(): Promise<YamlReader> {
  return (await import('../core/yaml-doc.js')).parseYaml;
}

/**
 * Parses front matter: the fast subset first, then `yaml`, the reader every user file goes
 * through; undefined when the subset cannot read it and no `yaml` was given (the caller loads it
 * and asks again). `firstLine` is the file's line the source starts on, so that a problem names the
 * line the user sees in their editor.
 */
export function parseFrontMatter(source: string, firstLine: number, yaml?: YamlReader): FrontMatterResult | undefined {
  try {
    return { data: parseSimpleYaml(source) };
  } catch (err: unknown) {
    if (!(err instanceof UnsupportedYaml)) throw err;
  }
  if (!yaml) return undefined;
  const { data, problems } = yaml(source, '');
  const first = problems[0];
  if (first) return { problem: `line ${(first.line ?? 1) + firstLine - 1}, col ${first.col ?? 1}: ${first.message}` };
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return { problem: 'it is not a map of keys and values' };
  return { data: normalise(data) as FrontMatter };
}

function normalise(value: unknown): FrontMatterValue {
  if (Array.isArray(value)) return value.map(normalise);
  if (value !== null && typeof value === 'object') {
    const out: Record<string, FrontMatterValue> = {};
    for (const [k, v] of Object.entries(value)) out[k] = normalise(v);
    return out;
  }
  return value === null || value === undefined ? '' : String(value);
}
