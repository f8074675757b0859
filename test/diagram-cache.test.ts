// The cache of drawings (src/io/diagram-cache.ts), through the built binary: a diagram drawn once
// is read back by the next run, which then needs no browser at all; the key is the source (and
// Mermaid's version and the drawing settings), never a name; a file cut short is drawn again; a
// cache that cannot be written only costs the drawing. Every other test runs with the cache off.
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, tempDir } from './support/cli.js';
import { findChromium, serviceGate } from './support/services.js';

const gate = serviceGate('chromium', !!findChromium(), 'apt-get install chromium');

/** The env of a run with the cache in `dir` (the test config turns it off for every other test). */
const cached = (dir: string, more: Record<string, string> = {}) => ({ ADR_WIZARD_NO_CACHE: '', ADR_WIZARD_CACHE_DIR: dir, ...more });
// A browser that does not exist: a run that had to draw fails, one that reads the cache does not.
const NO_BROWSER = { PUPPETEER_EXECUTABLE_PATH: '/nonexistent/chromium' };

function kept(dir: string): string[] {
  const root = join(dir, 'diagrams');
  try {
    return readdirSync(root).flatMap((bucket) => readdirSync(join(root, bucket)).map((f) => join(root, bucket, f)));
  } catch {
    return [];
  }
}

describe.skipIf(gate)(`the cache of drawings${gate ? ` (${gate})` : ''}`, () => {
  it('a diagram drawn once is read back: the next run needs no browser and writes the same bytes', async () => {
    const cwd = tempDir();
    const cache = tempDir();
    const first = await runCli(['diagram', 'architecture-style', '--format', 'svg', '--out', 'a.svg'], { cwd, env: cached(cache) });
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    expect(kept(cache).map((f) => f.slice(-4))).toEqual(['.svg']);

    const again = await runCli(['diagram', 'architecture-style', '--format', 'svg', '--out', 'b.svg'], { cwd, env: cached(cache, NO_BROWSER) });
    expect(again.stderr).toBe('');
    expect(again.code).toBe(0);
    expect(readFileSync(join(cwd, 'b.svg'))).toEqual(readFileSync(join(cwd, 'a.svg')));

    // Another source is not in the cache: it must be drawn, and there is no browser.
    const other = await runCli(['diagram', 'saga-engine', '--format', 'svg', '--out', 'c.svg'], { cwd, env: cached(cache, NO_BROWSER) });
    expect(other.code).toBe(2);
    expect(other.stderr).toContain('PUPPETEER_EXECUTABLE_PATH=/nonexistent/chromium does not exist');
    // The same source in Spanish is another drawing too.
    const spanish = await runCli(['diagram', 'architecture-style', '--lang', 'es', '--format', 'svg', '--out', 'd.svg'], { cwd, env: cached(cache, NO_BROWSER) });
    expect(spanish.code).toBe(2);
  });

  it('an export read back from the cache is the same page, each picture with its own ids', async () => {
    const cwd = tempDir();
    const cache = tempDir();
    execFileSync('git', ['init', '-q', cwd]);
    for (const args of [['init'], ['decide', 'architecture-style', '--use-defaults', '--chain'], ['decide', 'architecture-style', '--use-defaults']]) {
      const r = await runCli(args, { cwd });
      expect(r.code, `${args.join(' ')}: ${r.stderr}`).toBe(0);
    }
    const env = { ADR_DATE: '2026-02-03' };
    const first = await runCli(['export', '--format', 'html', '--out', 'one.html'], { cwd, env: cached(cache, env) });
    expect(first.stderr).toBe('');
    const again = await runCli(['export', '--format', 'html', '--out', 'two.html'], { cwd, env: cached(cache, { ...env, ...NO_BROWSER }) });
    expect(again.stderr).toBe('');
    expect(again.code).toBe(0);
    const one = readFileSync(join(cwd, 'one.html'), 'utf8');
    const two = readFileSync(join(cwd, 'two.html'), 'utf8');
    expect(two).toBe(one);
    // Two ADRs took the same path: one drawing in the cache serves both, each with its own id.
    const ids = [...two.matchAll(/<svg id="([^"]+)"/g)].map((m) => m[1]);
    expect(ids.length).toBeGreaterThanOrEqual(3);
    expect(new Set(ids).size).toBe(ids.length);
    expect(two).not.toContain('adr-wizard-cached-drawing');
  });

  it('ADR_WIZARD_NO_CACHE=1 neither reads nor writes the cache', async () => {
    const cwd = tempDir();
    const cache = tempDir();
    const off = await runCli(['diagram', 'saga-coordination', '--format', 'svg', '--out', 'a.svg'], { cwd, env: cached(cache, { ADR_WIZARD_NO_CACHE: '1' }) });
    expect(off.code).toBe(0);
    expect(kept(cache)).toEqual([]);
    await runCli(['diagram', 'saga-coordination', '--format', 'svg', '--out', 'b.svg'], { cwd, env: cached(cache) });
    expect(kept(cache)).toHaveLength(1);
    const offAgain = await runCli(['diagram', 'saga-coordination', '--format', 'svg', '--out', 'c.svg'], {
      cwd,
      env: cached(cache, { ADR_WIZARD_NO_CACHE: '1', ...NO_BROWSER }),
    });
    expect(offAgain.code).toBe(2);
  });

  it('a kept file cut short is drawn again and replaced whole', async () => {
    const cwd = tempDir();
    const cache = tempDir();
    await runCli(['diagram', 'saga-coordination', '--format', 'png', '--out', 'a.png'], { cwd, env: cached(cache) });
    const [file] = kept(cache);
    expect(file).toMatch(/\.png$/);
    truncateSync(file!, 4);
    const noBrowser = await runCli(['diagram', 'saga-coordination', '--format', 'png', '--out', 'b.png'], { cwd, env: cached(cache, NO_BROWSER) });
    expect(noBrowser.code).toBe(2);
    const redrawn = await runCli(['diagram', 'saga-coordination', '--format', 'png', '--out', 'c.png'], { cwd, env: cached(cache) });
    expect(redrawn.code).toBe(0);
    // Replaced by a whole PNG again (it ends with its IEND chunk); PNG bytes vary a little between drawings.
    const again = readFileSync(file!);
    expect(again.length).toBeGreaterThan(1000);
    expect(again.subarray(-8, -4).toString('latin1')).toBe('IEND');
    expect(readFileSync(join(cwd, 'c.png')).subarray(0, 4)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47]));
  });

  it('a cache folder that cannot be written costs only the drawing: no error, the picture is written', async () => {
    const cwd = tempDir();
    const blocked = join(tempDir(), 'a-file');
    writeFileSync(blocked, 'not a folder');
    const r = await runCli(['diagram', 'saga-coordination', '--format', 'svg', '--out', 'a.svg'], { cwd, env: cached(blocked) });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(readFileSync(join(cwd, 'a.svg'), 'utf8')).toMatch(/^<svg /);
  });
});
