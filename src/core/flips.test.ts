import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { holds, textsFor } from './condition.js';
import { toDecision } from './decision.js';
import { exploreSpace } from './explore.js';
import { closeCall, flips, weightFlips } from './flips.js';
import { parseDrivers, parseTree } from './load.js';
import type { DriverValues, MatrixTree, Tree, WalkResult } from './types.js';
import { walk } from './walk.js';

const FIXTURES = join(dirname(fileURLToPath(import.meta.url)), '__fixtures__');
const load = (name: string): Tree => parseTree(readFileSync(join(FIXTURES, name), 'utf8'), name).tree!;
const catalog = parseDrivers(readFileSync(join(FIXTURES, 'drivers.yaml'), 'utf8'), 'drivers.yaml').catalog!;
const tree = load('good-tree.yaml');
const matrix = load('good-matrix.yaml') as MatrixTree;

function done(t: Tree, values: DriverValues): Extract<WalkResult, { status: 'done' }> {
  const r = walk(t, values);
  if (r.status !== 'done') throw new Error(`incomplete: ${JSON.stringify(r)}`);
  return r;
}

// good-tree: scale small -> monolith; large -> team-size small -> modular-monolith;
// large -> team-size large -> domain-boundaries clear -> microservices, unclear -> modular-monolith.
describe('flips', () => {
  it('gives each single answer change that reaches another outcome', () => {
    const values = { scale: 'large', 'team-size': 'large', 'domain-boundaries': 'clear' };
    expect(flips(tree, values, done(tree, values), catalog)).toEqual([
      { driver: 'scale', from: 'large', to: 'small', outcome: 'monolith' },
      { driver: 'team-size', from: 'large', to: 'small', outcome: 'modular-monolith' },
      { driver: 'domain-boundaries', from: 'clear', to: 'unclear', outcome: 'modular-monolith' },
    ]);
  });

  it('lists the possible outcomes when the change leads to questions not answered yet', () => {
    const values = { scale: 'small' };
    expect(flips(tree, values, done(tree, values), catalog)).toEqual([
      { driver: 'scale', from: 'small', to: 'large', outcomes: ['microservices', 'modular-monolith'] },
    ]);
    // With the next answer known, the change has one outcome.
    const known = { scale: 'small', 'team-size': 'small' };
    expect(flips(tree, known, done(tree, known), catalog)).toEqual([
      { driver: 'scale', from: 'small', to: 'large', outcome: 'modular-monolith' },
    ]);
  });

  it('leaves out changes that keep the outcome', () => {
    const values = { scale: 'large', 'team-size': 'large', 'domain-boundaries': 'unclear' };
    const out = flips(tree, values, done(tree, values), catalog);
    expect(out.map((f) => f.driver)).toEqual(['scale', 'domain-boundaries']);
  });

  it('finds gate flips in a matrix', () => {
    // aws + managed: managed-aws (features 3*5 + ease 2*4 + cost 1*2 = 25) beats open-source (18).
    const values = { cloud: 'aws', 'managed-preference': 'yes', 'cost-sensitive': 'no' };
    expect(flips(matrix, values, done(matrix, values), catalog)).toEqual([
      { driver: 'cloud', from: 'aws', to: 'azure', outcome: 'managed-azure' },
      { driver: 'cloud', from: 'aws', to: 'on-prem', outcome: 'open-source' },
      { driver: 'managed-preference', from: 'yes', to: 'no', outcome: 'open-source' },
      { driver: 'cost-sensitive', from: 'no', to: 'yes', outcome: 'open-source' },
    ]);
  });
});

