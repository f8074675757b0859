// `adr-wizard complete -- <words>`, hidden: what the completion scripts run on each TAB. It prints
// the completions of the command line in @bomb.sh/tab's protocol, and never an error: what cannot
// be read (a broken tree, a missing log) only means fewer suggestions.
import type { Command } from 'commander';
import { writtenPairs } from '../../core/link-types.js';
import { t } from '../../core/text.js';
import type { Lang } from '../../core/types.js';
import { eachAdr, findAdrDir } from '../../adr/log.js';
import { loadDecisionSet, type DecisionSet } from '../../io/trees.js';
import { loadCatalog } from '../../scaffold/catalog.js';
import { OPTION_FLAGS, type ValueOptionName } from '../../scaffold/types.js';
import { complete, formatCompletions, type CompletionData, type Suggestion } from '../completions.js';

export async function run(program: Command, words: string[]): Promise<void> {
  let out: string;
  try {
    out = formatCompletions(await complete(program, words, completionData(process.cwd())));
  } catch {
    out = ':1\n'; // ShellCompDirectiveError: the shell offers nothing
  }
  process.stdout.write(out);
}

/** The lists completion offers, from what the commands read, in `cwd`; a list that cannot be read is empty. */
function completionData(cwd: string): CompletionData {
  let decisions: Promise<DecisionSet | undefined> | undefined;
  const decisionSet = () =>
    (decisions ??= loadDecisionSet({ cwd, lenient: true }).catch(() => undefined));
  const quietly = async (list: () => Promise<Suggestion[]>): Promise<Suggestion[]> => {
    try {
      return await list();
    } catch {
      return [];
    }
  };
  const trees = (lang: Lang) =>
    quietly(async () => [...((await decisionSet())?.trees.values() ?? [])].map((tree) => ({ value: tree.id, description: t(tree.title, lang) })));
  const adrs = (decided: boolean) =>
    quietly(async () => {
      const out: Suggestion[] = [];
      for await (const r of eachAdr((await findAdrDir(cwd)).dir)) {
        if (!decided || r.wizard !== undefined) out.push({ value: String(r.number), description: r.title });
      }
      return out;
    });
  return {
    trees,
    tags: (lang) =>
      quietly(async () => {
        const out = new Map<string, Suggestion>();
        for (const tree of (await decisionSet())?.trees.values() ?? []) {
          out.set(tree.id, { value: tree.id, description: t(tree.title, lang) });
          for (const o of Object.values(tree.outcomes)) if (!out.has(o.id)) out.set(o.id, { value: o.id, description: t(o.title, lang) });
        }
        for await (const r of eachAdr((await findAdrDir(cwd)).dir)) {
          for (const tag of r.tags) if (!out.has(tag)) out.set(tag, { value: tag });
        }
        return [...out.values()];
      }),
    drivers: (lang) =>
      quietly(async () =>
        Object.values((await decisionSet())?.catalog.drivers ?? {}).map((d) => ({ value: `${d.id}=`, description: t(d.question, lang) })),
      ),
    driverValues: (driver, lang) =>
      quietly(async () => {
        const d = (await decisionSet())?.catalog.drivers[driver];
        return Object.entries(d?.values ?? {}).map(([value, v]) => ({ value, description: t(v.label, lang) }));
      }),
    starters: (lang) => quietly(async () => (await loadCatalog()).starters.map((s) => ({ value: s.id, description: s.description[lang] }))),
    starterValues: (starter, flag) =>
      quietly(async () => {
        const name = (Object.keys(OPTION_FLAGS) as (keyof typeof OPTION_FLAGS)[]).find((k) => OPTION_FLAGS[k] === flag);
        if (name === undefined || name === 'services') return [];
        const all = (await loadCatalog()).starters;
        const chosen = all.filter((s) => s.id === starter);
        const values = new Set<string>();
        for (const s of chosen.length > 0 ? chosen : all) for (const v of s.options[name as ValueOptionName]?.values ?? []) values.add(v);
        return [...values].map((value) => ({ value }));
      }),
    adrs,
    linkTypes: () =>
      writtenPairs()
        .map(([active]) => active)
        .filter((type) => !/\s/.test(type))
        .map((value) => ({ value })),
  };
}
