// The decision trees as an assistant reads them: every text in one language, each question with
// the values a user can give (label and help), so it can ask them in its own words.
import { isAbsolute } from 'node:path';
import { isConditional, itemText, showCondition } from '../core/condition.js';
import { t } from '../core/text.js';
import { questionText, valueLabel } from '../core/labels.js';
import type { DriverCatalog, Lang, TextItem, Tree } from '../core/types.js';
import { checkTreeIds } from '../core/resolve.js';
import { formatProblem } from '../core/errors.js';
import { checkDecisionSet, loadDecisionSet, treeSource } from '../io/trees.js';
import type { Answer } from './results.js';
import { inside, shown, type Project } from './project.js';

export async function loadTrees(project: Project) {
  return loadDecisionSet({ cwd: project.root });
}

/** One driver as a question to put to the user, in the words of the question node that asks it. */
export function driverQuestion(tree: Tree | undefined, catalog: DriverCatalog, driver: string, lang: Lang, node?: string) {
  const def = catalog.drivers[driver];
  return {
    driver,
    question: tree ? questionText(tree, catalog, node ?? driver, driver, lang) : def ? t(def.question, lang) : driver,
    help: def ? t(def.help, lang) : '',
    values: def ? Object.entries(def.values).map(([value, v]) => ({ value, label: t(v.label, lang) })) : [],
    default: def?.default ?? null,
  };
}

export async function listTrees(project: Project, lang: Lang): Promise<Answer<{ trees: unknown[] }>> {
  const { trees } = await loadTrees(project);
  const list = [...trees.values()].map((tree) => {
    const source = treeSource(tree, project.root);
    return {
      id: tree.id,
      title: t(tree.title, lang),
      kind: tree.kind,
      reviewed: tree.reviewed,
      outcomes: Object.values(tree.outcomes).map((o) => ({ id: o.id, title: t(o.title, lang) })),
      ...(source ? { source } : {}),
    };
  });
  const text = list
    .map((x) => `- **${x.id}**: ${x.title}${x.kind === 'matrix' ? ' (scored matrix)' : ''}; outcomes: ${x.outcomes.map((o) => o.id).join(', ')}`)
    .join('\n');
  return { text: `${list.length} decision trees:\n${text}`, data: { trees: list } };
}

export async function showTree(project: Project, id: string, lang: Lang): Promise<Answer<Record<string, unknown>>> {
  const { trees, catalog } = await loadTrees(project);
  checkTreeIds([id], trees);
  const data = treeData(trees.get(id)!, catalog, lang, project);
  return { text: treeText(data), data };
}

/** A tree in one language, for `show_tree` and the `tree://` resources. */
export function treeData(tree: Tree, catalog: DriverCatalog, lang: Lang, project: Project) {
  const source = treeSource(tree, project.root);
  const drivers = tree.kind === 'matrix' ? tree.asks : [...new Set(Object.values(tree.questions).map((q) => q.driver))];
  return {
    id: tree.id,
    title: t(tree.title, lang),
    kind: tree.kind,
    problem: t(tree.problem, lang),
    reviewed: tree.reviewed,
    ...(tree.appliesWhen ? { appliesWhen: tree.appliesWhen } : {}),
    questions:
      tree.kind === 'tree'
        ? Object.values(tree.questions).map((q) => ({
            id: q.id,
            start: q.id === tree.start,
            ...driverQuestion(tree, catalog, q.driver, lang, q.id),
            branches: Object.entries(q.branches).map(([value, next]) => ({ value, label: valueLabel(catalog, q.driver, value, lang), next })),
          }))
        : drivers.map((d) => driverQuestion(tree, catalog, d, lang)),
    ...(tree.kind === 'matrix' ? { criteria: tree.criteria.map((c) => ({ id: c.id, title: t(c.title, lang), weight: c.weight })) } : {}),
    outcomes: Object.values(tree.outcomes).map((o) => ({
      id: o.id,
      title: t(o.title, lang),
      decision: t(o.decision, lang),
      positive: items(o.consequences.positive, lang),
      negative: items(o.consequences.negative, lang),
      warnings: items(o.warnings, lang),
      followUps: o.followUps,
      starters: o.starters,
    })),
    sources: tree.sources.map((s) => ({ title: s.title, url: s.url })),
    ...(source ? { source } : {}),
  };
}

/** Consequences and warnings, each with the condition under which it applies, if any. */
function items(list: readonly TextItem[], lang: Lang): { text: string; when?: string; unless?: string }[] {
  return list.map((i) => ({
    text: t(itemText(i), lang),
    ...(isConditional(i) && i.when ? { when: showCondition(i.when) } : {}),
    ...(isConditional(i) && i.unless ? { unless: showCondition(i.unless) } : {}),
  }));
}

function treeText(d: ReturnType<typeof treeData>): string {
  const lines = [`# ${d.title} (${d.id}, reviewed ${d.reviewed})`, '', d.problem, '', '## Questions'];
  for (const q of d.questions) {
    lines.push(`- ${q.question} [${q.driver}]: ${q.values.map((v) => `${v.value} (${v.label})`).join('; ')}`);
  }
  lines.push('', '## Outcomes');
  for (const o of d.outcomes) lines.push(`- **${o.id}**: ${o.title}. ${o.decision}`);
  lines.push('', '## Sources', ...d.sources.map((s) => `- ${s.title}: ${s.url}`));
  return lines.join('\n');
}

export async function validateTree(project: Project, file: string): Promise<Answer<Record<string, unknown>>> {
  const abs = await inside(project, file, 'file');
  const { loadCatalog, starterIds } = await import('../scaffold/catalog.js');
  const { set, spaces } = await checkDecisionSet({ cwd: project.root, files: [abs], starters: starterIds(await loadCatalog()) });
  const problems = set.problems.map((p) => ({ ...p, ...(p.file ? { file: isAbsolute(p.file) ? shown(project, p.file) : p.file } : {}) }));
  const errors = problems.filter((p) => p.severity === 'error').length;
  const warnings = problems.length - errors;
  const walked = spaces.map((s) => `${s.id}: ${s.skipped ? `not walked (${s.skipped})` : `${s.combinations} combinations walked`}`);
  const text = [
    ...problems.map(formatProblem),
    ...walked,
    `${shown(project, abs)}: ${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}`,
  ].join('\n');
  return { text, data: { file: shown(project, abs), valid: errors === 0, errors, warnings, problems, trees: spaces } };
}
