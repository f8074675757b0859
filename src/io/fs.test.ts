import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { UsageError } from '../core/errors.js';
import { createExclusive, withDirLock, writeFileAtomic } from './fs.js';

let dir: string;
afterEach(() => rmSync(dir, { recursive: true, force: true }));
const fresh = () => (dir = mkdtempSync(join(tmpdir(), 'adr-fs-')));

describe('writes', () => {
  it('never overwrites without force, and leaves no temp file behind', async () => {
    fresh();
    const file = join(dir, 'a.md');
    writeFileSync(file, 'mine');
    await expect(writeFileAtomic(file, 'theirs')).rejects.toThrow(UsageError);
    await expect(writeFileAtomic(file, 'theirs')).rejects.toThrow(/already exists; use --force/);
    expect(readFileSync(file, 'utf8')).toBe('mine');
    await writeFileAtomic(file, 'theirs', { force: true });
    expect(readFileSync(file, 'utf8')).toBe('theirs');
    expect(readdirSync(dir)).toEqual(['a.md']);
  });

  it('creates exclusively: the second claim of a name fails and the first content stays', async () => {
    fresh();
    const file = join(dir, '0001-x.md');
    const results = await Promise.all([createExclusive(file, 'one'), createExclusive(file, 'two')]);
    expect(results.filter(Boolean)).toHaveLength(1);
    expect(['one', 'two']).toContain(readFileSync(file, 'utf8'));
    expect(readdirSync(dir)).toEqual(['0001-x.md']);
  });
});

describe('the folder lock', () => {
  it('serialises critical sections and takes over a lock whose process is gone', async () => {
    fresh();
    let inside = 0;
    let max = 0;
    await Promise.all(
      Array.from({ length: 5 }, () =>
        withDirLock(dir, async () => {
          inside++;
          max = Math.max(max, inside);
          await new Promise((r) => setTimeout(r, 10));
          inside--;
        }),
      ),
    );
    expect(max).toBe(1);
    // A lock left by a process that no longer exists (pid far above any live one).
    writeFileSync(join(dir, '.adr-wizard.lock'), '99999999\n');
    await expect(withDirLock(dir, async () => 'ran')).resolves.toBe('ran');
    expect(readdirSync(dir)).toEqual([]);
  });
});
