import type { Command } from '@commander-js/extra-typings';
import { collect } from './collect.js';

// ADR-log commands, with adr-tools habits: init, new, list, search, index, status, link, revisit, doctor.
export function registerAdrCommands(program: Command): void {
  program
    .command('init')
    .description('create the ADR folder, .adr-dir and ADR 1 "Record architecture decisions"')
    .argument('[dir]', 'ADR folder (default doc/adr)')
    .option('--template <name>', 'style of ADR 1: madr (MADR 4, default), madr3, madr2, nygard or log4brains')
    .option('--lang <lang>', 'en or es')
    .option('--force', 'write .adr-dir and ADR 1 even if the folder is already initialised')
    .action(async (dir, opts) => {
      const { run } = await import('../commands/init.js');
      await run(dir, opts);
    });

  program
    .command('new')
    .description('write a new ADR')
    .argument('<title...>', 'title')
    .option('--status <status>', 'status (default: proposed)')
    .option('-s, --supersedes <n>', 'supersede ADR n (repeatable)', collect, [])
    .option('-l, --link <type:n>', 'link to ADR n, e.g. "Amends:3" or "3:Amends:Amended by" (repeatable)', collect, [])
    .option('--template <name>', "madr (MADR 4), madr3, madr2, nygard, log4brains or a .hbs file (default: the log's own style)")
    .option('--lang <lang>', 'en or es')
    .option('--json', 'print the written ADR as JSON')
    .action(async (title, opts) => {
      const { run } = await import('../commands/new.js');
      await run(title.join(' '), opts);
    });

  program
    .command('list')
    .description('list the ADRs in the log')
    .option('--status <status>', 'only ADRs with this status')
    .option('--tag <tag>', 'only ADRs with this tag, or an adr-wizard decision with this tree or outcome (repeatable: any of them)', collect, [])
    .option('--tree <id>', 'only adr-wizard decisions from this decision tree (repeatable: any of them)', collect, [])
    .option('--json', 'print JSON')
    .action(async (opts) => {
      const { run } = await import('../commands/list.js');
      await run(opts);
    });

  program
    .command('search')
    .description('find the ADRs whose title and text hold every word (a quoted "phrase" as one)')
    .argument('<words...>', 'words to find, case and accents ignored')
    .option('--status <status>', 'only ADRs with this status')
    .option('--tag <tag>', 'only ADRs with this tag, or an adr-wizard decision with this tree or outcome (repeatable: any of them)', collect, [])
    .option('--tree <id>', 'only adr-wizard decisions from this decision tree (repeatable: any of them)', collect, [])
    .option('--since <date>', 'only ADRs dated on or after this day (YYYY-MM-DD)')
    .option('--json', 'print JSON')
    .action(async (words, opts) => {
      const { run } = await import('../commands/search.js');
      await run(words, opts);
    });

  program
    .command('index')
    .description("write a table of contents into the ADR folder's README")
    .option('--stdout', 'print it instead of writing')
    .option('--lang <lang>', 'language of the table headings: en or es')
    .action(async (opts) => {
      const { run } = await import('../commands/index-toc.js');
      await run(opts);
    });

  program
    .command('status')
    .description("change an ADR's status")
    .argument('<n>', 'ADR number')
    .argument('<status>', 'proposed, accepted, rejected, deprecated or superseded')
    .action(async (n, status) => {
      const { run } = await import('../commands/status.js');
      await run(n, status);
    });

  program
    .command('link')
    .description('link ADR n to ADR m, e.g. `link 5 Amends 3 --reverse "Amended by"`')
    .argument('<n>', 'source ADR number')
    .argument('<type>', 'link type')
    .argument('<m>', 'target ADR number')
    .option('--reverse <type>', 'link type written on the target')
    .action(async (n, type, m, opts) => {
      const { run } = await import('../commands/link.js');
      await run(n, type, m, opts);
    });

  program
    .command('revisit')
    .description("re-walk an ADR's tree with changed drivers; a new outcome supersedes it")
    .argument('<n>', 'ADR number')
    .option('-s, --set <driver=value>', 'change a driver value (repeatable)', collect, [])
    .option('--lang <lang>', 'en or es')
    .option('--json', 'print the result as JSON')
    .option('--dry-run', 'print what would be written, write nothing')
    .action(async (n, opts) => {
      const { run } = await import('../commands/revisit.js');
      await run(n, opts);
    });

  program
    .command('doctor')
    .description('check the ADR log under named rules (severities set in .adr-wizard.yaml); exit 2 on an error')
    .option('--fix', 'renumber duplicates and update every reference')
    .option('--format <format>', 'text (default), json, or github (GitHub Actions annotations)')
    .option('--json', 'same as --format json')
    .action(async (opts) => {
      const { run } = await import('../commands/doctor.js');
      await run(opts);
    });

  program
    .command('export')
    .description('the ADR log as one document (md, html or json) or as a static site (site)')
    .option('--format <format>', 'md (default), html, json or site; --out log.html implies html')
    .option('--out <path>', 'output file (default: stdout); the folder of a site')
    .option('--force', 'overwrite an existing file; write a site into a folder that holds other files')
    .option('--lang <lang>', 'language of a site (en or es; default: the language of most decisions)')
    .action(async (opts) => {
      const { run } = await import('../commands/export.js');
      await run(opts);
    });
}
