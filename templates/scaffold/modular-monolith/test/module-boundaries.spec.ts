import { join } from 'node:path';
import { checkBoundaries } from '../tools/check-boundaries';

describe('module boundaries', () => {
  it('no module imports the internals of another', () => {
    expect(checkBoundaries(join(__dirname, '..', 'src', 'modules'))).toEqual([]);
  });

  it('the rule fires on a module that reaches into another module', () => {
    const violations = checkBoundaries(join(__dirname, 'fixtures', 'violation', 'modules'));
    expect(violations.map((v) => [v.file.replace(/\\/g, '/').replace(/^.*fixtures\//, ''), v.specifier])).toEqual([
      ['violation/modules/alpha/internal/alpha.service.ts', '../../beta/internal/beta.repository'],
      ['violation/modules/alpha/internal/alpha.service.ts', '../../beta/beta.module'],
    ]);
    expect(violations[0]?.message).toMatch(/internal of module "beta"/);
  });
});
