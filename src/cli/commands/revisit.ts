// `adr-wizard revisit <n> [--set d=v]...`: re-walk the tree behind ADR n with its stored driver
// values plus the changes. A different outcome is a new ADR that supersedes n; the same outcome
// means the decision stands, and we say what changed around it.
import { basename, relative } from 'node:path';
import { UsageError } from '../../core/errors.js';
import { toDecision } from '../../core/decision.js';
import { t } from '../../core/text.js';
import type { DriverCatalog, DriverValues, Lang, Tree } from '../../core/types.js';
import { walk } from '../../core/walk.js';
import { flipOutcomes, flips } from '../../core/flips.js';
import { askedDrivers } from '../../core/space.js';
import { markSuperseded } from '../../adr/edit.js';
import { strings } from '../../adr/i18n.js';
import { findAdrDir, readLog } from '../../adr/log.js';
import { getAdr, parseAdrNumber } from '../../adr/lookup.js';
import { recordDecisions } from '../../adr/record-decisions.js';
import { valueLabel } from '../../adr/decision-view.js';
import { isLang } from '../../core/text.js';
import { loadAdrConfig } from '../../adr/config.js';
import type { AdrRecord } from '../../adr/types.js';
import { replaceFile } from '../../io/fs.js';
import { printJson, println, style } from '../messages.js';
import type { Prompter } from '../prompter/types.js';

interface RevisitOptions {
  set?: string[];
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
  const es = lang === 'es';
  // What would change the decision, shown next to each driver so the user sees which answers matter.
  const result = walk(tree, values);
  const changes = result.status === 'done' ? flips(tree, values, result, catalog) : [];
  const title = (id: string) => (tree.outcomes[id] ? t(tree.outcomes[id].title, lang) : id);
  const hint = (d: string) =>
    changes
      .filter((f) => f.driver === d)
      .map((f) => `${valueLabel(catalog, d, f.to, lang)} → ${flipOutcomes(f).map(title).join(' / ')}`)
      .join('; ');
  const pick = await prompter.checkbox<string>({
    id: 'revisit-drivers',
    message: es ? '¿Qué factores han cambiado? (ninguno: revisar los datos)' : 'Which drivers changed? (none: just check the facts)',
    choices: drivers.map((d) => ({
      value: d,
      name: `${t(catalog.drivers[d]!.question, lang)} (${values[d] !== undefined ? valueLabel(catalog, d, values[d]!, lang) : '—'})${hint(d) ? `  ${hint(d)}` : ''}`,
    })),
  });
  const out: DriverValues = {};
  for (const d of pick) out[d] = await askDriver(prompter, catalog, d, values[d], lang);
  return out;
}

function askDriver(prompter: Prompter, catalog: DriverCatalog, d: string, current: string | undefined, lang: Lang): Promise<string> {
  const driver = catalog.drivers[d];
  if (!driver) throw new UsageError(`the tree asks the driver "${d}", which the driver catalog does not define`);
  return prompter.select<string>({
    id: `driver:${d}`,
    message: t(driver.question, lang),
    choices: Object.entries(driver.values).map(([v, val]) => ({ value: v, name: t(val.label, lang) })),
    ...(current !== undefined ? { default: current } : {}),
  });
}

