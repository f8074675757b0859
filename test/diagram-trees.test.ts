// Every shipped tree, drawn as a user would see it: Mermaid's own parser accepts the source in
// English and Spanish, and each example walk is highlighted along exactly its path.
import { describe, expect, it } from 'vitest';
import { t } from '../src/core/text.js';
import type { Tree } from '../src/core/types.js';
import { walk } from '../src/core/walk.js';
import { loadDecisionSet } from '../src/io/trees.js';
import { treeToMermaid } from '../src/render/mermaid.js';
import { mermaidSyntaxError } from './support/mermaid-parse.js';
import { lastClassOf, readFlowchart } from './support/mermaid-source.js';

const { trees, catalog } = await loadDecisionSet({ cwd: '/' });
const shipped = [...trees.values()];

describe('shipped trees as Mermaid', () => {
  it('ships trees to draw', () => {
    expect(shipped.length).toBeGreaterThanOrEqual(7);
  });

  it.each(shipped.map((tree) => [tree.id, tree] as const))('%s parses in en and es and shows every outcome', async (_, tree: Tree) => {
    for (const lang of ['en', 'es'] as const) {
      const source = treeToMermaid(tree, lang, undefined, { catalog });
      expect(await mermaidSyntaxError(source), `${tree.id} (${lang})`).toBeUndefined();
      const labels = [...readFlowchart(source).nodes.values()].map((n) => n.label).join('\n');
      for (const outcome of Object.values(tree.outcomes)) expect(labels).toContain(t(outcome.title, lang));
    }
  });

  it.each(shipped.map((tree) => [tree.id, tree] as const))('%s: every example walk is highlighted along its path', async (_, tree: Tree) => {
    expect(tree.examples.length).toBeGreaterThan(0);
    for (const example of tree.examples) {
      const result = walk(tree, example.drivers);
      if (result.status !== 'done') throw new Error(`${tree.id}: example does not finish`);
      const source = treeToMermaid(tree, 'es', { path: result.path, outcome: result.outcome, ...(result.scores ? { scores: result.scores } : {}) }, { catalog });
      expect(await mermaidSyntaxError(source)).toBeUndefined();
      const chart = readFlowchart(source);
      const chosen = chart.classes.get('chosen') ?? [];
      expect(chosen).toHaveLength(1);
      expect(chart.nodes.get(chosen[0]!)?.label).toContain(t(tree.outcomes[result.outcome]!.title, 'es'));
      // Other outcomes stay in the picture.
      expect(chart.nodes.size).toBeGreaterThanOrEqual(Object.keys(tree.outcomes).length);
      const styled = chart.styledEdges.map((i) => chart.edges[i]!);
      if (tree.kind === 'tree') {
        // The highlighted edges form one chain from the first question to the chosen outcome,
        // one edge per answer, through nodes marked as taken.
        expect(styled).toHaveLength(result.path.length);
        let at = 'n0';
        for (let i = 0; i < styled.length; i++) {
          const next = styled.find((e) => e.from === at);
          expect(next, `${tree.id}: no highlighted edge leaves ${at}`).toBeDefined();
          expect(lastClassOf(chart, at)).toBe('taken');
          at = next!.to;
        }
        expect(at).toBe(chosen[0]);
      } else {
        expect(styled.map((e) => e.to)).toContain(chosen[0]);
      }
    }
  });
});
