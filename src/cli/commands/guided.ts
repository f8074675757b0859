// `adr-wizard` with no arguments in a terminal: pick decisions, answer each driver once (with its
// help visible), go back to change an answer, see a summary, confirm, write the ADRs, and get
// offered the starter the outcomes call for. Ctrl-C at any prompt exits 130 with nothing written,
// because nothing is written before the confirmation.
import { resolve } from 'node:path';
import { UsageError } from '../../core/errors.js';
import { t } from '../../core/text.js';
import type { Decision, DriverCatalog, DriverValues, Lang, Tree } from '../../core/types.js';
import { loadDecisionSet } from '../../io/trees.js';
import { resolveLang } from '../lang.js';
import { println, style } from '../messages.js';
import { askUntilResolved, undoLast, type AskState } from '../interactive.js';
import type { Prompter } from '../prompter/types.js';
import { rootTrees } from '../../core/resolve.js';
import { displayPath, printDecision, printNextSteps } from '../decision-report.js';
import { words } from '../decision-words.js';
import { writeAdrs } from '../write-adrs.js';

interface GuidedOptions {
  lang?: string;
}

export async function run(opts: GuidedOptions): Promise<void> {
  const lang = resolveLang(opts.lang);
  if (process.stdin.isTTY !== true || process.stdout.isTTY !== true) throw new UsageError(words(lang).needsTerminal);
  const { catalog, trees } = await loadDecisionSet({ cwd: process.cwd() });
  const { InquirerPrompter } = await import('../prompter/inquirer.js');
  await guidedSession({ prompter: new InquirerPrompter(lang), catalog, trees, lang, cwd: process.cwd() });
}

export interface SessionDeps {
  prompter: Prompter;
  catalog: DriverCatalog;
  trees: Map<string, Tree>;
  lang: Lang;
  cwd: string;
}

const ALL = '*';

/** The session itself, with the prompter injected (a scripted one in tests). */
export async function guidedSession(deps: SessionDeps): Promise<{ decisions: Decision[]; written: string[] }> {
  const { prompter, catalog, trees, lang, cwd } = deps;
  const w = words(lang);
  println(style.title(w.intro));
  println(style.dim(w.introKeys));
  println();

  for (;;) {
    const { requested, chain, areas } = await pickTrees(deps);
    const state: AskState = { answers: [] };
    for (;;) {
      const resolved = await askUntilResolved(
        { trees, requested, chain, lang, catalog, base: areas ?? {}, assumed: new Set(), applicable: areas !== undefined },
        catalog,
        prompter,
        state,
      );
      if (!resolved) break; // back past the first question: pick the decisions again
      const { decisions } = resolved.resolution;

      println();
      println(style.title(w.summary));
      println();
      decisions.forEach((d, i) => {
        if (i > 0) println();
        printDecision(d, trees, catalog, lang);
      });
      println();

      const next = await prompter.select({
        id: 'confirm-write',
        message: w.confirmWrite(decisions.length),
        choices: [
          { value: 'write', name: w.write(decisions.length) },
          { value: 'back', name: w.changeAnswer },
          { value: 'quit', name: w.quit },
        ],
        default: 'write',
      });
      if (next === 'quit') {
        println(w.nothingWritten);
        return { decisions, written: [] };
      }
      if (next === 'back') {
        if (undoLast(state)) continue;
        break;
      }
      const adrs = await writeAdrs({ decisions, trees, catalog, cwd, lang });
      const written: string[] = [];
      println();
      for (const d of decisions) {
        const adr = adrs.get(d.tree);
        if (!adr) continue;
        written.push(adr.file);
        const n = String(adr.number).padStart(4, '0');
        println(`${style.ok('✔')} ${adr.written ? w.adrWritten(n) : w.adrUnchanged(n)}: ${style.id(displayPath(adr.file, cwd))}`);
      }
      const scaffolded = await offerStarter(deps, decisions);
      printNextSteps(decisions, trees, lang, { written: written.length > 0, skipStarters: scaffolded });
      return { decisions, written };
    }
  }
}

