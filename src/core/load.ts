// Loading with full checks: YAML syntax, then the zod schema, every problem located as
// file:line:col with its dotted path. Semantic checks (references, cycles, examples...) are the
// lint rules (lint.ts). The cheap path for trusted shipped trees is load-trusted.ts.
import { closest, distance } from 'fastest-levenshtein';
import type { z } from 'zod';
import type { Problem } from './errors.js';
import { toCatalog, toTree } from './normalize.js';
import { DriversFileSchema, KNOWN_FIELDS, TreeFileSchema } from './schema.js';
import type { DriverCatalog, Tree } from './types.js';
import { parseYaml } from './yaml-doc.js';
import type { DocPath, Locate } from './yaml-doc.js';
import { dotted, sortProblems } from './problems.js';

export type { DocPath, Locate, Position } from './yaml-doc.js';
export { dotted, sortProblems } from './problems.js';

export interface ParsedTree {
  tree?: Tree;
  problems: Problem[];
  locate: Locate;
}

export interface ParsedDrivers {
  catalog?: DriverCatalog;
  problems: Problem[];
  locate: Locate;
}

/**
 * Parses and schema-checks one tree file. `problems` lists every syntax and shape problem; `tree`
 * is set when the shape is valid (semantic rules are `lintTrees`).
 *
 * @example
 *   const { tree, problems } = parseTree(readFileSync(f, 'utf8'), f);
 */
export function parseTree(source: string, file: string): ParsedTree {
  const { data, problems, locate } = parseYaml(source, file);
  if (data === undefined) return { problems, locate };
  const result = TreeFileSchema.safeParse(data);
  if (!result.success) {
    return { problems: sortProblems(issuesToProblems(result.error.issues, data, file, locate)), locate };
  }
  return { tree: toTree(result.data), problems, locate };
}

/** Parses and checks decisions/drivers.yaml: shape, then that each default is one of its values. */
export function parseDrivers(source: string, file: string): ParsedDrivers {
  const { data, problems, locate } = parseYaml(source, file);
  if (data === undefined) return { problems, locate };
  const result = DriversFileSchema.safeParse(data);
  if (!result.success) {
    return { problems: sortProblems(issuesToProblems(result.error.issues, data, file, locate)), locate };
  }
  const catalog = toCatalog(result.data);
  for (const driver of Object.values(catalog.drivers)) {
    const values = Object.keys(driver.values);
    const at = (path: DocPath) => ({ file, ...locate(path), path: dotted(path) });
    if (values.length < 2) {
      problems.push({
        ...at(['drivers', driver.id, 'values']),
        message: `driver "${driver.id}" needs at least two values`,
        severity: 'error',
        rule: 'schema',
      });
    }
    if (!values.includes(driver.default)) {
      problems.push({
        ...at(['drivers', driver.id, 'default']),
        message: `default "${driver.default}" is not a value of "${driver.id}"${didYouMean(driver.default, values)}`,
        severity: 'error',
        rule: 'schema',
      });
    }
  }
  checkConflicts(catalog, (path, message, key = false) =>
    problems.push({ file, ...locate(path, { key }), path: dotted(path), message, severity: 'error', rule: 'conflict' }),
  );
  return problems.some((p) => p.severity === 'error')
    ? { problems: sortProblems(problems), locate }
    : { catalog, problems, locate };
}

// A conflict names at least two known drivers with their own values, under a unique id.
function checkConflicts(catalog: DriverCatalog, report: (path: DocPath, message: string, key?: boolean) => void): void {
  const ids = new Set<string>();
  (catalog.conflicts ?? []).forEach((c, i) => {
    if (ids.has(c.id)) report(['conflicts', i, 'id'], `conflict id "${c.id}" is used twice`);
    ids.add(c.id);
    const drivers = Object.keys(c.when);
    if (drivers.length < 2) report(['conflicts', i, 'when'], `conflict "${c.id}" needs at least two drivers: answers contradict each other, not themselves`);
    for (const d of drivers) {
      const driver = Object.hasOwn(catalog.drivers, d) ? catalog.drivers[d] : undefined;
      if (!driver) {
        report(['conflicts', i, 'when', d], `unknown driver "${d}"${didYouMean(d, Object.keys(catalog.drivers))}`, true);
        continue;
      }
      const values = Object.keys(driver.values);
      const v = c.when[d]!;
      (Array.isArray(v) ? v : [v]).forEach((x, j) => {
        const at = Array.isArray(v) ? ['conflicts', i, 'when', d, j] : ['conflicts', i, 'when', d];
        if (!values.includes(x)) report(at, `"${x}" is not a value of driver "${d}" (${values.join(', ')})${didYouMean(x, values)}`);
      });
    }
  });
}

