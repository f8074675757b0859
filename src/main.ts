import { CommanderError } from 'commander';
import { formatProblem, isCancelled, isUsageError } from './core/errors.js';
import { buildProgram } from './cli/program.js';

// The one place that turns errors into exit codes: 0 ok, 1 internal, 2 usage/input, 130 cancelled.
async function main(argv: string[]): Promise<number> {
  const program = buildProgram();
  try {
    await program.parseAsync(argv, { from: 'node' });
    return typeof process.exitCode === 'number' ? process.exitCode : 0;
  } catch (err: unknown) {
    // --help and --version arrive here as "errors" with exit code 0; commander printed them.
    if (err instanceof CommanderError && err.exitCode === 0) return 0;
    // Colour (chalk) is loaded only when there is something to report: `--help` stays lean.
    const { printError } = await import('./cli/messages.js');
    return exitCodeFor(err, printError);
  }
}

function exitCodeFor(err: unknown, printError: (message: string) => void): number {
  if (err instanceof CommanderError) return 2; // commander already printed its message
  if (isCancelled(err)) {
    printError(err.message);
    return 130;
  }
  if (isPromptExit(err)) {
    printError('Cancelled.');
    return 130;
  }
  if (isUsageError(err)) {
    for (const p of err.problems) printError(formatProblem(p));
    if (err.message) printError(err.message);
    return 2;
  }
  const detail = err instanceof Error ? (err.stack ?? err.message) : String(err);
  printError(`Internal error: ${err instanceof Error ? err.message : String(err)}`);
  printError('This is a bug in adr-wizard. Please report it with the command you ran and this trace:');
  printError(detail);
  return 1;
}

// @inquirer/prompts rejects with ExitPromptError on Ctrl-C; match by name so that the prompt
// library is not loaded on every start.
function isPromptExit(err: unknown): boolean {
  return err instanceof Error && (err.name === 'ExitPromptError' || err.name === 'AbortPromptError');
}

// `adr-wizard show x | head` closes the pipe early: that is the reader's choice, not an error.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw err;
  });
}

const code = await main(process.argv);
process.exitCode = code;
