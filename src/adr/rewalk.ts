// Re-running a recorded decision: the tree walked again with the driver values an ADR's adr-wizard
// block recorded, plus any changes. `revisit` acts on the result; `doctor` reports when it differs
// from what the ADR says.
import { decisionWarnings, toDecision } from '../core/decision.js';
import type { Decision, DriverCatalog, DriverValues, Lang, Tree, WalkResult } from '../core/types.js';
import { walk } from '../core/walk.js';
import type { AdrWizardBlock } from './types.js';

/** The recorded values with the changes over them, the walk, and its Decision when it completes. */
export type Rewalk =
  | {
      values: DriverValues;
      result: Extract<WalkResult, { status: 'done' }>;
      /** Made when first read: doctor, checking many records, needs only the warnings. */
      readonly decision: Decision;
      warnings(): string[];
    }
  | { values: DriverValues; result: Extract<WalkResult, { status: 'needs' }> };

/**
 * Walks `tree` with the record's driver values and `changes` over them. Values the changes set are
 * no longer assumptions; the others keep the record's word.
 */
export function rewalk(
  tree: Tree,
  catalog: DriverCatalog,
  recorded: Pick<AdrWizardBlock, 'drivers' | 'assumed'>,
  lang: Lang,
  changes: DriverValues = {},
): Rewalk {
  const values: DriverValues = { ...recorded.drivers, ...changes };
  const result = walk(tree, values);
  if (result.status !== 'done') return { values, result };
  const assumed = recorded.assumed.filter((d) => !Object.hasOwn(changes, d));
  let decision: Decision | undefined;
  return {
    values,
    result,
    get decision() {
      decision ??= toDecision(tree, result, { lang, values, assumed, catalog });
      return decision;
    },
    warnings: () => decision?.warnings ?? decisionWarnings(tree, result, values, catalog, lang),
  };
}
