// One browser page that draws many diagrams: Mermaid is loaded into it once and then renders
// diagram after diagram. Loading Mermaid (3.5 MB of script to compile) is most of the cost of a
// small diagram; a page per diagram pays it every time.
//
// The page is a document of its own with Mermaid's script, and every other request it would make
// (an image in a label, a font) is refused: diagrams are drawn offline, from the source alone.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'puppeteer-core';
import { MERMAID_LIMITS } from '../core/mermaid-limits.js';

export type ImageFormat = 'svg' | 'png';

// The document mermaid-cli drew in, so that pictures keep their size: a standards-mode page (a
// blank page is in quirks mode) whose 1200 px width scales a wider diagram down.
// UTF-8 said outright: a page read from a file is otherwise decoded as windows-1252, and so is its script.
const PAGE = '<!doctype html><html><head><meta charset="utf-8"></head><body style="background: white"><div id="container"></div></body></html>';
// A wider page and 2x pixels keep PNG text sharp; SVG ignores both.
const VIEWPORT = { width: 1200, height: 800, deviceScaleFactor: 2 };

const MERMAID_CONFIG = {
  startOnLoad: false,
  securityLevel: 'strict',
  theme: 'default',
  maxTextSize: MERMAID_LIMITS.maxTextSize,
  maxEdges: MERMAID_LIMITS.maxEdges,
  // Without it a broken source is drawn as Mermaid's "Syntax error" picture before it fails.
  suppressErrorRendering: true,
};

/** Everything of the page that shapes a drawing besides Mermaid and the source (the cache's key). */
export const PAGE_SETTINGS = JSON.stringify({ PAGE, VIEWPORT, MERMAID_CONFIG, version: 1 });

// What the page code sees, declared here: this project compiles without the DOM library.
interface PageElement {
  innerHTML: string;
  style: { backgroundColor: string };
  remove(): void;
  querySelector(selector: string): PageElement | null;
}
declare const document: { getElementById(id: string): PageElement | null };
declare const XMLSerializer: new () => { serializeToString(node: PageElement): string };
declare const mermaid: {
  initialize(config: Record<string, unknown>): void;
  render(id: string, source: string, container: PageElement): Promise<{ svg: string }>;
};

export class MermaidPage {
  private constructor(private readonly page: Page) {}

  /** A new page in `browser` with Mermaid loaded and set up; refuses every outgoing request. */
  static async open(browser: Browser, mermaidScript: string): Promise<MermaidPage> {
    // A window each: Chromium lowers the OS priority (nice 5) of a tab in the background, and on a
    // busy machine such a page waits behind everything else.
    const page = await browser.newPage({ type: 'window' });
    try {
      // The page is a file that loads Mermaid by its file URL: Chromium reads the 3.5 MB script
      // itself, about 0.4 s quicker a page than sending it over the DevTools protocol. A page from
      // setContent (about:blank) may not load a file:// script. Those two files are the only
      // requests allowed.
      const dir = await mkdtemp(join(tmpdir(), 'adr-wizard-page-'));
      try {
        const file = join(dir, 'page.html');
        const script = pathToFileURL(mermaidScript).href;
        await writeFile(file, PAGE.replace('</body>', `<script charset="utf-8" src="${script}"></script></body>`));
        const allowed = new Set([pathToFileURL(file).href, script]);
        await page.setRequestInterception(true);
        page.on('request', (request) => {
          if (allowed.has(request.url()) || /^(data|about):/.test(request.url())) void request.continue();
          else void request.abort('blockedbyclient');
        });
        await page.setViewport(VIEWPORT);
        await page.goto(pathToFileURL(file).href, { waitUntil: 'load' });
        allowed.clear();
      } finally {
        await rm(dir, { recursive: true, force: true });
      }
      await page.evaluate((config) => mermaid.initialize(config), MERMAID_CONFIG);
      return new MermaidPage(page);
    } catch (err: unknown) {
      await page.close().catch(() => undefined);
      throw err;
    }
  }

  /**
   * Draws one diagram with `id` as its SVG id. SVG: the XML text, on a transparent background as
   * mermaid-cli wrote it. PNG: a screenshot of the drawing on white. Throws Mermaid's error for a
   * broken source; the page stays ready for the next one.
   */
  async render(id: string, source: string, format: ImageFormat): Promise<Uint8Array> {
    const png = format === 'png';
    const svg = await this.page.evaluate(
      async (id, source, png) => {
        const container = document.getElementById('container') as PageElement;
        try {
          const { svg } = await mermaid.render(id, source, container);
          // Parsed as HTML and written back as XML, as mermaid-cli did: labels hold HTML (`<br>`)
          // that is not well-formed XML until serialised.
          container.innerHTML = svg;
          const drawn = container.querySelector('svg') as PageElement;
          drawn.style.backgroundColor = png ? 'white' : 'transparent';
          const xml = new XMLSerializer().serializeToString(drawn);
          if (!png) container.innerHTML = '';
          return xml;
        } catch (err: unknown) {
          // A failed render leaves its scratch element (`d<id>`) in the page.
          for (const stray of [`d${id}`, `i${id}`, id]) document.getElementById(stray)?.remove();
          container.innerHTML = '';
          throw err;
        }
      },
      id,
      source,
      png,
    );
    if (!png) return new TextEncoder().encode(svg);
    try {
      const drawn = await this.page.$('#container > svg');
      if (!drawn) throw new Error('Mermaid drew nothing');
      return await drawn.screenshot({ type: 'png' });
    } finally {
      await this.page.evaluate(() => {
        (document.getElementById('container') as PageElement).innerHTML = '';
      });
    }
  }

  async close(): Promise<void> {
    await this.page.close();
  }
}
