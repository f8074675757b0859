import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import { formatProblem, UsageError } from '../core/errors.js';
import { DECISIONS_DIR } from './paths.js';
import { findUserDecisionsDir, loadDecisionSet } from './trees.js';

function repo(): string {
  const dir = mkdtempSync(join(tmpdir(), 'adr-wizard-trees-'));
  onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
  mkdirSync(join(dir, '.git'));
  return dir;
}

function write(dir: string, rel: string, text: string): string {
  const file = join(dir, rel);
  mkdirSync(join(file, '..'), { recursive: true });
  writeFileSync(file, text);
  return file;
}

const USER_TREE = `id: team-tool
kind: tree
title: {en: Team tool, es: Herramienta del equipo}
problem: Which tool?
reviewed: 2026-11-01
sources: [{title: Notes, url: "https://example.org/notes"}]
start: q
questions:
  q:
    driver: scale
    branches: {small: simple, large: q2}
  q2:
    driver: team-size
    branches: {small: simple, large: fancy}
outcomes:
  simple:
    title: Simple
    decision: We keep it simple.
    consequences: {positive: [Cheap, Fast], negative: [Limited, Manual]}
  fancy:
    title: Fancy
    decision: We go fancy.
    consequences: {positive: [Powerful, Scales], negative: [Costly, Complex]}
    followUps: [architecture-style]
examples:
  - {drivers: {scale: small}, expect: simple}
  - {drivers: {scale: large, team-size: large}, expect: fancy}
`;

