// Loading with full checks: YAML syntax, then the zod schema, every problem located as
// file:line:col with its dotted path. Semantic checks (references, cycles, examples...) are the
// lint rules (lint.ts). The cheap path for trusted shipped trees is load-trusted.ts.
import { didYouMean } from './did-you-mean.js';
import type { Problem } from './errors.js';
import { toCatalog, toTree } from './normalize.js';
import { DriversFileSchema, KNOWN_FIELDS, TreeFileSchema } from './schema.js';
import type { DriverCatalog, Tree } from './types.js';
import { parseYaml } from './yaml-doc.js';
import { schemaProblems } from './schema-problems.js';
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
    return { problems: sortProblems(schemaProblems(result.error.issues, data, file, locate, KNOWN_FIELDS)), locate };
  }
  return { tree: toTree(result.data), problems, locate };
}

/** Parses and checks decisions/drivers.yaml: shape, then that each default is one of its values. */
export function parseDrivers(source: string, file: string): ParsedDrivers {
  const { data, problems, locate } = parseYaml(source, file);
  if (data === undefined) return { problems, locate };
  const result = DriversFileSchema.safeParse(data);
  if (!result.success) {
    return { problems: sortProblems(schemaProblems(result.error.issues, data, file, locate, KNOWN_FIELDS)), locate };
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
