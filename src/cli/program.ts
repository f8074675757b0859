import { Command as UntypedCommand } from 'commander';
// commander's own typings for options and arguments (types only: the runtime is commander itself),
// so that each registration's `run(...)` call is checked against the command's options interface.
import type { Command } from '@commander-js/extra-typings';
import { registerDecisionCommands } from './registry/decisions.js';
import { registerAdrCommands } from './registry/adr.js';
import { registerDiagramCommands } from './registry/diagram.js';
import { registerScaffoldCommands } from './registry/scaffold.js';
import { registerMcpCommand } from './registry/mcp.js';
import { registerCompletionCommands } from './registry/completion.js';

// Replaced at build time with package.json's version (tsup `define`).
declare const __ADR_WIZARD_VERSION__: string | undefined;

// Only commander is loaded here: each command's code is imported when that command runs.
export function buildProgram(): Command {
  const program = (new UntypedCommand('adr-wizard') as unknown as Command)
    .description(
      'Walk architecture decision trees, record each decision as an ADR, and scaffold the starter it calls for.\n' +
        'Run without arguments in a terminal for the guided session.',
    )
    .version(typeof __ADR_WIZARD_VERSION__ === 'string' ? __ADR_WIZARD_VERSION__ : 'dev', '-V, --version')
    .showSuggestionAfterError(true)
    // The root `--lang` belongs to the guided session; subcommands keep their own `--lang`.
    .enablePositionalOptions()
    .exitOverride();

  registerDecisionCommands(program);
  registerAdrCommands(program);
  registerDiagramCommands(program);
  registerScaffoldCommands(program);
  registerMcpCommand(program);
  registerCompletionCommands(program);

  // Subcommands inherit exitOverride so that every commander error reaches the one catch in main.
  for (const cmd of program.commands) cmd.exitOverride();
  return program;
}
