// Edits of existing ADR files that keep each file in its own style: a Nygard (adr-tools) file keeps
// its `## Status` section with link lines, a MADR file keeps its front matter, MADR 2 and log4brains
// keep their bullet metadata. Pure: content in, content out.
import { basename } from 'node:path';
import { strings } from './i18n.js';
import { linkText } from './link-text.js';
import { LINKS_HEADING, METADATA_BULLET, parseLinkLine, STATUS_BULLET, STATUS_HEADING } from './parse.js';
import { linkKind } from '../core/link-types.js';
import { linkTarget, yamlScalar } from './escape.js';
import type { AdrRecord } from './types.js';
import type { Lang } from '../core/types.js';

interface LinkTarget {
  number: number;
  title: string;
  file: string;
}


/** The language a file is written in: its adr-wizard block, else its headings. */
export function languageOf(rec: Pick<AdrRecord, 'wizard' | 'body'>): Lang {
  if (rec.wizard?.lang === 'es') return 'es';
  if (rec.wizard?.lang === 'en') return 'en';
  return /^(##\s+(Estado|Contexto|Decisión|Consecuencias)\b|Fecha:\s)/m.test(rec.body) ? 'es' : 'en';
}

/** `Type [text](file)`, the link text as the file's style writes it (link-text.ts). */
function linkLine(rec: AdrRecord, type: string, target: LinkTarget): string {
  return `${type} ${link(rec, target)}`;
}

function link(rec: AdrRecord, target: LinkTarget): string {
  return `[${linkText(rec.style, target)}](${linkTarget(basename(target.file))})`;
}

/** The bullet marker a file's header uses: `*` in MADR 2, `-` in log4brains (as their templates write). */
function bulletOf(rec: AdrRecord, lines: string[]): string {
  const header = lines.find((l) => METADATA_BULLET.test(l));
  if (header) return header[0]!;
  return rec.style === 'log4brains' ? '-' : '*';
}

function eol(content: string): string {
  return content.includes('\r\n') ? '\r\n' : '\n';
}

function frontMatterEnd(lines: string[]): number {
  if (lines[0]?.trim() !== '---') return -1;
  for (let i = 1; i < lines.length; i++) if (/^(---|\.\.\.)\s*$/.test(lines[i]!)) return i;
  return -1;
}

function titleIndex(lines: string[], from: number): number {
  for (let i = from; i < lines.length; i++) if (/^#\s/.test(lines[i]!)) return i;
  return -1;
}

/** Where the `##` section whose heading is at `heading` ends: the next `##` heading, or the end. */
function sectionEnd(lines: string[], heading: number): number {
  for (let i = heading + 1; i < lines.length; i++) if (lines[i]!.startsWith('## ')) return i;
  return lines.length;
}

function hasLink(rec: AdrRecord, type: string, number: number): boolean {
  const kind = linkKind(type);
  return rec.links.some(
    (l) => l.number === number && (kind === 'other' ? l.type.toLowerCase() === type.toLowerCase() : linkKind(l.type) === kind),
  );
}

/**
 * Adds a link `Type [N. Title](file)` where the file's style keeps links. Idempotent.
 * adr-tools: a line at the end of the Status section. MADR 2 and log4brains: a bullet in the
 * `## Links` section (made at the end when there is none). MADR 3/4: a line under the title.
 */
export function addLink(rec: AdrRecord, type: string, target: LinkTarget): string {
  if (hasLink(rec, type, target.number)) return rec.body;
  const nl = eol(rec.body);
  const lines = rec.body.split(/\r?\n/);
  const line = linkLine(rec, type, target);
  const statusAt = lines.findIndex((l) => STATUS_HEADING.test(l));
  if (rec.style === 'nygard' && statusAt >= 0) {
    // As adr-tools does: at the end of the Status section, followed by a blank line.
    const end = sectionEnd(lines, statusAt);
    const section = lines.slice(statusAt + 1, end);
    while (section.length > 0 && section[section.length - 1]!.trim() === '') section.pop();
    while (section.length > 0 && section[0]!.trim() === '') section.shift();
    const rebuilt = ['', ...section, ...(section.length > 0 ? [''] : []), line, ...(end < lines.length ? [''] : [])];
    lines.splice(statusAt + 1, end - statusAt - 1, ...rebuilt);
    return lines.join(nl);
  }
  if (rec.style === 'madr2' || rec.style === 'log4brains') {
    const item = `${bulletOf(rec, lines)} ${line}`;
    const linksAt = lines.findIndex((l) => LINKS_HEADING.test(l));
    if (linksAt >= 0) {
      // After the section's last item (placeholder comments and blank lines stay where they are).
      const end = sectionEnd(lines, linksAt);
      let last = linksAt;
      for (let i = linksAt + 1; i < end; i++) if (/^[-*+]\s/.test(lines[i]!)) last = i;
      if (last === linksAt) lines.splice(linksAt + 1, 0, '', item);
      else lines.splice(last + 1, 0, item);
      return lines.join(nl);
    }
    // A new section at the end, before adr-wizard's closing metadata comment if there is one.
    let at = lines.length;
    while (at > 0 && lines[at - 1]!.trim() === '') at--;
    const comment = lines.findIndex((l) => /^<!--\s*adr-wizard\s*$/.test(l));
    if (comment >= 0) {
      at = comment;
      while (at > 0 && lines[at - 1]!.trim() === '') at--;
    }
    const more = lines.slice(at).some((l) => l.trim() !== '');
    lines.splice(at, 0, '', `## ${strings(languageOf(rec)).links}`, '', item, ...(more ? [''] : []));
    return lines.join(nl);
  }
  // MADR 3/4: a block of link lines under the title (after bullet metadata, if any).
  const fmEnd = frontMatterEnd(lines);
  const title = titleIndex(lines, fmEnd + 1);
  let at = title >= 0 ? title + 1 : fmEnd + 1;
  let lastKept = at - 1;
  for (let i = at; i < lines.length; i++) {
    const l = lines[i]!.trim();
    if (l === '') continue;
    if (parseLinkLine(l) || METADATA_BULLET.test(l)) {
      lastKept = i;
      continue;
    }
    break;
  }
  at = lastKept + 1;
  const prevIsLink = lastKept > title && parseLinkLine(lines[lastKept]!.trim()) !== undefined;
  const insert = prevIsLink ? [line] : ['', line];
  lines.splice(at, 0, ...insert);
  if (at + insert.length < lines.length && lines[at + insert.length]!.trim() !== '') lines.splice(at + insert.length, 0, '');
  return lines.join(nl);
}

/**
 * Sets the status where the file writes it (AdrRecord.statusAt), never adding a second one: the
 * front matter key (MADR 3/4), the `Status:` bullet (MADR 2, log4brains, even under a front matter
 * block that has no status), or the words of the `## Status` section (adr-tools; link lines stay).
 * A file that writes none gets one where its style keeps it.
 */
export function setStatus(rec: AdrRecord, statusText: string): string {
  const nl = eol(rec.body);
  const lines = rec.body.split(/\r?\n/);
  const fmEnd = frontMatterEnd(lines);
  const place = rec.statusAt ?? (rec.style === 'nygard' ? 'section' : rec.style === 'madr2' || rec.style === 'log4brains' || fmEnd < 0 ? 'bullet' : 'front-matter');
  if (place === 'front-matter' && fmEnd > 0) {
    const i = lines.slice(1, fmEnd).findIndex((l) => /^status\s*:/.test(l));
    const value = `status: ${yamlScalar(statusText)}`;
    if (i >= 0) {
      // A block value ("status: |\n  ...") would leave indented lines behind: drop them.
      let j = i + 2;
      while (j < fmEnd && /^\s+\S/.test(lines[j]!)) j++;
      lines.splice(i + 1, j - (i + 1), value);
    } else {
      lines.splice(1, 0, value);
    }
    return lines.join(nl);
  }
  if (place === 'bullet') {
    const title = titleIndex(lines, fmEnd + 1);
    const headEnd = lines.findIndex((l, i) => i > title && l.startsWith('## '));
    const head = (i: number) => i > title && (headEnd < 0 || i < headEnd);
    const bullet = lines.findIndex((l, i) => head(i) && STATUS_BULLET.test(l));
    if (bullet >= 0) {
      // The bullet's own trailing comment (`<!-- optional -->`) goes with the old value.
      const m = /^([-*+]\s+Status\s*:\s*)/i.exec(lines[bullet]!)!;
      lines[bullet] = m[1] + statusText;
      return lines.join(nl);
    }
    // First in the header's bullets, or a new list under the title (as log4brains adds metadata).
    const first = lines.findIndex((l, i) => head(i) && METADATA_BULLET.test(l));
    const item = `${bulletOf(rec, lines)} Status: ${statusText}`;
    if (first >= 0) lines.splice(first, 0, item);
    else lines.splice(title + 1, 0, '', item);
    return lines.join(nl);
  }
  const statusAt = lines.findIndex((l) => STATUS_HEADING.test(l));
  if (statusAt < 0) {
    // No status anywhere (a hand-written file): add an adr-tools status section after the title.
    const title = titleIndex(lines, 0);
    const l = strings(languageOf(rec));
    lines.splice(title + 1, 0, '', `## ${l.status}`, '', statusText);
    return lines.join(nl);
  }
  const end = sectionEnd(lines, statusAt);
  const section = lines.slice(statusAt + 1, end);
  const links = section.filter((l) => parseLinkLine(l.trim()));
  const body: string[] = [''];
  if (statusText !== '') body.push(statusText, '');
  for (const link of links) body.push(link.trim(), '');
  lines.splice(statusAt + 1, end - statusAt - 1, ...body);
  return lines.join(nl);
}

/**
 * Marks `old` as superseded by `by`, in old's own style. adr-tools replaces the status words with
 * the link line; MADR 3/4 write `superseded by ADR-NNNN` in the front matter plus a link line; MADR 2
 * and log4brains write the link in the status bullet (`superseded by [...](...)`, as their
 * templates show).
 */
export function markSuperseded(old: AdrRecord, by: LinkTarget): string {
  const lang = languageOf(old);
  const type = strings(lang).linkTypes.supersededBy;
  const lines = old.body.split(/\r?\n/);
  if (old.statusAt === 'front-matter' || (old.statusAt === undefined && (old.style === 'madr3' || old.style === 'madr4') && frontMatterEnd(lines) > 0)) {
    const withStatus = setStatus(old, `superseded by ADR-${String(by.number).padStart(4, '0')}`);
    return addLink({ ...old, body: withStatus, statusAt: 'front-matter' }, type, by);
  }
  if (old.statusAt === 'bullet' || (old.statusAt === undefined && (old.style === 'madr2' || old.style === 'log4brains'))) {
    return setStatus(old, `superseded by ${link(old, by)}`);
  }
  // Nygard: the status words go, the link line is the status (as adr-tools writes it).
  const cleared = setStatus({ ...old, statusAt: 'section' }, '');
  const rec = { ...old, body: cleared, links: old.links.filter((l) => linkKind(l.type) !== 'superseded-by' || l.number !== by.number) };
  return addLink(rec, type, by);
}
