import type { Command } from '@commander-js/extra-typings';
import { collect } from './collect.js';

// Decision-core commands: the guided session, trees, show, validate, decide.
export function registerDecisionCommands(program: Command): void {
  // The program-level --lang is the guided session's; program.ts enables positional options so
  // that `decide --lang` stays decide's.
  program
    .option('--lang <lang>', 'language of questions and records: en or es')
    // Excess arguments reach the action, which reports a misspelt command with a suggestion
    // (commander would only say "too many arguments" because the program has an action).
    .allowExcessArguments(true)
    .action(async (opts, command) => {
      if (command.args.length > 0) {
        const [{ UsageError }, { didYouMean }] = await Promise.all([
          import('../../core/errors.js'),
          import('../../core/did-you-mean.js'),
        ]);
        const name = command.args[0]!;
        const names = program.commands.map((c) => c.name());
        throw new UsageError(`unknown command "${name}"${didYouMean(name, names)}; see adr-wizard --help`);
      }
      const { run } = await import('../commands/guided.js');
      await run(opts);
    });

  program
    .command('trees')
    .description('list the decision trees: id, title, kind, outcome ids')
    .option('--json', 'print JSON')
    .option('--lang <lang>', 'en or es')
    .action(async (opts) => {
      const { run } = await import('../commands/trees.js');
      await run(opts);
    });

  program
    .command('show')
    .description('show one tree: questions, outcomes, sources')
    .argument('<tree>', 'tree id')
    .option('--json', 'print JSON')
    .option('--mermaid', 'print the tree as a Mermaid flowchart')
    .option('--lang <lang>', 'en or es')
    .action(async (tree, opts) => {
      const { run } = await import('../commands/show.js');
      await run(tree, opts);
    });

  program
    .command('validate')
    .description('lint decision trees (default: the shipped trees and .adr-wizard/decisions/)')
    .argument('[files...]', 'tree files to check')
    .option('--json', 'print the problems as JSON')
    .action(async (files, opts) => {
      const { run } = await import('../commands/validate.js');
      await run(files, opts);
    });

  program
    .command('decide')
    .description('walk one or more trees and write an ADR per decision')
    .argument('[tree...]', 'tree ids (or --all)')
    .option('--all', 'every decision that applies to the project, following the chains (areas such as ml-workload come from the answers)')
    .option('-c, --context <file>', 'context file (YAML) with driver values')
    .option('-s, --set <driver=value>', 'set a driver value (repeatable)', collect, [])
    .option('--use-defaults', 'take each missing driver from its default and record it as assumed')
    .option('--chain', 'follow the follow-up trees of each outcome')
    .option('--lang <lang>', 'en or es')
    .option('--json', 'print the decisions as JSON')
    .option('--dry-run', 'print what would be written, write nothing')
    .option('--no-write', 'walk the trees but write no ADR')
    .option('--template <name>', "ADR style: madr (MADR 4), madr3, madr2, nygard, log4brains or a .hbs file (default: the log's own style)")
    .option('--status <status>', 'status of the written ADRs (default: accepted)')
    .option('--render <format>', 'also render the diagram next to the ADR: svg or png')
    .option('--force', 'overwrite existing files')
    .action(async (trees, opts) => {
      const { run } = await import('../commands/decide.js');
      await run(trees, opts);
    });
}
