// `adr-wizard export --format md|html|json [--out PATH] [--force]`: the ADR log as one document.
import { resolve } from 'node:path';
import { UsageError } from '../../core/errors.js';
import { findAdrDir, readLog } from '../../adr/log.js';
import { writeFileAtomic } from '../../io/fs.js';
import { printWarning } from '../messages.js';

declare const __ADR_WIZARD_VERSION__: string | undefined;

const FORMATS = ['md', 'html', 'json'] as const;
type ExportFormat = (typeof FORMATS)[number];

interface ExportOptions {
  format?: string;
  out?: string;
  force?: boolean;
}

export async function run(opts: ExportOptions): Promise<void> {
  const format = (opts.format ?? 'md') as ExportFormat;
  if (!FORMATS.includes(format)) {
    throw new UsageError(`--format ${String(opts.format)}: unknown format (use md, html or json)`);
  }
  const cwd = process.cwd();
  const { dir } = await findAdrDir(cwd);
  const records = await readLog(dir);
  const ctx = { dir, cwd };

  let content: string;
  if (format === 'md') {
    const { exportMarkdown } = await import('../export/document.js');
    content = exportMarkdown(records, ctx);
  } else if (format === 'json') {
    const { exportJson } = await import('../export/document.js');
    content = exportJson(records, ctx);
  } else {
    const { exportHtml } = await import('../export/html.js');
    const result = await exportHtml(
      records,
      {
        ...ctx,
        version: typeof __ADR_WIZARD_VERSION__ === 'string' ? __ADR_WIZARD_VERSION__ : 'dev',
        generated: new Date().toISOString().slice(0, 10),
      },
      renderSvgsOrFallBack,
    );
    content = result.html;
  }

  if (opts.out === undefined || opts.out === '-') {
    process.stdout.write(content);
    return;
  }
  await writeFileAtomic(resolve(cwd, opts.out), content, { force: opts.force === true });
}

// Diagrams are rendered in one browser batch; without mermaid-cli or a browser the page still
// exports, with the Mermaid source in place of each picture, and says so.
async function renderSvgsOrFallBack(items: { source: string; svgId: string; label: string }[]): Promise<(string | undefined)[]> {
  const { renderMermaidData } = await import('../../render/mermaid-render.js');
  try {
    const results = await renderMermaidData(
      items.map((i) => ({ source: i.source, svgId: i.svgId, format: 'svg' as const, label: i.label })),
      { progress: true },
    );
    const decoder = new TextDecoder();
    results.forEach((r, k) => {
      if (!r.ok) printWarning(`a diagram in ${items[k]?.label ?? 'the log'} is shown as source: ${r.error}`);
    });
    return results.map((r) => (r.ok ? decoder.decode(r.data) : undefined));
  } catch (err: unknown) {
    if (!(err instanceof UsageError)) throw err;
    printWarning(`diagrams are shown as Mermaid source: ${err.message}`);
    return items.map(() => undefined);
  }
}
