import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import * as ts from 'typescript';

/**
 * The module boundary rule: code in `modules/<a>/` may import another module only through its
 * public API, `modules/<b>/index.ts` (written `../<b>` or `../<b>/index`). Anything deeper —
 * `../<b>/internal/...`, `../<b>/<b>.module` — is a violation.
 *
 * Imports are read with the TypeScript compiler's own pre-processor, so `import`, `export ... from`,
 * `import type`, `require()` and `import()` are all seen, and strings in comments are not.
 */
export interface Violation {
  file: string;
  line: number;
  specifier: string;
  message: string;
}

function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...sourceFiles(path));
    else if (/\.(ts|tsx|js|mjs|cjs)$/.test(name) && !name.endsWith('.d.ts')) out.push(path);
  }
  return out;
}

/** `modulesDir/<name>/...` -> name, or undefined outside the modules folder. */
function moduleOf(modulesDir: string, path: string): string | undefined {
  const rel = relative(modulesDir, path);
  if (rel.startsWith('..') || rel === '') return undefined;
  return rel.split(sep)[0];
}

export function checkBoundaries(modulesDir: string): Violation[] {
  const root = resolve(modulesDir);
  const violations: Violation[] = [];
  for (const file of sourceFiles(root)) {
    const source = readFileSync(file, 'utf8');
    const own = moduleOf(root, file);
    const { importedFiles } = ts.preProcessFile(source, true, true);
    for (const ref of importedFiles) {
      if (!ref.fileName.startsWith('.')) continue; // packages and aliases are not modules
      const target = resolve(dirname(file), ref.fileName);
      const other = moduleOf(root, target);
      if (!other || other === own) continue;
      const inside = relative(join(root, other), target);
      if (inside === '' || inside === 'index' || inside === 'index.ts' || inside === 'index.js') continue;
      const line = ts.getLineAndCharacterOfPosition(ts.createSourceFile(file, source, ts.ScriptTarget.Latest), ref.pos).line + 1;
      violations.push({
        file: relative(process.cwd(), file),
        line,
        specifier: ref.fileName,
        message: `module "${own}" imports "${ref.fileName}", an internal of module "${other}"; import "${relative(dirname(file), join(root, other)).split(sep).join('/')}" (its public API) instead`,
      });
    }
  }
  return violations;
}

// `npm run check:boundaries`: prints every violation and exits 1 if there is any.
if (require.main === module) {
  const dir = process.argv[2] ?? 'src/modules';
  const found = checkBoundaries(dir);
  for (const v of found) console.error(`${v.file}:${v.line}  ${v.message}`);
  if (found.length > 0) process.exit(1);
  console.log(`module boundaries: ok (${dir})`);
}
