// Finds and loads the decision set: the shipped decisions/ plus a repository's own
// `.adr-wizard/decisions/` (found upward from the working directory). The shipped trees are
// checked and compiled by the build (dist/decisions-cache.json); every other tree, and a shipped
// tree edited since the build, gets every check here.
import { readdir, readFile } from 'node:fs/promises';
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { UsageError } from '../core/errors.js';
import type { Problem } from '../core/errors.js';
import type { SpaceReport } from '../core/explore.js';
import type { TreeDoc } from '../core/lint.js';
import { toCatalog, toTree } from '../core/normalize.js';
import { sortProblems } from '../core/problems.js';
import type { DriverCatalog, Tree } from '../core/types.js';
import { builtData } from './decisions-cache.js';
import { findUp } from './find-up.js';
import { isFile } from './fs.js';
import { DECISIONS_DIR } from './paths.js';

const USER_DECISIONS_DIR = join('.adr-wizard', 'decisions');
const SHIPPED_DRIVERS = join(DECISIONS_DIR, 'drivers.yaml');

export interface LoadOptions {
  cwd: string;
  /** Check exactly these files (tree files, or a drivers.yaml); problems of other files are not reported. */
  files?: readonly string[];
  /** Return problems instead of throwing a UsageError when something is broken. */
  lenient?: boolean;
  /** Schema-check and lint the shipped trees too (what `validate` does). Implied by `files`. */
  lint?: boolean;
  /** Today as YYYY-MM-DD, for the review-date rule; defaults to the current date. */
  today?: string;
  /** Known starter ids; when given, lint reports outcomes naming other starters. */
  starters?: readonly string[];
}

export interface DecisionSet {
  catalog: DriverCatalog;
  trees: Map<string, Tree>;
  /** Every problem found, errors and warnings, sorted by file and line. */
  problems: Problem[];
  /** The user decisions folder in use, if any. */
  userDir?: string;
}

interface Source {
  abs: string;
  /** How the file is named in problems: as given, or relative to cwd when inside it. */
  shown: string;
  origin: 'shipped' | 'user' | 'given';
  kind: 'drivers' | 'tree';
}

/**
 * Loads drivers and trees. Throws a UsageError listing every problem when anything is broken,
 * unless `lenient`; warnings never throw.
 *
 * @example
 *   const { catalog, trees } = await loadDecisionSet({ cwd: process.cwd() });
 */
export async function loadDecisionSet(options: LoadOptions): Promise<DecisionSet> {
  const cwd = resolve(options.cwd);
  const userDir = await findUserDecisionsDir(cwd);
  const full = options.lint === true || options.files !== undefined;

  const sources: Source[] = [];
  const add = (abs: string, origin: Source['origin'], shown?: string) => {
    if (sources.some((s) => s.abs === abs)) {
      if (origin === 'given') sources.find((s) => s.abs === abs)!.origin = 'given';
      return;
    }
    const kind = basename(abs) === 'drivers.yaml' ? 'drivers' : 'tree';
    sources.push({ abs, shown: shown ?? show(cwd, abs), origin, kind });
  };
  for (const f of await yamlFiles(DECISIONS_DIR)) add(f, 'shipped');
  if (userDir) for (const f of await yamlFiles(userDir)) add(f, 'user');
  for (const f of options.files ?? []) {
    const abs = resolve(cwd, f);
    if (!(await isFile(abs))) throw new UsageError(`${f}: no such file`);
    add(abs, 'given', f);
  }

  // With `files`, only those are checked (and reported); the rest only supplies known tree ids and
  // drivers. Without, what the build checked and compiled (the shipped trees, while their YAML is
  // unchanged) is taken as built; everything else gets every check, so a tree with a problem can
  // never produce an ADR.
  const reported = (s: Source) => (options.files ? s.origin === 'given' : full || s.origin !== 'shipped');
  const built = sources.map((s) => (s.origin === 'shipped' && !reported(s) ? builtData(s.abs, basename(s.abs)) : undefined));
  const texts = await Promise.all(sources.map((s, i) => (built[i] === undefined ? readFile(s.abs, 'utf8') : '')));
  const checked = (s: Source, i: number) => reported(s) || built[i] === undefined;
  const needsFull = sources.some(checked);
  // The YAML and schema libraries are loaded only when some file is not served from the build.
  const load = needsFull ? await import('../core/load.js') : undefined;

  const problems: Problem[] = [];
  const drivers: { source: Source; catalog: DriverCatalog; locate?: TreeDoc['locate'] }[] = [];
  const docs: (TreeDoc & { source: Source; checked: boolean })[] = [];
  const noLocation = () => undefined;
  sources.forEach((s, i) => {
    const data = built[i];
    if (data !== undefined) {
      if (s.kind === 'drivers') drivers.push({ source: s, catalog: toCatalog(data), locate: noLocation });
      else docs.push({ file: s.shown, tree: { ...toTree(data, s.abs), origin: originOf(s) }, locate: noLocation, source: s, checked: false });
    } else if (s.kind === 'drivers') {
      const r = load!.parseDrivers(texts[i]!, s.shown);
      problems.push(...r.problems);
      if (r.catalog) drivers.push({ source: s, catalog: r.catalog, locate: r.locate });
    } else {
      const r = load!.parseTree(texts[i]!, s.shown);
      problems.push(...r.problems);
      if (r.tree) docs.push({ file: s.shown, tree: { ...r.tree, file: s.abs, origin: originOf(s) }, locate: r.locate, source: s, checked: true });
    }
  });

  const catalog = mergeCatalogs(drivers, problems);
  if (!sources.some((s) => s.abs === SHIPPED_DRIVERS)) {
    problems.push({ file: show(cwd, SHIPPED_DRIVERS), message: 'the driver catalog is missing', severity: 'error' });
  }

  if (needsFull) {
    const { lintTrees } = await import('../core/lint.js');
    // Lint reports only on the files checked; with `files`, only on those given.
    const only = new Set(docs.filter((d) => d.checked && (!options.files || d.source.origin === 'given')).map((d) => d.file));
    problems.push(
      ...lintTrees(docs, catalog, {
        today: options.today ?? new Date().toISOString().slice(0, 10),
        only,
        ...(options.starters ? { starters: options.starters } : {}),
      }),
    );
  }

  const reportable = options.files
    ? problems.filter((p) => sources.some((s) => s.origin === 'given' && s.shown === p.file) || p.file === undefined)
    : problems;
  const sorted = sortProblems(reportable);

  // A repository's tree (or a file named on the command line) with a shipped tree's id replaces
  // it: that is how a team customises the shipped advice. Two repository trees with one id are an
  // error (duplicate-id).
  const trees = new Map<string, Tree>();
  for (const d of docs) {
    const prev = trees.get(d.tree.id);
    if (!prev) trees.set(d.tree.id, d.tree);
    else if (prev.origin === 'shipped' && d.tree.origin !== 'shipped') trees.set(d.tree.id, { ...d.tree, overrides: prev.file ?? '' });
  }

  if (!options.lenient && sorted.some((p) => p.severity === 'error')) {
    throw new UsageError('the decision trees have problems (see above); `adr-wizard validate` checks them', sorted.filter((p) => p.severity === 'error'));
  }
  return { catalog, trees, problems: sorted, ...(userDir ? { userDir } : {}) };
}

