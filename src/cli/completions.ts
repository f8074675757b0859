// Shell completion: what TAB offers for the words typed so far. The commands and their options are
// read from the commander program itself; the values of arguments and options come from the data
// the commands use (trees, drivers, starters, the ADR log), loaded only when a word needs them.
// The answer follows @bomb.sh/tab's protocol: one `value<TAB>description` per line, then
// `:<directive>` (the shell scripts of `adr-wizard completion <shell>` read it).
import type { Command, Option } from 'commander';
import { ShellCompDirective } from '@bomb.sh/tab';
import { ADR_STATUSES } from '../adr/types.js';
import { LANGS, type Lang } from '../core/types.js';
import { TEMPLATE_NAMES } from '../io/template-names.js';
import { DIAGRAM_FORMATS, DOCTOR_FORMATS, EXPORT_FORMATS, RENDER_FORMATS, SHELLS } from './option-values.js';

const NO_FILES = ShellCompDirective.ShellCompDirectiveNoFileComp;

export interface Suggestion {
  value: string;
  description?: string;
}

/** The data values come from; each list is read only when a word asks for it. */
export interface CompletionData {
  trees(lang: Lang): Promise<Suggestion[]>;
  /** Tree ids, outcome ids and the tags written in the ADR log: what `--tag` matches. */
  tags(lang: Lang): Promise<Suggestion[]>;
  drivers(lang: Lang): Promise<Suggestion[]>;
  driverValues(driver: string, lang: Lang): Promise<Suggestion[]>;
  starters(lang: Lang): Promise<Suggestion[]>;
  /** The values a starter's manifest allows for one of its options (every starter's, when none is named). */
  starterValues(starter: string | undefined, flag: string): Promise<Suggestion[]>;
  /** ADR numbers, titled; `decided`: only the ADRs adr-wizard wrote from a tree. */
  adrs(decided: boolean): Promise<Suggestion[]>;
  /** The link types adr-wizard writes that are one word (a shell would split "Relates to" in two). */
  linkTypes(): Suggestion[];
}

type Values =
  | readonly string[]
  | 'trees'
  | 'tags'
  | 'drivers'
  | 'starters'
  | 'starter-option'
  | 'adrs'
  | 'decided-adrs'
  | 'link-types'
  | 'links'
  | 'commands'
  | 'templates'
  | 'files'
  | 'dirs';

// What each argument (`command argument`) and option (`command --option`, or `--option` for every
// command) takes. Anything not listed takes free text: nothing is offered, not even files.
const ARGUMENT_VALUES: Record<string, Values> = {
  'show tree': 'trees',
  'diagram tree': 'trees',
  'decide tree': 'trees',
  'validate files': 'files',
  'scaffold starter': 'starters',
  'init dir': 'dirs',
  'status n': 'adrs',
  'status status': ADR_STATUSES,
  'link n': 'adrs',
  'link type': 'link-types',
  'link m': 'adrs',
  'revisit n': 'decided-adrs',
  'help command': 'commands',
  'completion shell': SHELLS,
};

const OPTION_VALUES: Record<string, Values> = {
  '--lang': LANGS,
  '--template': 'templates',
  '--status': ADR_STATUSES,
  '--out': 'files',
  'list --tree': 'trees',
  'search --tree': 'trees',
  'list --tag': 'tags',
  'search --tag': 'tags',
  'decide --set': 'drivers',
  'revisit --set': 'drivers',
  'decide --context': 'files',
  'decide --render': RENDER_FORMATS,
  'new --supersedes': 'adrs',
  'new --link': 'links',
  'diagram --adr': 'decided-adrs',
  'diagram --format': DIAGRAM_FORMATS,
  'doctor --format': DOCTOR_FORMATS,
  'export --format': EXPORT_FORMATS,
  'scaffold --out': 'dirs',
  'scaffold --transport': 'starter-option',
  'scaffold --database': 'starter-option',
  'scaffold --saga-style': 'starter-option',
  'scaffold --ingress': 'starter-option',
  'scaffold --hosting': 'starter-option',
};

export interface Completions {
  items: Suggestion[];
  directive: number;
}

