// Context files and --set flags: what a user writes, and the messages they get when it is wrong.
import { describe, expect, it } from 'vitest';
import { UsageError, formatProblem } from '../src/core/errors.js';
import type { DriverCatalog } from '../src/core/types.js';
import { parseSetFlags } from '../src/core/driver-values.js';
import { parseContext } from '../src/io/context.js';
import { closestMatch } from '../src/core/did-you-mean.js';

const catalog: DriverCatalog = {
  drivers: {
    scale: {
      id: 'scale',
      question: 'How large?',
      help: 'help',
      values: { small: { label: 'Small' }, large: { label: 'Large' } },
      default: 'small',
    },
    'team-size': {
      id: 'team-size',
      question: 'How many people?',
      help: 'help',
      values: { small: { label: 'Small' }, large: { label: 'Large' } },
      default: 'small',
    },
    'independent-scaling': {
      id: 'independent-scaling',
      question: 'Scale parts apart?',
      help: 'help',
      values: { yes: { label: 'Yes' }, no: { label: 'No' } },
      default: 'no',
    },
  },
};

/** The lines a user sees for a UsageError (problems, then the message). */
function failure(fn: () => unknown): string[] {
  try {
    fn();
  } catch (err) {
    return usageLines(err);
  }
  throw new Error('expected a UsageError');
}

async function asyncFailure(fn: () => Promise<unknown>): Promise<string[]> {
  try {
    await fn();
  } catch (err) {
    return usageLines(err);
  }
  throw new Error('expected a UsageError');
}

function usageLines(err: unknown): string[] {
  {
    if (!(err instanceof UsageError)) throw err;
    return [...err.problems.map(formatProblem), err.message];
  }
}

describe('parseContext', () => {
  it('reads drivers, lang and the people involved', async () => {
    const ctx = await parseContext(
      'lang: es\ndeciders: [Ana, Luis]\nconsulted: Marta\ndrivers:\n  scale: large\n  team-size: small\n',
      'ctx.yaml',
      catalog,
    );
    expect(ctx).toEqual({
      file: 'ctx.yaml',
      lang: 'es',
      deciders: ['Ana', 'Luis'],
      consulted: ['Marta'],
      drivers: { scale: 'large', 'team-size': 'small' },
    });
  });

  it('takes YAML booleans as yes/no', async () => {
    expect((await parseContext('drivers:\n  independent-scaling: true\n', 'c.yaml', catalog)).drivers).toEqual({
      'independent-scaling': 'yes',
    });
  });

  it.each([
    ['bad YAML', 'drivers:\n  scale: [large\n', /^c\.yaml:\d+:\d+  YAML syntax/],
    ['an unknown key', 'drivers: {}\ndriver:\n  scale: large\n', /^c\.yaml:2:1  driver  unknown field "driver" \(did you mean "drivers"\?\)/],
    ['an unknown driver', 'drivers:\n  scael: large\n', /^c\.yaml:2:3  drivers\.scael  unknown driver "scael" \(did you mean "scale"\?\)/],
    ['an unknown value', 'drivers:\n  scale: lage\n', /^c\.yaml:2:10  drivers\.scale  unknown value "lage" for driver "scale" \(did you mean "large"\?\); values: small, large/],
    ['a list where a value belongs', 'drivers:\n  scale: [small, large]\n', /^c\.yaml:2:10  drivers\.scale  expected a single value, got a list; one of: small, large/],
    ['drivers that are not a mapping', 'drivers: large\n', /^c\.yaml:1:10  drivers  expected a map, got string "large"/],
    ['a wrong language', 'lang: fr\ndrivers: {scale: small}\n', /^c\.yaml:1:7  lang  must be "en" or "es"/],
    ['deciders of the wrong type', 'deciders: {a: 1}\ndrivers: {scale: small}\n', /^c\.yaml:1:11  deciders  expected a name or a list of names/],
    ['an empty file', '', /^c\.yaml:1:1  the context file is empty/],
    ['a list at the top', '- scale\n', /^c\.yaml:1:1  expected a map, got a list/],
  ])('reports %s with file:line:col and the field', async (_name, source, expected) => {
    const lines = await asyncFailure(async () => parseContext(source, 'c.yaml', catalog));
    expect(lines[0]).toMatch(expected);
  });

  it('reports every problem at once, in file order', async () => {
    const lines = await asyncFailure(async () => parseContext('drivers:\n  scael: large\n  team-size: hueg\nlnag: en\n', 'c.yaml', catalog));
    expect(lines).toHaveLength(4);
    expect(lines[0]).toMatch(/^c\.yaml:2:3 /);
    expect(lines[1]).toMatch(/^c\.yaml:3:14 .*unknown value "hueg"/);
    expect(lines[2]).toMatch(/^c\.yaml:4:1 .*unknown field "lnag" \(did you mean "lang"\?\)/);
    expect(lines[3]).toBe('c.yaml: 3 problems in the context file');
  });

  it('resolves aliases within the alias limit, and still reports unknown keys', async () => {
    const lines = await asyncFailure(async () => parseContext('x: &a large\ndrivers:\n  scale: *a\n', 'c.yaml', catalog));
    expect(lines.join('\n')).toMatch(/c\.yaml:1:1  x  unknown field "x"/);
    expect(lines).toHaveLength(2);
  });
});

