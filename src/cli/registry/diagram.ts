import type { Command } from '@commander-js/extra-typings';

// Diagrams of trees, decisions and the ADR log.
export function registerDiagramCommands(program: Command): void {
  program
    .command('diagram')
    .description('draw a tree, a decision (--adr) or the ADR log (--graph) as Mermaid, SVG or PNG')
    .argument('[tree]', 'tree id')
    .option('--adr <n>', 'draw the decision recorded in ADR n')
    .option('--graph', 'draw the ADR log')
    .option('--all', 'every tree (with --out DIR)')
    .option('--format <format>', 'mmd (default), svg or png')
    .option('--out <path>', 'output file or folder')
    .option('--lang <lang>', 'en or es')
    .option('--force', 'overwrite existing files')
    .action(async (tree, opts) => {
      const { run } = await import('../commands/diagram.js');
      await run(tree, opts);
    });
}
