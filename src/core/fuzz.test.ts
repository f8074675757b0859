// Thousands of seeded random mutations of the shipped trees: loading and linting never throw and
// always return either a tree or located problems. Deterministic (fixed seed), so a failure
// reproduces; the failing case index and mutation are in the assertion message.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DECISIONS_DIR } from '../io/paths.js';
import { lintTrees } from './lint.js';
import { parseDrivers, parseTree } from './load.js';
import { FUZZ_SEED, mutate, prng } from './__fixtures__/mutate.js';

const CASES = 3000;
const files = readdirSync(DECISIONS_DIR).filter((f) => f.endsWith('.yaml')).sort();
const sources = new Map(files.map((f) => [f, readFileSync(join(DECISIONS_DIR, f), 'utf8')]));
const catalog = parseDrivers(sources.get('drivers.yaml') ?? '', 'drivers.yaml').catalog;

describe('fuzz: mutated shipped trees', () => {
  it.runIf(catalog !== undefined && files.length > 1)(`${CASES} mutations load and lint without throwing`, () => {
    const rand = prng(FUZZ_SEED);
    const names = [...sources.keys()];
    let trees = 0;
    let rejected = 0;
    for (let c = 0; c < CASES; c++) {
      const name = names[Math.floor(rand() * names.length)]!;
      const { text, what } = mutate(sources.get(name)!, rand);
      const label = `case ${c}: ${name}: ${what.join('; ')}`;
      try {
        if (name === 'drivers.yaml') {
          const r = parseDrivers(text, name);
          expect(r.catalog !== undefined || r.problems.some((p) => p.severity === 'error'), label).toBe(true);
          continue;
        }
        const r = parseTree(text, name);
        if (!r.tree) {
          rejected++;
          expect(r.problems.length, label).toBeGreaterThan(0);
          for (const p of r.problems) {
            expect(p.file, label).toBe(name);
            expect(p.message.length, label).toBeGreaterThan(0);
            expect(p.message, label).not.toMatch(/\n/);
          }
          continue;
        }
        trees++;
        const problems = lintTrees([{ file: name, tree: r.tree, locate: r.locate }], catalog!, { today: '2026-11-24' });
        for (const p of problems) {
          expect(p.line, `${label}: ${p.message}`).toBeGreaterThan(0);
          expect(p.message, label).not.toMatch(/\n/);
        }
      } catch (err) {
        throw new Error(`${label}\n${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
      }
    }
    // Both sides of the loader are exercised: some mutants still parse, many are rejected.
    expect(trees).toBeGreaterThan(CASES / 10);
    expect(rejected).toBeGreaterThan(CASES / 10);
  }, 120_000);
});
