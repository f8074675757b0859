// The view the ADR templates render: its shape, the fields every ADR has, and the view of a plain
// `new` ADR. Kept apart from decision-view.ts so that `new` and `init` do not load the decision
// machinery (walks, flips, explanations) to fill a blank record.
import type { Lang } from '../core/types.js';
import { strings, type AdrStrings } from './i18n.js';
import { linkText } from './link-text.js';
import type { AdrStyle } from './types.js';

export interface ViewLink {
  type: string;
  number: number;
  title: string;
  /** The target's file name. */
  file: string;
}

/** A link as the view gives it: `text` is the link text the record's style writes. */
interface StyledLink extends ViewLink {
  text: string;
}

export interface AdrView {
  l: AdrStrings;
  lang: Lang;
  /** How the record is written: `nygard`, `madr2`, `madr3`, `madr4` or `log4brains`. */
  style: AdrStyle;
  number: number;
  title: string;
  date: string;
  status: string;
  statusLabel: string;
  deciders: string[];
  consulted: string[];
  informed: string[];
  /** log4brains' `Tags:` (a decision's tree id). */
  tags: string[];
  links: StyledLink[];
  wizard: {
    tree: string;
    reviewed: string;
    outcome: string;
    drivers: { id: string; value: string }[];
    assumed: string[];
  } | null;
  problem: string;
  treeTitle: string;
  drivers: { id: string; question: string; value: string; label: string; assumed: boolean }[];
  hasAssumed: boolean;
  options: { id: string; title: string; chosen: boolean; why: string }[];
  outcome: { id: string; title: string; decision: string };
  because: string;
  positive: string[];
  negative: string[];
  path: { question: string; answer: string }[];
  warnings: string[];
  scores: {
    criteria: { title: string; weight: number; cells: string[] }[];
    rows: { id: string; title: string; total: string; rank: string }[];
    excluded: { title: string; why: string }[];
  } | null;
  mermaid: string | null;
  image: string | null;
  sources: { title: string; url: string }[];
  reviewed: string;
  /** Contradictory answers and chain constraints, in words. */
  notes: string[];
  /** "Revisit when": the answer (and weight) changes that would lead elsewhere, in words. */
  revisit: string[];
  closeCall: string | null;
  /** The repository tree file the decision came from (null for the shipped trees). */
  treeFile: string | null;
}

export interface ViewMeta {
  style: AdrStyle;
  number: number;
  date: string;
  status: string;
  deciders: string[];
  consulted: string[];
  informed: string[];
  links: ViewLink[];
  mermaid: string | null;
  image: string | null;
  /** The repository tree file the decision came from, as the reader should see it. */
  treeFile?: string | null;
}

type RecordFields =
  | 'l'
  | 'lang'
  | 'style'
  | 'number'
  | 'title'
  | 'date'
  | 'status'
  | 'statusLabel'
  | 'deciders'
  | 'consulted'
  | 'informed'
  | 'tags'
  | 'links';

/** A status in the record's language ("Aceptada"), or as given when it is not one of the five. */
export function statusLabel(status: string, lang: Lang): string {
  const l = strings(lang);
  return (l.statuses as Record<string, string>)[status] ?? status;
}

/** The fields every ADR has, decided or blank: its words, number, title, date, status and people. */
export function recordFields(
  title: string,
  lang: Lang,
  meta: Omit<ViewMeta, 'mermaid' | 'image'>,
  tags: string[] = [],
): Pick<AdrView, RecordFields> {
  return {
    l: strings(lang),
    lang,
    style: meta.style,
    number: meta.number,
    title,
    date: meta.date,
    status: meta.status,
    statusLabel: statusLabel(meta.status, lang),
    deciders: meta.deciders,
    consulted: meta.consulted,
    informed: meta.informed,
    tags,
    links: meta.links.map((link) => ({ ...link, text: linkText(meta.style, link) })),
  };
}

/** The view of a plain `new` ADR: the same keys, so one custom template can serve both. */
export function newView(title: string, lang: Lang, meta: Omit<ViewMeta, 'mermaid' | 'image'>): AdrView {
  return {
    ...recordFields(title, lang, meta),
    wizard: null,
    problem: '',
    treeTitle: '',
    drivers: [],
    hasAssumed: false,
    options: [],
    outcome: { id: '', title: '', decision: '' },
    because: '',
    positive: [],
    negative: [],
    path: [],
    warnings: [],
    scores: null,
    mermaid: null,
    image: null,
    sources: [],
    reviewed: '',
    notes: [],
    revisit: [],
    closeCall: null,
    treeFile: null,
  };
}
