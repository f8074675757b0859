// Mermaid source for trees, walks and the ADR log. Pure: strings in, a string out.
//
// Node ids are generated (n0, n1, ...) and never taken from user text, so no title can collide
// with a Mermaid keyword (`end`, `graph`) or break the syntax. Every label is quoted and escaped
// with Mermaid's entity codes (see `mermaidLabel`).
import { questionShort, questionText, valueLabel } from '../core/labels.js';
import { t } from '../core/text.js';
import { relationOf } from '../core/link-types.js';
import { MERMAID_LIMITS, type MermaidLimits } from '../core/mermaid-limits.js';
import type {
  BranchingTree,
  DriverCatalog,
  Lang,
  MatrixTree,
  PathStep,
  ScoreTable,
  Tree,
} from '../core/types.js';

/** The walk to highlight: the steps taken and the outcome reached (matrix trees: the score table). */
export interface MermaidWalk {
  path: PathStep[];
  outcome: string;
  scores?: ScoreTable;
}

interface TreeDiagramOptions {
  /** Gives question wording and value labels; without it, driver and value ids are shown. */
  catalog?: DriverCatalog;
}

// Colours chosen to read on both light and dark backgrounds (GitHub renders either).
const CLASS_DEFS = {
  question: 'fill:#eef2ff,stroke:#6366f1,color:#1e1b4b',
  outcome: 'fill:#f0fdf4,stroke:#15803d,stroke-width:2px,color:#14532d',
  taken: 'fill:#dbeafe,stroke:#1d4ed8,stroke-width:2px,color:#172554',
  chosen: 'fill:#15803d,stroke:#14532d,stroke-width:4px,color:#ffffff,font-weight:bold',
  dimmed: 'fill:#f3f4f6,stroke:#d1d5db,color:#9ca3af',
  excluded: 'fill:#f3f4f6,stroke:#d1d5db,color:#9ca3af,stroke-dasharray:4 3',
} as const;
const TAKEN_LINK = 'stroke:#1d4ed8,stroke-width:3px';

// Characters that mean something to Mermaid inside or around a quoted label. `#` and `&` start
// entities; `%` could open a `%%{init}%%` directive; `|` ends an edge label; a backtick turns a
// label into Markdown. A `:` only matters on a line that also says `style` or `classDef` (the
// renderer rewrites `style...:...#...;` lines), so it is escaped only there and the source stays
// readable in an ADR.
const ESCAPES: Record<string, string> = {
  '#': '#35;',
  '&': '#amp;',
  '"': '#quot;',
  '<': '#lt;',
  '>': '#gt;',
  '|': '#124;',
  '`': '#96;',
  '%': '#37;',
  '{': '#123;',
  '}': '#125;',
  ':': '#58;',
};

