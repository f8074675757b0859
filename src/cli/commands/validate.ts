// `validate [files...]`: every problem of the decision trees, as `file:line:col  path  message`,
// warnings included, and a summary line. Exit 2 when there is any error (0 with warnings only).
import { readdir } from 'node:fs/promises';
import { formatProblem, type Problem } from '../../core/errors.js';
import { checkDecisionSet, treeSource } from '../../io/trees.js';
import { DECISIONS_DIR } from '../../io/paths.js';
import { printJson, println, style } from '../messages.js';
import { words } from '../decision-words.js';

interface ValidateOptions {
  json?: boolean;
}

export async function run(files: string[], opts: ValidateOptions): Promise<void> {
  const { loadCatalog, starterIds } = await import('../../scaffold/catalog.js');
  const starters = starterIds(await loadCatalog());
  const checked = await checkDecisionSet({ cwd: process.cwd(), ...(files.length > 0 ? { files } : {}), starters });
  const { set } = checked;
  const problems = set.problems;
  const spaces = checked.spaces.map((space) => {
    const source = treeSource(set.trees.get(space.id)!, process.cwd());
    return { ...space, ...(source ? { source } : {}) };
  });
  const errors = problems.filter((p) => p.severity === 'error').length;
  const warnings = problems.length - errors;
  const fileCount = files.length > 0 ? files.length : (await countYaml(DECISIONS_DIR)) + (await countYaml(set.userDir));
  if (errors > 0) process.exitCode = 2;

  if (opts.json) {
    printJson({ files: fileCount, errors, warnings, problems, trees: spaces });
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
  const summary = w.validated(fileCount, errors, warnings);
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
