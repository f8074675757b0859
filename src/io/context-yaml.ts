// The context file read with the full YAML parser: every problem located as file:line:col.
// Loaded only when the fast reader (context.ts) meets something it does not handle, or a mistake.
import { LineCounter, isAlias, isMap, isScalar, isSeq, parseDocument, type Node } from 'yaml';
import { UsageError, type Problem } from '../core/errors.js';
import { isLang } from '../core/text.js';
import type { DriverCatalog } from '../core/types.js';
import { didYouMean } from '../cli/did-you-mean.js';
import { CONTEXT_KEYS as KEYS, checkDriverValue, type ContextFile } from './context.js';

type PeopleKey = 'deciders' | 'consulted' | 'informed';

/** Parses a context file's text; `file` is only used in messages. */
export function parseContextYaml(source: string, file: string, catalog: DriverCatalog): ContextFile {
  const lineCounter = new LineCounter();
  const doc = parseDocument(source, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const problems: Problem[] = [];
  const at = (node: Node | null | undefined, path: string, message: string): void => {
    const offset = node?.range?.[0] ?? 0;
    const { line, col } = lineCounter.linePos(offset);
    problems.push({ file, line, col, path: path || undefined, message, severity: 'error' });
  };

  for (const err of doc.errors) {
    const { line, col } = lineCounter.linePos(err.pos[0]);
    problems.push({ file, line, col, message: `invalid YAML: ${firstLine(err.message)}`, severity: 'error' });
  }
  const result: ContextFile = { file, drivers: {} };
  if (problems.length > 0) throw contextError(file, problems);

  const root = doc.contents;
  if (root === null || (isScalar(root) && (root.value === null || root.value === ''))) {
    at(null, '', 'the context file is empty; expected `drivers:` with driver values');
    throw contextError(file, problems);
  }
  if (!isMap(root)) {
    at(root, '', 'expected a mapping with `drivers:` (and optionally lang, deciders, consulted, informed)');
    throw contextError(file, problems);
  }

  for (const pair of root.items) {
    const keyNode = pair.key as Node | null;
    const key = isScalar(keyNode) ? String(keyNode.value) : undefined;
    const value = pair.value as Node | null;
    if (key === undefined) {
      at(keyNode, '', 'keys must be plain words');
      continue;
    }
    if (isAlias(value)) {
      at(value, key, 'aliases are not allowed in a context file');
      continue;
    }
    switch (key) {
      case 'drivers':
        readDrivers(value, catalog, result, at);
        break;
      case 'lang': {
        const v = isScalar(value) ? value.value : undefined;
        if (isLang(v)) result.lang = v;
        else at(value ?? keyNode, 'lang', `expected en or es, got ${describe(value)}`);
        break;
      }
      case 'deciders':
      case 'consulted':
      case 'informed': {
        const people = readPeople(value, key, at);
        if (people) result[key as PeopleKey] = people;
        break;
      }
      default:
        at(keyNode, key, `unknown key "${key}"${didYouMean(key, KEYS)}; allowed: ${KEYS.join(', ')}`);
    }
  }
  if (!root.items.some((p) => isScalar(p.key) && p.key.value === 'drivers') && problems.length === 0) {
    // A file with only `lang:` is legal but almost certainly a mistake worth a clear word.
    at(root, '', 'no `drivers:` section; expected driver values such as `drivers: {scale: large}`');
  }
  if (problems.length > 0) throw contextError(file, problems);
  return result;
}

type At = (node: Node | null | undefined, path: string, message: string) => void;

function readDrivers(value: Node | null, catalog: DriverCatalog, result: ContextFile, at: At): void {
  if (value === null || (isScalar(value) && value.value === null)) return; // `drivers:` with nothing yet
  if (!isMap(value)) {
    at(value, 'drivers', `expected a mapping of driver: value, got ${describe(value)}`);
    return;
  }
  for (const pair of value.items) {
    const keyNode = pair.key as Node | null;
    const driver = isScalar(keyNode) ? String(keyNode.value) : '';
    const node = pair.value as Node | null;
    const path = `drivers.${driver}`;
    if (!isScalar(node) || node.value === null || typeof node.value === 'object') {
      const known = catalog.drivers[driver];
      const hint = known ? `; one of: ${Object.keys(known.values).join(', ')}` : '';
      at(node ?? keyNode, path, `expected a single value, got ${describe(node)}${hint}`);
      continue;
    }
    const raw = scalarText(node.value);
    const problem = checkDriverValue(catalog, driver, raw);
    if (problem) at(problem.kind === 'driver' ? keyNode : node, path, problem.message);
    else result.drivers[driver] = raw;
  }
}

function readPeople(value: Node | null, key: string, at: At): string[] | undefined {
  if (isScalar(value) && typeof value.value === 'string') return [value.value];
  if (isSeq(value)) {
    const names: string[] = [];
    value.items.forEach((item, i) => {
      if (isScalar(item) && typeof item.value === 'string') names.push(item.value);
      else at(item as Node, `${key}[${i}]`, `expected a name, got ${describe(item as Node)}`);
    });
    return names;
  }
  at(value, key, `expected a name or a list of names, got ${describe(value)}`);
  return undefined;
}

function contextError(file: string, problems: Problem[]): UsageError {
  const n = problems.length;
  return new UsageError(`${file}: ${n === 1 ? 'a problem' : `${n} problems`} in the context file`, problems);
}

// YAML 1.2 reads `yes`/`no` as strings, but `true`/`false` as booleans: accept them as yes/no.
function scalarText(value: unknown): string {
  if (value === true) return 'yes';
  if (value === false) return 'no';
  return String(value);
}

function describe(node: Node | null | undefined): string {
  if (node === null || node === undefined) return 'nothing';
  if (isMap(node)) return 'a mapping';
  if (isSeq(node)) return 'a list';
  if (isAlias(node)) return 'an alias';
  if (isScalar(node)) return node.value === null ? 'nothing' : `"${String(node.value)}"`;
  return 'something else';
}

function firstLine(message: string): string {
  return message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
}
