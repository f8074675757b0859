import { describe, expect, it } from 'vitest';
import * as z from '../core/zod.js';
import { parseUserYaml } from './user-yaml.js';

const Schema = z.strictObject({ lang: z.optional(z.enum(['en', 'es'])) });

describe('parseUserYaml', () => {
  it.each(['', '\n\n', '# only a comment\n  # another\n'])('takes a file with nothing in it as the empty value: %j', (source) => {
    expect(parseUserYaml(source, 'c.yaml', Schema, { as: {} }).data).toEqual({});
    expect(parseUserYaml(source, 'c.yaml', Schema, { problem: 'nothing here' }).problems).toEqual([
      { file: 'c.yaml', line: 1, col: 1, message: 'nothing here', severity: 'error' },
    ]);
  });

  it('suggests the schema\'s own fields for a misspelt key', () => {
    expect(parseUserYaml('lnag: en\n', 'c.yaml', Schema, { as: {} }).problems[0]?.message).toBe('unknown field "lnag" (did you mean "lang"?)');
  });

  // A pattern that backtracks over blanks would not return from this within the test's time limit.
  it('reads a file whose text follows a long run of blanks', () => {
    expect(parseUserYaml(`${' '.repeat(200)}lang: en\n`, 'c.yaml', Schema, { as: {} }).data).toEqual({ lang: 'en' });
  });
});
