// The ADR log as one self-contained HTML page: index, decision graph and every ADR, with the
// Mermaid diagrams rendered inline as SVG. No external scripts, fonts or styles, so it reads
// offline and prints (one ADR a page).
import { readFile } from 'node:fs/promises';
import { basename, join, relative } from 'node:path';
import { Marked, type Tokens } from 'marked';
import type { AdrRecord } from '../../adr/types.js';
import { TEMPLATES_DIR } from '../../io/paths.js';
import { loadTemplate } from '../../io/templates.js';
import { adrAnchor, adrBody, statusLabel, type ExportContext } from './document.js';
import { logToMermaid } from '../../render/mermaid.js';

/** Renders Mermaid sources to SVG markup; undefined for a diagram that could not be rendered. */
type SvgRenderer = (sources: { source: string; svgId: string; label: string }[]) => Promise<(string | undefined)[]>;

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);
}

const PLACEHOLDER = (k: number) => `<!--adr-wizard-diagram-${k}-->`;

function markdownRenderer(records: readonly AdrRecord[], diagrams: { source: string; label: string }[], current: { label: string }): Marked {
  const byFile = new Map(records.map((r) => [basename(r.file), r.number]));
  return new Marked({
    gfm: true,
    renderer: {
      code(token: Tokens.Code): string | false {
        if ((token.lang ?? '').trim().toLowerCase() !== 'mermaid') return false;
        diagrams.push({ source: token.text, label: current.label });
        return PLACEHOLDER(diagrams.length - 1);
      },
      // Raw HTML in an ADR is shown as text: the page must stay free of scripts and remote content.
      // Comments (MADR templates are full of them) are dropped.
      html(token: Tokens.HTML | Tokens.Tag): string {
        const text = token.text.replace(/<!--[\s\S]*?-->/g, '');
        return text.trim() === '' ? '' : escapeHtml(text);
      },
      link(token: Tokens.Link): string | false {
        // Links between ADR files become links inside the page.
        const target = byFile.get(basename(token.href.split('#')[0] ?? ''));
        if (target === undefined || /^[a-z]+:/i.test(token.href)) return false;
        return `<a href="#${adrAnchor(target)}">${this.parser.parseInline(token.tokens)}</a>`;
      },
      // Each ADR is a section of the page under its own <h2>: its headings move down a level.
      heading(token: Tokens.Heading): string {
        const level = Math.min(token.depth + 1, 6);
        return `<h${level}>${this.parser.parseInline(token.tokens)}</h${level}>\n`;
      },
      image(token: Tokens.Image): string {
        // Images would need files beside the page; keep the page self-contained and say what was there.
        return `<span class="image-ref">[${escapeHtml(token.text || token.href)}]</span>`;
      },
    },
  });
}

const ALERT_TITLES: Record<string, string> = { NOTE: 'Note', TIP: 'Tip', IMPORTANT: 'Important', WARNING: 'Warning', CAUTION: 'Caution' };

// GitHub's `> [!WARNING]` alerts (ADRs use them for warnings) look like alerts here too.
function githubAlerts(html: string): string {
  return html.replace(
    /<blockquote>\s*<p>\[!(NOTE|TIP|IMPORTANT|WARNING|CAUTION)\]\s*/g,
    (_, kind: string) => `<blockquote class="alert alert-${kind.toLowerCase()}"><p><span class="alert-title">${ALERT_TITLES[kind] ?? kind}</span>`,
  );
}

interface HtmlExportResult {
  html: string;
  diagrams: number;
  rendered: number;
}

export async function exportHtml(
  records: readonly AdrRecord[],
  ctx: ExportContext & { version: string; generated: string },
  renderSvgs: SvgRenderer,
): Promise<HtmlExportResult> {
  const diagrams: { source: string; label: string }[] = [];
  function parseAs(label: string, markdown: string): string {
    current.label = label;
    return marked.parse(markdown, { async: false }) as string;
  }
  if (records.length > 0) diagrams.push({ source: logToMermaid(records), label: 'the decision graph' });
  const current = { label: '' };
  const marked = markdownRenderer(records, diagrams, current);
  const adrs = records.map((r) => ({
    number: r.number,
    anchor: adrAnchor(r.number),
    title: r.title,
    status: r.status,
    statusText: statusLabel(r),
    date: r.date ?? '',
    deciders: (r.deciders ?? []).join(', '),
    tree: r.wizard?.tree ?? '',
    html: `<h2>${r.number}. ${escapeHtml(r.title)}</h2>\n${githubAlerts(parseAs(`ADR ${r.number} (${basename(r.file)})`, adrBody(r)))}`,
  }));

  const svgs = diagrams.length > 0 ? await renderSvgs(diagrams.map((d, k) => ({ ...d, svgId: `adr-diagram-${k}` }))) : [];
  const figure = (k: number): string => {
    const svg = svgs[k];
    if (svg !== undefined) return svg;
    return `<pre class="mermaid-source"><code>${escapeHtml(diagrams[k]?.source ?? '')}</code></pre>`;
  };
  const fill = (html: string): string =>
    html.replace(/<!--adr-wizard-diagram-(\d+)-->/g, (_, k: string) => `<figure class="diagram">${figure(Number(k))}</figure>`);

  // HTML escaping stays on for this template (unlike the Markdown ones): titles are user text.
  const [template, css] = await Promise.all([
    loadTemplate(join(TEMPLATES_DIR, 'export', 'page.html.hbs')),
    readFile(join(TEMPLATES_DIR, 'export', 'style.css'), 'utf8'),
  ]);
  const html = template({
    lang: 'en',
    title: 'Architecture decision records',
    version: ctx.version,
    countText: `${records.length} record${records.length === 1 ? '' : 's'}`,
    folder: relative(ctx.cwd, ctx.dir) || '.',
    generated: ctx.generated,
    css,
    graph: records.length > 0 ? figure(0) : '',
    adrs: adrs.map((a) => ({ ...a, html: fill(a.html) })),
  });
  return { html, diagrams: diagrams.length, rendered: svgs.filter((s) => s !== undefined).length };
}
