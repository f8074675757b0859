// `adr-wizard revisit <n> [--set d=v]...`: re-walk the tree behind ADR n with its stored driver
// values plus the changes. A different outcome is a new ADR that supersedes n; the same outcome
// means the decision stands, and we say what changed around it.
import { basename, relative } from 'node:path';
import { UsageError } from '../../core/errors.js';
import { parseSetFlags } from '../../core/driver-values.js';
import { flipOutcomes, flips } from '../../core/flips.js';
import { outcomeTitle, valueLabel } from '../../core/labels.js';
import { askedDrivers } from '../../core/space.js';
import { isLang, t } from '../../core/text.js';
import type { DriverCatalog, DriverValues, Lang, Tree } from '../../core/types.js';
import { walk } from '../../core/walk.js';
import { rewalk } from '../../adr/rewalk.js';
import { markSuperseded } from '../../adr/edit.js';
import { strings } from '../../adr/i18n.js';
import {readLog} from '../../adr/log.js';
import { getAdr, parseAdrNumber } from '../../adr/lookup.js';
import { recordDecisions } from '../../adr/record-decisions.js';
import type { AdrRecord } from '../../adr/types.js';
import { loadAdrConfig } from '../../io/config.js';
import { replaceFile } from '../../io/fs.js';
import { words } from '../decision-words.js';
import { askDriver } from '../interactive.js';
import { resolveLang } from '../lang.js';
import { printJson, println, printWarning, style } from '../messages.js';
import { BACK, type Prompter } from '../prompter/types.js';
import { adrFolder } from '../adr-folder.js';

export interface RevisitOptions {
  set: string[];
  lang?: string;
  json?: boolean;
  dryRun?: boolean;
  /** @internal tests drive the prompt with a scripted prompter */
  interactive?: boolean;
}

interface Change {
  driver: string;
  from: string | null;
  to: string;
}

/** In a terminal with no --set: let the user pick drivers to change and their new values. */
export async function promptChanges(
  prompter: Prompter,
  tree: Tree,
  catalog: DriverCatalog,
  values: DriverValues,
  lang: Lang,
): Promise<DriverValues> {
  const drivers = askedDrivers(tree).filter((d) => catalog.drivers[d]);
  // What would change the decision, shown next to each driver so the user sees which answers matter.
  const result = walk(tree, values);
  const changes = result.status === 'done' ? flips(tree, values, result, catalog) : [];
  const hint = (d: string) =>
    changes
      .filter((f) => f.driver === d)
      .map((f) => `${valueLabel(catalog, d, f.to, lang)} → ${flipOutcomes(f).map((o) => outcomeTitle(tree, o, lang)).join(' / ')}`)
      .join('; ');
  const pick = await prompter.checkbox<string>({
    id: 'revisit-drivers',
    message: words(lang).revisitWhich,
    choices: drivers.map((d) => ({
      value: d,
      name: `${t(catalog.drivers[d]!.question, lang)} (${values[d] !== undefined ? valueLabel(catalog, d, values[d]!, lang) : '—'})${hint(d) ? `  ${hint(d)}` : ''}`,
    })),
  });
  const out: DriverValues = {};
  for (const d of pick) {
    const v = await askDriver(prompter, catalog, tree, d, lang, values[d]);
    // "back" here means "keep it as it was".
    if (v !== BACK) out[d] = v;
  }
  return out;
}