/** Escapes user text for a quoted Mermaid label. Newlines become spaces; everything else (¿ ñ á, emoji) stays. */
export function mermaidLabel(text: string): string {
  const special = /style|classdef/i.test(text) ? /[#&"<>|`%{}:]/g : /[#&"<>|`%{}]/g;
  return text.replace(/\r\n|\r|\n/g, ' ').replace(special, (c) => ESCAPES[c] ?? c);
}

const BR = '<br/>';

/** Mermaid flowchart of a tree; with `walk`, the path taken is highlighted and the outcome stands out. */
export function treeToMermaid(
  tree: Tree,
  lang: Lang,
  walk?: MermaidWalk,
  options: TreeDiagramOptions = {},
): string {
  return tree.kind === 'matrix'
    ? matrixToMermaid(tree, lang, walk, options)
    : branchingToMermaid(tree, lang, walk, options);
}

class Ids {
  private readonly map = new Map<string, string>();
  id(key: string): string {
    let id = this.map.get(key);
    if (id === undefined) {
      id = `n${this.map.size}`;
      this.map.set(key, id);
    }
    return id;
  }
  has(key: string): boolean {
    return this.map.has(key);
  }
}

// A value as a diagram shows it: catalog labels often carry an explanation after a colon
// ("Large: many users"), and an edge or a node line only needs the name.
function shortValueLabel(catalog: DriverCatalog | undefined, driver: string, value: string, lang: Lang): string {
  if (!catalog) return value;
  const text = valueLabel(catalog, driver, value, lang);
  const short = (text.split(/:\s/)[0] ?? text).trim();
  return short === '' ? value : short;
}

// Questions in walk order from the start (breadth first), so the drawing reads in the order a
// user is asked; unreachable questions come last. Their place in this order is their node id
// (n0, n1, ...): treeNodeTitles relies on it.
function questionOrder(tree: BranchingTree): string[] {
  const order: string[] = [];
  const queue = [tree.start];
  const seen = new Set<string>();
  while (queue.length > 0) {
    const id = queue.shift() as string;
    if (seen.has(id) || !tree.questions[id]) continue;
    seen.add(id);
    order.push(id);
    for (const next of Object.values(tree.questions[id]?.branches ?? {})) queue.push(next);
  }
  for (const id of Object.keys(tree.questions)) if (!seen.has(id)) order.push(id);
  return order;
}

/**
 * The whole question behind each question node of a tree diagram, by node id (`n0` ->
 * "How many teams will build and run the system as it grows?"). A diagram shows a few words per
 * question; a renderer that can add tooltips (an SVG `<title>` in the HTML export) takes the
 * full wording from here. Matrix trees have no question nodes: the map is empty.
 */
export function treeNodeTitles(tree: Tree, lang: Lang, { catalog }: TreeDiagramOptions = {}): Map<string, string> {
  const titles = new Map<string, string>();
  if (tree.kind !== 'tree') return titles;
  questionOrder(tree).forEach((qid, i) => {
    const q = tree.questions[qid];
    if (q) titles.set(`n${i}`, questionText(tree, catalog, qid, q.driver, lang));
  });
  return titles;
}

// How wide a tree's drawing comes out, as Mermaid 11 lays out short question labels and outcome
// titles: width over height is about TD_SPREAD x (nodes per rank) top-down and LR_SPREAD /
// (nodes per rank) left-right (fitted on the shipped trees, within 10%; see docs/diagrams.md).
const TD_SPREAD = 0.66;
const LR_SPREAD = 8.5;

/**
 * The flow direction that keeps a tree's drawing closest to square: top-down unless the tree is
 * so wide and shallow (many nodes per rank) that left-right comes out squarer. Ranks are longest
 * paths from the start, as the layout places them.
 */
function treeDirection(tree: BranchingTree): 'TD' | 'LR' {
  const rank = new Map<string, number>();
  const visiting = new Set<string>();
  // Longest path to every node; a cycle (validate reports it) is cut where it closes.
  const visit = (id: string, depth: number) => {
    if (visiting.has(id) || (rank.get(id) ?? -1) >= depth) return;
    rank.set(id, depth);
    visiting.add(id);
    for (const next of Object.values(tree.questions[id]?.branches ?? {})) visit(next, depth + 1);
    visiting.delete(id);
  };
  visit(tree.start, 0);
  const depth = new Set(rank.values()).size;
  const perRank = depth === 0 ? 1 : rank.size / depth;
  const skew = (ratio: number) => Math.max(ratio, 1 / ratio);
  return skew(LR_SPREAD / perRank) < skew(TD_SPREAD * perRank) ? 'LR' : 'TD';
}

function branchingToMermaid(
  tree: BranchingTree,
  lang: Lang,
  walk: MermaidWalk | undefined,
  { catalog }: TreeDiagramOptions,
): string {
  const ids = new Ids();
  const lines: string[] = [`flowchart ${treeDirection(tree)}`];
  const questionKey = (id: string) => `q:${id}`;
  const outcomeKey = (id: string) => `o:${id}`;
  const targetKey = (id: string) => (tree.questions[id] ? questionKey(id) : outcomeKey(id));

  const order = questionOrder(tree);
  // Questions are hexagons with a few words (the whole question is in the ADR's path and in
  // treeNodeTitles); outcomes are stadiums, so the two never look alike.
  for (const qid of order) {
    const q = tree.questions[qid];
    const label = q ? questionShort(tree, catalog, qid, q.driver, lang) : qid;
    lines.push(`  ${ids.id(questionKey(qid))}{{"${mermaidLabel(label)}"}}`);
  }
  for (const [oid, outcome] of Object.entries(tree.outcomes)) {
    lines.push(`  ${ids.id(outcomeKey(oid))}(["${mermaidLabel(t(outcome.title, lang))}"])`);
  }
  // One edge per (question, target): values leading to the same place share it ("aws / gcp").
  const taken = new Set(walk?.path.map((s) => `${s.question}\u0000${s.value}`) ?? []);
  const takenEdges: number[] = [];
  let edgeIndex = 0;
  for (const qid of order) {
    const q = tree.questions[qid];
    if (!q) continue;
    const byTarget = new Map<string, string[]>();
    for (const [value, target] of Object.entries(q.branches)) {
      const values = byTarget.get(target) ?? [];
      values.push(value);
      byTarget.set(target, values);
    }
    for (const [target, values] of byTarget) {
      const key = targetKey(target);
      if (!ids.has(key)) {
        // A dangling reference (validate reports it); draw it so the diagram still shows the branch.
        lines.push(`  ${ids.id(key)}["${mermaidLabel(target)}"]`);
      }
      const label = values.map((v) => shortValueLabel(catalog, q.driver, v, lang)).join(' / ');
      lines.push(`  ${ids.id(questionKey(qid))} -->|"${mermaidLabel(label)}"| ${ids.id(key)}`);
      if (values.some((v) => taken.has(`${qid}\u0000${v}`))) takenEdges.push(edgeIndex);
      edgeIndex++;
    }
  }

  const questionIds = order.map((q) => ids.id(questionKey(q)));
  const outcomeIds = Object.keys(tree.outcomes).map((o) => ids.id(outcomeKey(o)));
  lines.push(`  classDef question ${CLASS_DEFS.question}`);
  lines.push(`  classDef outcome ${CLASS_DEFS.outcome}`);
  if (questionIds.length > 0) lines.push(`  class ${questionIds.join(',')} question`);
  if (outcomeIds.length > 0) lines.push(`  class ${outcomeIds.join(',')} outcome`);

  if (walk) {
    const pathIds = [...new Set(walk.path.filter((s) => tree.questions[s.question]).map((s) => ids.id(questionKey(s.question))))];
    const chosen = tree.outcomes[walk.outcome] ? ids.id(outcomeKey(walk.outcome)) : undefined;
    const others = Object.keys(tree.outcomes)
      .filter((o) => o !== walk.outcome)
      .map((o) => ids.id(outcomeKey(o)));
    const untakenQuestions = questionIds.filter((id) => !pathIds.includes(id));
    lines.push(`  classDef taken ${CLASS_DEFS.taken}`);
    lines.push(`  classDef chosen ${CLASS_DEFS.chosen}`);
    lines.push(`  classDef dimmed ${CLASS_DEFS.dimmed}`);
    if (pathIds.length > 0) lines.push(`  class ${pathIds.join(',')} taken`);
    if (chosen) lines.push(`  class ${chosen} chosen`);
    const dim = [...untakenQuestions, ...others];
    if (dim.length > 0) lines.push(`  class ${dim.join(',')} dimmed`);
    if (takenEdges.length > 0) lines.push(`  linkStyle ${takenEdges.join(',')} ${TAKEN_LINK}`);
  }
  return `${lines.join('\n')}\n`;
}

const WORDS = {
  en: { criteria: 'Weighted criteria', answers: 'Answers', excluded: 'excluded', needs: 'needs', rank: 'rank', points: 'points' },
  es: { criteria: 'Criterios ponderados', answers: 'Respuestas', excluded: 'excluida', needs: 'requiere', rank: 'puesto', points: 'puntos' },
} as const;

// An option's gate in few words: the allowed values, or, when most values are allowed, the ones
// that are not ("cloud ≠ On-premises" rather than four clouds).
function requirement(catalog: DriverCatalog | undefined, driver: string, allowed: readonly string[], lang: Lang): string {
  const all = Object.keys(catalog?.drivers[driver]?.values ?? {});
  const refused = all.filter((v) => !allowed.includes(v));
  const [sign, values] = refused.length > 0 && refused.length < allowed.length ? ['≠', refused] : ['=', allowed];
  return `${mermaidLabel(driver)} ${sign} ${values.map((v) => mermaidLabel(shortValueLabel(catalog, driver, v, lang))).join(' / ')}`;
}

// A matrix tree is drawn as a fan-out: the answers (for a walk) feed the weighted criteria, which
// score every option; options are listed best first, the winner stands out, excluded options
// are dimmed with the answer that excluded them.
function matrixToMermaid(
  tree: MatrixTree,
  lang: Lang,
  walk: MermaidWalk | undefined,
  { catalog }: TreeDiagramOptions,
): string {
  const w = WORDS[lang];
  const ids = new Ids();
  const lines: string[] = ['flowchart LR'];
  const scores = walk?.scores;
  const weights = scores?.weights ?? Object.fromEntries(tree.criteria.map((c) => [c.id, c.weight]));

  let answersId: string | undefined;
  if (walk && walk.path.length > 0) {
    const answers = walk.path.map(
      (s) => `${mermaidLabel(s.driver)} = ${mermaidLabel(shortValueLabel(catalog, s.driver, s.value, lang))}`,
    );
    answersId = ids.id('answers');
    lines.push(`  ${answersId}[/"<b>${mermaidLabel(w.answers)}</b>${BR}${answers.join(BR)}"/]`);
  }

  const criteriaLines = tree.criteria.map((c) => `${weights[c.id] ?? c.weight} × ${mermaidLabel(t(c.title, lang))}`);
  const criteriaId = ids.id('criteria');
  // A plain box: a hexagon around a list of eight lines is mostly empty corners.
  lines.push(`  ${criteriaId}["<b>${mermaidLabel(w.criteria)}</b>${BR}${criteriaLines.join(BR)}"]`);

  // Options best first when scored, otherwise in file order.
  const optionIds = Object.keys(tree.outcomes);
  const rowOf = new Map(scores?.rows.map((r) => [r.option, r]) ?? []);
  if (scores) {
    const rank = (o: string) => rowOf.get(o)?.rank ?? Number.POSITIVE_INFINITY;
    optionIds.sort((a, b) => rank(a) - rank(b));
  }
  const excludedIds: string[] = [];
  const optionNodeIds: string[] = [];
  for (const oid of optionIds) {
    const outcome = tree.outcomes[oid];
    if (!outcome) continue;
    const row = rowOf.get(oid);
    const parts = [`<b>${mermaidLabel(t(outcome.title, lang))}</b>`];
    if (row && row.eligible) {
      parts.push(`${row.rank !== undefined ? `${w.rank} ${row.rank} · ` : ''}${row.total} ${w.points}`);
    } else if (row && !row.eligible) {
      const by = row.excludedBy
        ? `: ${mermaidLabel(row.excludedBy.driver)} = ${mermaidLabel(shortValueLabel(catalog, row.excludedBy.driver, row.excludedBy.value, lang))}`
        : '';
      parts.push(`${w.excluded}${by}`);
    } else if (outcome.requires && Object.keys(outcome.requires).length > 0) {
      const needs = Object.entries(outcome.requires).map(([d, vs]) => requirement(catalog, d, vs, lang));
      parts.push(`${w.needs} ${needs.join(BR)}`);
    }
    const id = ids.id(`o:${oid}`);
    optionNodeIds.push(id);
    if (row && !row.eligible) excludedIds.push(id);
    // Rounded boxes: a stadium around several lines swells into a circle.
    lines.push(`  ${id}("${parts.join(BR)}")`);
  }

  let edgeIndex = 0;
  const takenEdges: number[] = [];
  if (answersId) {
    lines.push(`  ${answersId} --> ${criteriaId}`);
    takenEdges.push(edgeIndex++);
  }
  for (const oid of optionIds) {
    const row = rowOf.get(oid);
    const id = ids.id(`o:${oid}`);
    if (row && !row.eligible) lines.push(`  ${criteriaId} -.-> ${id}`);
    else lines.push(`  ${criteriaId} --> ${id}`);
    if (walk && oid === walk.outcome) takenEdges.push(edgeIndex);
    edgeIndex++;
  }

  lines.push(`  classDef question ${CLASS_DEFS.question}`);
  lines.push(`  classDef outcome ${CLASS_DEFS.outcome}`);
  lines.push(`  class ${criteriaId} question`);
  if (optionNodeIds.length > 0) lines.push(`  class ${optionNodeIds.join(',')} outcome`);
  if (walk) {
    lines.push(`  classDef taken ${CLASS_DEFS.taken}`);
    lines.push(`  classDef chosen ${CLASS_DEFS.chosen}`);
    lines.push(`  classDef dimmed ${CLASS_DEFS.dimmed}`);
    lines.push(`  classDef excluded ${CLASS_DEFS.excluded}`);
    lines.push(`  class ${[answersId, criteriaId].filter(Boolean).join(',')} taken`);
    if (tree.outcomes[walk.outcome]) lines.push(`  class ${ids.id(`o:${walk.outcome}`)} chosen`);
    const dimmed = optionIds
      .filter((o) => o !== walk.outcome && !excludedIds.includes(ids.id(`o:${o}`)))
      .map((o) => ids.id(`o:${o}`));
    if (dimmed.length > 0) lines.push(`  class ${dimmed.join(',')} dimmed`);
    if (excludedIds.length > 0) lines.push(`  class ${excludedIds.join(',')} excluded`);
    if (takenEdges.length > 0) lines.push(`  linkStyle ${takenEdges.join(',')} ${TAKEN_LINK}`);
  }
  return `${lines.join('\n')}\n`;
}


// ---------------------------------------------------------------------------------------------
// The ADR log as a graph: one node per record, one edge per relation between two records.

/** The fields of an ADR record that the log graph needs (src/adr/types.ts AdrRecord has them). */
interface LogEntry {
  number: number;
  title: string;
  status: string;
  statusText?: string;
  /** The file, as a path or a bare name: with the links' `target`, it tells apart records that share a number. */
  file?: string;
  links: readonly { type: string; number: number; target?: string }[];
}

/** A record in the graph, or a number that links name and no file has (no `entry`; drawn "N. ?"). */
export interface LogNode<T extends LogEntry> {
  number: number;
  entry?: T;
}

/** One relation, drawn as one edge, whichever of the two records wrote it (or both): "7 supersedes 3". */
export interface LogRelation<T extends LogEntry> {
  from: LogNode<T>;
  label: string;
  to: LogNode<T>;
}

/**
 * A part of the log's graph: a Mermaid diagram, or, for a record with more relations than one
 * diagram can draw, its relations as a list. `records` are the part's own records, in number order;
 * `part` numbers the parts of one group of linked records too large for one diagram (records of
 * the group drawn in another part appear dashed).
 */
export type LogGraphPiece<T extends LogEntry> =
  | { kind: 'diagram'; source: string; records: LogNode<T>[]; relations: LogRelation<T>[]; part?: { index: number; of: number } }
  | { kind: 'relations'; records: LogNode<T>[]; relations: LogRelation<T>[]; part?: { index: number; of: number } };


const STATUS_DEFS = {
  accepted: 'fill:#dcfce7,stroke:#15803d,color:#14532d',
  proposed: 'fill:#fef9c3,stroke:#a16207,color:#422006',
  superseded: 'fill:#f3f4f6,stroke:#9ca3af,color:#6b7280,stroke-dasharray:5 4',
  deprecated: 'fill:#f3f4f6,stroke:#9ca3af,color:#6b7280,stroke-dasharray:2 2',
  rejected: 'fill:#fee2e2,stroke:#b91c1c,color:#7f1d1d,stroke-dasharray:5 4',
  unknown: 'fill:#ffffff,stroke:#64748b,color:#0f172a',
  missing: 'fill:#ffffff,stroke:#9ca3af,color:#9ca3af,stroke-dasharray:2 2',
  // A record drawn in another part of a graph split in parts, shown where a relation reaches it.
  elsewhere: 'fill:#ffffff,stroke:#64748b,color:#475569,stroke-dasharray:6 3',
} as const;
type NodeClass = keyof typeof STATUS_DEFS;

interface GraphNode<T extends LogEntry> extends LogNode<T> {
  /** Position in number order (then file name); missing numbers sort among the records. */
  index: number;
  /** Creation order: tells apart records of one number until they are sorted. */
  seq: number;
  relations: GraphEdge<T>[];
  label?: string;
}

interface GraphEdge<T extends LogEntry> extends LogRelation<T> {
  from: GraphNode<T>;
  to: GraphNode<T>;
}

function baseName(file: string | undefined): string {
  if (file === undefined) return '';
  return file.slice(Math.max(file.lastIndexOf('/'), file.lastIndexOf('\\')) + 1);
}

/** Nodes in number order and edges in the order the records write them, each relation once. */
function logGraph<T extends LogEntry>(records: readonly T[]): { nodes: GraphNode<T>[]; edges: GraphEdge<T>[] } {
  const named = records.map((entry) => ({ entry, name: baseName(entry.file) }));
  named.sort((a, b) => a.entry.number - b.entry.number || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const nodes: GraphNode<T>[] = named.map(({ entry }, seq) => ({ number: entry.number, entry, index: seq, seq, relations: [] }));
  const byName = new Map<string, GraphNode<T>>();
  const byNumber = new Map<number, GraphNode<T>>();
  named.forEach(({ name }, i) => {
    if (name !== '') byName.set(name, nodes[i]!);
    if (!byNumber.has(nodes[i]!.number)) byNumber.set(nodes[i]!.number, nodes[i]!);
  });
  const missing = new Map<number, GraphNode<T>>();
  const missingNode = (number: number): GraphNode<T> => {
    let node = missing.get(number);
    if (node === undefined) {
      node = { number, index: 0, seq: nodes.length + missing.size, relations: [] };
      missing.set(number, node);
    }
    return node;
  };
  // A link names its file when it can (that tells duplicates apart); else its number does.
  const resolve = (link: { number: number; target?: string }): GraphNode<T> =>
    (link.target !== undefined ? byName.get(link.target) : undefined) ?? byNumber.get(link.number) ?? missingNode(link.number);
  const before = (a: GraphNode<T>, b: GraphNode<T>) => a.number < b.number || (a.number === b.number && a.seq < b.seq);

  const edges: GraphEdge<T>[] = [];
  const seen = new Set<string>();
  for (const node of nodes) {
    for (const link of node.entry?.links ?? []) {
      const other = resolve(link);
      // A pair recorded on both records ("Supersedes 3" in 5, "Superseded by 5" in 3, or
      // "Reemplazada por 5" in 3) is one edge: the passive form is turned around, and every
      // spelling of a relation, in either language, is the one relation it names.
      const { relation: label, passive, symmetric } = relationOf(link.type);
      let from = node;
      let to = other;
      if (passive || (symmetric && before(other, node))) [from, to] = [other, node];
      if (from === to) continue;
      const key = `${from.seq}>${to.seq}>${label}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const edge = { from, to, label };
      edges.push(edge);
      from.relations.push(edge);
      to.relations.push(edge);
    }
  }
  if (missing.size > 0) {
    nodes.push(...missing.values());
    nodes.sort((a, b) => a.number - b.number || a.seq - b.seq);
    nodes.forEach((n, i) => (n.index = i));
  }
  return { nodes, edges };
}

function nodeLabel<T extends LogEntry>(node: GraphNode<T>): string {
  if (node.label !== undefined) return node.label;
  const e = node.entry;
  if (e === undefined) return (node.label = `${node.number}. ?`);
  const status = e.status === 'unknown' && e.statusText ? e.statusText : e.status;
  return (node.label = `${node.number}. ${mermaidLabel(e.title)}${BR}<i>${mermaidLabel(status)}</i>`);
}

// Where a record of another part appears, it says which part draws it (its status is there).
const STUB_EXTRA = `${BR}<i>in part 1234567</i>`.length;
function stubLabel<T extends LogEntry>(node: GraphNode<T>, part: number): string {
  return `${node.number}. ${mermaidLabel(node.entry?.title ?? '?')}${BR}<i>in part ${part}</i>`;
}

function nodeClass<T extends LogEntry>(node: GraphNode<T>, drawnElsewhere: boolean): NodeClass {
  if (node.entry === undefined) return 'missing';
  if (drawnElsewhere) return 'elsewhere';
  return node.entry.status in STATUS_DEFS ? (node.entry.status as NodeClass) : 'unknown';
}

/**
 * Mermaid source for `members` and the `edges` between them; `elsewhere` are records of other parts
 * that edges reach, each with the number of the part it belongs to. `timeline` adds invisible links between the records in number order, so that
 * the drawing reads top to bottom as the log was written; without them, unrelated groups of
 * records land on one row and a long log becomes too wide to read.
 */
function drawGraph<T extends LogEntry>(
  members: GraphNode<T>[],
  edges: GraphEdge<T>[],
  timeline: boolean,
  elsewhere: ReadonlyMap<GraphNode<T>, number> = new Map(),
): string {
  const all = elsewhere.size === 0 ? members : [...members, ...elsewhere.keys()].sort((a, b) => a.index - b.index);
  const ids = new Map<GraphNode<T>, string>();
  const lines: string[] = ['flowchart TD'];
  const classes = new Map<NodeClass, string[]>();
  for (const node of all) {
    const id = `n${ids.size}`;
    ids.set(node, id);
    const part = elsewhere.get(node);
    lines.push(`  ${id}["${part !== undefined && node.entry ? stubLabel(node, part) : nodeLabel(node)}"]`);
    const cls = nodeClass(node, part !== undefined);
    const list = classes.get(cls);
    if (list) list.push(id);
    else classes.set(cls, [id]);
  }
  if (timeline) {
    let previous: string | undefined;
    for (const node of members) {
      if (node.entry === undefined) continue;
      const id = ids.get(node)!;
      if (previous !== undefined) lines.push(`  ${previous} ~~~ ${id}`);
      previous = id;
    }
  }
  for (const e of edges) {
    const arrow = e.label === 'supersedes' ? '==>' : '-->';
    lines.push(`  ${ids.get(e.from)} ${arrow}|"${mermaidLabel(e.label)}"| ${ids.get(e.to)}`);
  }
  for (const [cls, list] of classes) {
    lines.push(`  classDef ${cls} ${STATUS_DEFS[cls]}`);
    lines.push(`  class ${list.join(',')} ${cls}`);
  }
  return `${lines.join('\n')}\n`;
}

/** Mermaid flowchart of the whole ADR log: every record, in number order, and every relation. */
export function logToMermaid(records: readonly LogEntry[]): string {
  const { nodes, edges } = logGraph(records);
  return drawGraph(nodes, edges, true);
}

/**
 * The characters and edges a part of the graph takes, counted before it is drawn: node ids are
 * counted at their widest (a part has at most two nodes per edge, so ids stay below
 * `n<2 x maxEdges>`), so a part that fits by this count fits once drawn.
 */
function sizer(limits: MermaidLimits) {
  const id = `n${2 * limits.maxEdges}`.length;
  let overhead = 'flowchart TD\n'.length;
  for (const [cls, def] of Object.entries(STATUS_DEFS)) overhead += `  classDef ${cls} ${def}\n`.length + `  class  ${cls}\n`.length;
  return {
    overhead,
    // `  n1["label"]` and `n1,` in its class list.
    node: <T extends LogEntry>(n: GraphNode<T>) => 2 + id + 2 + nodeLabel(n).length + 3 + id + 1,
    // `  n1 ==>|"label"| n2`
    edge: <T extends LogEntry>(e: GraphEdge<T>) => 2 + id + 1 + 3 + 2 + mermaidLabel(e.label).length + 2 + 1 + id + 1,
    // `  n1 ~~~ n2`
    timelineLink: 2 + id + 5 + id + 1,
    fits: (chars: number, edges: number) => chars <= limits.maxTextSize && edges <= limits.maxEdges,
  };
}

interface Group<T extends LogEntry> {
  nodes: GraphNode<T>[];
  edges: GraphEdge<T>[];
  chars: number;
  /** Records (not missing numbers) among the nodes: the timeline links them. */
  records: number;
}

/** The groups of records linked to one another (connected components), by their first record. */
function linkedGroups<T extends LogEntry>(nodes: GraphNode<T>[], edges: GraphEdge<T>[], size: ReturnType<typeof sizer>): Group<T>[] {
  const parent = nodes.map((_, i) => i);
  const root = (i: number): number => {
    while (parent[i] !== i) {
      parent[i] = parent[parent[i]!]!;
      i = parent[i]!;
    }
    return i;
  };
  for (const e of edges) {
    const a = root(e.from.index);
    const b = root(e.to.index);
    if (a !== b) parent[Math.max(a, b)] = Math.min(a, b);
  }
  const groups = new Map<number, Group<T>>();
  for (const node of nodes) {
    if (node.relations.length === 0) continue;
    const r = root(node.index);
    let g = groups.get(r);
    if (g === undefined) groups.set(r, (g = { nodes: [], edges: [], chars: 0, records: 0 }));
    g.nodes.push(node);
    g.chars += size.node(node);
    if (node.entry !== undefined) g.records++;
  }
  for (const e of edges) {
    const g = groups.get(root(e.from.index))!;
    g.edges.push(e);
    g.chars += size.edge(e);
  }
  return [...groups.values()];
}

/**
 * The log's graph in parts that Mermaid draws with its default limits (GitHub and GitLab keep
 * them): records without relations are left out (an index lists them); groups of linked records
 * are packed, whole, into as few diagrams as fit; a group too large for one diagram is cut into
 * runs of records in number order, each with the records of other runs its relations reach; a
 * record with more relations than one diagram can draw becomes a list of its relations.
 */
export function logGraphPieces<T extends LogEntry>(records: readonly T[], limits: MermaidLimits = MERMAID_LIMITS): LogGraphPiece<T>[] {
  const { nodes, edges } = logGraph(records);
  const size = sizer(limits);
  const pieces: LogGraphPiece<T>[] = [];
  // Several groups in one diagram stand in number order, linked by the timeline.
  const fitsWithTimeline = (chars: number, edgeCount: number, recordCount: number) => {
    const links = Math.max(0, recordCount - 1);
    return size.fits(size.overhead + chars + links * size.timelineLink, edgeCount + links);
  };
  let packed: Group<T> | undefined;
  const flush = () => {
    if (packed === undefined) return;
    const members = packed.nodes.sort((a, b) => a.index - b.index);
    const relations = packed.edges.sort((a, b) => a.from.index - b.from.index || a.to.index - b.to.index);
    pieces.push({ kind: 'diagram', source: drawGraph(members, relations, true), records: members, relations });
    packed = undefined;
  };
  for (const group of linkedGroups(nodes, edges, size)) {
    if (packed !== undefined) {
      if (fitsWithTimeline(packed.chars + group.chars, packed.edges.length + group.edges.length, packed.records + group.records)) {
        packed.nodes.push(...group.nodes);
        packed.edges.push(...group.edges);
        packed.chars += group.chars;
        packed.records += group.records;
        continue;
      }
      flush();
    }
    if (fitsWithTimeline(group.chars, group.edges.length, group.records)) packed = group;
    else if (size.fits(size.overhead + group.chars, group.edges.length)) {
      pieces.push({ kind: 'diagram', source: drawGraph(group.nodes, group.edges, false), records: group.nodes, relations: group.edges });
    } else pieces.push(...splitEvenly(group, limits));
  }
  flush();
  return pieces;
}

/**
 * splitGroup, with parts of about the same size: cut as full as the limits allow, the last part
 * would hold what is left (367 records and 85). Cut again with each part's share of the whole
 * (and a little room), the same number of parts are even; if they are not as many, the first cut stands.
 */
function splitEvenly<T extends LogEntry>(group: Group<T>, limits: MermaidLimits): LogGraphPiece<T>[] {
  const full = splitGroup(group, sizer(limits));
  if (full.length < 2 || full.some((p) => p.kind !== 'diagram')) return full;
  let chars = 0;
  let edges = 0;
  for (const p of full) {
    if (p.kind === 'diagram') chars += p.source.length;
    edges += p.relations.length;
  }
  const share = (total: number, limit: number) => Math.min(limit, Math.ceil((total / full.length) * 1.1));
  const even = splitGroup(group, sizer({ maxTextSize: share(chars, limits.maxTextSize), maxEdges: share(edges, limits.maxEdges) }));
  return even.length === full.length ? even : full;
}

/** A group too large for one diagram, in runs of records in number order (see logGraphPieces). */
function splitGroup<T extends LogEntry>(group: Group<T>, size: ReturnType<typeof sizer>): LogGraphPiece<T>[] {
  // A run: its records, the relations they have, and every record those relations reach.
  type Run = { kind: 'diagram'; members: GraphNode<T>[]; reached: Set<GraphNode<T>>; relations: GraphEdge<T>[] };
  type List = { kind: 'relations'; members: GraphNode<T>[]; relations: GraphEdge<T>[]; listed: Set<GraphEdge<T>> };
  const runs: (Run | List)[] = [];
  const fresh = (): Run => ({ kind: 'diagram', members: [], reached: new Set(), relations: [] });
  let run = fresh();
  let counted = new Set<GraphEdge<T>>();
  let chars = size.overhead;
  const other = (e: GraphEdge<T>, n: GraphNode<T>) => (e.from === n ? e.to : e.from);
  // What adding `node` to the run costs: its line (unless the run reaches it already), the
  // relations not yet drawn and the records of other runs they reach (labelled with their part).
  const cost = (node: GraphNode<T>) => {
    // A record the run reaches already was counted as another part's, with its part number.
    let c = run.reached.has(node) ? -STUB_EXTRA : size.node(node);
    let n = 0;
    const reached = new Set<GraphNode<T>>();
    for (const e of node.relations) {
      if (counted.has(e)) continue;
      c += size.edge(e);
      n++;
      const o = other(e, node);
      if (!run.reached.has(o) && !reached.has(o)) {
        reached.add(o);
        c += size.node(o) + STUB_EXTRA;
      }
    }
    return { chars: c, edges: n };
  };
  const close = () => {
    if (run.members.length > 0) runs.push(run);
    run = fresh();
    counted = new Set();
    chars = size.overhead;
  };
  for (const node of group.nodes) {
    let add = cost(node);
    if (!size.fits(chars + add.chars, counted.size + add.edges)) {
      close();
      add = cost(node);
      if (!size.fits(chars + add.chars, add.edges)) {
        // Too many relations for any diagram: listed instead, with the lists just before it.
        const last = runs.at(-1);
        const list: List = last?.kind === 'relations' ? last : { kind: 'relations', members: [], relations: [], listed: new Set() };
        if (list !== last) runs.push(list);
        list.members.push(node);
        for (const e of node.relations) {
          if (!list.listed.has(e)) list.relations.push(e);
          list.listed.add(e);
        }
        continue;
      }
    }
    run.members.push(node);
    run.reached.add(node);
    chars += add.chars;
    for (const e of node.relations) {
      if (counted.has(e)) continue;
      counted.add(e);
      run.relations.push(e);
      run.reached.add(other(e, node));
    }
  }
  close();

  const partOf = new Map<GraphNode<T>, number>();
  runs.forEach((r, i) => r.members.forEach((n) => partOf.set(n, i + 1)));
  return runs.map((r, i): LogGraphPiece<T> => {
    const part = { index: i + 1, of: runs.length };
    if (r.kind === 'relations') return { kind: 'relations', records: r.members, relations: r.relations, part };
    const elsewhere = new Map<GraphNode<T>, number>();
    for (const n of r.reached) if (partOf.get(n) !== i + 1) elsewhere.set(n, partOf.get(n)!);
    return { kind: 'diagram', source: drawGraph(r.members, r.relations, false, elsewhere), records: r.members, relations: r.relations, part };
  });
}
