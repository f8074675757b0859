// Reads back the parts of a generated flowchart that tests check: nodes, edges in order, classes,
// link styles. Only understands the shapes src/render/mermaid.ts writes.

export interface FlowNode {
  id: string;
  shape: string;
  label: string;
}

export interface FlowEdge {
  from: string;
  to: string;
  label?: string;
}

export interface Flowchart {
  nodes: Map<string, FlowNode>;
  edges: FlowEdge[];
  /** class name -> node ids */
  classes: Map<string, string[]>;
  /** edge indexes given a linkStyle */
  styledEdges: number[];
}

/** Decodes Mermaid entity codes (`#quot;`, `#35;`) back to the characters a reader sees. */
export function decodeLabel(label: string): string {
  const named: Record<string, string> = { quot: '"', amp: '&', lt: '<', gt: '>' };
  return label.replace(/#(\w+);/g, (m, code: string) =>
    /^\d+$/.test(code) ? String.fromCodePoint(Number(code)) : (named[code] ?? m),
  );
}

export function readFlowchart(source: string): Flowchart {
  const nodes = new Map<string, FlowNode>();
  const edges: FlowEdge[] = [];
  const classes = new Map<string, string[]>();
  const styledEdges: number[] = [];
  for (const raw of source.split('\n')) {
    const line = raw.trim();
    let m = /^(n\d+)\s*(-->|==>|-\.->)\s*(?:\|"(.*?)"\|\s*)?(n\d+)$/.exec(line);
    if (m) {
      edges.push({ from: m[1]!, to: m[4]!, ...(m[3] !== undefined ? { label: decodeLabel(m[3]) } : {}) });
      continue;
    }
    m = /^(n\d+)(\{\{|\{|\(\[|\(|\[\/|\[)"(.*)"(\}\}|\}|\]\)|\)|\/\]|\])$/.exec(line);
    if (m) {
      nodes.set(m[1]!, { id: m[1]!, shape: m[2]!, label: decodeLabel(m[3]!) });
      continue;
    }
    m = /^class\s+(\S+)\s+(\S+)$/.exec(line);
    if (m) {
      classes.set(m[2]!, [...(classes.get(m[2]!) ?? []), ...m[1]!.split(',')]);
      continue;
    }
    m = /^linkStyle\s+([\d,]+)\s/.exec(line);
    if (m) styledEdges.push(...m[1]!.split(',').map(Number));
  }
  return { nodes, edges, classes, styledEdges };
}

/** The last class a node was given (Mermaid applies `class` lines in order; the last one wins). */
export function lastClassOf(chart: Flowchart, id: string): string | undefined {
  let found: string | undefined;
  for (const [cls, ids] of chart.classes) if (ids.includes(id)) found = cls;
  return found;
}
