// The ADR templates: one isolated Handlebars instance for the whole program, `strict` so that a
// field missing from the view fails loudly, `noEscape` because the output is Markdown and YAML
// (escaping is explicit, per context: `yaml` in front matter, `cell` in tables).
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import Handlebars from 'handlebars';
import { UsageError } from '../core/errors.js';
import { TEMPLATES_DIR } from '../io/paths.js';

const hb = Handlebars.create();

// Plain YAML 1.1 readers take these as booleans or null; quote them so they stay text.
const YAML11_SPECIAL = /^(y|n|yes|no|on|off|true|false|null|~)$/i;

// Plain only when no YAML reader could take it for anything but this text: starts with a letter or
// digit, no `:`, `#`, quotes, brackets, braces, `&`, `*`, `!`, `|`, `>`, `%`, `@` or backtick, no
// leading or trailing space, and not a number, a boolean or null in YAML 1.1 or 1.2.
const PLAIN_SAFE = /^[\p{L}\p{N}][\p{L}\p{N} ._/()+-]*$/u;
const NUMBER_LIKE = /^[-+]?(\d[\d_]*)?(\.\d*)?([eE][-+]?\d+)?$|^0[xob]|^\.(inf|nan)$|^\d+(:\d+)+/i;

/**
 * A user's text as one YAML scalar on one line: plain when unambiguous, else double-quoted. A JSON
 * string is a valid YAML double-quoted scalar, and `JSON.stringify` costs nothing to load, which
 * keeps the YAML library out of `new` (start-up time).
 */
export function yamlScalar(value: unknown): string {
  const s = String(value ?? '').replace(/[\r\n]+/g, ' ');
  const plain = PLAIN_SAFE.test(s) && !s.endsWith(' ') && !YAML11_SPECIAL.test(s) && (!NUMBER_LIKE.test(s) || /^\d{4}-\d{2}-\d{2}$/.test(s));
  return plain ? s : JSON.stringify(s);
}

/** A flow list of YAML scalars: `["Ana", Bob]`. */
export function yamlList(values: unknown): string {
  const arr = Array.isArray(values) ? values : [];
  return `[${arr.map((v) => yamlScalar(v)).join(', ')}]`;
}

/** A YAML mapping key: plain when safe, quoted otherwise. */
export function yamlKey(value: unknown): string {
  const s = String(value);
  return /^[A-Za-z0-9_][A-Za-z0-9_.-]*$/.test(s) && !YAML11_SPECIAL.test(s) ? s : JSON.stringify(s);
}

/** Escapes text for a Markdown table cell: pipes would split the cell, newlines the row. */
export function tableCell(value: unknown): string {
  return String(value ?? '')
    .replace(/\\/g, '\\\\')
    .replace(/\|/g, '\\|')
    .replace(/\r\n|\r|\n/g, '<br>');
}

/** Keeps user text on one Markdown line (titles, list items). */
export function oneLine(value: unknown): string {
  return String(value ?? '').replace(/[\r\n]+/g, ' ');
}

hb.registerHelper('yaml', (v: unknown) => yamlScalar(v));
hb.registerHelper('yamlList', (v: unknown) => yamlList(v));
hb.registerHelper('yamlKey', (v: unknown) => yamlKey(v));
hb.registerHelper('cell', (v: unknown) => tableCell(v));
hb.registerHelper('line', (v: unknown) => oneLine(v));
hb.registerHelper('linkText', (v: unknown) => tableCell(v).replace(/[[\]]/g, (c) => `\\${c}`));
hb.registerHelper('pad', (n: unknown) => String(n).padStart(4, '0'));
hb.registerHelper('eq', (a: unknown, b: unknown) => a === b);
hb.registerHelper('inc', (n: unknown) => Number(n) + 1);

const cache = new Map<string, Handlebars.TemplateDelegate>();

/** The shipped template `name` (`madr`, `nygard`, `new-madr`, `index`, ...) or a `.hbs` path. */
export async function loadTemplate(nameOrPath: string): Promise<Handlebars.TemplateDelegate> {
  const file = nameOrPath.endsWith('.hbs') ? nameOrPath : join(TEMPLATES_DIR, 'adr', `${nameOrPath}.md.hbs`);
  let tpl = cache.get(file);
  if (tpl) return tpl;
  let source: string;
  try {
    source = await readFile(file, 'utf8');
  } catch {
    throw new UsageError(`ADR template not found: ${file}`);
  }
  try {
    tpl = hb.compile(source, { strict: true, noEscape: true });
  } catch (err: unknown) {
    throw new UsageError(`${file}: ${err instanceof Error ? err.message.split('\n')[0] : String(err)}`);
  }
  cache.set(file, tpl);
  return tpl;
}

export async function renderTemplate(nameOrPath: string, view: object): Promise<string> {
  const tpl = await loadTemplate(nameOrPath);
  try {
    return tidy(tpl(view));
  } catch (err: unknown) {
    throw new UsageError(
      `ADR template ${nameOrPath}: ${err instanceof Error ? err.message.split('\n')[0] : String(err)}`,
    );
  }
}

/** Collapses the blank lines that optional sections leave behind; ends with one newline. */
export function tidy(text: string): string {
  const out: string[] = [];
  let inFence = false;
  let blank = 0;
  for (const line of text.split('\n')) {
    if (/^\s*```/.test(line)) inFence = !inFence;
    if (!inFence && line.trim() === '') {
      blank++;
      if (blank > 1) continue;
      out.push('');
      continue;
    }
    blank = 0;
    out.push(line.replace(/[ \t]+$/, ''));
  }
  while (out.length > 0 && out[out.length - 1] === '') out.pop();
  while (out.length > 0 && out[0] === '') out.shift();
  return `${out.join('\n')}\n`;
}
