// advice-changed: an accepted decision re-walked with the drivers it recorded against today's
// trees and drivers. Another outcome, a question the record cannot answer, a value the drivers no
// longer know, or a warning that now applies and the ADR does not carry: the advice it rests on
// has changed, and `revisit` is the way to act on it.
import { outcomeTitle } from '../../core/labels.js';
import { isLang } from '../../core/text.js';
import type { Lang, Tree, WalkResult } from '../../core/types.js';
import { rewalk } from '../rewalk.js';
import type { AdrRecord, AdrWizardBlock } from '../types.js';
import { wizardLine } from './lines.js';
import type { DecisionData, Finding } from './types.js';

/** Checks one accepted record with an adr-wizard block; the record's text is needed for its warnings. */
export function adviceFindings(r: AdrRecord, data: DecisionData): Finding[] {
  const w = r.wizard;
  if (!w) return [];
  const at = (severity: Finding['severity'], message: string): Finding[] => {
    const f: Finding = { rule: 'advice-changed', severity, number: r.number, file: r.file, message };
    const line = wizardLine(r.body);
    if (line !== undefined) f.line = line;
    return [f];
  };
  const tree = data.trees.get(w.tree);
  if (!tree) {
    return at('info', `decided with the tree "${w.tree}", which adr-wizard no longer has (shipped or in .adr-wizard/decisions): there is nothing to re-walk`);
  }
  const lang: Lang = isLang(w.lang) ? w.lang : 'en';
  const parts = [...unknownValues(w, data), ...changes(r, w, tree, data, lang)];
  if (parts.length === 0) return [];
  return at('warning', `re-walked against "${tree.id}" (reviewed ${tree.reviewed}): ${parts.join('; ')}; act on it with \`adr-wizard revisit ${r.number}\``);
}

/** Recorded drivers and values today's drivers do not have. */
function unknownValues(w: AdrWizardBlock, data: DecisionData): string[] {
  const out: string[] = [];
  for (const [d, v] of Object.entries(w.drivers)) {
    const driver = Object.hasOwn(data.catalog.drivers, d) ? data.catalog.drivers[d] : undefined;
    if (!driver) out.push(`the recorded driver "${d}" is no longer known`);
    else if (!Object.hasOwn(driver.values, v)) out.push(`the recorded value ${d}=${v} is no longer known (${d} takes ${Object.keys(driver.values).join(', ')})`);
  }
  return out;
}

function changes(r: AdrRecord, w: AdrWizardBlock, tree: Tree, data: DecisionData, lang: Lang): string[] {
  const again = rewalk(tree, data.catalog, w, lang);
  if (!('decision' in again)) {
    const { result } = again;
    const known = (d: string) => Object.hasOwn(data.catalog.drivers, d) && Object.hasOwn(data.catalog.drivers[d]!.values, w.drivers[d]!);
    const notRecorded = result.missing.filter((d) => !Object.hasOwn(w.drivers, d));
    // A recorded value the catalog knows but the tree's question no longer branches on.
    const refused = result.missing.filter((d) => Object.hasOwn(w.drivers, d) && known(d));
    const out: string[] = [];
    if (notRecorded.length > 0) {
      out.push(`the tree now also asks ${notRecorded.map((d) => `"${d}"`).join(', ')}, which the ADR does not record`);
    }
    for (const d of refused) out.push(`the tree no longer takes ${d}=${w.drivers[d]!}`);
    return out;
  }
  const { result } = again;
  if (result.outcome !== w.outcome) {
    const was = Object.hasOwn(tree.outcomes, w.outcome)
      ? `"${outcomeTitle(tree, w.outcome, lang)}" (${w.outcome})`
      : `"${w.outcome}", which the tree no longer has`;
    return [`with the recorded drivers it now reaches "${outcomeTitle(tree, result.outcome, lang)}" (${result.outcome}), not ${was}, ${why(result, w.outcome)}`];
  }
  // As written first (every ADR adr-wizard wrote); the text without its layout only when that fails.
  let carried: string | undefined;
  return again
    .warnings()
    .filter((text) => !r.body.includes(text) && !(carried ??= plain(r.body)).includes(plain(text)))
    .map((text) => `a warning now applies that the ADR does not carry: "${text}"`);
}

/** Why the walk ends elsewhere: the path it takes, or for a matrix the scores. */
function why(result: Extract<WalkResult, { status: 'done' }>, recorded: string): string {
  if (!result.scores) return `by ${result.path.map((s) => `${s.driver}=${s.value}`).join(' → ')}`;
  const row = (id: string) => result.scores!.rows.find((x) => x.option === id);
  const old = row(recorded);
  const now = row(result.outcome);
  if (old && !old.eligible && old.excludedBy) return `as ${old.excludedBy.driver}=${old.excludedBy.value} now excludes ${recorded}`;
  if (old && now) return `as the scores now rank it first (${now.total} against ${old.total})`;
  return 'as the scores now rank it first';
}

// ADR text as a warning is compared with it: blockquote markers and line breaks (a reflowed file)
// do not count.
const QUOTE_MARKERS = /^[ \t]*(?:>[ \t]?)+/gm;
const SPACE = /\s+/g;

function plain(text: string): string {
  return text.replace(QUOTE_MARKERS, '').replace(SPACE, ' ').trim();
}