export async function run(nArg: string, opts: RevisitOptions): Promise<void> {
  const cwd = process.cwd();
  const n = parseAdrNumber(nArg);
  const config = await loadAdrConfig(cwd);
  const { dir } = await adrFolder(cwd, config);
  const log = await readLog(dir);
  const old = getAdr(log, n, cwd);
  if (!old.wizard) {
    throw new UsageError(
      `ADR ${n} (${basename(old.file)}) has no adr-wizard block: only ADRs written by \`adr-wizard decide\` can be revisited`,
    );
  }
  const stored = old.wizard;
  const lang = resolveLang(opts.lang, (isLang(stored.lang) ? stored.lang : undefined) ?? config.lang);
  const w = words(lang);
  if (old.status === 'superseded') printWarning(w.alreadySuperseded(n, old.links.find((l) => /by|por/i.test(l.type))?.number));

  const { loadDecisionSet } = await import('../../io/trees.js');
  const { catalog, trees } = await loadDecisionSet({ cwd });
  const tree = trees.get(stored.tree);
  if (!tree) {
    throw new UsageError(`ADR ${n} was decided with the tree "${stored.tree}", which is not available any more`);
  }

  let sets = parseSetFlags(opts.set, catalog);
  const interactive = opts.interactive ?? (process.stdin.isTTY === true && process.stdout.isTTY === true && !opts.json);
  let prompter: Prompter | undefined;
  if (interactive) {
    const { InquirerPrompter } = await import('../prompter/inquirer.js');
    prompter = new InquirerPrompter(lang);
    if (opts.set.length === 0) sets = await promptChanges(prompter, tree, catalog, stored.drivers, lang);
  }

  let again = rewalk(tree, catalog, stored, lang, sets);
  // A changed answer can lead to questions the old path never asked: ask them in a terminal.
  while (again.result.status !== 'done' && prompter) {
    const d = again.result.missing[0]!;
    const v = await askDriver(prompter, catalog, tree, d, lang);
    if (v === BACK) continue; // nothing to go back to: ask again
    sets[d] = v;
    again = rewalk(tree, catalog, stored, lang, sets);
  }
  if (!('decision' in again)) {
    const { missing } = again.result;
    throw new UsageError(
      `the tree "${tree.id}" now also needs ${missing.map((d) => `"${d}"`).join(', ')}: give ${missing.length === 1 ? 'it' : 'them'} with --set ${missing[0]}=...`,
    );
  }
  const { result, decision } = again;

  const changes: Change[] = [];
  for (const [d, v] of Object.entries(sets)) {
    if (stored.drivers[d] !== v) changes.push({ driver: d, from: stored.drivers[d] ?? null, to: v });
  }
  const factsChanged = stored.reviewed !== tree.reviewed ? { from: stored.reviewed, to: tree.reviewed } : null;
  const label = (d: string, v: string | null) => (v === null ? '—' : valueLabel(catalog, d, v, lang));

  if (result.outcome === stored.outcome) {
    if (opts.json) {
      printJson({ number: n, stands: true, outcome: result.outcome, changes, reviewed: factsChanged, written: [] });
      return;
    }
    println(w.stands(n, style.ok(outcomeTitle(tree, result.outcome, lang))));
    if (changes.length === 0) println(w.noDriverChanged);
    for (const c of changes) println(w.changed(t(catalog.drivers[c.driver]?.question ?? c.driver, lang), label(c.driver, c.from), label(c.driver, c.to)));
    println(factsChanged ? w.reviewedAgain(factsChanged.from || '?', factsChanged.to) : w.reviewedSame(tree.reviewed));
    return;
  }

  const written = await recordDecisions({
    decisions: [decision],
    trees,
    catalog,
    cwd,
    dir,
    lang,
    dryRun: opts.dryRun === true,
    links: { 0: [{ type: strings(lang).linkTypes.supersedes, number: old.number, title: old.title, file: basename(old.file) }] },
    ...(old.deciders ? { deciders: old.deciders } : {}),
  });
  const created = written[0]!;
  if (!opts.dryRun) {
    const fresh = (await readLog(dir)).find((r: AdrRecord) => r.file === old.file) ?? old;
    await replaceFile(old.file, markSuperseded(fresh, { number: created.number, title: created.title, file: created.file }));
  }
  if (opts.json) {
    printJson({
      number: n,
      stands: false,
      from: stored.outcome,
      outcome: result.outcome,
      changes,
      reviewed: factsChanged,
      written: written.map((r) => ({ number: r.number, file: r.file, written: r.written })),
    });
    return;
  }
  if (opts.dryRun) {
    println(`${w.wouldSupersede(relative(cwd, created.file), n)}\n`);
    process.stdout.write(created.content);
    return;
  }
  println(w.superseded(stored.outcome, result.outcome, relative(cwd, created.file), n));
}
