import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

// The package root holds decisions/ and templates/. Found by walking up from this module, so it
// works from the bundle (dist/*.js), from the sources under vitest, and from an installed tarball.
function findPackageRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const pkg = join(dir, 'package.json');
    if (existsSync(pkg)) {
      try {
        if ((JSON.parse(readFileSync(pkg, 'utf8')) as { name?: string }).name === 'adr-wizard') return dir;
      } catch {
        // not ours; keep walking
      }
    }
    const parent = dirname(dir);
    if (parent === dir) throw new Error('adr-wizard: cannot find its package root');
    dir = parent;
  }
}

export const PKG_ROOT = findPackageRoot();
export const DECISIONS_DIR = join(PKG_ROOT, 'decisions');
export const TEMPLATES_DIR = join(PKG_ROOT, 'templates');
