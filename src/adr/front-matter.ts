// Front matter is read for every ADR in the log (10,000 files must list in well under a second),
// and the `yaml` package needs ~150 µs a document. This reads the small YAML subset ADR front
// matter actually uses (maps, lists, quoted and plain scalars) in a few µs and says "unsupported"
// for anything else, which the caller then hands to the real YAML parser.

export type FrontMatterValue = string | FrontMatterValue[] | { [key: string]: FrontMatterValue };
export type FrontMatter = Record<string, FrontMatterValue>;

export class UnsupportedYaml extends Error {}

export interface SplitDocument {
  /** The YAML between the `---` fences, or undefined when the file has none. */
  frontMatter?: string;
  /** Everything after the closing fence (or the whole text). */
  body: string;
}

export function splitFrontMatter(text: string): SplitDocument {
  const src = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (!src.startsWith('---')) return { body: src };
  const firstNl = src.indexOf('\n');
  if (firstNl < 0 || src.slice(0, firstNl).trim() !== '---') return { body: src };
  const re = /^(?:---|\.\.\.)[ \t]*\r?$/gm;
  re.lastIndex = firstNl + 1;
  const m = re.exec(src);
  if (!m) return { body: src };
  const fm = src.slice(firstNl + 1, m.index);
  const rest = src.slice(m.index + m[0].length);
  return { frontMatter: fm, body: rest.startsWith('\n') ? rest.slice(1) : rest.startsWith('\r\n') ? rest.slice(2) : rest };
}

interface Line {
  indent: number;
  text: string;
}

/** Parses the subset; throws UnsupportedYaml for anything it does not understand. */
export function parseSimpleYaml(source: string): FrontMatter {
  const lines: Line[] = [];
  for (const raw of source.split('\n')) {
    const line = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    if (line.includes('\t')) throw new UnsupportedYaml('tab');
    const trimmed = line.trimStart();
    if (trimmed === '' || trimmed.startsWith('#')) continue;
    lines.push({ indent: line.length - trimmed.length, text: trimmed });
  }
  const pos = { i: 0 };
  const value = parseBlock(lines, pos, 0);
  if (pos.i < lines.length) throw new UnsupportedYaml('trailing');
  if (Array.isArray(value) || typeof value === 'string') {
    if (lines.length === 0) return {};
    throw new UnsupportedYaml('not a map');
  }
  return value;
}

function parseBlock(lines: Line[], pos: { i: number }, indent: number): FrontMatterValue {
  const first = lines[pos.i];
  if (!first) return {};
  if (first.text === '-' || first.text.startsWith('- ')) return parseList(lines, pos, first.indent);
  return parseMap(lines, pos, first.indent < indent ? indent : first.indent);
}

function parseMap(lines: Line[], pos: { i: number }, indent: number): FrontMatter {
  const out: FrontMatter = {};
  while (pos.i < lines.length) {
    const line = lines[pos.i]!;
    if (line.indent < indent) break;
    if (line.indent > indent) throw new UnsupportedYaml('indent');
    const { key, rest } = splitKey(line.text);
    pos.i++;
    if (rest === '') {
      const next = lines[pos.i];
      // A list may sit at the same indent as its key ("key:\n- a"), a map must be deeper.
      if (next && (next.indent > indent || (next.indent === indent && next.text.startsWith('- ')))) {
        out[key] = parseBlock(lines, pos, next.indent);
      } else {
        out[key] = '';
      }
    } else {
      out[key] = parseScalarOrFlow(rest);
    }
  }
  return out;
}

function parseList(lines: Line[], pos: { i: number }, indent: number): FrontMatterValue[] {
  const out: FrontMatterValue[] = [];
  while (pos.i < lines.length) {
    const line = lines[pos.i]!;
    if (line.indent !== indent || !(line.text === '-' || line.text.startsWith('- '))) {
      if (line.indent > indent) throw new UnsupportedYaml('indent');
      break;
    }
    const item = line.text.slice(1).trim();
    if (item === '' || /^[^"'[\]{}]*:(\s|$)/.test(item)) throw new UnsupportedYaml('nested list item');
    out.push(parseScalarOrFlow(item));
    pos.i++;
  }
  return out;
}

function splitKey(text: string): { key: string; rest: string } {
  let key: string;
  let after: string;
  if (text.startsWith('"') || text.startsWith("'")) {
    const end = findClosingQuote(text, 0);
    key = unquote(text.slice(0, end + 1));
    after = text.slice(end + 1);
    if (!after.startsWith(':')) throw new UnsupportedYaml('key');
    after = after.slice(1);
  } else {
    // The first `:` followed by a space or the end of the line ends a plain key.
    let colon = text.indexOf(':');
    while (colon >= 0 && colon + 1 < text.length && text[colon + 1] !== ' ') colon = text.indexOf(':', colon + 1);
    if (colon <= 0) throw new UnsupportedYaml('key');
    key = text.slice(0, colon).trimEnd();
    if (/^[\s#"'[\]{},&*!|>%@`?]|^-(\s|$)|#/.test(key)) throw new UnsupportedYaml('key');
    after = text.slice(colon + 1);
  }
  return { key, rest: after.trim() };
}

function parseScalarOrFlow(text: string): FrontMatterValue {
  if (text.startsWith('[')) return parseFlowList(text);
  if (/^[{&*!|>%@`]/.test(text)) throw new UnsupportedYaml('syntax');
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
  const hash = text.search(/\s#/);
  const value = (hash >= 0 ? text.slice(0, hash) : text).trim();
  if (/:\s/.test(value) || value.endsWith(':')) throw new UnsupportedYaml('colon in plain scalar');
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
      if (/[[{"']/.test(item)) throw new UnsupportedYaml('flow item');
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

/** Parses front matter: the fast subset first, then the full YAML parser. */
export async function parseFrontMatter(source: string): Promise<FrontMatter> {
  try {
    return parseSimpleYaml(source);
  } catch (err: unknown) {
    if (!(err instanceof UnsupportedYaml)) throw err;
  }
  const { parse } = await import('yaml');
  const value: unknown = parse(source);
  if (value === null || value === undefined) return {};
  if (typeof value !== 'object' || Array.isArray(value)) throw new Error('front matter is not a map');
  return normalise(value) as FrontMatter;
}

function normalise(value: unknown): FrontMatterValue {
  if (Array.isArray(value)) return value.map(normalise);
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (value !== null && typeof value === 'object') {
    const out: Record<string, FrontMatterValue> = {};
    for (const [k, v] of Object.entries(value)) out[k] = normalise(v);
    return out;
  }
  return value === null || value === undefined ? '' : String(value);
}
