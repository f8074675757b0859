// `decide` and `write_adrs`: the walk the CLI's `decide` does, for an assistant. It never guesses
// a missing answer: it hands back the next questions to put to the user, then the decisions with
// their reasoning, then the ADRs (a preview unless writing is asked for).
import { UsageError, type Problem } from '../core/errors.js';
import { checkDriverValue } from '../core/driver-values.js';
import { flipOutcomes } from '../core/flips.js';
import { outcomeTitle, questionText, valueLabel } from '../core/labels.js';
import { checkTreeIds, missingDriversError, resolveDecisions, resolveWithDefaults, rootTrees, type Resolution } from '../core/resolve.js';
import { t } from '../core/text.js';
import type { Decision, DriverCatalog, DriverValues, Lang, Tree } from '../core/types.js';
import type { ContextFile } from '../io/context.js';
import { consideredOptions } from '../adr/decision-view.js';
import { adrDirOf, inside, shown, type Project } from './project.js';
import type { Answer } from './results.js';
import { driverQuestion, loadTrees } from './trees.js';

export interface DecideArgs {
  trees?: string[];
  all?: boolean;
  drivers?: Record<string, string>;
  context?: string;
  chain?: boolean;
  lang?: Lang;
  useDefaults?: boolean;
}

interface Walked {
  resolution: Resolution;
  trees: Map<string, Tree>;
  catalog: DriverCatalog;
  lang: Lang;
  context?: ContextFile;
  values: DriverValues;
}

/** Every driver value checked at once, each problem named by its argument (`drivers.scale`). */
function checkDrivers(given: Record<string, string>, catalog: DriverCatalog): DriverValues {
  const problems: Problem[] = [];
  for (const [driver, value] of Object.entries(given)) {
    const problem = checkDriverValue(catalog, driver, value);
    if (problem) problems.push({ path: `drivers.${driver}`, message: problem.message, severity: 'error' });
  }
  if (problems.length === 1) throw new UsageError(`${problems[0]!.path}: ${problems[0]!.message}`);
  if (problems.length > 1) throw new UsageError(`${problems.length} driver values are not valid`, problems);
  return { ...given };
}

async function walk(project: Project, args: DecideArgs): Promise<Walked> {
  const { catalog, trees } = await loadTrees(project);
  const ids = args.trees ?? [];
  if (args.all === true && ids.length > 0) throw new UsageError('give tree ids or all, not both');
  if (args.all !== true && ids.length === 0) throw new UsageError('name the trees to decide (list_trees lists them), or set all: true');
  const requested = args.all === true ? rootTrees(trees) : checkTreeIds(ids, trees);
  let context: ContextFile | undefined;
  if (args.context !== undefined) {
    await inside(project, args.context, 'context');
    const { readContextFile } = await import('../io/context.js');
    // Named as given, as the CLI names it in its messages.
    context = await readContextFile(args.context, catalog, project.root);
  }
  const lang = args.lang ?? context?.lang ?? 'en';
  const values = { ...context?.drivers, ...checkDrivers(args.drivers ?? {}, catalog) };
  const input = { trees, requested, chain: args.chain === true || args.all === true, lang, catalog, applicable: args.all === true };
  const resolution =
    args.useDefaults === true ? resolveWithDefaults({ ...input, values }).resolution : resolveDecisions({ ...input, values, assumed: new Set() });
  return { resolution, trees, catalog, lang, values, ...(context ? { context } : {}) };
}

/** A decision in words and data: what was chosen, the path, what else was considered and why not. */
function decisionData(d: Decision, w: Walked) {
  const tree = w.trees.get(d.tree)!;
  const outcome = tree.outcomes[d.outcome];
  const stepQuestion = (driver: string) => d.path.find((p) => p.driver === driver)?.question ?? driver;
  return {
    tree: d.tree,
    treeTitle: t(tree.title, w.lang),
    outcome: d.outcome,
    title: d.title,
    decision: outcome ? t(outcome.decision, w.lang) : '',
    path: d.path.map((p) => ({
      driver: p.driver,
      question: questionText(tree, w.catalog, p.question, p.driver, w.lang),
      value: p.value,
      answer: valueLabel(w.catalog, p.driver, p.value, w.lang),
      assumed: d.assumed.includes(p.driver),
    })),
    considered: consideredOptions(tree, d, w.catalog, w.lang).filter((o) => !o.chosen).map(({ id, title, why }) => ({ id, title, why })),
    warnings: d.warnings,
    revisitWhen: d.flips.map((f) => ({
      driver: f.driver,
      question: questionText(tree, w.catalog, stepQuestion(f.driver), f.driver, w.lang),
      from: f.from,
      to: f.to,
      answer: valueLabel(w.catalog, f.driver, f.to, w.lang),
      outcomes: flipOutcomes(f),
    })),
    ...(d.closeCall ? { closeCall: { runnerUp: d.closeCall.runnerUp, title: outcomeTitle(tree, d.closeCall.runnerUp, w.lang), margin: d.closeCall.margin } } : {}),
    ...(d.scores ? { ranking: d.scores.ranking } : {}),
    ...(d.ledBy ? { ledBy: d.ledBy } : {}),
    followUps: d.followUps,
    starters: outcome?.starters ?? [],
    notes: d.notes.map((n) => n.message),
    drivers: d.drivers,
    assumed: d.assumed,
  };
}

type DecisionData = ReturnType<typeof decisionData>;

