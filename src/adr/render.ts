// The ADR templates, shipped or a user's `.hbs`, through the one template loader (io/templates.ts):
// `strict` so that a field missing from the view fails loudly, `noEscape` because the output is
// Markdown and YAML (escaping is explicit, per context: `yaml` in front matter, `cell` in tables).
import { join } from 'node:path';
import { UsageError } from '../core/errors.js';
import { TEMPLATES_DIR } from '../io/paths.js';
import { loadTemplate as loadTemplateFile, registerTemplateHelpers, type Template } from '../io/templates.js';
import { linkTarget, oneLine, tableCell, yamlKey, yamlList, yamlScalar } from './escape.js';

export { oneLine, tableCell, yamlKey, yamlList, yamlScalar };

registerTemplateHelpers({
  yaml: (v: unknown) => yamlScalar(v),
  yamlList: (v: unknown) => yamlList(v),
  yamlKey: (v: unknown) => yamlKey(v),
  cell: (v: unknown) => tableCell(v),
  line: (v: unknown) => oneLine(v),
  linkText: (v: unknown) => tableCell(v).replace(/[[\]]/g, (c) => `\\${c}`),
  href: (v: unknown) => linkTarget(String(v ?? '')),
  pad: (n: unknown) => String(n).padStart(4, '0'),
  inc: (n: unknown) => Number(n) + 1,
});

/** The shipped template `name` (`madr`, `nygard`, `new-madr`, `index`, ...) or a `.hbs` path. */
export async function loadTemplate(nameOrPath: string): Promise<Template> {
  const file = nameOrPath.endsWith('.hbs') ? nameOrPath : join(TEMPLATES_DIR, 'adr', `${nameOrPath}.md.hbs`);
  try {
    return await loadTemplateFile(file);
  } catch (err: unknown) {
    // A file system error (it carries a code) means there is no such template to read.
    if (typeof (err as { code?: unknown }).code === 'string') throw new UsageError(`ADR template not found: ${file}`);
    throw new UsageError(`${file}: ${err instanceof Error ? err.message.split('\n')[0] : String(err)}`);
  }
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
