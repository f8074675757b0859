// Renders Mermaid source to SVG or PNG through @mermaid-js/mermaid-cli's Node API, with ONE
// browser for the whole batch and a few pages at a time (a process per diagram costs ~1.5 s each).
//
// mermaid-cli (and the puppeteer it brings) is an optional peer dependency: `npx adr-wizard`
// users who never render never download a browser or ~500 MB of node_modules. It is imported
// here, lazily, and only when a picture is asked for.
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { homedir } from 'node:os';
import { basename, delimiter, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { UsageError } from '../core/errors.js';
import { loadAdrConfig } from './config.js';
import { isCode, writeFileAtomic } from './fs.js';
import { MERMAID_LIMITS } from '../core/mermaid-limits.js';

type ImageFormat = 'svg' | 'png';

interface RenderItem {
  source: string;
  outFile: string;
  format: ImageFormat;
}

/** Called after each diagram, rendered or not: `done` of `total`, `label` names the one just finished. */
type RenderProgress = (done: number, total: number, label: string) => void;

interface RenderOptions {
  onProgress?: RenderProgress;
  /** Per-diagram time limit; a diagram that takes longer fails the batch instead of hanging it. */
  timeoutMs?: number;
  /** Pages rendering at once in the one browser. */
  concurrency?: number;
  /** Where to look for `.adr-wizard.yaml` (its `browser:` key); defaults to the process cwd. */
  cwd?: string;
}

type RenderResult = { ok: true; data: Uint8Array } | { ok: false; error: string };

const INSTALL_HINT = 'rendering needs @mermaid-js/mermaid-cli: npm install -D @mermaid-js/mermaid-cli';
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

interface MermaidCli {
  renderMermaid(
    browser: unknown,
    definition: string,
    format: ImageFormat,
    options?: { svgId?: string; backgroundColor?: string; viewport?: { width: number; height: number; deviceScaleFactor?: number }; mermaidConfig?: Record<string, unknown> },
  ): Promise<{ data: Uint8Array }>;
}

interface PuppeteerBrowser {
  close(): Promise<void>;
  process(): { kill(signal?: string): boolean } | null;
}

interface Puppeteer {
  launch(options: Record<string, unknown>): Promise<PuppeteerBrowser>;
  executablePath?(): string;
}

function isModuleNotFound(err: unknown): boolean {
  return isCode(err, 'ERR_MODULE_NOT_FOUND') || isCode(err, 'MODULE_NOT_FOUND');
}

async function loadMermaidCli(): Promise<{ cli: MermaidCli; puppeteer: Puppeteer }> {
  // Specifiers in variables keep the bundler from inlining these optional packages.
  const cliName = '@mermaid-js/mermaid-cli';
  let cli: MermaidCli;
  try {
    cli = (await import(cliName)) as MermaidCli;
  } catch (err: unknown) {
    if (isModuleNotFound(err)) throw new UsageError(INSTALL_HINT);
    throw err;
  }
  return { cli, puppeteer: await loadPuppeteer() };
}

// puppeteer is mermaid-cli's own peer dependency; resolve it next to us first, then next to
// mermaid-cli (a nested install).
async function loadPuppeteer(): Promise<Puppeteer> {
  const name = 'puppeteer';
  try {
    const mod = (await import(name)) as { default?: Puppeteer } & Puppeteer;
    return mod.default ?? mod;
  } catch (err: unknown) {
    if (!isModuleNotFound(err)) throw err;
  }
  try {
    const require = createRequire(import.meta.url);
    const cliEntry = require.resolve('@mermaid-js/mermaid-cli');
    const fromCli = createRequire(cliEntry).resolve(name);
    const mod = (await import(pathToFileURL(fromCli).href)) as { default?: Puppeteer } & Puppeteer;
    return mod.default ?? mod;
  } catch {
    throw new UsageError(`${INSTALL_HINT} (its puppeteer dependency is missing)`);
  }
}

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
 * start at all (no mermaid-cli, no browser).
 */
export async function renderMermaidData(
  items: { source: string; format: ImageFormat; label?: string; svgId?: string }[],
  opts: RenderOptions = {},
): Promise<RenderResult[]> {
  if (items.length === 0) return [];
  const { cli, puppeteer } = await loadMermaidCli();
  const executablePath = await findBrowser({ cwd: opts.cwd, puppeteer });
  if (!executablePath) throw new UsageError(BROWSER_HINT);
  const timeoutMs = opts.timeoutMs ?? DEFAULT_TIMEOUT_MS;

  let browser: PuppeteerBrowser;
  try {
    browser = await withTimeout(
      puppeteer.launch({ executablePath, headless: true, args: browserArgs(), timeout: LAUNCH_TIMEOUT_MS }),
      LAUNCH_TIMEOUT_MS + 1000,
      'starting the browser',
    );
  } catch (err: unknown) {
    const message = err instanceof Error ? err.message.split('\n')[0] : String(err);
    throw new UsageError(`cannot start the browser ${executablePath}: ${message}`);
  }

  const results: RenderResult[] = new Array(items.length);
  let next = 0;
  let done = 0;
  let fatal: Error | undefined;
  const worker = async () => {
    while (fatal === undefined) {
      const index = next++;
      const item = items[index];
      if (!item) return;
      if (item.source.length > MAX_TEXT_SIZE) {
        results[index] = { ok: false, error: tooLong(item.source.length) };
        opts.onProgress?.(++done, items.length, item.label ?? '');
        continue;
      }
      try {
        const { data } = await withTimeout(
          cli.renderMermaid(browser, item.source, item.format, {
            // Several SVGs inlined in one page need distinct ids: mermaid scopes its CSS by id.
            ...(item.svgId ? { svgId: item.svgId } : {}),
            backgroundColor: item.format === 'png' ? 'white' : 'transparent',
            // A wider page and 2x pixels keep PNG text sharp; SVG ignores both.
            viewport: { width: 1200, height: 800, deviceScaleFactor: 2 },
            mermaidConfig: { securityLevel: 'strict', theme: 'default', maxTextSize: MAX_TEXT_SIZE, maxEdges: MAX_EDGES },
          }),
          timeoutMs,
          `rendering ${item.label ?? `diagram ${index + 1}`}`,
        );
        results[index] = { ok: true, data };
      } catch (err: unknown) {
        // A hung page may keep the browser busy; stop the batch rather than queue behind it.
        if (err instanceof TimeoutError) fatal = err;
        results[index] = { ok: false, error: oneLine(err) };
      }
      opts.onProgress?.(++done, items.length, item.label ?? '');
    }
  };
  try {
    const pages = Math.max(1, Math.min(opts.concurrency ?? 3, items.length));
    await Promise.all(Array.from({ length: pages }, worker));
  } finally {
    await closeBrowser(browser);
  }
  if (fatal) throw new UsageError(fatal.message);
  for (let i = 0; i < items.length; i++) results[i] ??= { ok: false, error: 'not rendered' };
  return results;
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

async function closeBrowser(browser: PuppeteerBrowser): Promise<void> {
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
    await writePicture(item.outFile, result.data, opts.force === true);
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

/** True when rendering could start: mermaid-cli is installed and a browser is found. */
export async function renderingAvailable(cwd?: string): Promise<boolean> {
  try {
    const { puppeteer } = await loadMermaidCli();
    return (await findBrowser({ cwd, puppeteer })) !== undefined;
  } catch {
    return false;
  }
}
