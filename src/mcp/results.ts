// Tool answers: Markdown an assistant can show, and the same facts as structured content. A user's
// mistake becomes an error result carrying the CLI's own one-line message; a bug becomes an error
// result saying so, with the trace on stderr (stdout belongs to the protocol).
import { formatProblem, isCancelled, isUsageError } from '../core/errors.js';

export interface Answer<T extends Record<string, unknown>> {
  text: string;
  data: T;
}

interface ToolResult {
  [key: string]: unknown;
  content: { type: 'text'; text: string }[];
  structuredContent?: Record<string, unknown>;
  isError?: boolean;
}

/** The lines the CLI prints for an error (src/main.ts), without the colour. */
export function errorText(err: unknown): string {
  if (isUsageError(err)) return [...err.problems.map(formatProblem), err.message].filter((x) => x !== '').join('\n');
  if (isCancelled(err)) return err.message;
  const message = err instanceof Error ? err.message : String(err);
  process.stderr.write(`adr-wizard mcp: internal error: ${err instanceof Error ? (err.stack ?? message) : message}\n`);
  return `Internal error: ${message}\nThis is a bug in adr-wizard. Please report it with the tool call that caused it.`;
}

export function errorResult(err: unknown): ToolResult {
  return { content: [{ type: 'text', text: errorText(err) }], isError: true };
}

/** Runs a tool's work and shapes its answer; nothing it throws reaches the transport. */
export async function answer<T extends Record<string, unknown>>(work: () => Promise<Answer<T>>): Promise<ToolResult> {
  try {
    const { text, data } = await work();
    return { content: [{ type: 'text', text }], structuredContent: data };
  } catch (err: unknown) {
    return errorResult(err);
  }
}
