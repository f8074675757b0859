// What the build and the template loader must agree on: which module holds a shipped template's
// compiled form, how every template is compiled, and the hash that tells a compiled form from a
// stale one (source-hash.ts). Used by src/build/precompile-templates.ts (writing) and templates.ts (reading).
import type Handlebars from 'handlebars';

/** The shape of each dist/templates/<group>.js module: Handlebars' precompiled form, as code. */
export interface CompiledGroup {
  templates: Record<string, { hash: string; spec: Parameters<typeof Handlebars.template>[0] }>;
}

/**
 * The module a template is compiled into, from its path under templates/: one per folder a
 * command needs at once (`adr`, `export`) and one per starter (`scaffold/saga`), so `new` loads
 * the ADR templates and nothing else.
 */
export function templateGroup(rel: string): string {
  const parts = rel.split('/');
  return parts.slice(0, parts[0] === 'scaffold' && parts.length > 2 ? 2 : 1).join('/');
}

/**
 * `strict` so that a field missing from the context fails loudly. Markdown, YAML and source code
 * are written as they are (escaping is explicit, per place: `yaml`, `cell`); an HTML page keeps
 * Handlebars' escaping because its text is user text.
 */
export function compileOptions(rel: string): { strict: true; noEscape?: true } {
  return rel.endsWith('.html.hbs') ? { strict: true } : { strict: true, noEscape: true };
}
