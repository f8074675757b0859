// The pieces every HTML export is made of, one way each: ADR Markdown to HTML (raw HTML shown as
// text, links to ADR files pointed where the export puts each record, Mermaid blocks collected),
// GitHub alerts, the relations of the decision graph as a linked table, and the diagrams of a whole
// export rendered in one batch, each distinct source once.
import { Marked, type Tokens } from 'marked';
import type { AdrRecord } from '../../adr/types.js';
import type { LogNode, LogRelation } from '../../render/mermaid.js';

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
export type SvgRenderer = (items: DiagramItem[]) => Promise<(string | undefined)[]>;

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);
}

/**
 * The diagrams of one export, collected while its Markdown is turned into HTML and rendered at the
 * end in one batch. A source met twice (the same decision taken in two sessions) is rendered once:
 * a browser render costs far more than anything else in an export.
 */
export class DiagramBatch {
  private readonly items: Omit<DiagramItem, 'svgId'>[] = [];
  private readonly bySource = new Map<string, number>();
  private svgs: (string | undefined)[] = [];
  /** How often each diagram was placed in the current document (a page). */
  private uses = new Map<number, number>();

  /** The diagram's number in the batch; the same number for a source already added. */
  add(source: string, label: string, instead: DiagramItem['instead']): number {
    const key = `${instead}\n${source}`;
    const known = this.bySource.get(key);
    if (known !== undefined) return known;
    this.items.push({ source, label, instead });
    this.bySource.set(key, this.items.length - 1);
    return this.items.length - 1;
  }

  get size(): number {
    return this.items.length;
  }

  async render(renderSvgs: SvgRenderer): Promise<void> {
    this.svgs = this.items.length > 0 ? await renderSvgs(this.items.map((d, k) => ({ ...d, svgId: `adr-diagram-${k}` }))) : [];
  }

  get rendered(): number {
    return this.svgs.filter((s) => s !== undefined).length;
  }

  svg(k: number): string | undefined {
    return this.svgs[k];
  }

  /** The next diagrams are placed in another document: ids used in the one before are free again. */
  newDocument(): void {
    this.uses.clear();
  }

  /** An ADR's diagram: the picture, or its source with `note` (HTML) saying why it is not drawn. */
  figure(k: number, note = ''): string {
    const svg = this.svgs[k];
    if (svg !== undefined) {
      // A picture placed twice in one document gets ids of its own: Mermaid prefixes every id in
      // the SVG (its style, its arrow markers) with the svgId, and ids must be unique in a page.
      const use = (this.uses.get(k) ?? 0) + 1;
      this.uses.set(k, use);
      const placed = use === 1 ? svg : svg.replace(new RegExp(`adr-diagram-${k}(?![0-9])`, 'g'), `adr-diagram-${k}-${use}`);
      return `<figure class="diagram">${placed}</figure>`;
    }
    return `<figure class="diagram">${note}<pre class="mermaid-source"><code>${escapeHtml(this.items[k]?.source ?? '')}</code></pre></figure>`;
  }

  /** HTML with each diagram placeholder (left by markdownRenderer) replaced by its figure. */
  fill(html: string, note = ''): string {
    return html.replace(/<!--adr-wizard-diagram-(\d+)-->/g, (_, k: string) => this.figure(Number(k), note));
  }
}

interface MarkdownOptions {
  /** Where a link to an ADR file (`0002-x.md#context`) goes in this export; undefined for any other link. */
  adrHref(href: string): string | undefined;
  /** Levels each heading moves down: an ADR under the export's own heading for it. */
  headingShift: number;
  diagrams: DiagramBatch;
  /** The label of the ADR being parsed, for the diagrams it holds (warnings name it). */
  current: { label: string };
}

export function markdownRenderer({ adrHref, headingShift, diagrams, current }: MarkdownOptions): Marked {
  return new Marked({
    gfm: true,
    renderer: {
      code(token: Tokens.Code): string | false {
        if ((token.lang ?? '').trim().toLowerCase() !== 'mermaid') return false;
        return `<!--adr-wizard-diagram-${diagrams.add(token.text, current.label, 'source')}-->`;
      },
      // Raw HTML in an ADR is shown as text: the page must stay free of scripts and remote content.
      // Comments (MADR templates are full of them) are dropped.
      html(token: Tokens.HTML | Tokens.Tag): string {
        const text = token.text.replace(/<!--[\s\S]*?-->/g, '');
        return text.trim() === '' ? '' : escapeHtml(text);
      },
      link(token: Tokens.Link): string | false {
        const href = adrHref(token.href);
        if (href === undefined) return false;
        return `<a href="${escapeHtml(href)}">${this.parser.parseInline(token.tokens)}</a>`;
      },
      heading(token: Tokens.Heading): string {
        const level = Math.min(token.depth + headingShift, 6);
        return `<h${level}>${this.parser.parseInline(token.tokens)}</h${level}>\n`;
      },
      image(token: Tokens.Image): string {
        // Images would need files beside the page (or a request elsewhere); say what was there.
        return `<span class="image-ref">[${escapeHtml(token.text || token.href)}]</span>`;
      },
    },
  });
}

const ALERT_TITLES: Record<string, string> = { NOTE: 'Note', TIP: 'Tip', IMPORTANT: 'Important', WARNING: 'Warning', CAUTION: 'Caution' };

// GitHub's `> [!WARNING]` alerts (ADRs use them for warnings) look like alerts here too.
export function githubAlerts(html: string): string {
  return html.replace(
    /<blockquote>\s*<p>\[!(NOTE|TIP|IMPORTANT|WARNING|CAUTION)\]\s*/g,
    (_, kind: string) => `<blockquote class="alert alert-${kind.toLowerCase()}"><p><span class="alert-title">${ALERT_TITLES[kind] ?? kind}</span>`,
  );
}

/** Where a record is in this export: `#adr-0007` in one page, `records/adr-0007.html` in a site. */
export type RecordHref = (record: AdrRecord) => string;

/** `7. Title` linking to its record, or `7 (no such file)` for a number no file has. */
export function nodeHtml(node: LogNode<AdrRecord>, hrefOf: RecordHref): string {
  if (node.entry === undefined) return `${node.number} (no such file)`;
  return `<a href="${escapeHtml(hrefOf(node.entry))}">${node.number}. ${escapeHtml(node.entry.title)}</a>`;
}

export function relationsHtml(relations: readonly LogRelation<AdrRecord>[], hrefOf: RecordHref): string {
  const rows = relations.map((r) => `<tr><td>${nodeHtml(r.from, hrefOf)}</td><td>${escapeHtml(r.label)}</td><td>${nodeHtml(r.to, hrefOf)}</td></tr>`);
  return `<table class="relations">\n<thead><tr><th>ADR</th><th>Relation</th><th>ADR</th></tr></thead>\n<tbody>\n${rows.join('\n')}\n</tbody>\n</table>`;
}
