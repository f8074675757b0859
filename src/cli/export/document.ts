// The ADR log as one document: Markdown (index first, then every ADR) or JSON (metadata, links,
// adr-wizard block). Pure: records in, a string out.
import { relative } from 'node:path';
import type { AdrRecord } from '../../adr/types.js';
import { jsonArray } from '../json-stream.js';
import { oneLine, tableCell } from '../../adr/escape.js';
import { splitFrontMatter } from '../../adr/front-matter.js';
import { exportAnchors, type ExportAnchors } from './anchors.js';
import { graphMarkdown } from './graph.js';

export interface ExportContext {
  /** The ADR folder, shown in the document and used to make file paths relative. */
  dir: string;
  /** Paths in JSON are relative to this folder. */
  cwd: string;
}

/** The status word for an index: the normalised status, or the text as written when unknown. */
export function statusLabel(r: Pick<AdrRecord, 'status' | 'statusText'>): string {
  return r.status !== 'unknown' ? r.status : r.statusText.split('\n')[0]?.trim() || 'unknown';
}

// Links to ADR files (`[2](0002-use-madr.md)`, `[2](<0002 a.md> "title")`, `[2]: 0002-x.md`) point
// inside the one exported document, to the section of that exact file. A destination may hold
// parentheses in balanced pairs, as CommonMark reads it.
const INLINE_LINK = /\]\((?:<([^<>\n]*)>|((?:[^\s()<>]|\([^\s()<>]*\))+))((?:\s+(?:"[^"\n]*"|'[^'\n]*'|\([^()\n]*\)))?\s*)\)/g;
const LINK_DEFINITION = /^( {0,3}\[[^\]\n]+\]:[ \t]*)(?:<([^<>\n]*)>|(\S+))/gm;

function linkInside(markdown: string, anchors: ExportAnchors): string {
  return markdown
    .replace(INLINE_LINK, (whole, angled: string | undefined, bare: string | undefined, title: string) => {
      const anchor = anchors.forHref(angled ?? bare ?? '');
      return anchor === undefined ? whole : `](#${anchor}${title})`;
    })
    .replace(LINK_DEFINITION, (whole, label: string, angled: string | undefined, bare: string | undefined) => {
      const anchor = anchors.forHref(angled ?? bare ?? '');
      return anchor === undefined ? whole : `${label}#${anchor}`;
    });
}

/** User text in Markdown prose: backslashes and `<` (which would open raw HTML) are escaped. */
function markdownText(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/</g, '&lt;');
}

/** The body without front matter and without its first `# Title` line (the export prints its own heading). */
export function adrBody(record: AdrRecord): string {
  const { body } = splitFrontMatter(record.body);
  const lines = body.split(/\r?\n/);
  const titleAt = lines.findIndex((l) => /^#\s+/.test(l));
  if (titleAt >= 0) lines.splice(titleAt, 1);
  return lines.join('\n').trim();
}

// Headings in an ADR start at `##` under its `#` title; inside the export every ADR is itself a
// `##`, so its headings move down one level. Fenced code is left alone.
function demoteHeadings(markdown: string): string {
  let fence: string | undefined;
  return markdown
    .split('\n')
    .map((line) => {
      const f = /^\s*(`{3,}|~{3,})/.exec(line);
      if (f?.[1]) {
        if (fence === undefined) fence = f[1][0];
        else if (f[1][0] === fence) fence = undefined;
        return line;
      }
      if (fence === undefined && /^#{1,5}\s/.test(line)) return `#${line}`;
      return line;
    })
    .join('\n');
}

export function exportMarkdown(records: readonly AdrRecord[], ctx: ExportContext): string {
  const anchors = exportAnchors(records);
  const out: string[] = ['# Architecture decision records', ''];
  out.push(`${records.length} record${records.length === 1 ? '' : 's'} in \`${oneLine(relative(ctx.cwd, ctx.dir) || '.')}\`.`, '');
  out.push('| # | Title | Status | Date |', '| ---: | --- | --- | --- |');
  for (const r of records) {
    out.push(`| ${r.number} | [${tableCell(r.title)}](#${anchors.of(r)}) | ${tableCell(statusLabel(r))} | ${tableCell(r.date ?? '')} |`);
  }
  out.push('');
  const graph = graphMarkdown(records, anchors);
  if (graph !== '') out.push('## Decision graph', '', graph, '');
  for (const r of records) {
    out.push(`<a id="${anchors.of(r)}"></a>`, '', `## ${r.number}. ${markdownText(r.title)}`, '');
    const meta = [`Status: ${statusLabel(r)}`];
    if (r.date) meta.push(`Date: ${r.date}`);
    if (r.deciders && r.deciders.length > 0) meta.push(`Decision-makers: ${r.deciders.join(', ')}`);
    out.push(`*${meta.join(' · ')}*`, '');
    out.push(linkInside(demoteHeadings(adrBody(r)), anchors), '');
  }
  return `${out.join('\n').trimEnd()}\n`;
}

interface ExportedAdr {
  number: number;
  title: string;
  status: AdrRecord['status'];
  statusText: string;
  date: string | null;
  file: string;
  style: AdrRecord['style'];
  deciders: string[];
  links: { type: string; number: number; target?: string }[];
  wizard: AdrRecord['wizard'] | null;
  problems: string[];
}

/**
 * The log as JSON, in pieces as it is made: each record is read, reduced to its fields and
 * written, so a log of any size is never held in memory (`count` is the number of files listed).
 */
export async function* exportJson(records: AsyncIterable<AdrRecord>, count: number, ctx: ExportContext): AsyncGenerator<string> {
  yield `{\n  "dir": ${JSON.stringify(relative(ctx.cwd, ctx.dir) || '.')},\n  "count": ${count},\n  "adrs": `;
  yield* jsonArray(exportedAll(records, ctx), '  ');
  yield '\n}\n';
}

async function* exportedAll(records: AsyncIterable<AdrRecord>, ctx: ExportContext): AsyncGenerator<ExportedAdr> {
  for await (const r of records) yield exported(r, ctx);
}

function exported(r: AdrRecord, ctx: ExportContext): ExportedAdr {
  return {
    number: r.number,
    title: r.title,
    status: r.status,
    statusText: r.statusText,
    date: r.date ?? null,
    file: relative(ctx.cwd, r.file),
    style: r.style,
    deciders: r.deciders ?? [],
    links: r.links.map((l) => (l.target !== undefined ? { type: l.type, number: l.number, target: l.target } : { type: l.type, number: l.number })),
    wizard: r.wizard ?? null,
    problems: (r.problems ?? []).map((p) => p.message),
  };
}
