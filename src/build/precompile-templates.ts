// Precompiles every templates/**/*.hbs into dist/templates/<group>.js (groups: io/template-layout.ts):
// Handlebars' precompiled form written as JavaScript, so a run loads the Handlebars runtime only
// and parses no template. Each template carries the SHA-1 of its source; the loader uses the
// compiled form only while the source still has that hash.
import { readdir, readFile, rm } from 'node:fs/promises';
import { join, sep } from 'node:path';
import Handlebars from 'handlebars';
import { writeFileAtomic } from '../io/fs.js';
import { sourceHash } from '../io/source-hash.js';
import { compileOptions, templateGroup } from '../io/template-layout.js';

export interface PrecompileResult {
  templates: number;
  modules: string[];
  /** `templates/<path>: message` for each template Handlebars cannot parse (then nothing is written). */
  errors: string[];
}

export async function precompileTemplates(sources: string, out: string): Promise<PrecompileResult> {
  const names = (await readdir(sources, { recursive: true }))
    .map((name) => name.split(sep).join('/'))
    .filter((name) => name.endsWith('.hbs'))
    .sort();
  const groups = new Map<string, string[]>();
  const errors: string[] = [];
  for (const rel of names) {
    const source = await readFile(join(sources, rel), 'utf8');
    let spec: string;
    try {
      // precompile returns the template as JavaScript source (an object literal with functions).
      spec = Handlebars.precompile(source, compileOptions(rel)) as unknown as string;
    } catch (err: unknown) {
      errors.push(`templates/${rel}: ${err instanceof Error ? err.message.split('\n').join(' ') : String(err)}`);
      continue;
    }
    const group = templateGroup(rel);
    const entries = groups.get(group) ?? [];
    entries.push(`  ${JSON.stringify(rel)}: {\n    hash: ${JSON.stringify(sourceHash(source))},\n    spec: ${spec},\n  },`);
    groups.set(group, entries);
  }
  const modules: string[] = [];
  if (errors.length > 0) return { templates: 0, modules, errors };
  await rm(out, { recursive: true, force: true });
  for (const [group, entries] of groups) {
    const file = join(out, `${group}.js`);
    const header = `// Built from templates/${group}/ by src/build/precompile-templates.ts; do not edit.\n`;
    await writeFileAtomic(file, `${header}export const templates = {\n${entries.join('\n')}\n};\n`, { force: true });
    modules.push(file);
  }
  return { templates: names.length, modules, errors };
}
