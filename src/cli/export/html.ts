// The ADR log as one self-contained HTML page: index, decision graph and every ADR, with the
// Mermaid diagrams rendered inline as SVG. No external scripts, fonts or styles, so it reads
// offline and prints (one ADR a page).
import { readFile } from 'node:fs/promises';
import { basename, join, relative } from 'node:path';
import type { AdrRecord } from '../../adr/types.js';
import { TEMPLATES_DIR } from '../../io/paths.js';
import { loadTemplate } from '../../io/templates.js';
import type { LogRelation } from '../../render/mermaid.js';
import { adrBody, statusLabel, type ExportContext } from './document.js';
import { exportAnchors } from './anchors.js';
import { ELSEWHERE_NOTE, graphParts } from './graph.js';
import { DiagramBatch, escapeHtml, githubAlerts, markdownRenderer, relationsHtml, type RecordHref, type SvgRenderer } from './html-parts.js';

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
  const hrefOf: RecordHref = (r) => `#${anchors.of(r)}`;
  const diagrams = new DiagramBatch();
  type Part = { heading?: string; html: string } | { heading?: string; diagram: number; relations: LogRelation<AdrRecord>[]; note: string };
  const parts = graphParts(records).map(({ heading, piece }): Part => {
    if (piece.kind === 'relations') return { heading, html: `<p>Too many relations to draw in one diagram:</p>\n${relationsHtml(piece.relations, hrefOf)}` };
    const diagram = diagrams.add(piece.source, heading ? `the decision graph, ${heading}` : 'the decision graph', 'relations');
    const note = piece.part !== undefined ? `\n<p class="graph-note">${ELSEWHERE_NOTE}</p>` : '';
    return { heading, diagram, relations: piece.relations, note };
  });
  const current = { label: '' };
  // Links to ADR files become links inside the page, to the section of that exact file; each ADR
  // is a section of the page under its own <h2>: its headings move down a level.
  const adrHref = (href: string) => {
    const anchor = anchors.forHref(href);
    return anchor === undefined ? undefined : `#${anchor}`;
  };
  const marked = markdownRenderer({ adrHref, headingShift: 1, diagrams, current });
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

  await diagrams.render(renderSvgs);
  // A part of the graph that could not be drawn is listed: its relations, readable and linked.
  const graph = parts.map((p) => {
    if (!('diagram' in p)) return p;
    const svg = diagrams.svg(p.diagram);
    const html = svg !== undefined ? `<figure class="diagram">${svg}</figure>${p.note}` : relationsHtml(p.relations, hrefOf);
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
    adrs: adrs.map((a) => ({ ...a, html: diagrams.fill(a.html) })),
  });
  return { html, diagrams: diagrams.size, rendered: diagrams.rendered };
}