/** What the command line `words` (the program name left out; the last word is the one being completed) can go on with. */
export async function complete(program: Command, words: readonly string[], data: CompletionData): Promise<Completions> {
  const current = words.at(-1) ?? '';
  const line = readLine(program, words.slice(0, -1));
  const { command } = line;
  const lang: Lang = line.lang ?? 'en';
  const ask = (values: Values | undefined, word: string, flag?: string) =>
    valuesFor(values, word, { program, command, lang, data, flag, starter: line.positionals[0], given: line.values.get(flag ?? '') ?? [] });

  // The value of the option before: `--tree <TAB>`.
  if (line.pending) return ask(valuesOf(command, line.pending), current, line.pending.long);
  if (current.startsWith('-') && !line.operandsOnly) {
    // `--tree=<TAB>`: the value alone, as tab's protocol wants (the shell script keeps `--tree=`).
    const eq = current.indexOf('=');
    if (current.startsWith('--') && eq > 0) {
      const option = findOption(command, current.slice(0, eq));
      if (option && takesValue(option)) return ask(valuesOf(command, option), current.slice(eq + 1), option.long);
      return { items: [], directive: NO_FILES };
    }
    return { items: optionsOf(command, line.given, current), directive: NO_FILES };
  }
  if (command === program) return line.positionals.length === 0 ? ask('commands', current) : { items: [], directive: NO_FILES };
  const args = command.registeredArguments;
  const index = line.positionals.length;
  const argument = index < args.length ? args[index] : args.at(-1)?.variadic ? args.at(-1) : undefined;
  if (!argument) return { items: [], directive: NO_FILES };
  const values = ARGUMENT_VALUES[`${command.name()} ${argument.name()}`];
  const result = await ask(values, current);
  // A variadic argument does not offer again what is already on the line (`decide a b <TAB>`).
  if (argument.variadic) result.items = result.items.filter((s) => !line.positionals.includes(s.value));
  return result;
}

interface Line {
  command: Command;
  /** Arguments of the command, options and their values left out. */
  positionals: string[];
  /** Options given. */
  given: Set<Option>;
  /** The values given to each option, by long name. */
  values: Map<string, string[]>;
  /** The option just typed, waiting for its value. */
  pending?: Option;
  /** After `--`: no more options. */
  operandsOnly: boolean;
  lang?: Lang;
}

/** The words before the one being completed: the command they name, its arguments so far, the options given. */
function readLine(program: Command, words: readonly string[]): Line {
  const line: Line = { command: program, positionals: [], given: new Set(), values: new Map(), operandsOnly: false };
  for (let i = 0; i < words.length; i++) {
    const word = words[i]!;
    if (!line.operandsOnly && word === '--') {
      line.operandsOnly = true;
      continue;
    }
    if (!line.operandsOnly && word.startsWith('-') && word.length > 1) {
      const eq = word.startsWith('--') ? word.indexOf('=') : -1;
      const name = eq > 0 ? word.slice(0, eq) : word.startsWith('--') ? word : word.slice(0, 2);
      const option = findOption(line.command, name);
      if (!option) continue; // unknown: taken as a flag
      line.given.add(option);
      if (!takesValue(option)) continue;
      // The value: after `=`, glued to a short flag (`-sscale=large`), or the next word.
      let value: string | undefined = eq > 0 ? word.slice(eq + 1) : !word.startsWith('--') && word.length > 2 ? word.slice(2) : undefined;
      if (value === undefined) {
        if (i + 1 === words.length) {
          if (option.required) line.pending = option;
          break;
        }
        if (option.optional && words[i + 1]!.startsWith('-')) continue;
        value = words[++i]!;
      }
      line.values.set(option.long ?? '', [...(line.values.get(option.long ?? '') ?? []), value]);
      if (option.long === '--lang' && (LANGS as readonly string[]).includes(value)) line.lang = value as Lang;
      continue;
    }
    if (line.command.parent === null && line.positionals.length === 0) {
      const sub = line.command.commands.find((c) => c.name() === word || c.aliases().includes(word));
      if (sub) {
        line.command = sub;
        line.given = new Set();
        line.values = new Map();
        continue;
      }
    }
    line.positionals.push(word);
  }
  return line;
}

function findOption(command: Command, name: string): Option | undefined {
  // visibleOptions: the command's own and its help option.
  return command.createHelp().visibleOptions(command).find((o) => o.long === name || o.short === name);
}

