// Which template a new ADR uses: the flag, else `.adr-wizard.yaml`, else the style of the latest
// ADR already in the folder (a repository keeps its template), else MADR 4.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { UsageError } from '../core/errors.js';
import { isLang } from '../core/text.js';
import type { Lang } from '../core/types.js';
import type { AdrConfig } from '../io/config.js';
import { listAdrFiles, type AdrFile } from './log.js';
import { parseAdr } from './parse.js';

export type TemplateChoice = { kind: 'madr' } | { kind: 'nygard' } | { kind: 'custom'; file: string };

export async function chooseTemplate(
  flag: string | undefined,
  config: AdrConfig,
  dir: string,
  files?: AdrFile[],
): Promise<TemplateChoice> {
  const pick = flag ?? config.template;
  if (pick !== undefined) {
    if (pick === 'madr' || pick === 'nygard') return { kind: pick };
    if (pick.endsWith('.hbs')) return { kind: 'custom', file: pick };
    throw new UsageError(`unknown template "${pick}" (expected madr, nygard or a path to a .hbs file)`);
  }
  const all = files ?? (await listAdrFiles(dir));
  const latest = all.filter((f) => f.dated === undefined).at(-1);
  if (latest) {
    try {
      const file = join(dir, latest.name);
      const rec = await parseAdr(file, await readFile(file, 'utf8'));
      if (rec.style === 'nygard') return { kind: 'nygard' };
    } catch {
      // unreadable: fall back to the default
    }
  }
  return { kind: 'madr' };
}

export function chooseLang(flag: unknown, config: AdrConfig): Lang {
  const pick = flag ?? config.lang ?? 'en';
  if (!isLang(pick)) throw new UsageError(`unknown language "${String(pick)}" (expected en or es)`);
  return pick;
}
