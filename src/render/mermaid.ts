// Mermaid source for trees, walks and the ADR log. Pure: strings in, a string out.
//
// Node ids are generated (n0, n1, ...) and never taken from user text, so no title can collide
// with a Mermaid keyword (`end`, `graph`) or break the syntax. Every label is quoted and escaped
// with Mermaid's entity codes (see `mermaidLabel`).
import { valueLabel } from '../core/labels.js';
import { t } from '../core/text.js';
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

/** The fields of an ADR record that the log graph needs (src/adr/types.ts AdrRecord has them). */
interface LogEntry {
  number: number;
  title: string;
  status: string;
  statusText?: string;
  links: readonly { type: string; number: number }[];
}

// Colours chosen to read on both light and dark backgrounds (GitHub renders either).
const CLASS_DEFS = {
  question: 'fill:#eef2ff,stroke:#6366f1,color:#1e1b4b',
  outcome: 'fill:#f8fafc,stroke:#64748b,color:#0f172a',
  taken: 'fill:#dbeafe,stroke:#1d4ed8,stroke-width:2px,color:#172554',
  chosen: 'fill:#15803d,stroke:#14532d,stroke-width:4px,color:#ffffff,font-weight:bold',
  dimmed: 'fill:#f3f4f6,stroke:#d1d5db,color:#9ca3af',
  excluded: 'fill:#f3f4f6,stroke:#d1d5db,color:#9ca3af,stroke-dasharray:4 3',
} as const;
const TAKEN_LINK = 'stroke:#1d4ed8,stroke-width:3px';

const STATUS_DEFS = {
  accepted: 'fill:#dcfce7,stroke:#15803d,color:#14532d',
  proposed: 'fill:#fef9c3,stroke:#a16207,color:#422006',
  superseded: 'fill:#f3f4f6,stroke:#9ca3af,color:#6b7280,stroke-dasharray:5 4',
  deprecated: 'fill:#f3f4f6,stroke:#9ca3af,color:#6b7280,stroke-dasharray:2 2',
  rejected: 'fill:#fee2e2,stroke:#b91c1c,color:#7f1d1d,stroke-dasharray:5 4',
  unknown: 'fill:#ffffff,stroke:#64748b,color:#0f172a',
  missing: 'fill:#ffffff,stroke:#9ca3af,color:#9ca3af,stroke-dasharray:2 2',
} as const;

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

function questionText(tree: BranchingTree, qid: string, catalog: DriverCatalog | undefined, lang: Lang): string {
  const q = tree.questions[qid];
  if (!q) return qid;
  if (q.text !== undefined) return t(q.text, lang);
  const driver = catalog?.drivers[q.driver];
  return driver ? t(driver.question, lang) : q.driver;
}

function branchingToMermaid(
  tree: BranchingTree,
  lang: Lang,
  walk: MermaidWalk | undefined,
  { catalog }: TreeDiagramOptions,
): string {
  const ids = new Ids();
  const lines: string[] = ['flowchart TD'];
  const questionKey = (id: string) => `q:${id}`;
  const outcomeKey = (id: string) => `o:${id}`;
  const targetKey = (id: string) => (tree.questions[id] ? questionKey(id) : outcomeKey(id));

  // Questions in walk order from the start (breadth first), so the drawing reads top-down in
  // the same order a user is asked; unreachable questions come last.
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

  for (const qid of order) {
    lines.push(`  ${ids.id(questionKey(qid))}{"${mermaidLabel(questionText(tree, qid, catalog, lang))}"}`);
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
  lines.push(`  ${criteriaId}{{"<b>${mermaidLabel(w.criteria)}</b>${BR}${criteriaLines.join(BR)}"}}`);

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
      const needs = Object.entries(outcome.requires).map(
        ([d, vs]) => `${mermaidLabel(d)} = ${vs.map((v) => mermaidLabel(shortValueLabel(catalog, d, v, lang))).join(' / ')}`,
      );
      parts.push(`${w.needs} ${needs.join(', ')}`);
    }
    const id = ids.id(`o:${oid}`);
    optionNodeIds.push(id);
    if (row && !row.eligible) excludedIds.push(id);
    lines.push(`  ${id}(["${parts.join(BR)}"])`);
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


// Link types recorded on both ADRs of a pair ("Supersedes 3" in 5, "Superseded by 5" in 3):
// the passive form is turned around so the pair draws as one edge.
const PASSIVE: Record<string, string> = {
  'superseded by': 'supersedes',
  'amended by': 'amends',
  'clarified by': 'clarifies',
  'extended by': 'extends',
  'refined by': 'refines',
  'replaced by': 'replaces',
  'deprecated by': 'deprecates',
};

function normaliseLinkType(type: string): string {
  return type.trim().toLowerCase().replace(/[-_]+/g, ' ').replace(/\s+/g, ' ');
}

/** Mermaid flowchart of the ADR log: one node per ADR, edges for supersedes and other links. */
export function logToMermaid(records: readonly LogEntry[]): string {
  const ids = new Ids();
  const lines: string[] = ['flowchart TD'];
  const sorted = [...records].sort((a, b) => a.number - b.number);
  const known = new Set(sorted.map((r) => r.number));
  const byStatus = new Map<string, string[]>();
  const addClass = (cls: string, id: string) => byStatus.set(cls, [...(byStatus.get(cls) ?? []), id]);

  for (const r of sorted) {
    const id = ids.id(String(r.number));
    const status = r.status === 'unknown' && r.statusText ? r.statusText : r.status;
    lines.push(`  ${id}["${r.number}. ${mermaidLabel(r.title)}${BR}<i>${mermaidLabel(status)}</i>"]`);
    addClass(r.status in STATUS_DEFS ? r.status : 'unknown', id);
  }

  const edges: { from: number; to: number; label: string }[] = [];
  const edgeKeys = new Set<string>();
  for (const r of sorted) {
    for (const link of r.links) {
      const type = normaliseLinkType(link.type);
      const active = PASSIVE[type];
      const edge = active ? { from: link.number, to: r.number, label: active } : { from: r.number, to: link.number, label: type };
      if (edge.from === edge.to) continue;
      const key = `${edge.from}>${edge.to}>${edge.label}`;
      if (edgeKeys.has(key)) continue;
      edgeKeys.add(key);
      edges.push(edge);
    }
  }
  for (const e of edges) {
    for (const n of [e.from, e.to]) {
      if (!known.has(n)) {
        known.add(n);
        const id = ids.id(String(n));
        lines.push(`  ${id}["${n}. ?"]`);
        addClass('missing', id);
      }
    }
  }
  // Invisible links in number order make the log read as a timeline, top to bottom; without
  // them every unlinked ADR lands on one row and a long log becomes too wide to read.
  for (let i = 1; i < sorted.length; i++) {
    lines.push(`  ${ids.id(String(sorted[i - 1]!.number))} ~~~ ${ids.id(String(sorted[i]!.number))}`);
  }
  edges.forEach((e) => {
    const arrow = e.label === 'supersedes' ? '==>' : '-->';
    lines.push(`  ${ids.id(String(e.from))} ${arrow}|"${mermaidLabel(e.label)}"| ${ids.id(String(e.to))}`);
  });

  for (const [cls, members] of byStatus) {
    lines.push(`  classDef ${cls} ${STATUS_DEFS[cls as keyof typeof STATUS_DEFS]}`);
    lines.push(`  class ${members.join(',')} ${cls}`);
  }
  return `${lines.join('\n')}\n`;
}
