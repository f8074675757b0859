import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { browserArgs, findBrowser } from './mermaid-render.js';

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
  it('takes PUPPETEER_EXECUTABLE_PATH first, and names it when it does not exist', () => {
    const dir = project();
    const fake = join(dir, 'my-chrome');
    writeFileSync(fake, '');
    expect(findBrowser({ cwd: dir, env: { PUPPETEER_EXECUTABLE_PATH: fake, ADR_WIZARD_BROWSER: '/elsewhere' } })).toBe(fake);
    expect(() => findBrowser({ cwd: dir, env: { PUPPETEER_EXECUTABLE_PATH: '/missing/chrome' } })).toThrow(
      /PUPPETEER_EXECUTABLE_PATH=\/missing\/chrome does not exist/,
    );
  });

  it('then ADR_WIZARD_BROWSER, then `browser:` in .adr-wizard.yaml (relative to that file)', () => {
    const dir = project('folder: docs/adr\nbrowser: tools/chrome   # our pinned build\n');
    const sub = join(dir, 'a');
    const fake = join(dir, 'tools', 'chrome');
    expect(() => findBrowser({ cwd: dir, env: {} })).toThrow(/\.adr-wizard\.yaml: browser .*tools\/chrome does not exist/);
    mkdirSync(join(dir, 'tools'));
    mkdirSync(sub);
    writeFileSync(fake, '');
    expect(findBrowser({ cwd: sub, env: {} })).toBe(fake);
    const other = join(dir, 'other');
    writeFileSync(other, '');
    expect(findBrowser({ cwd: sub, env: { ADR_WIZARD_BROWSER: other } })).toBe(other);
  });

  it('then a system Chromium or Chrome on PATH', () => {
    const dir = project();
    const bin = join(dir, 'bin');
    mkdirSync(bin);
    writeFileSync(join(bin, 'google-chrome-stable'), '');
    expect(findBrowser({ cwd: dir, env: { PATH: bin } })).toBe(join(bin, 'google-chrome-stable'));
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
