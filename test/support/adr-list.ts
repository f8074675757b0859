// `list --json` through the built binary, as the ADR tests read a log back.
import { expect } from 'vitest';
import { runCli } from './cli.js';

/** One entry of `list --json` (docs/adr.md). */
export interface ListEntry {
  number: number;
  title: string;
  status: string;
  statusText: string;
  date: string | null;
  file: string;
  links: { type: string; number: number }[];
  tags: string[];
  tree: string | null;
  outcome: string | null;
}

/** The log as `list --json` prints it; the run must succeed and say nothing on stderr. */
export async function listLog(cwd: string, env: Record<string, string> = {}): Promise<ListEntry[]> {
  const r = await runCli(['list', '--json'], { cwd, env });
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  return JSON.parse(r.stdout) as ListEntry[];
}
