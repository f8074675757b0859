// Schema (zod) problems as the user reads them: located at file:line:col with the dotted path and
// a one-line message, for every file checked against a schema (trees, drivers, context, config).
import type * as z from './zod.js';
import { didYouMean } from './did-you-mean.js';
import type { Problem } from './errors.js';
import { dotted } from './problems.js';
import type { Locate } from './yaml-doc.js';

type Issue = z.core.$ZodIssue;
type Segment = string | number;

/**
 * zod issues as located problems with one-line messages. `knownFields` feeds "did you mean" for
 * unknown keys.
 */
export function schemaProblems(
  issues: readonly Issue[],
  data: unknown,
  file: string,
  locate: Locate,
  knownFields: readonly string[],
): Problem[] {
  const out: Problem[] = [];
  const push = (path: Segment[], message: string, atKey = false) =>
    out.push({ file, ...locate(path, { key: atKey }), path: dotted(path), message, severity: 'error', rule: 'schema' });

  const visit = (issue: Issue, prefix: Segment[]) => {
    const path = [...prefix, ...(issue.path as Segment[])];
    switch (issue.code) {
      case 'unrecognized_keys':
        for (const key of issue.keys) push([...path, key], `unknown field "${key}"${didYouMean(key, knownFields)}`, true);
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
        // A union with its own message (e.g. "expected a name or a list of names") says it best.
        if (issue.message !== 'Invalid input') {
          push(path, issue.message);
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
        else push(path, describeMismatch(value, issue.expected === 'record' || issue.expected === 'object' ? 'a map' : issue.expected));
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
