import type { Command } from '@commander-js/extra-typings';

// The starters are folders with a manifest (templates/scaffold/<id>/starter.yaml): `scaffold --help`
// lists them from the catalogue, read only when the scaffold command runs.
export function registerScaffoldCommands(program: Command): void {
  const scaffold = program
    .command('scaffold')
    .description('write a starter project (adr-wizard scaffold --help lists the starters and their options)')
    .argument('[starter]', 'starter id (omit with --from-adrs)')
    .option('--out <dir>', 'target folder (default: the starter id)')
    .option('--services <list>', 'comma-separated service names')
    .option('--transport <transport>', 'message broker')
    .option('--database <database>', 'database (memory: state kept in the process)')
    .option('--saga-style <style>', 'saga coordination: orchestration or choreography')
    .option('--ingress <choice>', 'traffic entry: a kubernetes-ingress outcome')
    .option('--hosting <outcome>', 'a kubernetes-hosting outcome, e.g. amazon-eks-auto-mode')
    .option('--from-adrs', 'choose the starter and options from the accepted ADRs')
    .option('--dry-run', 'print the plan, write nothing')
    .option('--force', 'write into a non-empty folder, overwriting files')
    .option('--install', 'run npm install in the generated project')
    .option('--json', 'print the plan as JSON')
    .action(async (starter, opts) => {
      const { run } = await import('../commands/scaffold.js');
      await run(starter, opts);
    });
  // Before `scaffold` parses its arguments (and so before it prints its help), the starters from
  // their manifests.
  program.hook('preSubcommand', async (_program, sub) => {
    if (sub !== scaffold) return;
    const { starterHelp } = await import('../commands/scaffold.js');
    scaffold.addHelpText('after', await starterHelp());
  });
}
