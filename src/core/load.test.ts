import { describe, expect, it } from 'vitest';
import { formatProblem } from './errors.js';
import { parseDrivers, parseTree } from './load.js';
import { parseYaml } from './yaml-doc.js';

const F = 'trees/x.yaml';
const lines = (...l: string[]) => l.join('\n') + '\n';
const formatted = (source: string) => parseTree(source, F).problems.map(formatProblem);

const VALID = lines(
  'id: x',
  'kind: tree',
  'title: {en: X, es: X}',
  'problem: Why',
  'reviewed: 2026-11-24',
  'sources: [{title: S, url: "https://example.org"}]',
  'start: q',
  'questions:',
  '  q:',
  '    driver: scale',
  '    branches: {small: a, large: b}',
  'outcomes:',
  '  a:',
  '    title: A',
  '    decision: Do A',
  '    consequences: {positive: [p1, p2], negative: [n1, n2]}',
  '  b:',
  '    title: B',
  '    decision: Do B',
  '    consequences: {positive: [p1, p2], negative: [n1, n2]}',
  '    followUps: [y]',
  'examples:',
  '  - drivers: {scale: small}',
  '    expect: a',
);

describe('parseTree', () => {
  it('reads a valid tree, injecting ids from map keys and defaulting lists', () => {
    const { tree, problems } = parseTree(VALID, F);
    expect(problems).toEqual([]);
    expect(tree?.kind).toBe('tree');
    if (tree?.kind !== 'tree') return;
    expect(tree.reviewed).toBe('2026-11-24'); // YAML 1.2 core schema: a date stays a string
    expect(tree.questions['q']).toMatchObject({ id: 'q', driver: 'scale' });
    expect(tree.outcomes['a']).toMatchObject({ id: 'a', warnings: [], followUps: [], starters: [] });
    expect(tree.outcomes['b']?.followUps).toEqual(['y']);
  });

  it.each([
    ['an unclosed flow map', VALID.replace('{small: a, large: b}', '{small: a, large: b'), [
      'trees/x.yaml:12:1  YAML syntax: Flow map in block collection must be sufficiently indented and end with a }',
    ]],
    ['a duplicate key', VALID.replace('  b:\n', '  a:\n'), ['trees/x.yaml:17:3  duplicate key "a"']],
    ['a tab indentation', VALID.replace('    driver: scale', '\tdriver: scale'), [
      'trees/x.yaml:10:1  YAML syntax: Tabs are not allowed as indentation',
    ]],
    ['an empty file', '', ['trees/x.yaml:1:1  the file is empty']],
  ])('reports %s with its line and column', (_name, source, expected) => {
    const problems = formatted(source);
    expect(problems.slice(0, expected.length)).toEqual(expected);
    expect(parseTree(source, F).tree).toBeUndefined();
  });

  it.each([
    ['a missing field', VALID.replace('problem: Why\n', ''), ['trees/x.yaml:1:1  problem  missing required field "problem"']],
    ['a misspelt field, with a suggestion', VALID.replace('    branches:', '    brances:'), [
      'trees/x.yaml:9:3  questions.q.branches  missing required field "branches"',
      'trees/x.yaml:11:5  questions.q.brances  unknown field "brances" (did you mean "branches"?)',
    ]],
    ['a misspelt short label, not taken for shortTitle', VALID.replace('    branches:', '    shortt: {en: "Scale?", es: "¿Escala?"}\n    branches:'), [
      'trees/x.yaml:11:5  questions.q.shortt  unknown field "shortt" (did you mean "short"?)',
    ]],
    ['a text missing a language', VALID.replace('title: {en: X, es: X}', 'title: {en: X}'), [
      'trees/x.yaml:3:8  title.es  missing required field "es"',
    ]],
    ['a bad date', VALID.replace('reviewed: 2026-11-24', 'reviewed: 2026-13-01'), [
      'trees/x.yaml:5:11  reviewed  must be a date written YYYY-MM-DD',
    ]],
    ['an id that is not kebab-case', VALID.replace('  b:\n', '  Big_B:\n'), [
      'trees/x.yaml:17:3  outcomes.Big_B  invalid id "Big_B": must be kebab-case: lower-case letters, digits and single dashes',
    ]],
    ['a wrong type', VALID.replace('consequences: {positive: [p1, p2], negative: [n1, n2]}\n  b:', 'consequences: {positive: p1, negative: [n1, n2]}\n  b:'), [
      'trees/x.yaml:16:30  outcomes.a.consequences.positive  expected array, got string "p1"',
    ]],
    ['an unknown kind', VALID.replace('kind: tree', 'kind: graph'), [
      `trees/x.yaml:2:7  kind  invalid value. Expected 'tree' | 'matrix'`,
    ]],
    ['a bad URL', VALID.replace('"https://example.org"', 'example.org'), [
      'trees/x.yaml:6:27  sources[0].url  must be a URL (https://...)',
    ]],
  ])('reports %s at the offending node', (_name, source, expected) => {
    expect(formatted(source)).toEqual(expected);
  });

  it('reports every problem at once, in line order', () => {
    const source = VALID.replace('problem: Why', 'problem: 3').replace('    driver: scale', '    driver: [scale]').replace('title: B', 'titel: B');
    expect(formatted(source)).toEqual([
      'trees/x.yaml:4:10  problem  expected a string or {en, es}, got number 3',
      'trees/x.yaml:10:13  questions.q.driver  expected string, got a list',
      'trees/x.yaml:17:3  outcomes.b.title  missing required field "title"',
      'trees/x.yaml:18:5  outcomes.b.titel  unknown field "titel" (did you mean "title"?)',
    ]);
  });

  it('stops an alias bomb fast with one clear problem', () => {
    let source = 'a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n';
    for (let i = 1; i <= 30; i++) source += `a${i}: &a${i} [${Array(10).fill(`*a${i - 1}`).join(', ')}]\n`;
    const t0 = performance.now();
    const { tree, problems } = parseTree(source, F);
    expect(performance.now() - t0).toBeLessThan(1000);
    expect(tree).toBeUndefined();
    expect(problems.map(formatProblem)).toEqual([
      'trees/x.yaml:2:10  too many YAML alias expansions (the limit is 100); write the values out instead of nesting aliases',
    ]);
  });

  it('accepts a few aliases', () => {
    const source = VALID.replace('    consequences: {positive: [p1, p2], negative: [n1, n2]}\n  b:', '    consequences: &c {positive: [p1, p2], negative: [n1, n2]}\n  b:')
      .replace('    consequences: {positive: [p1, p2], negative: [n1, n2]}\n    followUps', '    consequences: *c\n    followUps');
    const { tree, problems } = parseTree(source, F);
    expect(problems).toEqual([]);
    expect(tree?.outcomes['b']?.consequences.positive).toEqual(['p1', 'p2']);
  });

  it('locates paths through the document, pointing at keys of block collections', () => {
    const { locate } = parseTree(VALID, F);
    expect(locate(['outcomes', 'b'])).toEqual({ line: 17, col: 3 });
    expect(locate(['questions', 'q', 'branches', 'large'])).toEqual({ line: 11, col: 33 });
    expect(locate(['examples', 0, 'expect'])).toEqual({ line: 24, col: 13 });
    expect(locate(['outcomes', 'nope', 'title'])).toEqual({ line: 12, col: 1 });
  });
});

