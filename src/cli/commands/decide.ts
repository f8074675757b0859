// `decide <tree...>`: walk trees with driver values from --context / --set (asking the missing
// ones in a terminal), then record each decision as an ADR.
import { UsageError } from '../../core/errors.js';
import type { Decision, DriverCatalog, DriverValues, Lang, Tree } from '../../core/types.js';
import { parseSetFlags } from '../../core/driver-values.js';
import type { ContextFile } from '../../io/context.js';
import { loadDecisionSet } from '../../io/trees.js';
import { resolveLang } from '../lang.js';
import { printJson, println, style } from '../messages.js';
import {
  checkTreeIds,
  missingDriversError,
  resolveDecisions,
  rootTrees,
  resolveWithDefaults,
  type Resolution,
} from '../../core/resolve.js';
import { displayPath, printDecision, printNextSteps, type AdrRef } from '../decision-report.js';
import { writeAdrs } from '../write-adrs.js';
import type { AskState } from '../interactive.js';

export interface DecideOptions {
  all?: boolean;
  context?: string;
  set?: string[];
  useDefaults?: boolean;
  chain?: boolean;
  lang?: string;
  json?: boolean;
  dryRun?: boolean;
  /** commander's --no-write sets this to false. */
  write?: boolean;
  template?: string;
  status?: string;
  render?: string;
  force?: boolean;
}

/** Prompts only when a person can answer: both ends are a terminal and the output is not JSON. */
export function isInteractive(json: boolean | undefined): boolean {
  return process.stdin.isTTY === true && process.stdout.isTTY === true && json !== true;
}

export async function run(treeIds: string[], opts: DecideOptions): Promise<void> {
  const cwd = process.cwd();
  // An invalid --lang is a usage error before any file is read.
  if (opts.lang !== undefined) resolveLang(opts.lang);
  const { catalog, trees } = await loadDecisionSet({ cwd });
  if (opts.all === true && treeIds.length > 0) throw new UsageError('give tree ids or --all, not both');
  if (opts.all !== true && treeIds.length === 0) throw new UsageError('name the trees to decide (see `adr-wizard trees`), or use --all');
  const requested = opts.all === true ? rootTrees(trees) : checkTreeIds(treeIds, trees);
  // The YAML reader loads only for a context file: `--set` alone never pays for it.
  const context = opts.context === undefined ? undefined : await (await import('../../io/context.js')).readContextFile(opts.context, catalog, cwd);
  const flags = parseSetFlags(opts.set ?? [], catalog);
  const lang = resolveLang(opts.lang, context?.lang);
  const base: DriverValues = { ...context?.drivers, ...flags };
  const input = { trees, requested, chain: opts.chain === true || opts.all === true, lang, catalog, applicable: opts.all === true };

  let resolution: Resolution;
  if (opts.useDefaults) {
    resolution = resolveWithDefaults({ ...input, values: base }).resolution;
  } else if (isInteractive(opts.json)) {
    const [{ askUntilResolved }, { InquirerPrompter }] = await Promise.all([
      import('../interactive.js'),
      import('../prompter/inquirer.js'),
    ]);
    const prompter = new InquirerPrompter(lang);
    const state: AskState = { answers: [] };
    let asked: Awaited<ReturnType<typeof askUntilResolved>>;
    // "← back" at the first question has nothing to go back to: it is simply asked again.
    do asked = await askUntilResolved({ ...input, base, assumed: new Set() }, catalog, prompter, state);
    while (asked === undefined);
    resolution = asked.resolution;
  } else {
    resolution = resolveDecisions({ ...input, values: base, assumed: new Set() });
    if (resolution.stuck.length > 0) throw missingDriversError(resolution.stuck);
  }

  const adrs =
    opts.write === false
      ? new Map<string, AdrRef & { content: string }>()
      : await writeAdrs({
          decisions: resolution.decisions,
          trees,
          catalog,
          cwd,
          lang,
          context,
          dryRun: opts.dryRun === true,
          template: opts.template,
          status: opts.status,
          render: opts.render,
          force: opts.force === true,
        });

  if (opts.json) {
    printJson({
      ...(resolution.skipped.length > 0 ? { skipped: resolution.skipped } : {}),
      decisions: resolution.decisions.map((d) => {
        const adr = adrs.get(d.tree);
        return adr ? { ...d, adr: { number: adr.number, file: displayPath(adr.file, cwd), written: adr.written } } : d;
      }),
    });
    return;
  }
  printHuman(resolution.decisions, trees, catalog, lang, adrs, opts, context);
}

function printHuman(
  decisions: Decision[],
  trees: ReadonlyMap<string, Tree>,
  catalog: DriverCatalog,
  lang: Lang,
  adrs: Map<string, AdrRef & { content: string }>,
  opts: DecideOptions,
  context: ContextFile | undefined,
): void {
  decisions.forEach((decision, i) => {
    if (i > 0) println();
    printDecision(decision, trees, catalog, lang, adrs.get(decision.tree));
    const content = adrs.get(decision.tree)?.content;
    if (opts.dryRun && content !== undefined) {
      println();
      println(style.dim(content.trimEnd()));
    }
  });

  printNextSteps(decisions, trees, lang, {
    context: opts.context === undefined ? undefined : (context?.file ?? opts.context),
    written: !opts.dryRun && opts.write !== false && adrs.size > 0,
    noWrite: opts.write === false,
  });
}
