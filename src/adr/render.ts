// The ADR templates: one isolated Handlebars instance for the whole program, `strict` so that a
// field missing from the view fails loudly, `noEscape` because the output is Markdown and YAML
// (escaping is explicit, per context: `yaml` in front matter, `cell` in tables).
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import Handlebars from 'handlebars';
import { UsageError } from '../core/errors.js';
import { TEMPLATES_DIR } from '../io/paths.js';
import { oneLine, tableCell, yamlKey, yamlList, yamlScalar } from './escape.js';

export { oneLine, tableCell, yamlKey, yamlList, yamlScalar };

const hb = Handlebars.create();

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
