// `adr-wizard export [--format md|html|json|site] [--out PATH] [--force] [--lang en|es]`: the ADR log
// as one document, or as a static site in a folder.
import { extname, resolve } from 'node:path';
import { UsageError } from '../../core/errors.js';
import { didYouMean } from '../../core/did-you-mean.js';
import { eachAdr, listAdrFiles, readLog } from '../../adr/log.js';
import { writeFileAtomic } from '../../io/fs.js';
import type { ExportContext } from '../export/document.js';
import type { DiagramItem } from '../export/html-parts.js';
import { printPieces } from '../json-stream.js';
import { printWarning } from '../messages.js';
import { progressLine } from '../progress-line.js';
import { adrFolder } from '../adr-folder.js';
import { EXPORT_FORMATS } from '../option-values.js';
import { resolveLang } from '../lang.js';

declare const __ADR_WIZARD_VERSION__: string | undefined;

interface ExportFormat {
  /** The file extension that names this format in `--out` (`--out log.html` needs no `--format`). */
  extension: string;
  build(ctx: ExportContext): Promise<string | AsyncIterable<string>>;
}

/** A format written as a folder of files (`--out` names the folder; it has no extension). */
interface FolderFormat {
  folder(ctx: ExportContext, opts: ExportOptions & { out: string }): Promise<void>;
}

const VERSION = typeof __ADR_WIZARD_VERSION__ === 'string' ? __ADR_WIZARD_VERSION__ : 'dev';
const today = () => new Date().toISOString().slice(0, 10);

// Each builder is loaded only when asked for: html brings Markdown and Handlebars along.
// Exactly the formats of EXPORT_FORMATS (what completion offers).
const FORMATS: Record<string, ExportFormat | FolderFormat> = {
  md: {
    extension: '.md',
    build: async (ctx) => (await import('../export/document.js')).exportMarkdown(await readLog(ctx.dir), ctx),
  },
  html: {
    extension: '.html',
    build: async (ctx) => {
      const [{ exportHtml }, records] = await Promise.all([import('../export/html.js'), readLog(ctx.dir)]);
      const page = { ...ctx, version: VERSION, generated: today() };
      return (await exportHtml(records, page, renderSvgsOrFallBack)).html;
    },
  },
  json: {
    extension: '.json',
    // One record at a time: the JSON keeps the fields of each record, never the whole log's text.
    build: async (ctx) => {
      const [{ exportJson }, files] = await Promise.all([import('../export/document.js'), listAdrFiles(ctx.dir)]);
      return exportJson(eachAdr(ctx.dir, files), files.length, ctx);
    },
  },
  site: {
    // The folder is checked before anything is built: a refused folder costs no rendering.
    folder: async (ctx, opts) => {
      const [{ buildSite, logLang }, { siteTarget, writeSite }] = await Promise.all([import('../export/site.js'), import('../../io/site-folder.js')]);
      const out = resolve(ctx.cwd, opts.out);
      const target = await siteTarget(out, opts.force === true);
      const records = await readLog(ctx.dir);
      const lang = resolveLang(opts.lang, logLang(records));
      const site = await buildSite(records, { ...ctx, version: VERSION, generated: today(), lang }, renderSvgsOrFallBack);
      await writeSite(target, site.files, { version: VERSION });
    },
  },
} satisfies Record<(typeof EXPORT_FORMATS)[number], ExportFormat | FolderFormat>;
const DEFAULT_FORMAT = 'md';

interface ExportOptions {
  format?: string;
  out?: string;
  force?: boolean;
  lang?: string;
}

export async function run(opts: ExportOptions): Promise<void> {
  const format = resolveFormat(opts);
  const cwd = process.cwd();
  if ('folder' in format) {
    if (opts.out === undefined || opts.out === '-') throw new UsageError('--format site writes a folder: name it with --out DIR');
    if (opts.lang !== undefined) resolveLang(opts.lang);
    const { dir } = await adrFolder(cwd);
    await format.folder({ dir, cwd }, { ...opts, out: opts.out });
    return;
  }
  if (opts.lang !== undefined) throw new UsageError('--lang: only --format site has a language of its own');
  const { dir } = await adrFolder(cwd);
  const content = await format.build({ dir, cwd });

  if (opts.out === undefined || opts.out === '-') {
    await printPieces(typeof content === 'string' ? [content] : content);
    return;
  }
  await writeFileAtomic(resolve(cwd, opts.out), content, { force: opts.force === true });
}

function resolveFormat(opts: ExportOptions): ExportFormat | FolderFormat {
  const names = Object.keys(FORMATS);
  if (opts.format !== undefined) {
    const format = Object.hasOwn(FORMATS, opts.format) ? FORMATS[opts.format] : undefined;
    if (!format) {
      const choices = `${names.slice(0, -1).join(', ')} or ${names.at(-1)}`;
      throw new UsageError(`--format ${opts.format}: unknown format${didYouMean(opts.format, names)} (use ${choices})`);
    }
    return format;
  }
  // `--out log.html` says the format by itself; any other name gets the default.
  const ext = opts.out === undefined ? '' : extname(opts.out).toLowerCase();
  return Object.values(FORMATS).find((f) => 'extension' in f && f.extension === ext) ?? (FORMATS[DEFAULT_FORMAT] as ExportFormat);
}

// Diagrams are rendered in one browser batch; without mermaid and puppeteer-core or a browser the
// page still exports, with the Mermaid source in place of each ADR's picture and the decision graph
// as a list of its relations, and says so.
async function renderSvgsOrFallBack(items: DiagramItem[]): Promise<(string | undefined)[]> {
  const { renderMermaidData } = await import('../../io/mermaid-browser.js');
  const progress = progressLine();
  try {
    const results = await renderMermaidData(
      items.map((i) => ({ source: i.source, svgId: i.svgId, format: 'svg' as const, label: i.label })),
      { onProgress: progress.counter('rendering') },
    );
    progress.clear();
    const decoder = new TextDecoder();
    results.forEach((r, k) => {
      if (r.ok) return;
      const item = items[k];
      if (item?.instead === 'relations') printWarning(`${item.label} is shown as a list of relations: ${r.error}`);
      else printWarning(`a diagram in ${item?.label ?? 'the log'} is shown as source: ${r.error}`);
    });
    return results.map((r) => (r.ok ? decoder.decode(r.data) : undefined));
  } catch (err: unknown) {
    progress.clear();
    if (!(err instanceof UsageError)) throw err;
    const graph = items.some((i) => i.instead === 'relations') ? ' and the decision graph as a list of relations' : '';
    printWarning(`diagrams are shown as Mermaid source${graph}: ${err.message}`);
    return items.map(() => undefined);
  }
}
