// `adr-wizard new <title>`: a blank ADR in the log's style, optionally superseding or linking.
import { basename, relative } from 'node:path';
import { UsageError } from '../../core/errors.js';
import { loadAdrConfig } from '../../io/config.js';
import { newView, type ViewLink } from '../../adr/adr-view.js';
import { strings } from '../../adr/i18n.js';
import { listAdrFiles, numbersByName, readAdr, type AdrFile} from '../../adr/log.js';
import { checkLinkType, checkStatus, parseAdrNumber } from '../../adr/lookup.js';
import { reverseOf } from '../../core/link-types.js';
import { renderTemplate } from '../../adr/render.js';
import { titleSlug, today } from '../../adr/slug.js';
import { chooseLang, chooseTemplate, shippedTemplate } from '../../adr/template-choice.js';
import type { AdrRecord } from '../../adr/types.js';
import { createAdrs, type ClaimedAdr } from '../../adr/write.js';
import { replaceFile } from '../../io/fs.js';
import { adrFolder } from '../adr-folder.js';

interface NewOptions {
  status?: string;
  supersedes?: string[];
  link?: string[];
  template?: string;
  lang?: string;
  json?: boolean;
}

interface LinkSpec {
  type: string;
  number: number;
  reverse?: string;
}

/** `Amends:3`, or adr-tools' `3:Amends:Amended by`. */
function parseLinkSpec(spec: string): LinkSpec {
  const parts = spec.split(':').map((p) => p.trim());
  if (parts.length === 2 && /^\d+$/.test(parts[1]!)) {
    const type = checkLinkType(parts[0]!);
    const reverse = reverseOf(type);
    return { type, number: parseAdrNumber(parts[1]!), ...(reverse ? { reverse } : {}) };
  }
  if (parts.length >= 2 && /^\d+$/.test(parts[0]!)) {
    const type = checkLinkType(parts[1]!);
    const reverse = parts[2] ? checkLinkType(parts[2]) : reverseOf(type);
    return { type, number: parseAdrNumber(parts[0]!), ...(reverse ? { reverse } : {}) };
  }
  throw new UsageError(`--link "${spec}": expected TYPE:N (e.g. "Amends:3") or N:TYPE:REVERSE (e.g. "3:Amends:Amended by")`);
}

async function readTarget(dir: string, n: number, all: AdrFile[], flag: string): Promise<AdrRecord> {
  const matches = all.filter((f) => f.number === n);
  if (matches.length === 0) throw new UsageError(`${flag} ${n}: there is no ADR ${n}`);
  if (matches.length > 1) {
    throw new UsageError(`${flag} ${n}: ${matches.map((m) => m.name).join(' and ')} share the number; run \`adr-wizard doctor --fix\``);
  }
  return readAdr(dir, matches[0]!, numbersByName(all));
}

export async function run(titleArg: string, opts: NewOptions = {}): Promise<void> {
  const cwd = process.cwd();
  const title = titleArg.replace(/[\r\n]+/g, ' ').trim();
  if (title === '') throw new UsageError('the title is empty');
  const config = await loadAdrConfig(cwd);
  const lang = chooseLang(opts.lang, config);
  const l = strings(lang);
  const status = opts.status ?? 'proposed';
  checkStatus(status);
  const { dir } = await adrFolder(cwd, config);
  const files = await listAdrFiles(dir);
  const choice = await chooseTemplate(opts.template, config, dir, files);

  const supersedes = await Promise.all(
    (opts.supersedes ?? []).map((s) => readTarget(dir, parseAdrNumber(s), files, '--supersedes')),
  );
  const linkSpecs = (opts.link ?? []).map(parseLinkSpec);
  const linkTargets = await Promise.all(linkSpecs.map((s) => readTarget(dir, s.number, files, '--link')));

  const slug = await titleSlug(title);
  const tpl = choice.file ?? shippedTemplate(choice.style, 'new-');
  const links: ViewLink[] = [
    ...supersedes.map((r) => ({ type: l.linkTypes.supersedes, number: r.number, title: r.title, file: basename(r.file) })),
    ...linkSpecs.map((s, i) => ({ type: s.type, number: s.number, title: linkTargets[i]!.title, file: basename(linkTargets[i]!.file) })),
  ];
  const render = (claimed: ClaimedAdr[]) =>
    renderTemplate(
      tpl,
      newView(title, lang, {
        style: choice.style,
        number: claimed[0]!.number,
        date: today(),
        status,
        deciders: config.deciders ?? [],
        consulted: config.consulted ?? [],
        informed: config.informed ?? [],
        links,
      }),
    );
  const [created] = await createAdrs(dir, [{ slug, render }], choice.naming);
  const me = { number: created!.number, title, file: created!.file };

  // The other side of each link, each file in its own style. The editing code loads only then.
  if (supersedes.length > 0 || linkSpecs.some((s) => s.reverse)) {
    const { addLink, markSuperseded } = await import('../../adr/edit.js');
    for (const old of supersedes) {
      await replaceFile(old.file, markSuperseded(old, me));
    }
    for (const [i, spec] of linkSpecs.entries()) {
      if (!spec.reverse) continue;
      const target = linkTargets[i]!;
      const fresh = await readTarget(dir, target.number, files, '--link');
      const updated = addLink(fresh, spec.reverse, me);
      if (updated !== fresh.body) await replaceFile(fresh.file, updated);
    }
  }

  if (opts.json) {
    // Plain writes, not messages.ts: `new` prints no colour and skips loading chalk (start-up time).
    process.stdout.write(`${JSON.stringify({ number: me.number, title, status, file: me.file, supersedes: supersedes.map((s) => s.number) }, null, 2)}\n`);
  } else {
    process.stdout.write(`${relative(cwd, created!.file) || basename(created!.file)}\n`);
  }
}