/** ` (did you mean "x"?)` when a candidate is close enough to be a plausible typo, else ''. */
export function didYouMean(word: string, candidates: readonly string[]): string {
  if (candidates.length === 0 || word === '') return '';
  const best = closest(word, candidates as string[]);
  const d = distance(word, best);
  return d > 0 && d <= Math.max(2, Math.floor(best.length / 3)) ? ` (did you mean "${best}"?)` : '';
}

// ---------------------------------------------------------------------------------------------
// zod issues -> located problems with one-line messages

type Issue = z.core.$ZodIssue;
type Segment = string | number;

function issuesToProblems(issues: readonly Issue[], data: unknown, file: string, locate: Locate): Problem[] {
  const out: Problem[] = [];
  const push = (path: Segment[], message: string, atKey = false) =>
    out.push({ file, ...locate(path, { key: atKey }), path: dotted(path), message, severity: 'error', rule: 'schema' });

  const visit = (issue: Issue, prefix: Segment[]) => {
    const path = [...prefix, ...(issue.path as Segment[])];
    switch (issue.code) {
      case 'unrecognized_keys':
        for (const key of issue.keys) push([...path, key], `unknown field "${key}"${didYouMean(key, KNOWN_FIELDS)}`, true);
        return;
      case 'invalid_union': {
        if (valueAt(data, path) === undefined) {
          push(path, `missing required field "${String(path[path.length - 1] ?? '')}"`);
          return;
        }
        if (issue.errors.length === 0) {
          push(path, issue.message.replace(/^Invalid discriminator value\. /, 'invalid value. '));
          return;
        }
        // A Text is a string or {en, es}: report the branch the user evidently meant rather than
        // zod's generic "Invalid input".
        const meant = issue.errors.filter((branch) => !branch.every((i) => i.code === 'invalid_type' && i.path.length === 0));
        if (meant.length === 1) {
          for (const sub of meant[0]!) visit(sub, path);
          return;
        }
        push(path, describeMismatch(valueAt(data, path), 'a string or {en, es}'));
        return;
      }
      case 'invalid_type': {
        const value = valueAt(data, path);
        if (value === undefined) push(path, `missing required field "${String(path[path.length - 1] ?? '')}"`);
        else push(path, describeMismatch(value, issue.expected === 'record' ? 'a map' : issue.expected));
        return;
      }
      case 'invalid_key': {
        const key = String(path[path.length - 1] ?? '');
        const why = issue.issues[0]?.message ?? 'invalid';
        push(path, `invalid id "${key}": ${why}`, true);
        return;
      }
      case 'too_small':
        if (issue.origin === 'array') push(path, `needs at least ${String(issue.minimum)} item(s)`);
        else if (issue.origin === 'string') push(path, 'must not be empty');
        else push(path, `must be at least ${String(issue.minimum)}`);
        return;
      case 'too_big':
        push(path, `must be at most ${String(issue.maximum)}`);
        return;
      case 'invalid_format':
        push(path, issue.format === 'url' ? 'must be a URL (https://...)' : issue.message);
        return;
      case 'invalid_value':
        push(path, `must be ${issue.values.map((v) => JSON.stringify(v)).join(' or ')}`);
        return;
      default:
        push(path, issue.message);
    }
  };
  for (const issue of issues) visit(issue, []);
  return out;
}

function describeMismatch(value: unknown, expected: string): string {
  const got =
    value === null ? 'null' : Array.isArray(value) ? 'a list' : typeof value === 'object' ? 'a map' : `${typeof value} ${JSON.stringify(value)}`;
  return `expected ${expected}, got ${got}`;
}

function valueAt(data: unknown, path: readonly Segment[]): unknown {
  let node: unknown = data;
  for (const seg of path) {
    if (node === null || typeof node !== 'object' || !Object.hasOwn(node, seg)) return undefined;
    node = (node as Record<string, unknown>)[seg as string];
  }
  return node;
}
