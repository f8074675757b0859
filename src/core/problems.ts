// Small helpers for Problem lists, free of heavy imports (the start-up path uses them).
import type { Problem } from './errors.js';
import type { DocPath } from './yaml-doc.js';

/** Problems in file, line, column order (the order editors and CI annotations expect). */
export function sortProblems(problems: Problem[]): Problem[] {
  return [...problems].sort(
    (a, b) =>
      (a.file ?? '').localeCompare(b.file ?? '') ||
      (a.line ?? 0) - (b.line ?? 0) ||
      (a.col ?? 0) - (b.col ?? 0) ||
      (a.path ?? '').localeCompare(b.path ?? ''),
  );
}

/** `['questions', 'q', 'branches', 0]` -> `questions.q.branches[0]`. */
export function dotted(path: DocPath): string {
  return path.map((s) => (typeof s === 'number' ? `[${s}]` : s)).join('.').replace(/\.\[/g, '[');
}
