// Renders a starter's template folder into PlannedFile[]. Only `*.hbs` files go through
// Handlebars; everything else is copied byte for byte (images, jars, scripts keep their bytes).
// Conventions of the template folders:
//   - dotfiles are stored as `_gitignore`, `_env.example`, ... because npm drops some dotfiles
//     from published tarballs (.gitignore, .npmrc); the leading `_` becomes `.` on output;
//   - a path segment `__service__` repeats the file once per service, with `service` and the
//     per-service context in scope;
//   - an `.hbs` file that renders to nothing but whitespace is left out, so a variant can drop a
//     file with one `{{#if}}` instead of keeping whole-file copies per variant.
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import Handlebars from 'handlebars';
import type { PlannedFile } from './types.js';

export type TemplateContext = Record<string, unknown>;

function words(input: string): string[] {
  return input
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .split(/[^A-Za-z0-9]+/)
    .filter((w) => w !== '')
    .map((w) => w.toLowerCase());
}

export const kebabCase = (s: string): string => words(s).join('-');
export const pascalCase = (s: string): string =>
  words(s)
    .map((w) => w.charAt(0).toUpperCase() + w.slice(1))
    .join('');
export const camelCase = (s: string): string => {
  const p = pascalCase(s);
  return p.charAt(0).toLowerCase() + p.slice(1);
};
export const constantCase = (s: string): string => words(s).join('_').toUpperCase();

// One isolated instance, helpers registered once: templates never touch the global Handlebars.
const hbs = Handlebars.create();
hbs.registerHelper('kebabCase', (s: string) => kebabCase(String(s)));
hbs.registerHelper('pascalCase', (s: string) => pascalCase(String(s)));
hbs.registerHelper('camelCase', (s: string) => camelCase(String(s)));
hbs.registerHelper('snakeCase', (s: string) => words(String(s)).join('_'));
hbs.registerHelper('constantCase', (s: string) => constantCase(String(s)));
hbs.registerHelper('eq', (a: unknown, b: unknown) => a === b);
hbs.registerHelper('ne', (a: unknown, b: unknown) => a !== b);
hbs.registerHelper('and', (...args: unknown[]) => args.slice(0, -1).every(Boolean));
hbs.registerHelper('or', (...args: unknown[]) => args.slice(0, -1).some(Boolean));
hbs.registerHelper('not', (a: unknown) => !a);
hbs.registerHelper('includes', (list: unknown, item: unknown) => Array.isArray(list) && list.includes(item));
hbs.registerHelper('json', (value: unknown) => JSON.stringify(value));
hbs.registerHelper('join', (list: unknown, sep: unknown) =>
  Array.isArray(list) ? list.join(typeof sep === 'string' ? sep : ', ') : '',
);

const COMPILE_OPTIONS = { strict: true, noEscape: true } as const;
const compiled = new Map<string, Handlebars.TemplateDelegate>();

/** Precompiled specs by source hash (see precompiledFile): parsing templates is most of the cost. */
let precompiled = new Map<string, string>();

export const sourceHash = (source: string): string => createHash('sha1').update(source).digest('hex');

/** `templates/scaffold/<id>.precompiled.json`, beside (not inside) the starter's folder. */
export const precompiledFile = (dir: string): string => `${dir.replace(/[\\/]+$/, '')}.precompiled.json`;

/** The precompiled form of each `.hbs` source, as stored in precompiledFile. */
export function precompileSources(sources: string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const source of [...sources].sort()) out[sourceHash(source)] = hbs.precompile(source, COMPILE_OPTIONS) as string;
  return Object.fromEntries(Object.entries(out).sort(([a], [b]) => a.localeCompare(b)));
}

function loadPrecompiled(dir: string): void {
  try {
    const specs = JSON.parse(readFileSync(precompiledFile(dir), 'utf8')) as Record<string, string>;
    precompiled = new Map(Object.entries(specs));
  } catch {
    precompiled = new Map(); // none shipped for this starter: compile on the fly
  }
}

