// Ids are unique: tree ids across every loaded file, and question/outcome ids within a tree
// (they share one namespace, because branches name either).
import type { Rule } from './rule.js';

export const duplicateId: Rule = (ctx) => {
  const { tree, doc } = ctx;
  // A repository tree may replace a shipped one (that is how teams customise the advice); two
  // trees of the same origin with one id are ambiguous.
  const first = ctx.docs.find((d) => d.tree.id === tree.id && (d.tree.origin !== 'shipped') === (tree.origin !== 'shipped'));
  if (first && first !== doc) {
    ctx.report(['id'], `tree id "${tree.id}" is already used by ${first.file}`);
  }
  if (tree.kind === 'tree') {
    for (const id of Object.keys(tree.questions)) {
      if (Object.hasOwn(tree.outcomes, id)) ctx.report(['questions', id], `"${id}" is both a question and an outcome`);
    }
  }
  if (tree.kind === 'matrix') {
    const seen = new Set<string>();
    tree.criteria.forEach((c, i) => {
      if (seen.has(c.id)) ctx.report(['criteria', i, 'id'], `criterion "${c.id}" is defined twice`);
      seen.add(c.id);
    });
  }
  const base = doc.file.split(/[\\/]/).pop() ?? '';
  if (/\.ya?ml$/.test(base) && base.replace(/\.ya?ml$/, '') !== tree.id) {
    ctx.report(['id'], `tree "${tree.id}" should live in a file named ${tree.id}.yaml`, { severity: 'warning', rule: 'file-name' });
  }
};
