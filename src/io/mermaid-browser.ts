// Renders Mermaid source to SVG or PNG with ONE browser for the whole batch and a few pages at a
// time, each page loading Mermaid once and drawing diagram after diagram (mermaid-page.ts). A
// process per diagram costs ~1.5 s each; a page per diagram ~0.6 s.
//
// mermaid and puppeteer-core are optional peer dependencies (render-packages.ts), imported here,
// lazily, and only when a picture is asked for.
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { availableParallelism, homedir } from 'node:os';
import { readFile } from 'node:fs/promises';
import { basename, delimiter, dirname, join } from 'node:path';
import type { Browser } from 'puppeteer-core';
import { UsageError } from '../core/errors.js';
import { MERMAID_LIMITS } from '../core/mermaid-limits.js';
import { loadAdrConfig } from './config.js';
import { writeFileAtomic } from './fs.js';
import { CACHED_SVG_ID, DiagramCache } from './diagram-cache.js';
import { type ImageFormat, MermaidPage, PAGE_SETTINGS } from './mermaid-page.js';
import { loadRenderPackages, type Puppeteer } from './render-packages.js';
import { withNodeTitles } from './svg-titles.js';

interface RenderItem {
  source: string;
  outFile: string;
  format: ImageFormat;
  /** Tooltips for an SVG's nodes (node id -> text, treeNodeTitles); a PNG cannot show them. */
  titles?: ReadonlyMap<string, string>;
}

/** Called after each diagram, rendered or not: `done` of `total`, `label` names the one just finished. */
type RenderProgress = (done: number, total: number, label: string) => void;

interface RenderOptions {
  onProgress?: RenderProgress;
  /** Per-diagram time limit; a diagram that takes longer fails the batch instead of hanging it. */
  timeoutMs?: number;
  /** Pages rendering at once in the one browser (default: one a core, at most three). */
  concurrency?: number;
  /** Where to look for `.adr-wizard.yaml` (its `browser:` key); defaults to the process cwd. */
  cwd?: string;
  /** A browser already started, used instead of launching one, and left open. */
  browser?: Browser;
  /** false: draw every diagram, neither reading nor filling the cache of drawings (diagram-cache.ts). */
  cache?: false;
}

type RenderResult = { ok: true; data: Uint8Array } | { ok: false; error: string };

const BROWSER_HINT =
  'no Chromium or Chrome found to render diagrams: install one (e.g. `apt-get install chromium`) or set PUPPETEER_EXECUTABLE_PATH to its executable';
// Generous: a large tree as PNG on a busy two-core machine can take well over 10 s.
const DEFAULT_TIMEOUT_MS = 60_000;
// The limits diagrams are rendered with: Mermaid's defaults, which GitHub and GitLab keep, so a
// diagram that renders here renders there. Mermaid draws a longer source as a picture saying
// "Maximum text size in diagram exceeded" and reports success; such a source fails here instead,
// before the browser sees it. More edges than allowed make Mermaid itself fail.
const { maxTextSize: MAX_TEXT_SIZE, maxEdges: MAX_EDGES } = MERMAID_LIMITS;
const LAUNCH_TIMEOUT_MS = 30_000;
// The SVG id mermaid-cli gave a diagram when none was asked for.
const DEFAULT_SVG_ID = 'my-svg';
// Drawing is JavaScript on each page's one thread: more pages than cores only add Mermaid loads.
const DEFAULT_PAGES = Math.min(3, availableParallelism());

declare const __ADR_WIZARD_VERSION__: string | undefined;

/**
 * The browser executable, in the documented order: PUPPETEER_EXECUTABLE_PATH, ADR_WIZARD_BROWSER,
 * `browser:` in `.adr-wizard.yaml`, puppeteer's own download, a system Chromium or Chrome.
 * Undefined when none is found; a named browser that does not exist is an error, not a fallback.
 */
