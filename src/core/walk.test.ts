import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { toDecision } from './decision.js';
import { whyNot } from './explain.js';
import { parseTree } from './load.js';
import { scoreMatrix } from './matrix.js';
import type { BranchingTree, DriverCatalog, DriverValues, MatrixTree, Tree, WalkResult } from './types.js';
import { walk } from './walk.js';

// Without driver values in the catalog there is nothing to flip: these tests are about the rest.
const NO_DRIVERS: DriverCatalog = { drivers: {} };
const FIXTURES = join(dirname(fileURLToPath(import.meta.url)), '__fixtures__');
const load = (name: string): Tree => parseTree(readFileSync(join(FIXTURES, name), 'utf8'), name).tree!;
const tree = load('good-tree.yaml') as BranchingTree;
const matrix = load('good-matrix.yaml') as MatrixTree;
const done = (r: WalkResult) => {
  if (r.status !== 'done') throw new Error(`walk stopped: needs ${r.missing.join(', ')}`);
  return r;
};

describe('walk (branching)', () => {
  it.each<[DriverValues, string, string[]]>([
    [{ scale: 'small' }, 'monolith', ['q-scale:scale=small']],
    [{ scale: 'small', 'team-size': 'large' }, 'monolith', ['q-scale:scale=small']],
    [{ scale: 'large', 'team-size': 'small' }, 'modular-monolith', ['q-scale:scale=large', 'q-teams:team-size=small']],
    [
      { scale: 'large', 'team-size': 'large', 'domain-boundaries': 'clear' },
      'microservices',
      ['q-scale:scale=large', 'q-teams:team-size=large', 'q-boundaries:domain-boundaries=clear'],
    ],
  ])('%o -> %s', (values, outcome, path) => {
    const r = done(walk(tree, values));
    expect(r.outcome).toBe(outcome);
    expect(r.path.map((s) => `${s.question}:${s.driver}=${s.value}`)).toEqual(path);
  });

  it.each<[DriverValues, string[], number]>([
    [{}, ['scale', 'team-size', 'domain-boundaries'], 0],
    [{ scale: 'large' }, ['team-size', 'domain-boundaries'], 1],
    [{ scale: 'large', 'domain-boundaries': 'clear' }, ['team-size'], 1],
    [{ scale: 'large', 'team-size': 'large' }, ['domain-boundaries'], 2],
    // a value that is not a branch counts as unanswered
    [{ scale: 'huge' }, ['scale', 'team-size', 'domain-boundaries'], 0],
  ])('%o needs %o (the stop driver first)', (values, missing, steps) => {
    const r = walk(tree, values);
    expect(r.status).toBe('needs');
    if (r.status !== 'needs') return;
    expect(r.missing).toEqual(missing);
    expect(r.path).toHaveLength(steps);
    // setting every missing driver always completes the walk
    const filled = Object.fromEntries(r.missing.map((d) => [d, d === 'domain-boundaries' ? 'unclear' : 'large']));
    expect(walk(tree, { ...values, ...filled }).status).toBe('done');
  });

  it('refuses to loop on a cyclic tree', () => {
    const cyclic: BranchingTree = { ...tree, questions: { ...tree.questions, 'q-teams': { ...tree.questions['q-teams']!, branches: { small: 'q-scale', large: 'q-scale' } } } };
    expect(() => walk(cyclic, { scale: 'large', 'team-size': 'small' })).toThrow(/cycle/);
  });

  it('does not mistake Object.prototype members for nodes', () => {
    const odd: BranchingTree = { ...tree, start: 'constructor' };
    expect(() => walk(odd, {})).toThrow(/does not exist/);
  });
});

