// How a new ADR is written: the style the flag names, else the one `.adr-wizard.yaml` names, else
// the style the log is already written in (a repository keeps its format), else MADR 4; and how
// its file is named: as the log names its files (`001-` stays three digits; log4brains' dated
// names stay dated).
import { didYouMean } from '../core/did-you-mean.js';
import { UsageError } from '../core/errors.js';
import { isLang } from '../core/text.js';
import type { Lang } from '../core/types.js';
import type { AdrConfig } from '../io/config.js';
import { isTemplateName, TEMPLATE_EXPECTED, TEMPLATE_NAMES, type TemplateName } from '../io/template-names.js';
import { numberedName } from './file-names.js';
import { listAdrFiles, numbersByName, readAdr, type AdrFile } from './log.js';
import type { AdrStyle } from './types.js';
import type { FileNaming } from './write.js';

export interface TemplateChoice {
  /** The record's head, metadata, link form and file name. */
  style: AdrStyle;
  /** A repository's own `.hbs` template, rendered with the same view (which says `style`). */
  file?: string;
  naming: FileNaming;
}

/** Today's MADR, for an empty log. */
const DEFAULT_STYLE: AdrStyle = 'madr4';
/** adr-tools and MADR both write four digits. */
const DEFAULT_WIDTH = 4;
/** How many of the latest records say the log's style and number width. */
const RECENT = 5;

export function styleOfName(name: TemplateName): AdrStyle {
  return name === 'madr' ? 'madr4' : name;
}

/** The shipped template that writes `style`, for a decision (`''`), `new-` or `init-`. */
export function shippedTemplate(style: AdrStyle, kind: '' | 'new-' | 'init-'): string {
  return `${kind}${style === 'nygard' ? 'nygard' : 'madr'}`;
}

export async function chooseTemplate(
  flag: string | undefined,
  config: AdrConfig,
  dir: string,
  files?: AdrFile[],
): Promise<TemplateChoice> {
  const all = files ?? (await listAdrFiles(dir));
  const pick = flag ?? config.template;
  let style: AdrStyle | undefined;
  let custom: string | undefined;
  if (pick !== undefined) {
    if (isTemplateName(pick)) style = styleOfName(pick);
    else if (pick.endsWith('.hbs')) custom = pick;
    // `.adr-wizard.yaml` was checked when it was read: only a flag gets here.
    else throw new UsageError(`--template ${pick}: unknown template${didYouMean(pick, TEMPLATE_NAMES)} (${TEMPLATE_EXPECTED})`);
  }
  // The log's own style is read when none is asked for, or to tell whether a log that holds dated
  // files is a log4brains log (only dated files read as log4brains).
  const readLog = style === undefined || (style !== 'log4brains' && all.some((f) => f.dated !== undefined));
  const inLog = readLog ? await logStyle(dir, all) : undefined;
  style ??= inLog ?? DEFAULT_STYLE;
  // A log4brains log keeps dated names whatever style is asked for: a numbered file added to it
  // would move the number of every dated file (they are numbered after the highest numbered one).
  const naming: FileNaming = { dated: style === 'log4brains' || inLog === 'log4brains', width: numberWidth(all), prefix: namePrefix(all) };
  return custom !== undefined ? { style, file: custom, naming } : { style, naming };
}

/**
 * The style most of the latest records (up to five, the highest numbers) are written in, a tie
 * going to the latest of them; undefined for an empty log. Unreadable and empty files do not count.
 */
async function logStyle(dir: string, files: AdrFile[]): Promise<AdrStyle | undefined> {
  const byName = numbersByName(files);
  const styles: AdrStyle[] = [];
  for (const f of files.slice(-RECENT)) {
    const rec = await readAdr(dir, f, byName);
    // A file that could not be read (or is empty) says nothing of the log's style.
    if (rec.body !== '') styles.push(rec.style);
  }
  return mostCommon(styles);
}

/** The most frequent value; a tie goes to the one seen last. */
function mostCommon<T>(values: T[]): T | undefined {
  const counts = new Map<T, number>();
  let best: T | undefined;
  let bestCount = 0;
  for (const v of values) {
    const n = (counts.get(v) ?? 0) + 1;
    counts.set(v, n);
    // `>=`: a later value reaching the best count takes the tie.
    if (n >= bestCount) {
      best = v;
      bestCount = n;
    }
  }
  return best;
}

/**
 * The digits of the log's numbered file names (`001-x.md`: 3). A name with leading zeros shows its
 * width; the most common among the latest numbered files wins. A name without (`12-x.md`,
 * `1000-x.md`) shows no padding, and none is needed: the next number has at least as many digits.
 */
function numberWidth(files: AdrFile[]): number {
  const numbered = files.filter((f) => f.dated === undefined).slice(-RECENT);
  if (numbered.length === 0) return DEFAULT_WIDTH;
  const digits = numbered.map((f) => numberedName(f.name)?.digits ?? '');
  const padded = digits.filter((d) => d.startsWith('0') && d.length > 1);
  return mostCommon(padded.map((d) => d.length)) ?? digits.at(-1)!.length;
}

/** The prefix of the latest numbered file's name (`adr-`, `ADR_`), or '' (`0001-x.md`). */
function namePrefix(files: AdrFile[]): string {
  const latest = files.filter((f) => f.dated === undefined).at(-1);
  return (latest && numberedName(latest.name)?.prefix) ?? '';
}

export function chooseLang(flag: unknown, config: AdrConfig): Lang {
  const pick = flag ?? config.lang ?? 'en';
  if (!isLang(pick)) throw new UsageError(`unknown language "${String(pick)}" (expected en or es)`);
  return pick;
}
