// Which browser renders diagrams: the documented order, and one clear line for a named browser
// that is not there.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { browserArgs, findBrowser } from '../src/io/mermaid-browser.js';

const dirs: string[] = [];
function project(config?: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'adr-wizard-browser-'));
  dirs.push(dir);
  if (config !== undefined) writeFileSync(join(dir, '.adr-wizard.yaml'), config);
  return dir;
}
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe('findBrowser', () => {
  it('takes PUPPETEER_EXECUTABLE_PATH first, and names it when it does not exist', async () => {
    const dir = project();
    const fake = join(dir, 'my-chrome');
    writeFileSync(fake, '');
    expect(await findBrowser({ cwd: dir, env: { PUPPETEER_EXECUTABLE_PATH: fake, ADR_WIZARD_BROWSER: '/elsewhere' } })).toBe(fake);
    await expect(findBrowser({ cwd: dir, env: { PUPPETEER_EXECUTABLE_PATH: '/missing/chrome' } })).rejects.toThrow(
      /PUPPETEER_EXECUTABLE_PATH=\/missing\/chrome does not exist/,
    );
  });

  it('then ADR_WIZARD_BROWSER, then `browser:` in .adr-wizard.yaml (relative to that file)', async () => {
    const dir = project('folder: docs/adr\nbrowser: tools/chrome   # our pinned build\n');
    const sub = join(dir, 'a');
    const fake = join(dir, 'tools', 'chrome');
    await expect(findBrowser({ cwd: dir, env: {} })).rejects.toThrow(/\.adr-wizard\.yaml: browser .*tools\/chrome does not exist/);
    mkdirSync(join(dir, 'tools'));
    mkdirSync(sub);
    writeFileSync(fake, '');
    expect(await findBrowser({ cwd: sub, env: {} })).toBe(fake);
    const other = join(dir, 'other');
    writeFileSync(other, '');
    expect(await findBrowser({ cwd: sub, env: { ADR_WIZARD_BROWSER: other } })).toBe(other);
  });

  it('reads `browser:` as YAML: quoted paths and paths with a `#` in them', async () => {
    const dir = project('browser: "my tools/chrome#2"\n');
    mkdirSync(join(dir, 'my tools'));
    writeFileSync(join(dir, 'my tools', 'chrome#2'), '');
    expect(await findBrowser({ cwd: dir, env: {} })).toBe(join(dir, 'my tools', 'chrome#2'));
  });

  it('then a system Chromium or Chrome on PATH', async () => {
    const dir = project();
    const bin = join(dir, 'bin');
    mkdirSync(bin);
    writeFileSync(join(bin, 'google-chrome-stable'), '');
    expect(await findBrowser({ cwd: dir, env: { PATH: bin } })).toBe(join(bin, 'google-chrome-stable'));
  });
});

describe('browserArgs', () => {
  it('keeps Chromium quiet offline and unthrottled for parallel pages; no sandbox only as root', () => {
    const args = browserArgs();
    for (const flag of ['--disable-gpu', '--disable-background-networking', '--disable-background-timer-throttling', '--disable-renderer-backgrounding']) {
      expect(args).toContain(flag);
    }
    expect(args.includes('--no-sandbox')).toBe(process.getuid?.() === 0);
  });
});