const COMMON = [
  'drivers:\n  scale: large\n  team-size: small\n',
  '# our project\nlang: es\ndrivers:\n    scale: "large"   # measured\n    team-size: \'small\'\n',
  'deciders: [Ana, Luis Pérez]\nconsulted: Marta\ninformed:\n  - Ops team\n  - QA\ndrivers:\n  scale: small\n',
  'drivers:\n  independent-scaling: yes\n  scale: large\n',
];

describe('common context files', () => {
  it.each(COMMON)('reads %j', (source) => {
    expect(Object.keys(parseContext(source, 'c.yaml', catalog).drivers).length).toBeGreaterThan(0);
  });

  it.each([
    ['a repeated driver', 'drivers:\n  scale: large\n  scale: small\n', /^c\.yaml:3:3  duplicate key "scale"/],
    ['a driver with no value', 'drivers:\n  scale: null\n', /^c\.yaml:2:10  drivers\.scale  expected a single value, got nothing; one of: small, large/],
    ['a file with only lang', 'lang: en\n', /^c\.yaml:1:1  no `drivers:` section/],
  ])('reports %s', async (_name, source, expected) => {
    const lines = await asyncFailure(async () => parseContext(source, 'c.yaml', catalog));
    expect(lines[0]).toMatch(expected);
  });
});

describe('parseSetFlags', () => {
  it('parses driver=value pairs; a later flag wins', () => {
    expect(parseSetFlags(['scale=large', 'team-size=small', 'scale=small'], catalog)).toEqual({
      scale: 'small',
      'team-size': 'small',
    });
  });

  it('names the flag in every message, with did-you-mean', () => {
    expect(failure(() => parseSetFlags(['scael=large'], catalog))).toEqual([
      '--set scael=large: unknown driver "scael" (did you mean "scale"?)',
    ]);
    expect(failure(() => parseSetFlags(['scale=hueg'], catalog))).toEqual([
      '--set scale=hueg: unknown value "hueg" for driver "scale"; values: small, large',
    ]);
    expect(failure(() => parseSetFlags(['scale'], catalog))).toEqual([
      '--set scale: expected driver=value (e.g. --set scale=large)',
    ]);
  });

  it('reports all bad flags together', () => {
    const lines = failure(() => parseSetFlags(['scale=lrge', 'team=small', 'team-size=small'], catalog));
    expect(lines).toEqual([
      '--set scale=lrge: unknown value "lrge" for driver "scale" (did you mean "large"?); values: small, large',
      '--set team=small: unknown driver "team" (did you mean "team-size"?)',
      '2 --set flags are not valid',
    ]);
  });
});

describe('did you mean', () => {
  it.each([
    ['scael', ['scale', 'team-size'], 'scale'],
    ['team', ['scale', 'team-size'], 'team-size'],
    ['kubernetes-ingres', ['kubernetes-ingress', 'kubernetes-hosting'], 'kubernetes-ingress'],
    ['zzz', ['scale', 'team-size'], undefined],
    ['', ['scale'], undefined],
  ])('%s -> %s', (word, candidates, expected) => {
    expect(closestMatch(word, candidates)).toBe(expected);
  });

});