async function pickTrees(deps: SessionDeps): Promise<{ requested: string[]; chain: boolean; areas?: DriverValues }> {
  const { prompter, trees, lang } = deps;
  const w = words(lang);
  const roots = rootTrees(trees);
  const rootTitles = roots.map((id) => t(trees.get(id)!.title, lang)).join(', ');
  const picked = await prompter.checkbox<string>({
    id: 'trees',
    message: w.pickTrees,
    required: true,
    choices: [
      { value: ALL, name: w.allThatApply(rootTitles), description: w.allThatApplyHelp },
      ...[...trees.values()].map((tree) => ({
        value: tree.id,
        name: `${t(tree.title, lang)} (${tree.id})`,
        description: firstSentence(t(tree.problem, lang)),
      })),
    ],
  });
  if (picked.includes(ALL)) return { requested: roots, chain: true, areas: await askAreas(deps) };
  const hasFollowUps = picked.some((id) =>
    Object.values(trees.get(id)?.outcomes ?? {}).some((o) => o.followUps.length > 0),
  );
  const chain = hasFollowUps ? await prompter.confirm({ id: 'chain', message: w.followChains, default: true }) : false;
  return { requested: picked, chain };
}

/**
 * "All that apply" first asks which areas the project has (the yes/no drivers of the trees'
 * `appliesWhen`, as one checklist), so that a web shop is not asked about its ML platform.
 */
async function askAreas(deps: SessionDeps): Promise<DriverValues> {
  const { prompter, trees, catalog, lang } = deps;
  const w = words(lang);
  const areas = [
    ...new Set([...trees.values()].flatMap((tree) => Object.keys(tree.appliesWhen ?? {}))),
  ].filter((d) => {
    const values = Object.keys(catalog.drivers[d]?.values ?? {});
    return values.length === 2 && values.includes('yes') && values.includes('no');
  });
  if (areas.length === 0) return {};
  const picked = await prompter.checkbox<string>({
    id: 'areas',
    message: w.areas,
    choices: areas.map((d) => ({
      value: d,
      name: t(catalog.drivers[d]!.question, lang),
      description: t(catalog.drivers[d]!.help, lang),
    })),
  });
  return Object.fromEntries(areas.map((d) => [d, picked.includes(d) ? 'yes' : 'no']));
}

/** Offers the starters the outcomes call for; true when one was scaffolded. */
async function offerStarter(deps: SessionDeps, decisions: Decision[]): Promise<boolean> {
  const { prompter, trees, lang } = deps;
  const w = words(lang);
  const wanted = [
    ...new Set(decisions.flatMap((d) => trees.get(d.tree)?.outcomes[d.outcome]?.starters ?? [])),
  ];
  if (wanted.length === 0) return false;
  const { loadCatalog } = await import('../../scaffold/catalog.js');
  const { starters } = await loadCatalog();
  const described = wanted.flatMap((id) => starters.filter((s) => s.id === id).map((s) => ({ id, description: s.description[lang] })));
  if (described.length === 0) return false;
  println();
  const pick = await prompter.select<string>({
    id: 'starter',
    message: w.offerStarter,
    choices: [
      ...described.map((s) => ({ value: s.id, name: w.starterChoice(s.id, s.description) })),
      { value: '', name: w.notNow },
    ],
    default: described[0]!.id,
  });
  if (pick === '') return false;
  const out = await prompter.input({
    id: 'starter-dir',
    message: w.starterDir,
    default: pick,
    validate: (v) => (v.trim() === '' ? w.starterDirEmpty : true),
  });
  // The scaffold command owns the starter options (defaults, values taken from the ADRs just
  // written) and its own output; the session hands over the choice.
  const scaffold = await import('./scaffold.js');
  await scaffold.run(pick, { out: resolve(deps.cwd, out.trim()) });
  return true;
}

// The first sentence of a tree's problem statement is enough to tell the trees apart in the list.
function firstSentence(text: string): string {
  const flat = text.trim().replace(/\s+/g, ' ');
  const end = flat.search(/[.?!](\s|$)/);
  return end < 0 ? flat : flat.slice(0, end + 1);
}
