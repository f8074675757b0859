// `adr-wizard init [dir]`: `.adr-dir` (as adr-tools writes it) and ADR 1 "Record architecture decisions".
import { join, relative, resolve } from 'node:path';
import { UsageError } from '../../core/errors.js';
import { loadAdrConfig } from '../../io/config.js';
import { newView } from '../../adr/adr-view.js';
import { strings } from '../../adr/i18n.js';
import { listAdrFiles } from '../../adr/log.js';
import { renderTemplate } from '../../adr/render.js';
import { adrFileName, titleSlug, today } from '../../adr/slug.js';
import { chooseLang } from '../../adr/template-choice.js';
import { exists, writeFileAtomic } from '../../io/fs.js';
import { println } from '../messages.js';

interface InitOptions {
  template?: string;
  lang?: string;
  force?: boolean;
}

export async function run(dirArg: string | undefined, opts: InitOptions = {}): Promise<void> {
  const cwd = process.cwd();
  const config = await loadAdrConfig(cwd);
  const lang = chooseLang(opts.lang, config);
  const template = opts.template ?? (config.template === 'nygard' ? 'nygard' : 'madr');
  if (template !== 'madr' && template !== 'nygard') {
    throw new UsageError(`unknown template "${template}" for init (expected madr or nygard)`);
  }
  const dir = dirArg !== undefined ? resolve(cwd, dirArg) : (config.folder ?? resolve(cwd, 'doc/adr'));
  const adrDirFile = join(cwd, '.adr-dir');
  const files = await listAdrFiles(dir);
  if (!opts.force) {
    if (await exists(adrDirFile)) {
      throw new UsageError(`this folder is already initialised (${relative(cwd, adrDirFile)} exists); use --force to write it again`);
    }
    if (files.length > 0) {
      throw new UsageError(
        `${relative(cwd, dir) || '.'} already holds ${files.length} ADR${files.length === 1 ? '' : 's'}; use --force to write .adr-dir and ADR 1 anyway`,
      );
    }
  }

  const l = strings(lang);
  const title = l.init.title;
  const view = newView(title, lang, {
    number: 1,
    date: today(),
    status: 'accepted',
    deciders: config.deciders ?? [],
    consulted: config.consulted ?? [],
    informed: config.informed ?? [],
    links: [],
  });
  const content = await renderTemplate(`init-${template}`, view);
  // --force rewrites the existing ADR 1 rather than adding a second file numbered 1.
  const existing = files.find((f) => f.number === 1 && f.dated === undefined);
  const adrFile = existing ? join(dir, existing.name) : join(dir, adrFileName(1, await titleSlug(title)));

  const rel = relative(cwd, dir).split('\\').join('/') || '.';
  await writeFileAtomic(adrDirFile, `${rel}\n`, { force: opts.force === true });
  await writeFileAtomic(adrFile, content, { force: opts.force === true });
  println(relative(cwd, adrFile));
}