describe('parseDrivers', () => {
  const DRIVERS = lines(
    'drivers:',
    '  scale:',
    '    question: {en: How large?, es: ¿Qué tamaño?}',
    '    help: Small or large.',
    '    values:',
    '      small: {label: Small}',
    '      large: {label: Large}',
    '    default: small',
  );

  it('reads drivers with their ids', () => {
    const { catalog, problems } = parseDrivers(DRIVERS, 'drivers.yaml');
    expect(problems).toEqual([]);
    expect(catalog?.drivers['scale']).toMatchObject({ id: 'scale', default: 'small' });
    expect(Object.keys(catalog?.drivers['scale']?.values ?? {})).toEqual(['small', 'large']);
  });

  it.each([
    ['a default that is not a value', DRIVERS.replace('default: small', 'default: smal'), [
      'drivers.yaml:8:14  drivers.scale.default  default "smal" is not a value of "scale" (did you mean "small"?)',
    ]],
    ['a driver with one value', DRIVERS.replace('      large: {label: Large}\n', ''), [
      'drivers.yaml:5:5  drivers.scale.values  driver "scale" needs at least two values',
    ]],
    ['a value without a label', DRIVERS.replace('{label: Large}', '{lable: Large}'), [
      'drivers.yaml:7:14  drivers.scale.values.large.label  missing required field "label"',
      'drivers.yaml:7:15  drivers.scale.values.large.lable  unknown field "lable" (did you mean "label"?)',
    ]],
    ['a conflict on one driver, an unknown driver and an unknown value', DRIVERS + lines(
      'conflicts:',
      '  - id: one',
      '    when: {scale: small}',
      '    reason: Only one driver.',
      '  - id: two',
      '    when: {scale: [small, hueg], scael: large}',
      '    reason: Typos.',
      '  - id: one',
      '    when: {scale: small, scale2: x}',
      '    reason: Reused id.',
    ), [
      'drivers.yaml:11:11  conflicts[0].when  conflict "one" needs at least two drivers: answers contradict each other, not themselves',
      'drivers.yaml:14:27  conflicts[1].when.scale[1]  "hueg" is not a value of driver "scale" (small, large)',
      'drivers.yaml:14:34  conflicts[1].when.scael  unknown driver "scael" (did you mean "scale"?)',
      'drivers.yaml:16:9  conflicts[2].id  conflict id "one" is used twice',
      'drivers.yaml:17:26  conflicts[2].when.scale2  unknown driver "scale2" (did you mean "scale"?)',
    ]],
  ])('reports %s', (_name, source, expected) => {
    const { catalog, problems } = parseDrivers(source, 'drivers.yaml');
    expect(catalog).toBeUndefined();
    expect(problems.map(formatProblem)).toEqual(expected);
  });

  it('reads conflicts between answers', () => {
    const source = DRIVERS + lines('  team:', '    question: Q', '    help: H', '    values: {one: {label: One}, many: {label: Many}}', '    default: one', 'conflicts:', '  - id: c', '    when: {scale: small, team: many}', '    reason: {en: Cannot both hold., es: No pueden darse a la vez.}');
    const { catalog, problems } = parseDrivers(source, 'drivers.yaml');
    expect(problems).toEqual([]);
    expect(catalog?.conflicts).toEqual([{ id: 'c', when: { scale: 'small', team: 'many' }, reason: { en: 'Cannot both hold.', es: 'No pueden darse a la vez.' } }]);
  });
});

describe('parseYaml', () => {
  it.each([
    ['plain', 'a: yes\nb: 2026-11-24\nc: no\n'],
    ['under a YAML 1.1 directive', '%YAML 1.1\n---\na: yes\nb: 2026-11-24\nc: no\n'],
    ['with an explicit timestamp tag', 'a: yes\nb: !!timestamp 2026-11-24\nc: no\n'],
  ])('keeps yes/no and dates as strings (%s)', (_name, source) => {
    expect(parseYaml(source, 'f').data).toEqual({ a: 'yes', b: '2026-11-24', c: 'no' });
  });
});
