// The ADR log as one self-contained HTML page: index, decision graph and every ADR, with the
// Mermaid diagrams rendered inline as SVG. No external scripts, fonts or styles, so it reads
// offline and prints (one ADR a page).
import { readFile } from 'node:fs/promises';
import { basename, join, relative } from 'node:path';
import { Marked, type Tokens } from 'marked';
import type { AdrRecord } from '../../adr/types.js';
import { TEMPLATES_DIR } from '../../io/paths.js';
import { loadTemplate } from '../../io/templates.js';
import type { LogNode, LogRelation } from '../../render/mermaid.js';
import { adrBody, statusLabel, type ExportContext } from './document.js';
import { exportAnchors, type ExportAnchors } from './anchors.js';
import { ELSEWHERE_NOTE, graphParts } from './graph.js';

/**
 * A diagram to draw. `instead` says what the page shows when it cannot be drawn: its Mermaid
 * source (an ADR's diagram) or the relations it draws as a table (a part of the decision graph).
 */
export interface DiagramItem {
  source: string;
  svgId: string;
  label: string;
  instead: 'source' | 'relations';
}

/** Renders Mermaid sources to SVG markup; undefined for a diagram that could not be rendered. */
type SvgRenderer = (items: DiagramItem[]) => Promise<(string | undefined)[]>;

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);
}

const PLACEHOLDER = (k: number) => `<!--adr-wizard-diagram-${k}-->`;

function markdownRenderer(anchors: ExportAnchors, diagrams: Omit<DiagramItem, 'svgId'>[], current: { label: string }): Marked {
  return new Marked({
    gfm: true,
    renderer: {
      code(token: Tokens.Code): string | false {
        if ((token.lang ?? '').trim().toLowerCase() !== 'mermaid') return false;
        diagrams.push({ source: token.text, label: current.label, instead: 'source' });
        return PLACEHOLDER(diagrams.length - 1);
      },
      // Raw HTML in an ADR is shown as text: the page must stay free of scripts and remote content.
      // Comments (MADR templates are full of them) are dropped.
      html(token: Tokens.HTML | Tokens.Tag): string {
        const text = token.text.replace(/<!--[\s\S]*?-->/g, '');
        return text.trim() === '' ? '' : escapeHtml(text);
      },
      link(token: Tokens.Link): string | false {
        // Links to ADR files become links inside the page, to the section of that exact file.
        const anchor = anchors.forHref(token.href);
        if (anchor === undefined) return false;
        return `<a href="#${anchor}">${this.parser.parseInline(token.tokens)}</a>`;
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

/** `7. Title` linking to its section, or `7 (no such file)` for a number no file has. */
function nodeHtml(node: LogNode<AdrRecord>, anchors: ExportAnchors): string {
  if (node.entry === undefined) return `${node.number} (no such file)`;
  return `<a href="#${anchors.of(node.entry)}">${node.number}. ${escapeHtml(node.entry.title)}</a>`;
}

function relationsHtml(relations: readonly LogRelation<AdrRecord>[], anchors: ExportAnchors): string {
  const rows = relations.map((r) => `<tr><td>${nodeHtml(r.from, anchors)}</td><td>${escapeHtml(r.label)}</td><td>${nodeHtml(r.to, anchors)}</td></tr>`);
  return `<table class="relations">\n<thead><tr><th>ADR</th><th>Relation</th><th>ADR</th></tr></thead>\n<tbody>\n${rows.join('\n')}\n</tbody>\n</table>`;
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
  const anchors = exportAnchors(records);
  const diagrams: Omit<DiagramItem, 'svgId'>[] = [];
  // The decision graph's parts come first: diagrams 0 .. parts - 1.
  type Part = { heading?: string; html: string } | { heading?: string; diagram: number; relations: LogRelation<AdrRecord>[]; note: string };
  const parts = graphParts(records).map(({ heading, piece }): Part => {
    if (piece.kind === 'relations') return { heading, html: `<p>Too many relations to draw in one diagram:</p>\n${relationsHtml(piece.relations, anchors)}` };
    diagrams.push({ source: piece.source, label: heading ? `the decision graph, ${heading}` : 'the decision graph', instead: 'relations' });
    const note = piece.part !== undefined ? `\n<p class="graph-note">${ELSEWHERE_NOTE}</p>` : '';
    return { heading, diagram: diagrams.length - 1, relations: piece.relations, note };
  });
  const current = { label: '' };
  const marked = markdownRenderer(anchors, diagrams, current);
  const parseAs = (label: string, markdown: string): string => {
    current.label = label;
    return marked.parse(markdown, { async: false }) as string;
  };
  const adrs = records.map((r) => ({
    number: r.number,
    anchor: anchors.of(r),
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
    if (svg !== undefined) return `<figure class="diagram">${svg}</figure>`;
    return `<figure class="diagram"><pre class="mermaid-source"><code>${escapeHtml(diagrams[k]?.source ?? '')}</code></pre></figure>`;
  };
  const fill = (html: string): string => html.replace(/<!--adr-wizard-diagram-(\d+)-->/g, (_, k: string) => figure(Number(k)));
  // A part of the graph that could not be drawn is listed: its relations, readable and linked.
  const graph = parts.map((p) => {
    if (!('diagram' in p)) return p;
    const svg = svgs[p.diagram];
    const html = svg !== undefined ? `<figure class="diagram">${svg}</figure>${p.note}` : relationsHtml(p.relations, anchors);
    return { heading: p.heading, html };
  });

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
    graph,
    adrs: adrs.map((a) => ({ ...a, html: fill(a.html) })),
  });
  return { html, diagrams: diagrams.length, rendered: svgs.filter((s) => s !== undefined).length };
}
