import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import * as ts from 'typescript';

/**
 * The module boundary rules, for every module folder `modules/<a>/`:
 *
 * 1. Code imports another module only through its public API, `modules/<b>/index.ts` (written
 *    `../<b>` or `../<b>/index`). Anything deeper — `../<b>/internal/...`, `../<b>/<b>.module` —
 *    is a violation. Imports are read with the TypeScript compiler's own pre-processor, so
 *    `import`, `export ... from`, `import type`, `require()` and `import()` are all seen, and
 *    strings in comments are not.
 * 2. Code names no table of another module. Module `<b>` owns the PostgreSQL schema `<b>` (its
 *    folder name in snake_case); a string in `<a>` that names `<b>.<table>` (quoted or not, in SQL
 *    or a Kysely table name) or passes `'<b>'` to `withSchema()` is a violation. The compiler
 *    already refuses a Kysely query on a table outside the module's own `…Tables` type; this
 *    catches raw SQL and casts. Data of another module is read through its public API.
 */
export interface Violation {
  file: string;
  line: number;
  /** The import specifier, or the string literal that names another module's schema. */
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

/** The schema a module owns: `order-items` -> `order_items`. */
export function schemaOf(moduleName: string): string {
  return moduleName.replace(/-/g, '_');
}

function lineOf(source: ts.SourceFile, pos: number): number {
  return source.getLineAndCharacterOfPosition(pos).line + 1;
}

function importViolations(root: string, file: string, own: string | undefined, text: string, source: ts.SourceFile): Violation[] {
  const out: Violation[] = [];
  for (const ref of ts.preProcessFile(text, true, true).importedFiles) {
    if (!ref.fileName.startsWith('.')) continue; // packages and aliases are not modules
    const target = resolve(dirname(file), ref.fileName);
    const other = moduleOf(root, target);
    if (!other || other === own) continue;
    const inside = relative(join(root, other), target);
    if (inside === '' || inside === 'index' || inside === 'index.ts' || inside === 'index.js') continue;
    out.push({
      file: relative(process.cwd(), file),
      line: lineOf(source, ref.pos),
      specifier: ref.fileName,
      message: `module "${own}" imports "${ref.fileName}", an internal of module "${other}"; import "${relative(dirname(file), join(root, other)).split(sep).join('/')}" (its public API) instead`,
    });
  }
  return out;
}

/** Every string and template text in the file, except import/export/require specifiers. */
function stringsOf(source: ts.SourceFile): { node: ts.Node; text: string }[] {
  const out: { node: ts.Node; text: string }[] = [];
  const isSpecifier = (node: ts.Node): boolean => {
    const parent = node.parent;
    if (ts.isImportDeclaration(parent) || ts.isExportDeclaration(parent) || ts.isExternalModuleReference(parent)) return true;
    if (ts.isLiteralTypeNode(parent) && ts.isImportTypeNode(parent.parent)) return true;
    if (ts.isCallExpression(parent) && (parent.expression.kind === ts.SyntaxKind.ImportKeyword || (ts.isIdentifier(parent.expression) && parent.expression.text === 'require'))) return true;
    return false;
  };
  const visit = (node: ts.Node): void => {
    if ((ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) && !isSpecifier(node)) out.push({ node, text: node.text });
    else if (ts.isTemplateHead(node) || ts.isTemplateMiddle(node) || ts.isTemplateTail(node)) out.push({ node, text: node.text });
    ts.forEachChild(node, visit);
  };
  visit(source);
  return out;
}

function isWithSchemaArgument(node: ts.Node): boolean {
  const call = node.parent;
  if (!ts.isCallExpression(call) || !call.arguments.includes(node as ts.Expression)) return false;
  const callee = call.expression;
  return ts.isPropertyAccessExpression(callee) && callee.name.text === 'withSchema';
}

function tableViolations(file: string, own: string, others: string[], source: ts.SourceFile): Violation[] {
  const out: Violation[] = [];
  for (const { node, text } of stringsOf(source)) {
    for (const other of others) {
      const schema = schemaOf(other);
      // `<schema>.<name>` or `"<schema>"."<name>"`, not preceded by an identifier character, a
      // dot or a path separator (so `x.billing.y` and `./billing.module` do not count).
      const qualified = new RegExp(`(^|[^A-Za-z0-9_$."/\\\\])"?${schema}"?\\s*\\.\\s*"?[A-Za-z_]`);
      if (!qualified.test(text) && !(text === schema && isWithSchemaArgument(node))) continue;
      out.push({
        file: relative(process.cwd(), file),
        line: lineOf(source, node.getStart(source)),
        specifier: text,
        message: `module "${own}" names a table of schema "${schema}", owned by module "${other}"; ask "${other}" through its public API instead`,
      });
    }
  }
  return out;
}

export function checkBoundaries(modulesDir: string): Violation[] {
  const root = resolve(modulesDir);
  const modules = readdirSync(root).filter((name) => statSync(join(root, name)).isDirectory());
  const violations: Violation[] = [];
  for (const file of sourceFiles(root)) {
    const text = readFileSync(file, 'utf8');
    const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
    const own = moduleOf(root, file);
    violations.push(...importViolations(root, file, own, text, source));
    if (own) violations.push(...tableViolations(file, own, modules.filter((m) => m !== own), source));
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
