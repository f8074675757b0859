// `.adr-wizard.yaml`, searched upward from the working folder: a repository's ADR settings.
import { readFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { UsageError } from '../core/errors.js';
import { isLang } from '../core/text.js';
import type { Lang } from '../core/types.js';

export interface AdrConfig {
  /** The config file (absolute), when one was found. */
  file?: string;
  /** ADR folder, absolute (resolved against the config file's folder). */
  folder?: string;
  /** `madr`, `nygard`, or an absolute path to a `.hbs` template. */
  template?: string;
  lang?: Lang;
  deciders?: string[];
  consulted?: string[];
  informed?: string[];
}

export const CONFIG_NAMES = ['.adr-wizard.yaml', '.adr-wizard.yml'];

/** Walks up from `start` and returns the first folder holding one of `names`, with the file. */
export async function findUp(
  start: string,
  names: string[],
): Promise<{ dir: string; file: string; content: string } | undefined> {
  let dir = resolve(start);
  for (;;) {
    for (const name of names) {
      const file = join(dir, name);
      try {
        const content = await readFile(file, 'utf8');
        return { dir, file, content };
      } catch {
        // not here
      }
    }
    const parent = dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

export async function loadAdrConfig(cwd: string): Promise<AdrConfig> {
  const found = await findUp(cwd, CONFIG_NAMES);
  if (!found) return {};
  const { parseDocument } = await import('yaml');
  const doc = parseDocument(found.content);
  if (doc.errors.length > 0) {
    const e = doc.errors[0]!;
    const line = e.linePos?.[0];
    throw new UsageError('', [
      { file: found.file, line: line?.line, col: line?.col, message: e.message.split('\n')[0]!, severity: 'error' },
    ]);
  }
  const raw: unknown = doc.toJS();
  if (raw === null || raw === undefined) return { file: found.file };
  if (typeof raw !== 'object' || Array.isArray(raw)) {
    throw new UsageError('', [{ file: found.file, message: 'expected a map of settings', severity: 'error' }]);
  }
  const obj = raw as Record<string, unknown>;
  const cfg: AdrConfig = { file: found.file };
  const bad = (path: string, message: string): never => {
    const node = doc.getIn(path.split('.'), true) as { range?: [number, number, number] } | undefined;
    let line: number | undefined;
    if (node?.range) line = found.content.slice(0, node.range[0]).split('\n').length;
    throw new UsageError('', [{ file: found.file, line, path, message, severity: 'error' }]);
  };
  const str = (key: string): string | undefined => {
    const v = obj[key];
    if (v === undefined || v === null) return undefined;
    if (typeof v !== 'string' || v.trim() === '') return bad(key, 'expected a non-empty string');
    return v;
  };
  const names = (key: string): string[] | undefined => {
    const v = obj[key];
    if (v === undefined || v === null) return undefined;
    if (typeof v === 'string') return v.split(',').map((s) => s.trim()).filter(Boolean);
    if (Array.isArray(v) && v.every((x) => typeof x === 'string')) return v as string[];
    return bad(key, 'expected a list of names');
  };
  const folder = str('folder');
  if (folder) cfg.folder = resolve(found.dir, folder);
  const template = str('template') ?? str('templates');
  if (template) {
    cfg.template = template === 'madr' || template === 'nygard' ? template : resolve(found.dir, template);
    if (cfg.template !== template && !cfg.template.endsWith('.hbs')) {
      bad(obj.template !== undefined ? 'template' : 'templates', 'expected madr, nygard or a path to a .hbs file');
    }
  }
  const lang = str('lang');
  if (lang !== undefined) {
    if (!isLang(lang)) bad('lang', `unknown language "${lang}" (expected en or es)`);
    cfg.lang = lang as Lang;
  }
  const deciders = names('decision-makers') ?? names('deciders');
  if (deciders) cfg.deciders = deciders;
  const consulted = names('consulted');
  if (consulted) cfg.consulted = consulted;
  const informed = names('informed');
  if (informed) cfg.informed = informed;
  return cfg;
}
