import { formatProblem, isCancelled, isUsageError } from './core/errors.js';

/**
 * `adr-wizard mcp [--cwd DIR]` as an assistant starts it, at the beginning of every session and
 * waiting for the tool list: that one command starts without building the command-line program
 * (commander and every registration). Anything else after `mcp` (--help, a typo) goes through
 * commander as usual.
 */
function plainMcp(args: string[]): { cwd?: string } | undefined {
  if (args[0] !== 'mcp') return undefined;
  const [flag, value, ...more] = args.slice(1);
  if (flag === undefined) return {};
  if (flag === '--cwd' && value !== undefined && !value.startsWith('-') && more.length === 0) return { cwd: value };
  if (flag.startsWith('--cwd=') && flag.length > 6 && value === undefined) return { cwd: flag.slice(6) };
  return undefined;
}

// The one place that turns errors into exit codes: 0 ok, 1 internal, 2 usage/input, 130 cancelled.
async function main(argv: string[]): Promise<number> {
  try {
    const mcp = plainMcp(argv.slice(2));
    if (mcp) {
      const { run } = await import('./cli/commands/mcp.js');
      await run(mcp);
      return 0;
    }
    const { buildProgram } = await import('./cli/program.js');
    await buildProgram().parseAsync(argv, { from: 'node' });
    return typeof process.exitCode === 'number' ? process.exitCode : 0;
  } catch (err: unknown) {
    // --help and --version arrive here as "errors" with exit code 0; commander printed them.
    if (isCommanderError(err) && err.exitCode === 0) return 0;
    // Colour (chalk) is loaded only when there is something to report: `--help` stays lean.
    const { printError } = await import('./cli/messages.js');
    return exitCodeFor(err, printError);
  }
}

function exitCodeFor(err: unknown, printError: (message: string) => void): number {
  if (isCommanderError(err)) return 2; // commander already printed its message
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

// Commander's errors carry a `commander.*` code; matched by it so that commander loads only when the
// program is built (not for `adr-wizard mcp`).
function isCommanderError(err: unknown): err is Error & { code: string; exitCode: number } {
  const e = err as { code?: unknown; exitCode?: unknown } | null;
  return err instanceof Error && typeof e?.code === 'string' && e.code.startsWith('commander.') && typeof e.exitCode === 'number';
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
