// The one way to get a template function, for shipped and user templates alike. The build
// precompiles templates/**/*.hbs into dist/templates/<group>.js as code, so a run needs only the
// Handlebars runtime. A template whose source no longer has the hash the build saw (edited in a
// checkout without rebuilding), a template outside templates/ (a user's) or a missing build is
// compiled from its source with the full compiler, loaded only then: the output is always that of
// the current source.
import { readFile } from 'node:fs/promises';
import { isAbsolute, join, relative, resolve, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import type Handlebars from 'handlebars';
import handlebarsRuntime from 'handlebars/runtime.js';
import type { HelperDeclareSpec } from 'handlebars';
import { PKG_ROOT, TEMPLATES_DIR } from './paths.js';
import { sourceHash } from './source-hash.js';
import { compileOptions, templateGroup, type CompiledGroup } from './template-layout.js';

export type Template = (context: object) => string;

const COMPILED_DIR = join(PKG_ROOT, 'dist', 'templates');

// Helpers of the template language itself, for every template. Each room adds the helpers of its
// own text with registerTemplateHelpers: ADR escaping (adr/render.ts), identifiers (scaffold).
// Block helpers get Handlebars' options object as their last argument: `and`/`or` drop it.
const helpers: HelperDeclareSpec = {
  eq: (a: unknown, b: unknown) => a === b,
  ne: (a: unknown, b: unknown) => a !== b,
  and: (...args: unknown[]) => args.slice(0, -1).every(Boolean),
  or: (...args: unknown[]) => args.slice(0, -1).some(Boolean),
  not: (a: unknown) => !a,
  includes: (list: unknown, item: unknown) => Array.isArray(list) && list.includes(item),
  json: (value: unknown) => JSON.stringify(value),
  join: (list: unknown, sep: unknown) => (Array.isArray(list) ? list.join(typeof sep === 'string' ? sep : ', ') : ''),
};

// The runtime alone, without the parser and its source-map dependency. It is CommonJS without an
// `exports` map, so it is imported by its file name; its types are the whole library's. A static
// import, so that the build bundles it (a run reads one file instead of a dozen of the package's).
// Isolated instances: templates never touch the global Handlebars.
const runtime = (handlebarsRuntime as unknown as typeof Handlebars).create();
runtime.registerHelper(helpers);

let compiler: Promise<typeof Handlebars> | undefined;
let compilerReady: typeof Handlebars | undefined;

function fullCompiler(): Promise<typeof Handlebars> {
  compiler ??= import('handlebars').then(({ default: handlebars }) => {
    compilerReady = handlebars.create();
    compilerReady.registerHelper(helpers);
    return compilerReady;
  });
  return compiler;
}

/** Adds helpers for every template, precompiled or compiled from source. */
export function registerTemplateHelpers(spec: HelperDeclareSpec): void {
  Object.assign(helpers, spec);
  runtime.registerHelper(spec);
  compilerReady?.registerHelper(spec);
}

const groups = new Map<string, Promise<CompiledGroup | undefined>>();

/** The build's module for a group of templates; undefined when there is no build. */
function compiledGroup(group: string): Promise<CompiledGroup | undefined> {
  const file = join(COMPILED_DIR, `${group}.js`);
  let loaded = groups.get(file);
  if (!loaded) {
    loaded = import(/* @vite-ignore */ pathToFileURL(file).href).then(
      (mod) => mod as CompiledGroup,
      () => undefined,
    );
    groups.set(file, loaded);
  }
  return loaded;
}

async function precompiled(rel: string, hash: string): Promise<Template | undefined> {
  const group = await compiledGroup(templateGroup(rel));
  const entry = group?.templates && Object.hasOwn(group.templates, rel) ? group.templates[rel] : undefined;
  if (entry?.hash !== hash) return undefined;
  try {
    return runtime.template(entry.spec);
  } catch {
    return undefined; // compiled by another Handlebars version: the source is compiled instead
  }
}

const cache = new Map<string, Template>();

/** The template in `file` (absolute, or relative to the working directory). */
export async function loadTemplate(file: string): Promise<Template> {
  return templateFor(file, await readFile(file, 'utf8'));
}

/** The template of `source`, the current text of `file` (for callers that have read it already). */
export async function templateFor(file: string, source: string): Promise<Template> {
  const abs = resolve(file);
  const hash = sourceHash(source);
  const key = `${abs}\0${hash}`;
  const known = cache.get(key);
  if (known) return known;
  const rel = relative(TEMPLATES_DIR, abs);
  const shipped = rel !== '' && !rel.startsWith('..') && !isAbsolute(rel);
  const name = shipped ? rel.split(sep).join('/') : abs;
  const template = (shipped ? await precompiled(name, hash) : undefined) ?? (await fullCompiler()).compile(source, compileOptions(name));
  cache.set(key, template);
  return template;
}
