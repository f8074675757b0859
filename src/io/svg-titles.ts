// The whole question behind each short label of a rendered tree diagram, as the tooltip a browser shows:
// an SVG `<title>` as the first child of the node's group. Pure: an SVG string in, one out.

const XML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;' };

/**
 * Adds `titles` (node id -> text, from treeNodeTitles) to a flowchart SVG drawn by Mermaid, whose
 * node groups have ids `<svg id>-flowchart-<node>-<k>` (Mermaid 11) or `flowchart-<node>-<k>` (10).
 */
export function withNodeTitles(svg: string, titles: ReadonlyMap<string, string>): string {
  if (titles.size === 0) return svg;
  return svg.replace(/<g\b[^>]*?\bid="(?:[^"]*-)?flowchart-(n\d+)-\d+"[^>]*>/g, (open: string, node: string) => {
    const text = titles.get(node);
    return text === undefined ? open : `${open}<title>${text.replace(/[&<>]/g, (c) => XML_ESCAPES[c] ?? c)}</title>`;
  });
}
