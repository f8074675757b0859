// Every combination of answers must reach an outcome (no dead end, no walk that fails), and every
// conditional text must be shown for some combination that reaches its outcome (else it is dead
// text that no reader will ever see).
import { holds, isConditional } from '../condition.js';
import { walkSpace } from '../explore.js';
import type { Rule } from '../lint.js';
import { showValues } from '../space.js';
import type { DriverValues, TextItem } from '../types.js';

const LISTS = ['warnings', 'consequences.positive', 'consequences.negative'] as const;

function items(o: { warnings: TextItem[]; consequences: { positive: TextItem[]; negative: TextItem[] } }, list: (typeof LISTS)[number]): TextItem[] {
  return list === 'warnings' ? o.warnings : list === 'consequences.positive' ? o.consequences.positive : o.consequences.negative;
}

export const wholeSpace: Rule = (ctx) => {
  const { tree } = ctx;
  const conditional: { outcome: string; list: (typeof LISTS)[number]; index: number; item: TextItem; shown: boolean }[] = [];
  const extra = new Set<string>();
  for (const o of Object.values(tree.outcomes)) {
    for (const list of LISTS) {
      items(o, list).forEach((item, index) => {
        if (!isConditional(item)) return;
        conditional.push({ outcome: o.id, list, index, item, shown: false });
        for (const d of [...Object.keys(item.when ?? {}), ...Object.keys(item.unless ?? {})]) extra.add(d);
      });
    }
  }
  const reached = new Set<string>();
  const deadEnds = new Map<string, DriverValues>();
  let failure: { values: DriverValues; message: string } | undefined;
  const known = [...extra].filter((d) => Object.hasOwn(ctx.catalog.drivers, d));
  const n = walkSpace(tree, ctx.catalog, known, (values, result) => {
    if (result.status === 'error') {
      failure ??= { values, message: result.message };
      return;
    }
    if (result.status === 'needs') {
      const last = result.path[result.path.length - 1];
      const at = tree.kind !== 'tree' ? 'asks' : last ? (tree.questions[last.question]?.branches[last.value] ?? tree.start) : tree.start;
      if (!deadEnds.has(at)) deadEnds.set(at, values);
      return;
    }
    reached.add(result.outcome);
    for (const c of conditional) if (!c.shown && c.outcome === result.outcome && holds(c.item, values)) c.shown = true;
  });
  if (n === undefined) return;
  for (const [at, values] of deadEnds) {
    const path = tree.kind === 'tree' && Object.hasOwn(tree.questions, at) ? ['questions', at, 'branches'] : ['asks'];
    ctx.report(path, `dead end: ${showValues(values)} stops here without an outcome`, { rule: 'dead-end' });
  }
  // Cycles and dangling references have their own rules; this only says that answers hit one.
  if (failure && deadEnds.size === 0) ctx.report(['id'], `the walk fails for ${showValues(failure.values)}: ${failure.message}`, { rule: 'dead-end' });
  for (const c of conditional) {
    if (c.shown || !reached.has(c.outcome)) continue;
    ctx.report(['outcomes', c.outcome, ...c.list.split('.'), c.index], `this conditional text is never shown: no answers that reach "${c.outcome}" match its condition`, {
      severity: 'warning',
      rule: 'dead-text',
    });
  }
};
