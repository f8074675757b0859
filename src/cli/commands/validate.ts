// `validate [files...]`: every problem of the decision trees, as `file:line:col  path  message`,
// warnings included, and a summary line. Exit 2 when there is any error (0 with warnings only).
import { readdir } from 'node:fs/promises';
import { resolve } from 'node:path';
import { formatProblem, type Problem } from '../../core/errors.js';
import { loadDecisionSet, treeSource } from '../../io/trees.js';
import { DECISIONS_DIR } from '../../io/paths.js';
import { printJson, println, style } from '../messages.js';
import { words } from '../decision-words.js';

interface ValidateOptions {
  json?: boolean;
}

export async function run(files: string[], opts: ValidateOptions): Promise<void> {
  const { STARTERS } = await import('../../scaffold/registry.js');
  const set = await loadDecisionSet({
    cwd: process.cwd(),
    ...(files.length > 0 ? { files } : {}),
    lenient: true,
    lint: true,
    starters: Object.keys(STARTERS),
  });
  const problems = set.problems;
  // The whole space of each checked tree: how many combinations were walked and where they lead.
  const { exploreSpace } = await import('../../core/explore.js');
  const given = new Set(files.map((f) => resolve(process.cwd(), f)));
  const spaces = [...set.trees.values()]
    .filter((tree) => files.length === 0 || (tree.file !== undefined && given.has(tree.file)))
    .map((tree) => {
      const source = treeSource(tree, process.cwd());
      return { ...exploreSpace(tree, set.trees, set.catalog), ...(source ? { source } : {}) };
    });
  const errors = problems.filter((p) => p.severity === 'error').length;
  const warnings = problems.length - errors;
  const checked = files.length > 0 ? files.length : (await countYaml(DECISIONS_DIR)) + (await countYaml(set.userDir));
  if (errors > 0) process.exitCode = 2;

  if (opts.json) {
    printJson({ files: checked, errors, warnings, problems, trees: spaces });
    return;
  }
  for (const p of problems) println(formatLine(p));
  const w = words('en');
  for (const space of spaces) {
    const reached = Object.entries(space.outcomes)
      .map(([id, n]) => `${id} ${n}`)
      .join(', ');
    const chained = space.chains.reduce((n, c) => n + c.combinations, 0);
    const chains = space.chains.length > 0 ? style.dim(`; chains checked over ${chained} combinations`) : '';
    const from = space.source ? style.dim(` (${w.from} ${space.source.file}${space.source.overrides ? `; ${w.overrides(space.id)}` : ''})`) : '';
    println(`${style.id(space.id)}${from}: ${space.skipped ? style.warn(`not walked (${space.skipped})`) : `${space.combinations} combinations walked`}${chains}`);
    if (!space.skipped) println(style.dim(`  ${reached}`));
  }
  const summary = w.validated(checked, errors, warnings);
  println(errors > 0 ? style.bad(summary) : warnings > 0 ? style.warn(summary) : style.ok(summary));
}

function formatLine(p: Problem): string {
  const line = formatProblem(p);
  return p.severity === 'warning' ? style.warn(line) : line;
}

async function countYaml(dir: string | undefined): Promise<number> {
  if (dir === undefined) return 0;
  const names = await readdir(dir).catch(() => [] as string[]);
  return names.filter((n) => /\.ya?ml$/.test(n)).length;
}
