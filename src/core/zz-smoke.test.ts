import { it } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { parseDrivers, parseTree } from './load.js';
import { lintTrees } from './lint.js';
import { formatProblem } from './errors.js';
const F = 'src/core/__fixtures__/';
it('smoke', () => {
  const { catalog } = parseDrivers(readFileSync(F + 'drivers.yaml', 'utf8'), F + 'drivers.yaml');
  const base = ['good-tree.yaml', 'good-matrix.yaml'].map((f) => { const r = parseTree(readFileSync(F + f, 'utf8'), F + f); return { file: F + f, tree: r.tree!, locate: r.locate }; });
  console.log('BASE', lintTrees(base, catalog!, { today: '2026-11-24' }).map(formatProblem));
  for (const f of readdirSync(F + 'rules')) {
    const file = F + 'rules/' + f;
    const r = parseTree(readFileSync(file, 'utf8'), file);
    if (!r.tree) { console.log(f, r.problems.map(formatProblem)); continue; }
    const probs = lintTrees([...base, { file, tree: r.tree, locate: r.locate }], catalog!, { today: '2026-11-24' }).filter((p) => p.file === file);
    console.log(f + '\n  ' + probs.map((p) => p.rule + ' | ' + formatProblem(p)).join('\n  '));
  }
});