describe('weight flips and close calls', () => {
  // aws + managed + cost-sensitive: cost weighs 1 + 3 = 4.
  // open-source 3*3 + 2*2 + 4*5 = 33; managed-aws 3*5 + 2*4 + 4*2 = 31.
  const values = { cloud: 'aws', 'managed-preference': 'yes', 'cost-sensitive': 'yes' };

  it('gives the smallest weight change of each criterion that crowns another option', () => {
    // features 4: 36 vs 36 (a tie goes to the option listed first: managed-aws); ease 3: 35 vs 35;
    // cost 3: 29 vs 28.
    expect(weightFlips(matrix, values, done(matrix, values))).toEqual([
      { criterion: 'features', from: 3, to: 4, outcome: 'managed-aws' },
      { criterion: 'ease', from: 2, to: 3, outcome: 'managed-aws' },
      { criterion: 'cost', from: 4, to: 3, outcome: 'managed-aws' },
    ]);
  });

  it('marks a close call only when the runner-up is within 5 % of the winner', () => {
    // 2 points of 33 is 6 %: not a close call.
    expect(closeCall(matrix, done(matrix, values))).toBeUndefined();
    const close: MatrixTree = {
      ...matrix,
      criteria: [
        { id: 'a', title: 'A', weight: 19 },
        { id: 'b', title: 'B', weight: 1 },
      ],
      adjustments: [],
      outcomes: {
        x: { ...matrix.outcomes['open-source']!, id: 'x', scores: { a: 5, b: 5 }, requires: {} },
        y: { ...matrix.outcomes['open-source']!, id: 'y', scores: { a: 5, b: 4 }, requires: {} },
      },
    };
    // x = 19*5 + 1*5 = 100, y = 99: decided by criterion b alone.
    expect(closeCall(close, done(close, values))).toEqual({ runnerUp: 'y', margin: 1, decidedBy: [{ criterion: 'b', difference: 1 }] });
  });
});

describe('conditional text', () => {
  it('shows `when` text only when every driver matches, and hides `unless` text only when it matches', () => {
    const item = { text: 'x', when: { scale: 'large' }, unless: { 'team-size': ['small'] } };
    expect(holds(item, { scale: 'large' })).toBe(true);
    expect(holds(item, { scale: 'large', 'team-size': 'small' })).toBe(false);
    expect(holds(item, {})).toBe(false);
    expect(holds({ text: 'y', unless: { scale: 'small' } }, {})).toBe(true);
    expect(textsFor(['always', item, { text: { en: 'en', es: 'es' }, when: { scale: ['small', 'large'] } }], { scale: 'small' }, 'es')).toEqual([
      'always',
      'es',
    ]);
  });
});

describe('decisions', () => {
  it('records contradictory answers as a note and a warning, with flips', () => {
    const withConflict = {
      ...catalog,
      conflicts: [{ id: 'one-team-many-teams', when: { 'team-size': 'small', 'domain-boundaries': 'clear' }, reason: 'cannot both hold' }],
    };
    const values = { scale: 'large', 'team-size': 'small', 'domain-boundaries': 'clear' };
    const d = toDecision(tree, walk(tree, values), { lang: 'en', values, assumed: [], catalog: withConflict });
    expect(d.outcome).toBe('modular-monolith');
    expect(d.notes).toEqual([{ kind: 'conflict', id: 'one-team-many-teams', message: 'team-size=small, domain-boundaries=clear: cannot both hold' }]);
    expect(d.warnings[0]).toBe('team-size=small, domain-boundaries=clear: cannot both hold');
    expect(d.flips).toEqual([
      { driver: 'scale', from: 'large', to: 'small', outcome: 'monolith' },
      { driver: 'team-size', from: 'small', to: 'large', outcome: 'microservices' },
    ]);
  });
});

describe('exploreSpace', () => {
  it('walks every combination of the asked drivers and counts the outcomes', () => {
    const trees = new Map([[tree.id, tree], [matrix.id, matrix]]);
    // scale x team-size x domain-boundaries = 8; small scale: 4 monolith; large: 2 modular
    // (small team), 1 microservices, 1 modular (unclear).
    expect(exploreSpace(tree, trees, catalog)).toEqual({
      id: 'good-tree',
      combinations: 8,
      outcomes: { monolith: 4, 'modular-monolith': 3, microservices: 1 },
      chains: [],
    });
    expect(exploreSpace(matrix, trees, catalog).combinations).toBe(3 * 2 * 2);
  });
});