export async function findBrowser(
  options: { cwd?: string; env?: NodeJS.ProcessEnv; puppeteer?: Puppeteer } = {},
): Promise<string | undefined> {
  const env = options.env ?? process.env;
  const explicit = env.PUPPETEER_EXECUTABLE_PATH;
  if (explicit) {
    if (!existsSync(explicit)) throw new UsageError(`PUPPETEER_EXECUTABLE_PATH=${explicit} does not exist; ${BROWSER_HINT}`);
    return explicit;
  }
  const configured = env.ADR_WIZARD_BROWSER
    ? { path: env.ADR_WIZARD_BROWSER, from: 'ADR_WIZARD_BROWSER' }
    : await configuredBrowser(options.cwd ?? process.cwd());
  if (configured) {
    if (!existsSync(configured.path)) {
      throw new UsageError(`${configured.from}: browser ${configured.path} does not exist; ${BROWSER_HINT}`);
    }
    return configured.path;
  }
  try {
    const own = options.puppeteer?.executablePath?.();
    if (own && existsSync(own)) return own;
  } catch {
    // puppeteer throws when its download is absent; that is the common case here.
  }
  return systemBrowser(env);
}

async function configuredBrowser(cwd: string): Promise<{ path: string; from: string } | undefined> {
  const config = await loadAdrConfig(cwd);
  return config.browser && config.file ? { path: config.browser, from: config.file } : undefined;
}

const SYSTEM_NAMES = ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable'];
const USUAL_LOCATIONS = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/snap/bin/chromium',
  '/opt/google/chrome/chrome',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
  'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe',
  'C:\\Program Files (x86)\\Google\\Chrome\\Application\\chrome.exe',
  join(homedir(), 'AppData', 'Local', 'Google', 'Chrome', 'Application', 'chrome.exe'),
];

function systemBrowser(env: NodeJS.ProcessEnv): string | undefined {
  const dirs = (env.PATH ?? '').split(delimiter).filter(Boolean);
  const exts = process.platform === 'win32' ? ['.exe', ''] : [''];
  for (const name of SYSTEM_NAMES) {
    for (const dir of dirs) {
      for (const ext of exts) {
        const candidate = join(dir, name + ext);
        if (existsSync(candidate)) return candidate;
      }
    }
  }
  return USUAL_LOCATIONS.find((p) => existsSync(p));
}

/** Chromium flags: a sandbox needs a non-root user, and background services only make noise offline. */
export function browserArgs(): string[] {
  const args = [
    '--disable-gpu',
    '--disable-dev-shm-usage',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--disable-default-apps',
    '--disable-extensions',
    // Without these, pages rendering in parallel are throttled as "background" and stall.
    '--disable-background-timer-throttling',
    '--disable-renderer-backgrounding',
    '--disable-backgrounding-occluded-windows',
  ];
  if (process.getuid?.() === 0) args.unshift('--no-sandbox');
  return args;
}

function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const limit = new Promise<never>((_, reject) => {
    const limit = ms >= 1000 ? `${Math.round(ms / 1000)} s` : `${ms} ms`;
    timer = setTimeout(() => reject(new TimeoutError(`${what} took longer than ${limit}`)), ms);
  });
  return Promise.race([promise, limit]).finally(() => clearTimeout(timer));
}

class TimeoutError extends Error {}

/**
 * Renders every source with one browser, a few pages at once. Each item gets its own result so a
 * caller (export) can fall back for one broken diagram; throws UsageError when rendering cannot
 * start at all (no mermaid or puppeteer-core, no browser) or a diagram takes too long.
 */
export async function renderMermaidData(
  items: { source: string; format: ImageFormat; label?: string; svgId?: string }[],
  opts: RenderOptions = {},
): Promise<RenderResult[]> {
  if (items.length === 0) return [];
  const { mermaidScript, puppeteer } = await loadRenderPackages();
  const timeoutMs = opts.timeoutMs ?? DEFAULT_TIMEOUT_MS;

  const results: RenderResult[] = new Array(items.length);
  let done = 0;
  const finish = (index: number, result: RenderResult) => {
    results[index] = result;
    opts.onProgress?.(++done, items.length, items[index]?.label ?? '');
  };
  const drawable: number[] = [];
  for (const [index, item] of items.entries()) {
    if (item.source.length > MAX_TEXT_SIZE) finish(index, { ok: false, error: tooLong(item.source.length) });
    else drawable.push(index);
  }
  // One drawing serves every item of the same source: each SVG gets its own id back.
  const deliver = (job: Job, result: RenderResult, drawnAs: string) => {
    for (const index of job.indexes) {
      const svgId = items[index]?.svgId ?? DEFAULT_SVG_ID;
      finish(index, result.ok && job.format === 'svg' ? { ok: true, data: withId(result.data, drawnAs, svgId) } : result);
    }
  };
  const cache = opts.cache === false ? undefined : DiagramCache.open(await drawingSettings(mermaidScript));
  const jobs: Job[] = [];
  for (const job of sameDrawings(items, drawable)) {
    const kept = await cache?.get(job.source, job.format);
    if (kept) deliver(job, { ok: true, data: kept }, CACHED_SVG_ID);
    else jobs.push(job);
  }
  if (jobs.length > 0) {
    const browser = opts.browser ?? (await launch(puppeteer, opts.cwd));
    try {
      const label = (i: number) => items[i]?.label ?? `diagram ${i + 1}`;
      await drawAll(browser, mermaidScript, jobs, { timeoutMs, concurrency: opts.concurrency ?? DEFAULT_PAGES, label }, (job, result) => {
        if (result.ok) cache?.put(job.source, job.format, job.format === 'svg' ? withId(result.data, job.id, CACHED_SVG_ID) : result.data);
        deliver(job, result, job.id);
      });
    } finally {
      if (!opts.browser) await closeBrowser(browser);
      await cache?.settle();
    }
  }
  for (let i = 0; i < items.length; i++) results[i] ??= { ok: false, error: 'not rendered' };
  return results;
}