describe('scoreMatrix and walk (matrix)', () => {
  it('applies weight adjustments only when every `when` driver matches', () => {
    expect(scoreMatrix(matrix, { 'cost-sensitive': 'no', 'managed-preference': 'yes' }).weights).toEqual({ features: 3, ease: 2, cost: 1 });
    expect(scoreMatrix(matrix, { 'cost-sensitive': 'yes', 'managed-preference': 'no' }).weights).toEqual({ features: 3, ease: 0, cost: 4 });
  });

  it('gates options, totals weight x score and ranks the eligible ones', () => {
    const table = scoreMatrix(matrix, { cloud: 'aws', 'managed-preference': 'yes', 'cost-sensitive': 'no' });
    expect(table.rows).toEqual([
      { option: 'managed-aws', eligible: true, scores: { features: 5, ease: 4, cost: 2 }, total: 25, rank: 1 },
      { option: 'managed-azure', eligible: false, excludedBy: { driver: 'cloud', value: 'aws' }, scores: { features: 5, ease: 4, cost: 2 }, total: 25 },
      { option: 'open-source', eligible: true, scores: { features: 3, ease: 2, cost: 5 }, total: 18, rank: 2 },
    ]);
    expect(table.ranking).toEqual(['managed-aws', 'open-source']);
  });

  it('breaks ties by the order of the outcomes in the file', () => {
    const tied: MatrixTree = { ...matrix, outcomes: { ...matrix.outcomes, 'managed-azure': { ...matrix.outcomes['managed-azure']!, requires: {} } } };
    const table = scoreMatrix(tied, { cloud: 'aws', 'managed-preference': 'yes', 'cost-sensitive': 'no' });
    expect(table.ranking).toEqual(['managed-aws', 'managed-azure', 'open-source']);
  });

  it.each<[DriverValues, string]>([
    [{ cloud: 'aws', 'managed-preference': 'yes', 'cost-sensitive': 'no' }, 'managed-aws'],
    [{ cloud: 'azure', 'managed-preference': 'yes', 'cost-sensitive': 'no' }, 'managed-azure'],
    [{ cloud: 'aws', 'managed-preference': 'no', 'cost-sensitive': 'no' }, 'open-source'],
    [{ cloud: 'aws', 'managed-preference': 'yes', 'cost-sensitive': 'yes' }, 'open-source'],
  ])('walk %o -> %s with the score table', (values, outcome) => {
    const r = done(walk(matrix, values));
    expect(r.outcome).toBe(outcome);
    expect(r.scores?.ranking[0]).toBe(outcome);
    expect(r.path.map((s) => s.driver)).toEqual(['cloud', 'managed-preference', 'cost-sensitive']);
  });

  it('needs every asked driver, in the order asked', () => {
    expect(walk(matrix, { 'managed-preference': 'yes' })).toMatchObject({ status: 'needs', missing: ['cloud', 'cost-sensitive'] });
  });
});

describe('whyNot', () => {
  it('names the answer that ruled each other outcome out', () => {
    expect(whyNot(tree, done(walk(tree, { scale: 'small' })))).toEqual({
      'modular-monolith': { question: 'q-scale', driver: 'scale', value: 'small' },
      microservices: { question: 'q-scale', driver: 'scale', value: 'small' },
    });
    expect(whyNot(tree, done(walk(tree, { scale: 'large', 'team-size': 'large', 'domain-boundaries': 'unclear' })))).toEqual({
      monolith: { question: 'q-scale', driver: 'scale', value: 'large' },
      microservices: { question: 'q-boundaries', driver: 'domain-boundaries', value: 'unclear' },
    });
  });

  it('explains matrix options by gate or by lower score', () => {
    const r = done(walk(matrix, { cloud: 'aws', 'managed-preference': 'yes', 'cost-sensitive': 'no' }));
    expect(whyNot(matrix, r)).toEqual({
      'managed-azure': { question: 'cloud', driver: 'cloud', value: 'aws' },
      'open-source': { reason: 'lower-score', total: 18 },
    });
  });
});

describe('toDecision', () => {
  it('keeps only the drivers on the path, in the requested language', () => {
    const values = { scale: 'small', 'team-size': 'large', cloud: 'aws' };
    const d = toDecision(tree, walk(tree, values), { lang: 'es', values, assumed: ['scale', 'cloud'], catalog: NO_DRIVERS });
    expect(d).toEqual({
      tree: 'good-tree',
      outcome: 'monolith',
      title: 'Monolito',
      path: [{ question: 'q-scale', driver: 'scale', value: 'small' }],
      assumed: ['scale'],
      warnings: ['Mantén los módulos separados'],
      followUps: [],
      drivers: { scale: 'small' },
      flips: [],
      notes: [],
    });
  });

  it('carries follow-ups, the chain link and the score table', () => {
    const values = { scale: 'large', 'team-size': 'large', 'domain-boundaries': 'clear' };
    const d = toDecision(tree, walk(tree, values), { lang: 'en', values, assumed: [], ledBy: { tree: 'x', outcome: 'y' }, catalog: NO_DRIVERS });
    expect(d).toMatchObject({ title: 'Microservices', followUps: ['good-matrix'], ledBy: { tree: 'x', outcome: 'y' } });
    const mv = { cloud: 'on-prem', 'managed-preference': 'yes', 'cost-sensitive': 'no' };
    const m = toDecision(matrix, walk(matrix, mv), { lang: 'en', values: mv, assumed: ['cloud'], catalog: NO_DRIVERS });
    expect(m).toMatchObject({ outcome: 'open-source', assumed: ['cloud'], drivers: mv });
    expect(m.scores?.ranking).toEqual(['open-source']);
  });

  it('refuses an unfinished walk', () => {
    expect(() => toDecision(tree, walk(tree, {}), { lang: 'en', values: {}, assumed: [], catalog: NO_DRIVERS })).toThrow(/not complete/);
  });
});
