// What a lint rule sees and how it reports: one tree of the set, the whole set, the catalog.
import type { DriverCatalog, Tree } from '../types.js';
import type { DocPath, Locate } from '../yaml-doc.js';

/** A parsed tree with where it came from, as `parseTree` returns it. */
export interface TreeDoc {
  file: string;
  tree: Tree;
  locate: Locate;
}

export interface LintOptions {
  /** Today as YYYY-MM-DD (passed in so that the core stays pure). */
  today: string;
  /** Known starter ids; when given, outcomes naming another starter are reported. */
  starters?: readonly string[];
  /** Lint only the docs of these files; the others still count as known trees and ids. */
  only?: ReadonlySet<string>;
}

export interface RuleContext {
  doc: TreeDoc;
  tree: Tree;
  /** Every tree of the set, in load order (for duplicate ids). */
  docs: readonly TreeDoc[];
  treeIds: ReadonlySet<string>;
  catalog: DriverCatalog;
  options: LintOptions;
  /** Reports a problem at `path` of the current tree file. */
  report(path: DocPath, message: string, extra?: { severity?: 'error' | 'warning'; rule?: string; key?: boolean }): void;
}

export type Rule = (ctx: RuleContext) => void;
