// `adr-wizard diagram <tree> | --adr N | --graph | --all [--format mmd|svg|png] [--out PATH]`.
// Mermaid source goes to stdout by default; pictures are rendered in one browser batch.
import { existsSync, statSync } from 'node:fs';
import { extname, join, resolve } from 'node:path';
import { UsageError } from '../../core/errors.js';
import type { DriverCatalog, Lang, Tree } from '../../core/types.js';
import { walk } from '../../core/walk.js';
import { loadDecisionSet } from '../../io/trees.js';
import { writeFileAtomic } from '../../io/fs.js';
import { treeNodeTitles, treeToMermaid, logToMermaid, type MermaidWalk } from '../../render/mermaid.js';
import { didYouMean } from '../../core/did-you-mean.js';
import { resolveLang } from '../lang.js';
import { println, printWarning } from '../messages.js';
import { progressLine } from '../progress-line.js';
import { adrFolder } from '../adr-folder.js';
import { MERMAID_LIMITS } from '../../core/mermaid-limits.js';
import { DIAGRAM_FORMATS } from '../option-values.js';

const FORMATS = DIAGRAM_FORMATS;
type DiagramFormat = (typeof FORMATS)[number];

interface DiagramOptions {
  adr?: string;
  graph?: boolean;
  all?: boolean;
  format?: string;
  out?: string;
  lang?: string;
  force?: boolean;
}

/** One diagram to produce: its Mermaid source, the file name it gets by default, and its nodes' tooltips (SVG). */
interface Drawing {
  name: string;
  source: string;
  titles?: ReadonlyMap<string, string>;
}

export async function run(treeId: string | undefined, opts: DiagramOptions): Promise<void> {
  const cwd = process.cwd();
  const modes = [treeId !== undefined, opts.adr !== undefined, opts.graph === true, opts.all === true].filter(Boolean).length;
  if (modes === 0) throw new UsageError('diagram needs a tree id, --adr <n>, --graph or --all');
  if (modes > 1) throw new UsageError('diagram draws one thing at a time: give a tree id, --adr <n>, --graph or --all');
  const format = resolveFormat(opts);

  let drawings: Drawing[];
  if (opts.graph) drawings = [await drawLog(cwd, format)];
  else if (opts.adr !== undefined) drawings = [await drawAdr(cwd, opts.adr, opts.lang)];
  else if (opts.all) drawings = await drawAllTrees(cwd, resolveLang(opts.lang));
  else drawings = [await drawTree(cwd, treeId as string, resolveLang(opts.lang))];

  if (opts.all) {
    if (opts.out === undefined) throw new UsageError('diagram --all needs --out DIR (one file per tree is written there)');
    const dir = resolve(cwd, opts.out);
    if (existsSync(dir) && !statSync(dir).isDirectory()) throw new UsageError(`--out ${opts.out}: is a file; --all writes a folder of diagrams`);
    await writeAll(drawings.map((d) => ({ ...d, file: join(dir, `${d.name}.${format}`) })), format, opts.force === true);
    return;
  }

  const drawing = drawings[0] as Drawing;
  if (format === 'mmd' && (opts.out === undefined || opts.out === '-')) {
    process.stdout.write(drawing.source);
    return;
  }
  const file = resolve(cwd, opts.out ?? `${drawing.name}.${format}`);
  await writeAll([{ ...drawing, file }], format, opts.force === true);
}

function resolveFormat(opts: DiagramOptions): DiagramFormat {
  if (opts.format !== undefined) {
    if (!(FORMATS as readonly string[]).includes(opts.format)) {
      throw new UsageError(`--format ${opts.format}: unknown format${didYouMean(opts.format, FORMATS)} (use mmd, svg or png)`);
    }
    return opts.format as DiagramFormat;
  }
  // `--out tree.svg` says the format by itself.
  const ext = opts.out && !opts.all ? extname(opts.out).slice(1).toLowerCase() : '';
  return (FORMATS as readonly string[]).includes(ext) ? (ext as DiagramFormat) : 'mmd';
}

async function writeAll(items: (Drawing & { file: string })[], format: DiagramFormat, force: boolean): Promise<void> {
  // Refuse before rendering anything: a batch that stops half-way helps nobody.
  if (!force) {
    const taken = items.filter((i) => existsSync(i.file));
    if (taken.length > 0) {
      throw new UsageError(
        `${taken.map((i) => i.file).join(', ')} already exist${taken.length === 1 ? 's' : ''}; use --force to overwrite`,
      );
    }
  }
  if (format === 'mmd') {
    for (const item of items) await writeFileAtomic(item.file, item.source, { force });
  } else {
    const { renderMermaid } = await import('../../io/mermaid-browser.js');
    const progress = progressLine();
    try {
      await renderMermaid(
        items.map((i) => ({ source: i.source, outFile: i.file, format, ...(i.titles ? { titles: i.titles } : {}) })),
        { onProgress: progress.counter('rendering'), force },
      );
    } finally {
      progress.clear();
    }
  }
  for (const item of items) println(item.file);
}

