// The shipped trees are checked when the package is built. In a source checkout someone may edit
// a tree and run the CLI without rebuilding: the edited tree then gets every check at run time, so
// a broken tree never produces an ADR, and a good edit is used at once.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, tempDir } from './support/cli.js';

function copyOfPackage(): string {
  const pkg = tempDir('adr-wizard-pkg-');
  for (const entry of ['bin', 'dist', 'decisions', 'templates', 'package.json']) cpSync(join(ROOT, entry), join(pkg, entry), { recursive: true });
  symlinkSync(join(ROOT, 'node_modules'), join(pkg, 'node_modules'), 'dir');
  return pkg;
}

function run(pkg: string, cwd: string, args: string[]) {
  const r = spawnSync(process.execPath, [join(pkg, 'bin/adr-wizard.js'), ...args], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('a shipped tree edited after the build', () => {
  const args = ['decide', 'architecture-style', '--set', 'scale=small', '--set', 'complexity=low', '--set', 'team-size=small', '--use-defaults'];

  it('with a problem: exits 2 naming the file and line, and writes no ADR', () => {
    const pkg = copyOfPackage();
    const tree = join(pkg, 'decisions/architecture-style.yaml');
    // A branch to a node that does not exist: valid YAML, valid shape, a broken tree.
    const source = readFileSync(tree, 'utf8');
    const broken = source.replace(/^(\s+"no":\s*)monolith\s*$/m, '$1no-such-node');
    expect(broken).not.toBe(source);
    writeFileSync(tree, broken);
    const project = tempDir();
    mkdirSync(join(project, '.git'));
    const r = run(pkg, project, args);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/architecture-style\.yaml:\d+:\d+ .*unknown node "no-such-node"/);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(run(pkg, project, ['list', '--json']).stdout.trim()).toBe('[]');
  });

  it('without a problem: the edit is what decides', () => {
    const pkg = copyOfPackage();
    const tree = join(pkg, 'decisions/architecture-style.yaml');
    writeFileSync(tree, readFileSync(tree, 'utf8').replace('en: Simple layered monolith', 'en: Edited layered monolith'));
    const r = run(pkg, tempDir(), [...args, '--json', '--no-write']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(JSON.stringify(JSON.parse(r.stdout))).toContain('Edited layered monolith');
  });
});
