// Findings as GitHub Actions workflow commands, which the run's summary and the pull request's
// changed files show as annotations:
// https://docs.github.com/en/actions/reference/workflows-and-actions/workflow-commands
import type { Finding } from './types.js';

const COMMAND = { error: 'error', warning: 'warning', info: 'notice' } as const;

// As GitHub's own toolkit escapes them (@actions/core, command.ts).
function escapeData(s: string): string {
  return s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

function escapeProperty(s: string): string {
  return escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

/**
 * One `::error file=PATH,line=N,title=adr-wizard RULE::message` line per finding. `path` gives the
 * file's path from the repository root, with forward slashes, as GitHub matches it to the diff.
 */
export function githubAnnotation(f: Finding, path: string): string {
  const props = [`file=${escapeProperty(path)}`];
  if (f.line !== undefined) props.push(`line=${f.line}`);
  props.push(`title=${escapeProperty(`adr-wizard ${f.rule}`)}`);
  return `::${COMMAND[f.severity]} ${props.join(',')}::${escapeData(f.message)}`;
}
