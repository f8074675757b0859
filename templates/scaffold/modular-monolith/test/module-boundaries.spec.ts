import { join } from 'node:path';
import { checkBoundaries } from '../tools/check-boundaries';

describe('module boundaries', () => {
  it('no module imports the internals of another or names its tables', () => {
    expect(checkBoundaries(join(__dirname, '..', 'src', 'modules'))).toEqual([]);
  });

  it('the rules fire on a module that reaches into another module', () => {
    const violations = checkBoundaries(join(__dirname, 'fixtures', 'violation', 'modules'));
    expect(violations.map((v) => [v.file.replace(/\\/g, '/').replace(/^.*fixtures\//, ''), v.line, v.specifier])).toEqual([
      ['violation/modules/alpha/internal/alpha.repository.ts', 13, 'select * from beta.items where id = '],
      ['violation/modules/alpha/internal/alpha.repository.ts', 14, 'delete from "beta"."items"'],
      ['violation/modules/alpha/internal/alpha.repository.ts', 15, 'beta.items'],
      ['violation/modules/alpha/internal/alpha.repository.ts', 16, 'beta'],
      ['violation/modules/alpha/internal/alpha.service.ts', 2, '../../beta/internal/beta.repository'],
      ['violation/modules/alpha/internal/alpha.service.ts', 3, '../../beta/beta.module'],
    ]);
    expect(violations[0]?.message).toBe(
      'module "alpha" names a table of schema "beta", owned by module "beta"; ask "beta" through its public API instead',
    );
    expect(violations[4]?.message).toMatch(/internal of module "beta"; import "..\/..\/beta" \(its public API\) instead/);
  });
});
