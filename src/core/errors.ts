// Typed errors. The CLI maps them to exit codes in one place (src/main.ts); nothing else exits.

/** One problem found in a user's input, located as precisely as we can. */
export interface Problem {
  file?: string;
  line?: number;
  col?: number;
  /** Dotted path inside the document (e.g. `questions.q-scope.branches.large`). */
  path?: string;
  message: string;
  severity: 'error' | 'warning';
  /** Short stable id of the rule that fired (e.g. `dangling-reference`). */
  rule?: string;
}

/** Bad usage or bad input: exit code 2, one clear line per problem, never a stack trace. */
export class UsageError extends Error {
  readonly problems: Problem[];
  constructor(message: string, problems: Problem[] = []) {
    super(message);
    this.name = 'UsageError';
    this.problems = problems;
  }
}

/** The user cancelled (Ctrl-C in a prompt): exit code 130, nothing written. */
export class CancelledError extends Error {
  constructor(message = 'Cancelled.') {
    super(message);
    this.name = 'CancelledError';
  }
}

/** A bug in adr-wizard itself: exit code 1 with a hint to report it. */
export class InternalError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'InternalError';
  }
}

// The program and each command are built apart (dist/main.js, dist/commands/<name>/), each with
// its own copy of these classes, so what a command throws to the one exit-code mapping (main.ts)
// is recognised by its name, not by `instanceof`.

export function isUsageError(err: unknown): err is UsageError {
  return err instanceof Error && err.name === 'UsageError' && Array.isArray((err as Partial<UsageError>).problems);
}

export function isCancelled(err: unknown): err is CancelledError {
  return err instanceof Error && err.name === 'CancelledError';
}

/** Formats a problem as `file:line:col  path  message`, the shape editors and CI annotate. */
export function formatProblem(p: Problem): string {
  const where = p.file ? [p.file, p.line, p.col].filter((x) => x !== undefined).join(':') : '';
  const parts = [where, p.path ?? '', (p.severity === 'warning' ? 'warning: ' : '') + p.message];
  return parts.filter((x) => x !== '').join('  ');
}