/** One drawing to make: a source in a format, for every item (by index) that asks for it. */
interface Job {
  source: string;
  format: ImageFormat;
  /** The SVG id it is drawn with: a token found in no source, so that it can be replaced. */
  id: string;
  indexes: number[];
}

// Identical sources in a batch (decisions that took the same path through the same tree, in an
// export of the log) are drawn once: the SVG id is the only difference between their pictures.
function sameDrawings(items: { source: string; format: ImageFormat }[], indexes: number[]): Job[] {
  let id: string;
  do id = `svg${randomBytes(8).toString('hex')}`;
  while (items.some((i) => i.source.includes(id)));
  const jobs = new Map<string, Job>();
  for (const index of indexes) {
    const { source, format } = items[index]!;
    const key = `${format}\0${source}`;
    const job = jobs.get(key);
    if (job) job.indexes.push(index);
    else jobs.set(key, { source, format, id, indexes: [index] });
  }
  // Longest first: a large drawing (a part of the decision graph) started last would keep one
  // page busy after the others have finished.
  return [...jobs.values()].sort((a, b) => b.source.length - a.source.length);
}

/** Mermaid's version (its package.json, beside dist/), this program's, and the page's settings. */
async function drawingSettings(mermaidScript: string): Promise<string> {
  let mermaid = 'unknown';
  try {
    mermaid = (JSON.parse(await readFile(join(dirname(mermaidScript), '..', 'package.json'), 'utf8')) as { version?: string }).version ?? mermaid;
  } catch {
    // Without a version the drawings are still keyed by the script's path.
    mermaid = mermaidScript;
  }
  const own = typeof __ADR_WIZARD_VERSION__ === 'string' ? __ADR_WIZARD_VERSION__ : 'dev';
  return JSON.stringify({ mermaid, own, page: PAGE_SETTINGS });
}

function withId(svg: Uint8Array, drawnAs: string, id: string): Uint8Array {
  return new TextEncoder().encode(new TextDecoder().decode(svg).replaceAll(drawnAs, id));
}

async function launch(puppeteer: Puppeteer, cwd: string | undefined): Promise<Browser> {
  const executablePath = await findBrowser({ cwd, puppeteer });
  if (!executablePath) throw new UsageError(BROWSER_HINT);
  try {
    return await withTimeout(
      puppeteer.launch({ executablePath, headless: true, args: browserArgs(), timeout: LAUNCH_TIMEOUT_MS }),
      LAUNCH_TIMEOUT_MS + 1000,
      'starting the browser',
    );
  } catch (err: unknown) {
    const message = err instanceof Error ? err.message.split('\n')[0] : String(err);
    throw new UsageError(`cannot start the browser ${executablePath}: ${message}`);
  }
}

/**
 * Draws the jobs on `concurrency` pages, each taking the next job when it is free. A page is
 * opened by its first job, whose time limit covers it. A job over the limit stops the batch: the
 * page is still busy with it, and the browser is closed under it.
 */
