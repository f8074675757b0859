// The golden diagrams drawn by the Mermaid of each place a reader sees them: GitHub (Mermaid 11,
// the `mermaid` package, 11.17.2 in September 2026) and GitLab (Mermaid 10.7, the `mermaid-10`
// alias). The syntax allow-list (diagram-golden.test.ts) keeps the sources inside what both read;
// this draws them with both, in Chromium, and checks every node declared is drawn.
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import puppeteer, { type Browser } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserArgs } from '../src/io/mermaid-browser.js';
import { MermaidPage } from '../src/io/mermaid-page.js';
import { ROOT } from './support/cli.js';
import { findChromium, serviceGate } from './support/services.js';

const gate = serviceGate('chromium', !!findChromium(), 'apt-get install chromium');
const require = createRequire(import.meta.url);
const GOLDEN = join(ROOT, 'test/golden/diagrams');
const goldens = readdirSync(GOLDEN).filter((f) => f.endsWith('.mmd')).sort();

const HOSTS = [
  { name: 'GitHub', pkg: 'mermaid', major: '11.' },
  { name: 'GitLab', pkg: 'mermaid-10', major: '10.7.' },
] as const;

/** The node ids a source declares (`  n3{{"..."}}`, `  n0["..."]`, ...), not the edges. */
function declaredNodes(source: string): string[] {
  return source.split('\n').flatMap((line) => /^\s+(n\d+)\s*[[({/>]/.exec(line)?.[1] ?? []);
}

describe.skipIf(gate)(`golden diagrams drawn by GitHub's and GitLab's Mermaid${gate ? ` (${gate})` : ''}`, () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await puppeteer.launch({ executablePath: findChromium(), headless: true, args: browserArgs() });
  });
  afterAll(async () => {
    await browser?.close();
  });

  it.each(HOSTS)('$name ($pkg): every golden diagram draws, with every node it declares', async ({ pkg, major }) => {
    const version = (require(`${pkg}/package.json`) as { version: string }).version;
    expect(version.startsWith(major), `${pkg} is ${version}`).toBe(true);
    const page = await MermaidPage.open(browser, require.resolve(`${pkg}/dist/mermaid.min.js`));
    try {
      expect(goldens.length).toBeGreaterThan(20);
      for (const [k, file] of goldens.entries()) {
        const source = readFileSync(join(GOLDEN, file), 'utf8');
        const svg = new TextDecoder().decode(await page.render(`d${k}`, source, 'svg'));
        // Mermaid 11 prefixes node ids with the SVG id; 10.7 does not.
        const drawn = new Set([...svg.matchAll(/id="(?:d\d+-)?flowchart-(n\d+)-\d+"/g)].map((m) => m[1]));
        const declared = declaredNodes(source);
        expect(declared.length, file).toBeGreaterThan(1);
        expect([...drawn].sort(), `${file} drawn by ${pkg} ${version}`).toEqual([...new Set(declared)].sort());
      }
    } finally {
      await page.close();
    }
  });
});
