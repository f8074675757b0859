// decide --render: the diagram is rendered next to the ADR and linked from it.
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { recordDecisions } from '../src/adr/record-decisions.js';
import { renderingAvailable } from '../src/io/mermaid-browser.js';
import { serviceGate } from './support/services.js';
import { tempDir } from './support/cli.js';
import { catalog, decide, styleTree, trees } from './adr/fixtures.js';

const gate = serviceGate('Chromium with mermaid and puppeteer-core', await renderingAvailable(), 'apt-get install chromium');

describe('rendered diagrams', () => {
  it.skipIf(gate)('writes NNNN-slug.svg next to the ADR and links it', async () => {
    const cwd = tempDir();
    const [written] = await recordDecisions({
      decisions: [decide(styleTree, { scale: 'small' }, 'en')],
      trees,
      catalog,
      cwd,
      lang: 'en',
      render: 'svg',
    });
    const svg = written!.file.replace(/\.md$/, '.svg');
    expect(existsSync(svg)).toBe(true);
    expect(readFileSync(svg, 'utf8')).toMatch(/<svg[\s\S]*Monolith/);
    expect(written!.content).toContain('![Rendered diagram](0001-application-architecture-style-monolith.svg)');
  }, 120_000);
});
