// The lint rules, in the order they run (problems are sorted by location afterwards).
import type { Rule } from './rule.js';
import { consequences } from './consequences.js';
import { chains } from './chains.js';
import { cycle } from './cycle.js';
import { deadText } from './dead-text.js';
import { danglingReference } from './dangling-reference.js';
import { duplicateId } from './duplicate-id.js';
import { examples } from './examples.js';
import { matrixAsks } from './matrix-asks.js';
import { matrixEligible } from './matrix-eligible.js';
import { matrixScores } from './matrix-scores.js';
import { missingBranch } from './missing-branch.js';
import { pointlessQuestion } from './pointless-question.js';
import { repeatedDriver } from './repeated-driver.js';
import { retiredProduct } from './retired-product.js';
import { reviewDate } from './review-date.js';
import { sources } from './sources.js';
import { unknownDriver } from './unknown-driver.js';
import { treeRules } from './tree-rules.js';
import { unreachable } from './unreachable.js';

export const RULES: readonly (readonly [id: string, rule: Rule])[] = [
  ['duplicate-id', duplicateId],
  ['unknown-driver', unknownDriver],
  ['dangling-reference', danglingReference],
  ['unreachable', unreachable],
  ['cycle', cycle],
  ['missing-branch', missingBranch],
  ['repeated-driver', repeatedDriver],
  ['pointless-question', pointlessQuestion],
  ['consequences', consequences],
  ['examples', examples],
  ['sources', sources],
  ['review-date', reviewDate],
  ['matrix-scores', matrixScores],
  ['matrix-asks', matrixAsks],
  ['matrix-eligible', matrixEligible],
  ['retired-product', retiredProduct],
  ['dead-text', deadText],
  ['tree-rule', treeRules],
  ['chain', chains],
];
