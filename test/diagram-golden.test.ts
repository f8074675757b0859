// Golden Mermaid sources: every shipped tree in English and Spanish, each tree walked along its
// first example, and the relation graph of a log. Each must stay inside what GitHub (Mermaid 11)
// and GitLab (Mermaid 10.7) both render, parse with Mermaid's own parser, and match its reviewed
// file under test/golden/diagrams/ byte for byte. After a deliberate change of the diagrams,
// regenerate with `UPDATE_GOLDEN=1 npx vitest run test/diagram-golden.test.ts`, then read the diff.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Lang, Tree } from '../src/core/types.js';
import { walk } from '../src/core/walk.js';
import { loadDecisionSet } from '../src/io/trees.js';
import { treeToMermaid } from '../src/render/mermaid.js';
import { RELATIONS_BOTH_WAYS, writeLog } from './support/adr-logs.js';
import { ROOT, runCli, tempDir } from './support/cli.js';
import { mermaidCompatProblems } from './support/mermaid-compat.js';
import { mermaidSyntaxError } from './support/mermaid-parse.js';

const GOLDEN = join(ROOT, 'test/golden/diagrams');
const UPDATE = process.env.UPDATE_GOLDEN === '1';

const { trees, catalog } = await loadDecisionSet({ cwd: '/' });
const shipped = [...trees.values()];

async function golden(name: string, source: string): Promise<void> {
  expect(mermaidCompatProblems(source), name).toEqual([]);
  expect(await mermaidSyntaxError(source), name).toBeUndefined();
  const file = join(GOLDEN, name);
  if (UPDATE) {
    mkdirSync(GOLDEN, { recursive: true });
    writeFileSync(file, source);
    return;
  }
  if (!existsSync(file)) throw new Error(`missing golden file ${file}; run with UPDATE_GOLDEN=1 and review it`);
  expect(source).toBe(readFileSync(file, 'utf8'));
}

function walked(tree: Tree, lang: Lang): string {
  const example = tree.examples[0]!;
  const result = walk(tree, example.drivers);
  if (result.status !== 'done') throw new Error(`${tree.id}: its first example does not finish`);
  return treeToMermaid(tree, lang, { path: result.path, outcome: result.outcome, ...(result.scores ? { scores: result.scores } : {}) }, { catalog });
}

describe('golden tree diagrams', () => {
  it.each(shipped.map((tree) => [tree.id, tree] as const))('%s, in en and es, plain and walked', async (id, tree) => {
    for (const lang of ['en', 'es'] as const) {
      await golden(`${id}.${lang}.mmd`, treeToMermaid(tree, lang, undefined, { catalog }));
      await golden(`${id}.walk.${lang}.mmd`, walked(tree, lang));
    }
  });
});

describe('golden log graph', () => {
  it('a log whose relations are written on both records, in two languages and several tools\' spellings', async () => {
    const root = tempDir();
    writeLog(root, RELATIONS_BOTH_WAYS);
    const result = await runCli(['diagram', '--graph'], { cwd: root });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    await golden('log-relations.mmd', result.stdout);
  });
});

describe('the GitHub and GitLab syntax check', () => {
  // The check itself must catch what would break on one of the two.
  it.each([
    ['Mermaid 11.3 shapes', 'flowchart TD\n  n0@{ shape: hex, label: "Scale?" }\n'],
    ['an init directive', '%%{init: {"flowchart": {"curve": "basis"}}}%%\nflowchart TD\n  n0["a"]\n'],
    ['front matter', '---\nconfig:\n  look: handDrawn\n---\nflowchart TD\n  n0["a"]\n'],
    ['a Markdown string', 'flowchart TD\n  n0["`**bold**`"]\n'],
    ['a literal \\n', 'flowchart TD\n  n0["one\\ntwo"]\n'],
    ['an edge id', 'flowchart TD\n  n0["a"]\n  n1["b"]\n  n0 e1@--> n1\n'],
  ])('rejects %s', (_what, source) => {
    expect(mermaidCompatProblems(source)).not.toEqual([]);
  });
});