export async function run(nArg: string, opts: RevisitOptions = {}): Promise<void> {
  const cwd = process.cwd();
  const n = parseAdrNumber(nArg);
  const { dir } = await findAdrDir(cwd);
  const log = await readLog(dir);
  const old = getAdr(log, n, cwd);
  if (!old.wizard) {
    throw new UsageError(
      `ADR ${n} (${basename(old.file)}) has no adr-wizard block: only ADRs written by \`adr-wizard decide\` can be revisited`,
    );
  }
  if (old.status === 'superseded') {
    const by = old.links.find((l) => /by|por/i.test(l.type));
    process.stderr.write(
      `${style.warn('note')} ADR ${n} is already superseded${by ? ` by ADR ${by.number}` : ''}; revisiting it anyway\n`,
    );
  }
  const config = await loadAdrConfig(cwd);
  const stored = old.wizard;
  const langPick = opts.lang ?? (stored.lang && isLang(stored.lang) ? stored.lang : undefined) ?? config.lang ?? 'en';
  if (!isLang(langPick)) throw new UsageError(`unknown language "${langPick}" (expected en or es)`);
  const lang: Lang = langPick;

  const { loadDecisionSet } = await import('../../io/trees.js');
  const { catalog, trees } = await loadDecisionSet({ cwd });
  const tree = trees.get(stored.tree);
  if (!tree) {
    throw new UsageError(`ADR ${n} was decided with the tree "${stored.tree}", which is not available any more`);
  }

  const { parseSetFlags } = await import('../../io/context.js');
  let sets = parseSetFlags(opts.set ?? [], catalog);
  const interactive = opts.interactive ?? (process.stdin.isTTY === true && process.stdout.isTTY === true && !opts.json);
  let prompter: Prompter | undefined;
  if (interactive) {
    const { InquirerPrompter } = await import('../prompter/inquirer.js');
    prompter = new InquirerPrompter(lang);
    if ((opts.set ?? []).length === 0) sets = await promptChanges(prompter, tree, catalog, stored.drivers, lang);
  }

  const values: DriverValues = { ...stored.drivers, ...sets };
  let result = walk(tree, values);
  // A changed answer can lead to questions the old path never asked: ask them in a terminal.
  while (result.status !== 'done' && prompter) {
    const d = result.missing[0]!;
    sets[d] = values[d] = await askDriver(prompter, catalog, d, undefined, lang);
    result = walk(tree, values);
  }
  if (result.status !== 'done') {
    throw new UsageError(
      `the tree "${tree.id}" now also needs ${result.missing.map((d) => `"${d}"`).join(', ')}: give ${result.missing.length === 1 ? 'it' : 'them'} with --set ${result.missing[0]}=...`,
    );
  }
  // Values the user just set are no longer assumptions.
  const assumed = stored.assumed.filter((d) => !(d in sets));
  const decision = toDecision(tree, result, { lang, values, assumed, catalog });

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
    const title = tree.outcomes[result.outcome] ? t(tree.outcomes[result.outcome]!.title, lang) : result.outcome;
    println(`ADR ${n} stands: ${style.ok(title)} is still the outcome.`);
    if (changes.length === 0) println('No driver value changed.');
    for (const c of changes) {
      println(`  changed: ${t(catalog.drivers[c.driver]?.question ?? c.driver, lang)} ${label(c.driver, c.from)} -> ${label(c.driver, c.to)}`);
    }
    if (factsChanged) {
      println(`  the tree's facts were reviewed again: ${factsChanged.from || '?'} -> ${factsChanged.to}`);
    } else {
      println(`  the tree's facts are as of ${tree.reviewed}, as when the ADR was written.`);
    }
    return;
  }

  const l = strings(lang);
  const written = await recordDecisions({
    decisions: [decision],
    trees,
    catalog,
    cwd,
    lang,
    dryRun: opts.dryRun === true,
    links: { 0: [{ type: l.linkTypes.supersedes, number: old.number, title: old.title, file: basename(old.file) }] },
    ...(old.deciders ? { deciders: old.deciders } : {}),
  });
  const created = written[0]!;
  if (!opts.dryRun) {
    const fresh = (await readLog(dir)).find((r: AdrRecord) => r.file === old.file) ?? old;
    await replaceFile(old.file, markSuperseded(fresh, { number: created.number, title: titleOf(created.content), file: created.file }));
  }
  if (opts.json) {
    printJson({
      number: n,
      stands: false,
      from: stored.outcome,
      outcome: result.outcome,
      changes,
      reviewed: factsChanged,
      written: written.map((w) => ({ number: w.number, file: w.file, written: w.written })),
    });
    return;
  }
  if (opts.dryRun) {
    println(`Would write ${relative(cwd, created.file)} (superseding ADR ${n}):\n`);
    process.stdout.write(created.content);
    return;
  }
  println(`${stored.outcome} -> ${result.outcome}: ${relative(cwd, created.file)} supersedes ADR ${n}`);
}

function titleOf(content: string): string {
  const m = /^#\s+(?:\d+\.\s+)?(.*)$/m.exec(content);
  return m ? m[1]!.trim() : '';
}