function compile(source: string): Handlebars.TemplateDelegate {
  const spec = precompiled.get(sourceHash(source));
  if (spec !== undefined) {
    try {
      // Trusted input: generated from our own templates by precompileSources.
      return hbs.template(new Function(`return ${spec}`)() as Parameters<typeof hbs.template>[0]);
    } catch {
      // Written by another Handlebars version: fall back to compiling the source.
    }
  }
  return hbs.compile(source, COMPILE_OPTIONS);
}

export function renderTemplate(source: string, context: TemplateContext, name = 'template'): string {
  let fn = compiled.get(source);
  if (!fn) {
    fn = compile(source);
    compiled.set(source, fn);
  }
  try {
    return fn(context);
  } catch (error) {
    throw new Error(`template ${name}: ${(error as Error).message}`, { cause: error });
  }
}

interface TemplateFile {
  rel: string;
  abs: string;
  mode: number;
}

function listFiles(root: string, rel = ''): TemplateFile[] {
  const out: TemplateFile[] = [];
  const entries = readdirSync(join(root, rel), { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name));
  for (const entry of entries) {
    const childRel = rel === '' ? entry.name : `${rel}/${entry.name}`;
    if (entry.isDirectory()) out.push(...listFiles(root, childRel));
    else if (entry.isFile()) {
      const abs = join(root, childRel);
      out.push({ rel: childRel, abs, mode: statSync(abs).mode });
    }
  }
  return out;
}

/** `__key__` in a path segment becomes the string value of `key` in the context (e.g. `__service__`). */
function expandPlaceholders(segment: string, context: TemplateContext): string {
  return segment.replace(/__([A-Za-z][A-Za-z0-9]*)__/g, (whole, key: string) => {
    const value = context[key];
    return typeof value === 'string' ? value : whole;
  });
}

/** `_gitignore` -> `.gitignore`; `__service__` placeholders are not dotfiles. */
export function outputName(segment: string): string {
  return /^_[^_]/.test(segment) ? `.${segment.slice(1)}` : segment;
}

export interface RenderDirOptions {
  /** The services a `__service__` path segment expands to, each with its own extra context. */
  services?: { name: string; context: TemplateContext }[];
}

/** The `.hbs` sources of a starter folder (what precompiledFile covers). */
export function templateSources(dir: string): string[] {
  return listFiles(dir)
    .filter((f) => f.rel.endsWith('.hbs'))
    .map((f) => readFileSync(f.abs, 'utf8'));
}

/** Renders every file under `dir` (a starter's template folder) with `context`. */
export function renderTemplateDir(dir: string, context: TemplateContext, options: RenderDirOptions = {}): PlannedFile[] {
  loadPrecompiled(dir);
  const files: PlannedFile[] = [];
  for (const file of listFiles(dir)) {
    const perService = file.rel.split('/').includes('__service__');
    const instances = perService
      ? (options.services ?? []).map((s) => ({ name: s.name, context: { ...context, ...s.context, service: s.name } }))
      : [{ name: undefined, context }];
    const isTemplate = file.rel.endsWith('.hbs');
    const executable = (file.mode & 0o111) !== 0;
    const source = isTemplate ? readFileSync(file.abs, 'utf8') : undefined;
    const bytes = isTemplate ? undefined : new Uint8Array(readFileSync(file.abs));
    for (const instance of instances) {
      const segments = file.rel
        .replace(/\.hbs$/, '')
        .split('/')
        .map((seg) => outputName(expandPlaceholders(seg, instance.context)));
      const path = segments.join('/');
      let content: string | Uint8Array;
      if (source !== undefined) {
        content = renderTemplate(source, instance.context, file.rel);
        if (content.trim() === '') continue;
      } else {
        content = bytes as Uint8Array;
      }
      files.push(executable ? { path, content, mode: 0o755 } : { path, content });
    }
  }
  return files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}
