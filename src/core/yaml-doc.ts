// YAML with locations: parse a source into plain data plus a `locate(path)` that turns a document
// path (`['questions', 'q-scale', 'branches', 'large']`) into line and column. Every later stage
// (schema, lint rules) reports problems through `locate`, so the user sees `file:line:col`.
import { isAlias, isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, visit } from 'yaml';
import type { Document, Node as YamlNode, Pair } from 'yaml';
import type { Problem } from './errors.js';

export type DocPath = readonly (string | number)[];
export interface Position {
  line: number;
  col: number;
}
/** Line and column of the node at `path`; `{ key: true }` points at the map key instead of its value. */
export type Locate = (path: DocPath, options?: { key?: boolean }) => Position | undefined;

/** Aliases beyond this many expansions abort the load: an alias bomb must fail fast, not hang. */
export const MAX_ALIAS_COUNT = 100;

export interface YamlDoc {
  /** The document as plain data; undefined when the YAML itself is broken. */
  data?: unknown;
  problems: Problem[];
  locate: Locate;
}

/**
 * Parses YAML (1.2 core schema, so `2026-11-24` and `yes` stay strings) and reports syntax errors,
 * duplicate keys and alias bombs as located problems, all at once.
 *
 * @example
 *   const { data, problems, locate } = parseYaml('a:\n  b: 1\n', 'x.yaml');
 *   locate(['a', 'b']); // { line: 2, col: 6 }
 */
export function parseYaml(source: string, file: string): YamlDoc {
  const lineCounter = new LineCounter();
  // schema 'core' even under a `%YAML 1.1` directive, so `yes` and `no` stay strings.
  const doc = parseDocument(source, { lineCounter, prettyErrors: true, uniqueKeys: true, schema: 'core' });
  const locate: Locate = (path, options) => locateIn(doc, lineCounter, path, options?.key === true);
  const problems: Problem[] = [];

  for (const err of doc.errors) {
    const pos = err.linePos?.[0] ?? lineCounter.linePos(err.pos[0]);
    problems.push({
      file,
      line: pos.line,
      col: pos.col,
      message: syntaxMessage(err.code, err.message, source, err.pos[0]),
      severity: 'error',
      rule: 'syntax',
    });
  }
  if (problems.length > 0) return { problems, locate };

  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT, reviver: datesAsText });
  } catch (err: unknown) {
    const pos = firstAlias(doc, lineCounter) ?? { line: 1, col: 1 };
    const aliasBomb = err instanceof ReferenceError || /alias/i.test(String(err));
    problems.push({
      file,
      ...pos,
      message: aliasBomb
        ? `too many YAML alias expansions (the limit is ${MAX_ALIAS_COUNT}); write the values out instead of nesting aliases`
        : `cannot read this YAML: ${err instanceof Error ? err.message : String(err)}`,
      severity: 'error',
      rule: 'syntax',
    });
    return { problems, locate };
  }
  if (data === null || data === undefined) {
    problems.push({ file, line: 1, col: 1, message: 'the file is empty', severity: 'error', rule: 'syntax' });
    return { problems, locate };
  }
  return { data, problems, locate };
}

// An explicit `!!timestamp` still yields a Date; trees hold dates as YYYY-MM-DD text.
export function datesAsText(_key: unknown, value: unknown): unknown {
  return value instanceof Date && !Number.isNaN(value.getTime()) ? value.toISOString().slice(0, 10) : value;
}

function syntaxMessage(code: string, message: string, source: string, offset: number): string {
  if (code === 'DUPLICATE_KEY') {
    const key = /^[^:\n]*/.exec(source.slice(offset))?.[0]?.trim();
    return key ? `duplicate key "${key}"` : 'duplicate key';
  }
  // prettyErrors appends " at line L, column C:" and a code excerpt; the location is printed
  // in front of the problem already, so keep the first sentence only.
  const first = message.split('\n')[0] ?? message;
  return `YAML syntax: ${first.replace(/ at line \d+, column \d+:?$/, '')}`;
}

function firstAlias(doc: Document, lc: LineCounter): Position | undefined {
  let found: Position | undefined;
  visit(doc, {
    Alias(_key, node) {
      if (node.range) found = lc.linePos(node.range[0]);
      return visit.BREAK;
    },
  });
  return found;
}

// Walks the YAML node tree along `path`. The position reported is the value's for scalars and
// sequence items, and the key's for a map value that is itself a collection: "outcomes.monolith"
// points at the line `monolith:`, not at its first field. When the path leaves the document (a
// missing field), the deepest existing ancestor is reported.
function locateIn(doc: Document, lc: LineCounter, path: DocPath, atKey: boolean): Position | undefined {
  let node: unknown = doc.contents;
  let best: number | undefined = rangeStart(node);
  for (const [i, segment] of path.entries()) {
    const last = i === path.length - 1;
    if (isAlias(node)) node = node.resolve(doc);
    if (isMap(node)) {
      const pair = node.items.find((p: Pair) => keyOf(p) === String(segment));
      if (!pair) break;
      const value = pair.value;
      const keyStart = rangeStart(pair.key);
      const valueStart = rangeStart(value);
      const valueIsBlockCollection =
        (isMap(value) || isSeq(value)) && !(value as { flow?: boolean }).flow;
      best = (last && atKey) || valueIsBlockCollection || valueStart === undefined ? (keyStart ?? best) : valueStart;
      node = value;
    } else if (isSeq(node)) {
      const index = typeof segment === 'number' ? segment : Number(segment);
      const item = Number.isInteger(index) ? node.items[index] : undefined;
      if (item === undefined) break;
      best = rangeStart(item) ?? best;
      node = item;
    } else {
      break;
    }
  }
  return best === undefined ? undefined : lc.linePos(best);
}

function keyOf(pair: Pair): string | undefined {
  const k = pair.key;
  if (isScalar(k)) return String(k.value);
  if (k === null || k === undefined) return undefined;
  return String(k);
}

function rangeStart(node: unknown): number | undefined {
  if (isPair(node)) return rangeStart(node.key);
  const range = (node as YamlNode | null | undefined)?.range;
  return range ? range[0] : undefined;
}