function takesValue(option: Option): boolean {
  return option.required || option.optional;
}

function valuesOf(command: Command, option: Option): Values | undefined {
  const long = option.long ?? '';
  return OPTION_VALUES[`${command.name()} ${long}`] ?? OPTION_VALUES[long];
}

/** The options of `command` not given yet (a repeatable one always), long forms, and short ones unless `--` is typed. */
function optionsOf(command: Command, given: Set<Option>, current: string): Suggestion[] {
  const out: Suggestion[] = [];
  for (const option of command.createHelp().visibleOptions(command)) {
    if (given.has(option) && !Array.isArray(option.defaultValue)) continue;
    if (option.long) out.push({ value: option.long, description: option.description });
    if (option.short && !current.startsWith('--')) out.push({ value: option.short, description: option.description });
  }
  return out;
}

interface Context {
  program: Command;
  command: Command;
  lang: Lang;
  data: CompletionData;
  flag: string | undefined;
  /** The first argument: for `scaffold`, the starter whose options are offered. */
  starter: string | undefined;
  /** The values already given to the option being completed (`--set a=b --set <TAB>`). */
  given: string[];
}

async function valuesFor(values: Values | undefined, word: string, ctx: Context): Promise<Completions> {
  const { data, lang } = ctx;
  const items = (list: Suggestion[] | Promise<Suggestion[]>, directive = NO_FILES) =>
    Promise.resolve(list).then((l) => ({ items: l, directive }));
  if (values === undefined) return { items: [], directive: NO_FILES };
  if (typeof values !== 'string') return items(values.map((value) => ({ value })));
  switch (values) {
    case 'trees':
      return items(data.trees(lang));
    case 'tags':
      return items(data.tags(lang));
    case 'drivers': {
      // `--set <TAB>`: `driver=`, the cursor kept after `=`; `--set scale=<TAB>`: `scale=small`, ...
      const eq = word.indexOf('=');
      if (eq < 0) {
        // A driver already set on the line is not offered again.
        const set = new Set(ctx.given.map((v) => `${v.split('=')[0]}=`));
        const drivers = (await data.drivers(lang)).filter((d) => !set.has(d.value));
        return items(drivers, NO_FILES | ShellCompDirective.ShellCompDirectiveNoSpace);
      }
      const driver = word.slice(0, eq);
      return items((await data.driverValues(driver, lang)).map((s) => ({ ...s, value: `${driver}=${s.value}` })));
    }
    case 'starters':
      return items(data.starters(lang));
    case 'starter-option':
      return items(data.starterValues(ctx.starter, ctx.flag ?? ''));
    case 'adrs':
      return items(data.adrs(false));
    case 'decided-adrs':
      return items(data.adrs(true));
    case 'link-types':
      return items(data.linkTypes());
    case 'links': {
      // `new --link <TAB>`: `Amends:`, the cursor kept after `:`; `--link Amends:<TAB>`: `Amends:3`, ...
      const colon = word.lastIndexOf(':');
      if (colon < 0) {
        const types = data.linkTypes().map((s) => ({ value: `${s.value}:` }));
        return items(types, NO_FILES | ShellCompDirective.ShellCompDirectiveNoSpace);
      }
      const type = word.slice(0, colon + 1);
      return items((await data.adrs(false)).map((s) => ({ ...s, value: `${type}${s.value}` })));
    }
    case 'commands':
      return items(
        ctx.program
          .createHelp()
          .visibleCommands(ctx.program)
          .map((c) => ({ value: c.name(), description: c.description() })),
      );
    case 'templates':
      // A template may also be a .hbs file: with no name matching, the shell completes paths.
      return items(
        TEMPLATE_NAMES.map((value) => ({ value })),
        ShellCompDirective.ShellCompDirectiveDefault,
      );
    case 'files':
      return items([], ShellCompDirective.ShellCompDirectiveDefault);
    case 'dirs':
      return items([], ShellCompDirective.ShellCompDirectiveFilterDirs);
  }
}

/** The protocol's text: a line per suggestion, then the directive. */
export function formatCompletions(c: Completions): string {
  const lines = c.items.map((s) => (s.description ? `${s.value}\t${oneLine(s.description)}` : s.value));
  return `${[...lines, `:${c.directive}`].join('\n')}\n`;
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
