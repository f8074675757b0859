// `validate` on mutated copies of the shipped trees, through the built binary: it exits 0 or 2
// with located problems, never crashes (exit 1) and never prints a stack trace.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FUZZ_SEED, mutate, prng } from '../src/core/__fixtures__/mutate.js';
import { runCli, tempDir, ROOT } from './support/cli.js';

const SAMPLES = 50;
const PARALLEL = 4;

describe('validate on mutated trees', () => {
  it(`exits 0 or 2 and never crashes on ${SAMPLES} mutations`, async () => {
    const dir = tempDir();
    const decisions = join(ROOT, 'decisions');
    const names = readdirSync(decisions).filter((f) => f.endsWith('.yaml') && f !== 'drivers.yaml').sort();
    const rand = prng(FUZZ_SEED + 1);
    const cases = Array.from({ length: SAMPLES }, (_, i) => {
      const name = names[Math.floor(rand() * names.length)]!;
      const { text, what } = mutate(readFileSync(join(decisions, name), 'utf8'), rand);
      const file = `case-${i}-${name}`;
      writeFileSync(join(dir, file), text);
      return { file, what: `${name}: ${what.join('; ')}` };
    });
    const results: { file: string; what: string; code: number | null; stdout: string; stderr: string }[] = [];
    for (let i = 0; i < cases.length; i += PARALLEL) {
      const batch = cases.slice(i, i + PARALLEL);
      results.push(...(await Promise.all(batch.map(async (c) => ({ ...c, ...(await runCli(['validate', c.file], { cwd: dir })) })))));
    }
    for (const r of results) {
      const label = `${r.what}\nstdout: ${r.stdout}\nstderr: ${r.stderr}`;
      expect([0, 2], label).toContain(r.code);
      expect(r.stderr, label).not.toMatch(/Internal error|\n\s+at .+:\d+:\d+/);
      if (r.code === 2) expect(r.stdout + r.stderr, label).toContain(`${r.file}:`);
    }
    expect(results.some((r) => r.code === 2)).toBe(true);
  }, 300_000);
});
