// Renders a starter's template folder into PlannedFile[]. Only `*.hbs` files go through
// Handlebars; everything else is copied byte for byte (images, jars, scripts keep their bytes).
// Conventions of the template folders:
//   - dotfiles are stored as `_gitignore`, `_env.example`, ... because npm drops some dotfiles
//     from published tarballs (.gitignore, .npmrc); the leading `_` becomes `.` on output;
//   - a path segment `__service__` repeats the file once per service, with `service` and the
//     per-service context in scope;
//   - an `.hbs` file that renders to nothing but whitespace is left out, so a variant can drop a
//     file with one `{{#if}}` instead of keeping whole-file copies per variant.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { registerTemplateHelpers, templateFor, type Template } from '../io/templates.js';
import { MANIFEST_FILE, type PlannedFile } from './types.js';

export type TemplateContext = Record<string, unknown>;

function words(input: string): string[] {
  return input
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .split(/[^A-Za-z0-9]+/)
    .filter((w) => w !== '')
    .map((w) => w.toLowerCase());
}

export const kebabCase = (s: string): string => words(s).join('-');
const pascalCase = (s: string): string =>
  words(s)
    .map((w) => w.charAt(0).toUpperCase() + w.slice(1))
    .join('');
const camelCase = (s: string): string => {
  const p = pascalCase(s);
  return p.charAt(0).toLowerCase() + p.slice(1);
};

// Identifiers in the generated code, spelled from the user's names.
registerTemplateHelpers({
  kebabCase: (s: unknown) => kebabCase(String(s)),
  pascalCase: (s: unknown) => pascalCase(String(s)),
  camelCase: (s: unknown) => camelCase(String(s)),
  snakeCase: (s: unknown) => words(String(s)).join('_'),
  constantCase: (s: unknown) => words(String(s)).join('_').toUpperCase(),
});

function render(template: Template, context: TemplateContext, name: string): string {
  try {
    return template(context);
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
    // A starter's manifest describes the starter; it is not a file of the project.
    if (rel === '' && entry.name === MANIFEST_FILE) continue;
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
function outputName(segment: string): string {
  return /^_[^_]/.test(segment) ? `.${segment.slice(1)}` : segment;
}

export interface RenderDirOptions {
  /** The services a `__service__` path segment expands to, each with its own extra context. */
  services?: { name: string; context: TemplateContext }[];
}

type Content = (context: TemplateContext) => string | Uint8Array | undefined;

/** One output file per instance (per service for a `__service__` path); undefined content: none. */
function planFiles(files: TemplateFile[], context: TemplateContext, options: RenderDirOptions, contentOf: (file: TemplateFile) => Content): PlannedFile[] {
  const out: PlannedFile[] = [];
  for (const file of files) {
    const perService = file.rel.split('/').includes('__service__');
    const instances = perService
      ? (options.services ?? []).map((s) => ({ ...context, ...s.context, service: s.name }))
      : [context];
    const executable = (file.mode & 0o111) !== 0;
    const content = contentOf(file);
    for (const instance of instances) {
      const path = file.rel
        .replace(/\.hbs$/, '')
        .split('/')
        .map((seg) => outputName(expandPlaceholders(seg, instance)))
        .join('/');
      const body = content(instance);
      if (body === undefined) continue;
      out.push(executable ? { path, content: body, mode: 0o755 } : { path, content: body });
    }
  }
  return out.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

function copied(file: TemplateFile): Content {
  const bytes = new Uint8Array(readFileSync(file.abs));
  return () => bytes;
}

/** Renders every file under `dir` (a starter's template folder) with `context`. */
export async function renderTemplateDir(dir: string, context: TemplateContext, options: RenderDirOptions = {}): Promise<PlannedFile[]> {
  const files = listFiles(dir);
  const templates = new Map<string, Template>();
  await Promise.all(
    files
      .filter((f) => f.rel.endsWith('.hbs'))
      .map(async (f) => templates.set(f.rel, await templateFor(f.abs, readFileSync(f.abs, 'utf8')))),
  );
  return planFiles(files, context, options, (file) => {
    const template = templates.get(file.rel);
    if (!template) return copied(file);
    return (instance) => {
      const text = render(template, instance, file.rel);
      return text.trim() === '' ? undefined : text;
    };
  });
}

/**
 * The files of a folder that holds no template (chart templates, app code), with the same naming
 * conventions: for callers that build their files synchronously.
 */
export function copyDir(dir: string): PlannedFile[] {
  const files = listFiles(dir);
  const template = files.find((f) => f.rel.endsWith('.hbs'));
  if (template) throw new Error(`${join(dir, template.rel)}: a folder with templates is rendered with renderTemplateDir`);
  return planFiles(files, {}, {}, copied);
}
