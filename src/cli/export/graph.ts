// The decision graph of an exported log, in the parts render/mermaid.ts logGraphPieces cuts it
// into so that every diagram stays within what Mermaid draws on GitHub and GitLab. Each part has a
// heading when there are several; a part that is a list of relations is a table whose records
// link to their sections.
import { tableCell } from '../../adr/escape.js';
import type { AdrRecord } from '../../adr/types.js';
import type { MermaidLimits } from '../../core/mermaid-limits.js';
import { logGraphPieces, type LogGraphPiece, type LogNode, type LogRelation } from '../../render/mermaid.js';
import type { ExportAnchors } from './anchors.js';

interface GraphPart {
  heading?: string;
  piece: LogGraphPiece<AdrRecord>;
}

function span(records: LogNode<AdrRecord>[]): string {
  const first = records[0]?.number;
  const last = records.at(-1)?.number;
  return first === last ? `ADR ${first}` : `ADRs ${first} to ${last}`;
}

function counted(records: LogNode<AdrRecord>[]): string {
  const n = records.filter((r) => r.entry !== undefined).length;
  return `${n} record${n === 1 ? '' : 's'}`;
}

/**
 * The graph's parts, in order; none when no record links to another. `limits`, when given, are
 * tighter than Mermaid's own: smaller parts to draw (see logGraphPieces).
 */
export function graphParts(records: readonly AdrRecord[], limits?: MermaidLimits): GraphPart[] {
  const pieces = logGraphPieces(records, limits);
  if (pieces.length === 1 && pieces[0]!.kind === 'diagram' && pieces[0]!.part === undefined) return [{ piece: pieces[0]! }];
  return pieces.map((piece) => {
    const part = piece.part ? `, part ${piece.part.index} of ${piece.part.of} of one group of linked records` : '';
    const heading = piece.kind === 'diagram' ? `${span(piece.records)} (${counted(piece.records)}${part})` : `Relations of ${span(piece.records)}${part ? ` (${part.slice(2)})` : ''}`;
    return { heading, piece };
  });
}

/** What a part that is drawn as a diagram says under it when records of other parts appear in it. */
export const ELSEWHERE_NOTE = 'A dashed record marked “in part N” is drawn in part N; it appears here where a relation reaches it.';

/** `7. Title` linking to its section, or `7 (no such file)` for a number no file has. */
function nodeMarkdown(node: LogNode<AdrRecord>, anchors: ExportAnchors): string {
  if (node.entry === undefined) return `${node.number} (no such file)`;
  const text = tableCell(`${node.number}. ${node.entry.title}`).replace(/[[\]]/g, (c) => `\\${c}`);
  return `[${text}](#${anchors.of(node.entry)})`;
}

function relationsMarkdown(relations: readonly LogRelation<AdrRecord>[], anchors: ExportAnchors): string {
  const rows = relations.map((r) => `| ${nodeMarkdown(r.from, anchors)} | ${tableCell(r.label)} | ${nodeMarkdown(r.to, anchors)} |`);
  return ['| ADR | Relation | ADR |', '| --- | --- | --- |', ...rows].join('\n');
}

/** The graph as Markdown: Mermaid blocks, and tables for the parts too large to draw. */
export function graphMarkdown(records: readonly AdrRecord[], anchors: ExportAnchors): string {
  const out: string[] = [];
  for (const { heading, piece } of graphParts(records)) {
    if (heading !== undefined) out.push(`### ${heading}`, '');
    if (piece.kind === 'diagram') {
      out.push('```mermaid', piece.source.trimEnd(), '```', '');
      if (piece.part !== undefined) out.push(ELSEWHERE_NOTE, '');
    } else {
      out.push('Too many relations to draw in one diagram:', '', relationsMarkdown(piece.relations, anchors), '');
    }
  }
  return out.join('\n').trimEnd();
}
