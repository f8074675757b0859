// A new ADR in the log's style, optionally superseding or linking others: what `adr-wizard new`
// and the MCP `supersede` tool both do, with one set of checks and messages.
import { basename } from 'node:path';
import { UsageError } from '../core/errors.js';
import type { AdrConfig } from '../io/config.js';
import { replaceFile } from '../io/fs.js';
import { newView, type ViewLink } from './adr-view.js';
import { strings } from './i18n.js';
import { listAdrFiles, numbersByName, readAdr, type AdrFile } from './log.js';
import { checkStatus } from './lookup.js';
import { renderTemplate } from './render.js';
import { titleSlug, today } from './slug.js';
import { chooseLang, chooseTemplate, shippedTemplate } from './template-choice.js';
import type { AdrRecord } from './types.js';
import { createAdrs, type ClaimedAdr } from './write.js';

export interface LinkSpec {
  type: string;
  number: number;
  /** The link written on the target, if any. */
  reverse?: string;
}

export interface CreateAdrInput {
  /** The ADR folder and the project's configuration, as the caller found them. */
  dir: string;
  config: AdrConfig;
  title: string;
  status?: string;
  supersedes?: number[];
  links?: LinkSpec[];
  template?: string;
  lang?: string;
}

export interface CreatedAdr {
  number: number;
  title: string;
  status: string;
  file: string;
  supersedes: number[];
}

/**
 * A title as one line: line breaks would end the heading and start Markdown of the title's
 * choosing. Everything else a title holds is escaped where it lands (templates, slug).
 */
function cleanTitle(raw: string): string {
  const title = raw.replace(/[\r\n\u2028\u2029]+/g, ' ').trim();
  if (title === '') throw new UsageError('the title is empty');
  return title;
}

async function readTarget(dir: string, n: number, all: AdrFile[], flag: string): Promise<AdrRecord> {
  const matches = all.filter((f) => f.number === n);
  if (matches.length === 0) throw new UsageError(`${flag} ${n}: there is no ADR ${n}`);
  if (matches.length > 1) {
    throw new UsageError(`${flag} ${n}: ${matches.map((m) => m.name).join(' and ')} share the number; run \`adr-wizard doctor --fix\``);
  }
  return readAdr(dir, matches[0]!, numbersByName(all));
}

/** Writes the new ADR (numbered under the folder's lock), then the other side of each link. */
export async function createAdr(input: CreateAdrInput): Promise<CreatedAdr> {
  const { dir, config } = input;
  const title = cleanTitle(input.title);
  const lang = chooseLang(input.lang, config);
  const l = strings(lang);
  const status = input.status ?? 'proposed';
  checkStatus(status);
  const files = await listAdrFiles(dir);
  const choice = await chooseTemplate(input.template, config, dir, files);

  const supersedes = await Promise.all((input.supersedes ?? []).map((n) => readTarget(dir, n, files, '--supersedes')));
  const linkSpecs = input.links ?? [];
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
    const { addLink, markSuperseded } = await import('./edit.js');
    for (const old of supersedes) await replaceFile(old.file, markSuperseded(old, me));
    for (const [i, spec] of linkSpecs.entries()) {
      if (!spec.reverse) continue;
      const fresh = await readTarget(dir, linkTargets[i]!.number, files, '--link');
      const updated = addLink(fresh, spec.reverse, me);
      if (updated !== fresh.body) await replaceFile(fresh.file, updated);
    }
  }
  return { number: me.number, title, status, file: me.file, supersedes: supersedes.map((s) => s.number) };
}