function decisionText(d: DecisionData): string {
  const lines = [`## ${d.treeTitle}: ${d.title}`, `(${d.tree} → ${d.outcome})`, '', d.decision, '', 'Because:'];
  for (const p of d.path) lines.push(`- ${p.question} → ${p.answer}${p.assumed ? ' (assumed: the default)' : ''}`);
  if (d.considered.length > 0) {
    lines.push('', 'Also considered:');
    for (const o of d.considered) lines.push(`- ${o.title}: ${o.why}`);
  }
  for (const w of d.warnings) lines.push('', `Warning: ${w}`);
  if (d.closeCall) lines.push('', `Close call: ${d.closeCall.title} was within ${d.closeCall.margin} points.`);
  if (d.revisitWhen.length > 0) {
    lines.push('', 'Revisit when:');
    for (const f of d.revisitWhen) lines.push(`- ${f.question} → ${f.answer}: ${f.outcomes.join(' / ')}`);
  }
  if (d.followUps.length > 0) lines.push('', `Follow-up decisions: ${d.followUps.join(', ')}`);
  if (d.starters.length > 0) lines.push(`Starters: ${d.starters.join(', ')} (scaffold_plan shows the files)`);
  return lines.join('\n');
}

export async function decide(project: Project, args: DecideArgs): Promise<Answer<Record<string, unknown>>> {
  const w = await walk(project, args);
  const { resolution } = w;
  const skipped = resolution.skipped;
  if (resolution.stuck.length > 0) {
    // One question per tree that waits: the driver its walk stopped at. Several trees waiting for
    // the same driver make one question.
    const byDriver = new Map<string, { trees: string[]; tree: Tree | undefined; node: string | undefined }>();
    for (const s of resolution.stuck) {
      const driver = s.missing[0]!;
      const entry = byDriver.get(driver) ?? { trees: [], tree: w.trees.get(s.tree), node: s.question };
      entry.trees.push(s.tree);
      byDriver.set(driver, entry);
    }
    const questions = [...byDriver].map(([driver, e]) => ({ ...driverQuestion(e.tree, w.catalog, driver, w.lang, e.node), trees: e.trees }));
    const later = [...new Set(resolution.stuck.flatMap((s) => s.missing.slice(1)))].filter((d) => !byDriver.has(d));
    const text = [
      `Not decided yet: ${resolution.stuck.map((s) => s.tree).join(', ')} need${resolution.stuck.length === 1 ? 's' : ''} more answers. Ask the user:`,
      ...questions.map(
        (q, i) =>
          `${i + 1}. ${q.question} (driver \`${q.driver}\`)${q.help ? `\n   ${q.help}` : ''}\n   ${q.values.map((v) => `\`${v.value}\`: ${v.label}`).join('; ')}`,
      ),
      '',
      'Then call decide again with the same arguments and these answers added to `drivers`.',
      ...(later.length > 0 ? [`Later questions may ask: ${later.join(', ')}.`] : []),
    ].join('\n');
    return {
      text,
      data: { status: 'needs-answers', questions, later, drivers: w.values, decided: resolution.decisions.map((d) => decisionData(d, w)), skipped },
    };
  }
  const decisions = resolution.decisions.map((d) => decisionData(d, w));
  const text = [
    ...decisions.map(decisionText),
    ...(skipped.length > 0 ? [`Skipped (not this project's area): ${skipped.join(', ')}`] : []),
    'Next: write_adrs with the same arguments previews the ADRs; add write: true to write them.',
  ].join('\n\n');
  return { text, data: { status: 'decided', decisions, skipped, drivers: w.values } };
}

export interface WriteArgs extends DecideArgs {
  write?: boolean;
  template?: string;
  status?: string;
}

export async function writeAdrs(project: Project, args: WriteArgs): Promise<Answer<Record<string, unknown>>> {
  const w = await walk(project, args);
  // The assistant's way to supply them: decide's questions, asked to the user.
  if (w.resolution.stuck.length > 0) throw missingDriversError(w.resolution.stuck, 'call decide to get the questions to ask, then add the answers to drivers');
  const { dir } = await adrDirOf(project);
  // A template named by path is a file of the project like any other.
  const template = args.template !== undefined && /[\\/]|\.hbs$/.test(args.template) ? await inside(project, args.template, 'template') : args.template;
  const { recordDecisions } = await import('../adr/record-decisions.js');
  const write = args.write === true;
  const records = await recordDecisions({
    dir,
    decisions: w.resolution.decisions,
    trees: w.trees,
    catalog: w.catalog,
    cwd: project.root,
    lang: w.lang,
    dryRun: !write,
    ...(template !== undefined ? { template } : {}),
    ...(args.status !== undefined ? { status: args.status } : {}),
    ...(w.context?.deciders ? { deciders: w.context.deciders } : {}),
    ...(w.context?.consulted ? { consulted: w.context.consulted } : {}),
    ...(w.context?.informed ? { informed: w.context.informed } : {}),
  });
  const adrs = records.map((r) => ({
    tree: r.tree,
    number: r.number,
    title: r.title,
    file: shown(project, r.file),
    ...(write ? {} : { content: r.content }),
  }));
  const text = write
    ? [`Wrote ${adrs.length} ADR${adrs.length === 1 ? '' : 's'}:`, ...adrs.map((a) => `- ${a.file}: ${a.title}`)].join('\n')
    : [
        `Preview (nothing written). ${adrs.length} ADR${adrs.length === 1 ? '' : 's'} would be written:`,
        ...records.map((r, i) => `\n--- ${adrs[i]!.file} ---\n${r.content.trimEnd()}`),
        '',
        'Show this to the user; call write_adrs again with write: true once they agree.',
      ].join('\n');
  return { text, data: { written: write, adrs } };
}