/**
 * What `validate` and the build check: the decision set with every check, and the whole space of
 * each tree checked (the given files' trees, or every tree) walked: how many combinations, where
 * they lead, the chains checked.
 */
export async function checkDecisionSet(options: {
  cwd: string;
  files?: readonly string[];
  starters: readonly string[];
}): Promise<{ set: DecisionSet; spaces: SpaceReport[] }> {
  const set = await loadDecisionSet({ ...options, lenient: true, lint: true });
  const { exploreSpace } = await import('../core/explore.js');
  const given = new Set((options.files ?? []).map((f) => resolve(options.cwd, f)));
  const spaces = [...set.trees.values()]
    .filter((tree) => options.files === undefined || (tree.file !== undefined && given.has(tree.file)))
    .map((tree) => exploreSpace(tree, set.trees, set.catalog));
  return { set, spaces };
}

/**
 * Where a tree comes from, for `trees`, `show` and the ADR: undefined for the shipped trees, else
 * the repository file (relative to `cwd` when inside it) and whether it replaces a shipped tree.
 */
export function treeSource(tree: Tree, cwd: string): { file: string; overrides: boolean } | undefined {
  if (tree.origin === 'shipped' || tree.file === undefined) return undefined;
  return { file: show(cwd, tree.file).split(sep).join('/'), overrides: tree.overrides !== undefined };
}

// A file named on the command line that lives in the shipped folder is still a shipped tree.
function originOf(s: Source): 'shipped' | 'user' | 'given' {
  return s.origin === 'given' && dirname(s.abs) === DECISIONS_DIR ? 'shipped' : s.origin;
}

// A repository may add drivers for its own trees; redefining a shipped driver is refused so that
// context files mean the same thing everywhere.
function mergeCatalogs(
  drivers: { source: Source; catalog: DriverCatalog; locate?: TreeDoc['locate'] }[],
  problems: Problem[],
): DriverCatalog {
  const merged: DriverCatalog = { drivers: {}, conflicts: [] };
  const ordered = [...drivers].sort((a, b) => Number(a.source.abs !== SHIPPED_DRIVERS) - Number(b.source.abs !== SHIPPED_DRIVERS));
  for (const { source, catalog, locate } of ordered) {
    merged.conflicts!.push(...(catalog.conflicts ?? []));
    for (const [id, driver] of Object.entries(catalog.drivers)) {
      if (Object.hasOwn(merged.drivers, id)) {
        problems.push({
          file: source.shown,
          ...locate?.(['drivers', id]),
          path: `drivers.${id}`,
          message: `driver "${id}" is already defined by the shipped drivers; use another id`,
          severity: 'error',
          rule: 'duplicate-id',
        });
        continue;
      }
      merged.drivers[id] = driver;
    }
  }
  return merged;
}

/**
 * The nearest `.adr-wizard/decisions` folder at or above `cwd`, not looking above the repository
 * root (the first folder holding `.git`).
 */
export async function findUserDecisionsDir(cwd: string): Promise<string | undefined> {
  return (await findUp(cwd, [USER_DECISIONS_DIR], { type: 'dir', stopAt: '.git' }))?.path;
}

async function yamlFiles(dir: string): Promise<string[]> {
  let names: string[];
  try {
    names = await readdir(dir);
  } catch {
    return [];
  }
  return names
    .filter((n) => /\.ya?ml$/.test(n))
    .sort()
    .map((n) => join(dir, n));
}

function show(cwd: string, abs: string): string {
  const rel = relative(cwd, abs);
  return rel !== '' && !rel.startsWith('..') && !isAbsolute(rel) ? rel : abs;
}
