// `adr-wizard init [dir]`: `.adr-dir` (as adr-tools writes it) and ADR 1 "Record architecture decisions",
// in the style asked for (MADR 4 by default).
import { join, relative, resolve } from 'node:path';
import { didYouMean } from '../../core/did-you-mean.js';
import { UsageError } from '../../core/errors.js';
import { loadAdrConfig } from '../../io/config.js';
import { newView } from '../../adr/adr-view.js';
import { strings } from '../../adr/i18n.js';
import { listAdrFiles } from '../../adr/log.js';
import { renderTemplate } from '../../adr/render.js';
import { adrFileName, datedFileName, titleSlug, today } from '../../adr/slug.js';
import { chooseLang, shippedTemplate, styleOfName } from '../../adr/template-choice.js';
import { exists, writeFileAtomic } from '../../io/fs.js';
import { isTemplateName, STYLES_EXPECTED, TEMPLATE_NAMES } from '../../io/template-names.js';
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
  // A repository's own `.hbs` template is for records of decisions: ADR 1 is written in a shipped style.
  const configured = config.template !== undefined && isTemplateName(config.template) ? config.template : undefined;
  const template = opts.template ?? configured ?? 'madr';
  if (!isTemplateName(template)) {
    throw new UsageError(`--template ${template}: init writes a shipped style${didYouMean(template, TEMPLATE_NAMES)} (${STYLES_EXPECTED})`);
  }
  const style = styleOfName(template);
  const dated = style === 'log4brains';
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
    style,
    number: 1,
    date: today(),
    status: 'accepted',
    deciders: config.deciders ?? [],
    consulted: config.consulted ?? [],
    informed: config.informed ?? [],
    links: [],
  });
  const content = await renderTemplate(shippedTemplate(style, 'init-'), view);
  // --force rewrites the existing ADR 1 rather than adding a second file numbered 1 (in a dated
  // log, the first one listed).
  const existing = files.find((f) => f.number === 1 && (f.dated !== undefined) === dated);
  const slug = await titleSlug(title);
  const adrFile = join(dir, existing ? existing.name : dated ? datedFileName(today(), slug) : adrFileName(1, slug));

  const rel = relative(cwd, dir).split('\\').join('/') || '.';
  await writeFileAtomic(adrDirFile, `${rel}\n`, { force: opts.force === true });
  await writeFileAtomic(adrFile, content, { force: opts.force === true });
  println(relative(cwd, adrFile));
}