async function loadTree(cwd: string, id: string): Promise<{ tree: Tree; catalog: DriverCatalog }> {
  const { trees, catalog } = await loadDecisionSet({ cwd });
  const tree = trees.get(id);
  if (!tree) throw new UsageError(`unknown tree "${id}"${didYouMean(id, [...trees.keys()])}; \`adr-wizard trees\` lists them`);
  return { tree, catalog };
}

async function drawTree(cwd: string, id: string, lang: Lang): Promise<Drawing> {
  const { tree, catalog } = await loadTree(cwd, id);
  return treeDrawing(tree, lang, catalog);
}

/** A tree as drawn, with its whole questions as the tooltips of their short labels. */
function treeDrawing(tree: Tree, lang: Lang, catalog: DriverCatalog, highlight?: MermaidWalk, name = tree.id): Drawing {
  return { name, source: treeToMermaid(tree, lang, highlight, { catalog }), titles: treeNodeTitles(tree, lang, { catalog }) };
}

async function drawAllTrees(cwd: string, lang: Lang): Promise<Drawing[]> {
  const { trees, catalog } = await loadDecisionSet({ cwd });
  return [...trees.values()].map((tree) => treeDrawing(tree, lang, catalog));
}

async function drawLog(cwd: string, format: DiagramFormat): Promise<Drawing> {
  const { readLog } = await import('../../adr/log.js');
  const { dir } = await adrFolder(cwd);
  const records = await readLog(dir);
  if (records.length === 0) throw new UsageError(`no ADRs in ${dir}; \`adr-wizard new <title>\` writes the first`);
  const source = logToMermaid(records);
  // One picture of a large log is more than Mermaid draws; the export splits the graph into parts.
  if (format !== 'mmd' && source.length > MERMAID_LIMITS.maxTextSize) {
    throw new UsageError(
      `the graph of ${records.length} ADRs is ${source.length.toLocaleString('en')} characters of Mermaid, over the ${MERMAID_LIMITS.maxTextSize.toLocaleString('en')} it draws: \`adr-wizard export --format html\` (or md) draws it in parts`,
    );
  }
  return { name: 'adr-graph', source };
}

async function drawAdr(cwd: string, n: string, langFlag: string | undefined): Promise<Drawing> {
  const number = Number(n);
  if (!Number.isInteger(number) || number <= 0) throw new UsageError(`--adr ${n}: not an ADR number`);
  const {readLog, findByNumber } = await import('../../adr/log.js');
  const { dir } = await adrFolder(cwd);
  const [record, ...more] = findByNumber(await readLog(dir), number);
  if (!record) throw new UsageError(`there is no ADR ${number} in ${dir}`);
  if (more.length > 0) printWarning(`several files are numbered ${number}; drawing ${record.file}`);
  const block = record.wizard;
  if (!block) {
    throw new UsageError(`${record.file}: ADR ${number} has no adr-wizard block (only decisions written by \`adr-wizard decide\` can be drawn)`);
  }
  const { tree, catalog } = await loadTree(cwd, block.tree);
  const lang = resolveLang(langFlag, block.lang === 'es' || block.lang === 'en' ? block.lang : undefined);
  if (!tree.outcomes[block.outcome]) {
    printWarning(`ADR ${number} chose "${block.outcome}", which tree ${tree.id} no longer has; drawing the tree's path only`);
  }
  const result = walk(tree, block.drivers);
  let highlight: MermaidWalk;
  if (result.status === 'done') {
    if (result.outcome !== block.outcome) {
      printWarning(
        `with today's tree these drivers lead to "${result.outcome}", not "${block.outcome}" as recorded; \`adr-wizard revisit ${number}\` re-decides`,
      );
    }
    highlight = { path: result.path, outcome: block.outcome, ...(result.scores ? { scores: result.scores } : {}) };
  } else {
    printWarning(`ADR ${number} lacks answers for ${result.missing.join(', ')}; the path is drawn as far as it goes`);
    highlight = { path: result.path, outcome: block.outcome };
  }
  return treeDrawing(tree, lang, catalog, highlight, `adr-${String(number).padStart(4, '0')}`);
}