describe('loadDecisionSet', () => {
  it('loads the shipped drivers and trees', async () => {
    const { catalog, trees, problems } = await loadDecisionSet({ cwd: repo() });
    expect(problems.filter((p) => p.severity === 'error')).toEqual([]);
    expect(trees.get('architecture-style')?.kind).toBe('tree');
    expect(trees.get('architecture-style')?.file).toBe(join(DECISIONS_DIR, 'architecture-style.yaml'));
    expect(catalog.drivers['scale']?.values['large']).toBeDefined();
  });

  it('adds a repository’s own trees, found from a subfolder up to the repository root', async () => {
    const root = repo();
    write(root, '.adr-wizard/decisions/team-tool.yaml', USER_TREE);
    const sub = join(root, 'packages', 'api');
    mkdirSync(sub, { recursive: true });
    expect(await findUserDecisionsDir(sub)).toBe(join(root, '.adr-wizard', 'decisions'));
    const { trees, userDir } = await loadDecisionSet({ cwd: sub });
    expect(userDir).toBe(join(root, '.adr-wizard', 'decisions'));
    expect(trees.get('team-tool')?.outcomes['fancy']?.followUps).toEqual(['architecture-style']);
    expect(trees.has('architecture-style')).toBe(true);
  });

  it('does not look above the repository root', async () => {
    const outer = repo();
    write(outer, '.adr-wizard/decisions/team-tool.yaml', USER_TREE);
    const inner = join(outer, 'inner');
    mkdirSync(join(inner, '.git'), { recursive: true });
    expect(await findUserDecisionsDir(inner)).toBeUndefined();
  });

  it('checks user trees fully and throws every problem as a UsageError', async () => {
    const root = repo();
    write(root, '.adr-wizard/decisions/team-tool.yaml', USER_TREE.replace('driver: team-size', 'driver: team-sise').replace('expect: fancy', 'expect: fency'));
    const err = await loadDecisionSet({ cwd: root }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(UsageError);
    expect((err as UsageError).problems.map(formatProblem)).toEqual([
      '.adr-wizard/decisions/team-tool.yaml:13:13  questions.q2.driver  unknown driver "team-sise" (did you mean "team-size"?)',
      '.adr-wizard/decisions/team-tool.yaml:27:57  examples[1].expect  unknown outcome "fency" (did you mean "fancy"?)',
    ]);
  });

  it('returns the problems instead when lenient', async () => {
    const root = repo();
    write(root, '.adr-wizard/decisions/team-tool.yaml', 'id: team-tool\nkind: tree\n  oops: [\n');
    const { problems, trees } = await loadDecisionSet({ cwd: root, lenient: true });
    expect(problems.length).toBeGreaterThan(0);
    for (const p of problems) expect(`${p.file}:${p.line}:${p.col}  ${p.message}`).toMatch(/^\.adr-wizard\/decisions\/team-tool\.yaml:\d+:\d+  YAML syntax: /);
    expect(trees.has('team-tool')).toBe(false);
    expect(trees.has('architecture-style')).toBe(true);
  });

  it('a repository tree with a shipped tree\'s id replaces it; two repository trees with one id are refused', async () => {
    const root = repo();
    const mine = USER_TREE.replace('id: team-tool', 'id: architecture-style').replace('followUps: [architecture-style]', 'followUps: []');
    write(root, '.adr-wizard/decisions/architecture-style.yaml', mine);
    const { problems, trees } = await loadDecisionSet({ cwd: root, lenient: true });
    expect(problems.filter((p) => p.severity === 'error')).toEqual([]);
    const tree = trees.get('architecture-style')!;
    expect(tree.file).toBe(join(root, '.adr-wizard/decisions/architecture-style.yaml'));
    expect(tree.origin).toBe('user');
    expect(tree.overrides).toBe(join(DECISIONS_DIR, 'architecture-style.yaml'));
    expect(Object.keys(tree.outcomes)).toEqual(['simple', 'fancy']);

    write(root, '.adr-wizard/decisions/another.yaml', mine);
    const twice = await loadDecisionSet({ cwd: root, lenient: true });
    expect(twice.problems.filter((p) => p.rule === 'duplicate-id').map((p) => `${p.file}:${p.line}  ${p.message}`)).toEqual([
      '.adr-wizard/decisions/architecture-style.yaml:1  tree id "architecture-style" is already used by .adr-wizard/decisions/another.yaml',
    ]);
  });

  it('lets a repository add drivers, but not redefine shipped ones', async () => {
    const root = repo();
    const extra = `drivers:
  budget:
    question: Budget?
    help: How much money.
    values: {low: {label: Low}, high: {label: High}}
    default: low
  scale:
    question: Scale?
    help: Again.
    values: {a: {label: A}, b: {label: B}}
    default: a
`;
    write(root, '.adr-wizard/decisions/drivers.yaml', extra);
    write(root, '.adr-wizard/decisions/team-tool.yaml', USER_TREE.replace('driver: team-size', 'driver: budget').replace('small: simple, large: fancy', 'low: simple, high: fancy').replace('team-size: large', 'budget: high'));
    const { catalog, trees, problems } = await loadDecisionSet({ cwd: root, lenient: true });
    expect(catalog.drivers['budget']?.default).toBe('low');
    expect(Object.keys(catalog.drivers['scale']?.values ?? {})).toEqual(['small', 'large']);
    expect(problems.filter((p) => p.severity === 'error').map(formatProblem)).toEqual([
      '.adr-wizard/decisions/drivers.yaml:7:3  drivers.scale  driver "scale" is already defined by the shipped drivers; use another id',
    ]);
    expect(trees.has('team-tool')).toBe(true);
  });

  it('with files, checks exactly those files and names them as given', async () => {
    const root = repo();
    write(root, 'draft.yaml', USER_TREE.replace('id: team-tool', 'id: draft').replace('      - {drivers: {scale: small}, expect: simple}', ''));
    write(root, 'other.yaml', 'id: other\n');
    const { problems } = await loadDecisionSet({ cwd: root, files: ['draft.yaml'], lenient: true });
    expect(problems.map(formatProblem)).toEqual([]);
    const broken = await loadDecisionSet({ cwd: root, files: ['other.yaml'], lenient: true });
    expect(broken.problems.map(formatProblem)).toEqual([`other.yaml:1:1  kind  missing required field "kind"`]);
  });

  it('validates the shipped trees on request (what `validate` runs)', async () => {
    const { problems } = await loadDecisionSet({ cwd: repo(), lint: true, lenient: true });
    expect(problems.filter((p) => p.severity === 'error').map(formatProblem)).toEqual([]);
  });

  it('names a missing file as a usage error', async () => {
    await expect(loadDecisionSet({ cwd: repo(), files: ['nope.yaml'] })).rejects.toThrow('nope.yaml: no such file');
  });

  it('gives the same trees through the quick path as through the full checks', async () => {
    const cwd = repo();
    const quick = await loadDecisionSet({ cwd });
    const full = await loadDecisionSet({ cwd, lint: true, lenient: true });
    expect([...quick.trees.keys()]).toEqual([...full.trees.keys()]);
    for (const [id, tree] of quick.trees) expect(tree, id).toEqual(full.trees.get(id));
    expect(quick.catalog).toEqual(full.catalog);
    expect(readFileSync(join(DECISIONS_DIR, 'drivers.yaml'), 'utf8')).toContain('drivers:');
  });
});

describe('loadDecisionSet with shipped files given', () => {
  it('validates decisions/drivers.yaml and a shipped tree named on the command line', async () => {
    const cwd = repo();
    const files = [join(DECISIONS_DIR, 'drivers.yaml'), join(DECISIONS_DIR, 'architecture-style.yaml')];
    const { problems } = await loadDecisionSet({ cwd, files, lenient: true });
    expect(problems.filter((p) => p.severity === 'error').map(formatProblem)).toEqual([]);
  });
});

describe('the build cache of the shipped trees', () => {
  it('serves an entry only while its YAML is the one the build checked', async () => {
    const { CACHE_FILE, builtData } = await import('./decisions-cache.js');
    const { copyFileSync, existsSync, mkdtempSync, utimesSync, writeFileSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    // The test command builds first: the compiled trees must be there.
    expect(existsSync(CACHE_FILE)).toBe(true);
    const shipped = join(DECISIONS_DIR, 'drivers.yaml');
    expect(builtData(shipped, 'drivers.yaml')).toMatchObject({ drivers: expect.any(Object) });
    // The same content with another modification time (a fresh checkout): still the built entry.
    const dir = mkdtempSync(join(tmpdir(), 'adr-wizard-cache-'));
    const copy = join(dir, 'drivers.yaml');
    copyFileSync(shipped, copy);
    utimesSync(copy, new Date(), new Date(Date.now() + 60_000));
    expect(builtData(copy, 'drivers.yaml')).toMatchObject({ drivers: expect.any(Object) });
    // Edited: never the built entry, whether or not its size changed.
    const source = readFileSync(shipped, 'utf8');
    writeFileSync(copy, `${source}# edited\n`);
    expect(builtData(copy, 'drivers.yaml')).toBeUndefined();
    writeFileSync(copy, source.replace('scale:', 'scalf:'));
    expect(builtData(copy, 'drivers.yaml')).toBeUndefined();
    expect(builtData(shipped, 'no-such-tree.yaml')).toBeUndefined();
  });
});