async function drawAll(
  browser: Browser,
  mermaidScript: string,
  jobs: Job[],
  opts: { timeoutMs: number; concurrency: number; label: (index: number) => string },
  onDone: (job: Job, result: RenderResult) => void,
): Promise<void> {
  let next = 0;
  let fatal: Error | undefined;
  const worker = async () => {
    let page: MermaidPage | undefined;
    try {
      while (fatal === undefined) {
        const job = jobs[next++];
        if (!job) return;
        let result: RenderResult;
        try {
          const data = await withTimeout(
            (async () => {
              page ??= await MermaidPage.open(browser, mermaidScript);
              return page.render(job.id, job.source, job.format);
            })(),
            opts.timeoutMs,
            `rendering ${opts.label(job.indexes[0]!)}`,
          );
          result = { ok: true, data };
        } catch (err: unknown) {
          if (err instanceof TimeoutError || page === undefined) {
            fatal ??= err instanceof TimeoutError ? err : new UsageError(`cannot load Mermaid into the browser: ${oneLine(err)}`);
            return;
          }
          result = { ok: false, error: oneLine(err) };
        }
        onDone(job, result);
      }
    } finally {
      // A page still busy with a job over the limit goes with the browser.
      if (page && fatal === undefined) await page.close().catch(() => undefined);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(opts.concurrency, jobs.length)) }, worker));
  if (fatal) throw new UsageError(fatal.message);
}

function tooLong(length: number): string {
  const n = (x: number) => x.toLocaleString('en-US');
  return `the diagram is ${n(length)} characters long; Mermaid draws at most ${n(MAX_TEXT_SIZE)} (draw it as several smaller diagrams)`;
}

// Mermaid's parse errors span lines ("Parse error on line 2:", the source, a caret, "Expecting ...");
// the first and the last say what a user needs.
function oneLine(err: unknown): string {
  const message = err instanceof Error ? err.message : String(err);
  // Mermaid's own words tell how to raise the limit, which a reader of GitHub cannot do.
  if (message.includes('Edge limit exceeded')) return `the diagram has more than ${MAX_EDGES} edges; Mermaid draws at most ${MAX_EDGES} (draw it as several smaller diagrams)`;
  const lines = message.split('\n').map((l) => l.trim()).filter(Boolean);
  if (lines.length <= 1) return lines[0] ?? 'unknown error';
  const expecting = lines.find((l) => /^Expecting /.test(l));
  return expecting ? `${lines[0]} ${expecting}` : (lines[0] as string);
}

async function closeBrowser(browser: Browser): Promise<void> {
  try {
    await withTimeout(browser.close(), 5000, 'closing the browser');
  } catch {
    browser.process()?.kill('SIGKILL');
  }
}

/**
 * Renders each item to its file, each written whole or not at all; without `force` an existing
 * file is never replaced. The diagrams that render are written even when others fail; then a
 * UsageError lists every failure.
 */
export async function renderMermaid(items: RenderItem[], opts: RenderOptions & { force?: boolean } = {}): Promise<void> {
  const results = await renderMermaidData(
    items.map((i) => ({ source: i.source, format: i.format, label: basename(i.outFile) })),
    opts,
  );
  const failures: string[] = [];
  for (const [i, item] of items.entries()) {
    const result = results[i];
    if (!result || !result.ok) {
      failures.push(`${item.outFile}: ${result?.error ?? 'not rendered'}`);
      continue;
    }
    const data = item.format === 'svg' && item.titles ? new TextEncoder().encode(withNodeTitles(new TextDecoder().decode(result.data), item.titles)) : result.data;
    await writePicture(item.outFile, data, opts.force === true);
  }
  if (failures.length > 0) {
    throw new UsageError(
      `could not render ${failures.length} diagram${failures.length === 1 ? '' : 's'}`,
      failures.map((message) => ({ message, severity: 'error' as const })),
    );
  }
}

async function writePicture(file: string, data: Uint8Array, force: boolean): Promise<void> {
  try {
    await writeFileAtomic(file, data, { force });
  } catch (err: unknown) {
    // "already exists; use --force" is already a user's message; a full disk or a read-only
    // folder is one too, not a crash.
    if (err instanceof UsageError) throw err;
    throw new UsageError(`cannot write ${file}: ${err instanceof Error ? err.message : String(err)}`);
  }
}

/** True when rendering could start: mermaid and puppeteer-core are installed and a browser is found. */
export async function renderingAvailable(cwd?: string): Promise<boolean> {
  try {
    const { puppeteer } = await loadRenderPackages();
    return (await findBrowser({ cwd, puppeteer })) !== undefined;
  } catch {
    return false;
  }
}
