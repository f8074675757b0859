import { it } from 'vitest';
import { writeFileSync } from 'node:fs';
import { loadDecisionSet } from '../src/io/trees.js';
import { walk } from '../src/core/walk.js';
import { treeToMermaid } from '../src/render/mermaid.js';
import { renderMermaid } from '../src/render/mermaid-render.js';
it('look', async () => {
  const { trees, catalog } = await loadDecisionSet({ cwd: '/tmp' });
  const items: any[] = [];
  for (const tree of trees.values()) {
    const ex = tree.examples[0];
    const r = ex ? walk(tree, ex.drivers) : undefined;
    const w = r && r.status === 'done' ? { path: r.path, outcome: r.outcome, scores: r.scores } : undefined;
    for (const lang of ['en', 'es'] as const) {
      const src = treeToMermaid(tree, lang, w, { catalog });
      writeFileSync(`/tmp/dg/look/${tree.id}.${lang}.mmd`, src);
      items.push({ source: src, outFile: `/tmp/dg/look/${tree.id}.${lang}.png`, format: 'png' });
    }
  }
  await renderMermaid(items);
}, 120000);
