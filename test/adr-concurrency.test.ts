// Many `new` at once in one folder: distinct numbers, whole files. And a killed writer leaves no
// partial ADR and no lock that blocks the next run.
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, runCli, tempDir } from './support/cli.js';

const ENV = { ADR_DATE: '2026-02-03' };

describe('concurrent writers', () => {
  it('30 processes running `new` at once get 30 distinct numbers and 30 whole files', async () => {
    const cwd = tempDir();
    const runs = Array.from({ length: 30 }, (_, i) =>
      // Half share one title: the same slug must still get different numbers.
      runCli(['new', '--template', 'nygard', i % 2 === 0 ? 'Same title' : `Title ${i}`], { cwd, env: ENV, timeoutMs: 120_000 }),
    );
    const results = await Promise.all(runs);
    for (const r of results) {
      expect(r.stderr).toBe('');
      expect(r.code).toBe(0);
    }
    const dir = join(cwd, 'doc/adr');
    const files = readdirSync(dir).sort();
    // Nothing else is left behind: no temp files, no lock.
    expect(files).toHaveLength(30);
    const numbers = files.map((f) => Number.parseInt(f.slice(0, 4), 10));
    expect(numbers).toEqual(Array.from({ length: 30 }, (_, i) => i + 1));
    for (const f of files) {
      const text = readFileSync(join(dir, f), 'utf8');
      const n = Number.parseInt(f.slice(0, 4), 10);
      expect(text.startsWith(`# ${n}. `)).toBe(true);
      expect(text.endsWith('{What becomes easier or harder because of this decision.}\n')).toBe(true);
    }
    // Every process printed the file it wrote, and no two printed the same.
    expect(new Set(results.map((r) => r.stdout.trim())).size).toBe(30);
  }, 180_000);

  it('`decide` and `new` running at once share one numbering', async () => {
    const cwd = tempDir();
    const runs = Array.from({ length: 12 }, (_, i) =>
      i % 3 === 0
        ? runCli(['decide', 'architecture-style', '--use-defaults', '--json'], { cwd, env: ENV, timeoutMs: 120_000 })
        : runCli(['new', `Title ${i}`], { cwd, env: ENV, timeoutMs: 120_000 }),
    );
    const results = await Promise.all(runs);
    for (const r of results) expect(r.code).toBe(0);
    const files = readdirSync(join(cwd, 'doc/adr')).sort();
    expect(files.map((f) => Number.parseInt(f.slice(0, 4), 10))).toEqual(Array.from({ length: 12 }, (_, i) => i + 1));
    expect(files.filter((f) => f.includes('architecture-style'))).toHaveLength(4);
  }, 180_000);

  it('a killed writer leaves no partial ADR and no lock that blocks the next run', async () => {
    const cwd = tempDir();
    const dir = join(cwd, 'doc/adr');
    const kills = Array.from({ length: 12 }, (_, i) =>
      new Promise<void>((resolve) => {
        const child = spawn(process.execPath, [BIN, 'new', `Killed ${i}`], { cwd, env: { ...process.env, ...ENV }, stdio: 'ignore' });
        // Kill at different moments of start-up, lock, write.
        setTimeout(() => child.kill('SIGKILL'), 60 + i * 25);
        child.on('close', () => resolve());
      }),
    );
    await Promise.all(kills);
    const r = await runCli(['new', 'After the crash'], { cwd, env: ENV, timeoutMs: 60_000 });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const names = readdirSync(dir).filter((f) => !f.startsWith('.'));
    for (const f of names) {
      const text = readFileSync(join(dir, f), 'utf8');
      expect(text.startsWith('---\nstatus: proposed\n')).toBe(true);
      expect(text.endsWith('* {What becomes easier or harder because of this decision.}\n')).toBe(true);
    }
    expect(names.some((f) => f.endsWith('-after-the-crash.md'))).toBe(true);
    const list = await runCli(['doctor', '--json'], { cwd, env: ENV });
    expect((JSON.parse(list.stdout) as { findings: unknown[] }).findings).toEqual([]);
  }, 120_000);
});
