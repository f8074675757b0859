import type { Command } from 'commander';

// Diagrams and export.
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
    .action(async (tree: string | undefined, _opts: Record<string, unknown>, cmd: Command) => {
      const { run } = await import('../commands/diagram.js');
      // optsWithGlobals: the program's own --lang (guided session) would otherwise take ours.
      await run(tree, cmd.optsWithGlobals());
    });

  program
    .command('export')
    .description('the ADR log as one document: md, html or json')
    .option('--format <format>', 'md (default), html or json')
    .option('--out <path>', 'output file (default: stdout)')
    .option('--force', 'overwrite an existing file')
    .action(async (opts: Record<string, unknown>) => {
      const { run } = await import('../commands/export.js');
      await run(opts);
    });
}
