// Reads one ADR file, whichever tool wrote it: adr-tools / Nygard, MADR 2, 3 and 4, log4brains,
// and adr-wizard's own output (MADR 4 or Nygard plus an `adr-wizard` block).
import { basename } from 'node:path';
import { loadYamlReader, parseFrontMatter, splitFrontMatter, type FrontMatter, type FrontMatterValue, type YamlReader } from './front-matter.js';
import { linkKind } from '../core/link-types.js';
import { normaliseStatus } from './status.js';
import type { AdrProblem, AdrRecord, AdrStyle, AdrWizardBlock, StatusPlace } from './types.js';
import { classifyFileName, linkPath, nameTitle } from './file-names.js';

/** A link as written, before its target file is mapped to an ADR number. */
interface RawLink {
  type: string;
  /** The target file's base name, when the link names a file. */
  target?: string;
  /** The number when the link names one directly (`ADR-0012`, `[12. Title]`). */
  number?: number;
}

/**
 * `Supersedes [2. Foo](0002-foo.md)`, `- Amended by [Title](20240101-x.md)`,
 * `* Refined by [ADR-0005](<0005-a b.md>)`, one per line.
 */
const LINK_LINE = /^(?:[-*+]\s+)?([A-Za-zÁÉÍÓÚáéíóúñÑ][A-Za-zÁÉÍÓÚáéíóúñÑ' -]{0,40}?)(?::)?\s+\[([^\]\n]*)\]\((?:<([^>\n]+)>|([^)\s]+))\)\s*\.?$/;
const MADR_STATUS_LINK = /\bADR[- ]?0*(\d+)\b/i;
// Made once, as every pattern of this file: a regular expression literal inside a function is a new
// object at every call, and these run for every ADR of a log.
const MD_FILE = /\.md$/i;
const NUMBER_IN_TEXT = /^\s*(\d+)\.\s/;
const WIZARD_COMMENT = /<!--\s*adr-wizard\s*\n([\s\S]*?)-->/;
const PLACEHOLDER = /^\{.*\}$/;
/** Emoji, symbols and punctuation people put before a status or a link type ("✅ Accepted"). */
const DECORATION = /^[^\p{L}\p{N}[]+/u;

/**
 * A link line, as adr-tools, MADR's Links bullets and log4brains write them. Callers pass only
 * lines from where typed links live (a Status or Links section, the block under the title): in
 * prose, "This differs from [26. X](0026-x.md)" is a sentence, not a link.
 */
export function parseLinkLine(line: string): RawLink | undefined {
  // Cheap test first: this runs on every candidate line of every ADR when a log is listed.
  if (!line.includes('](')) return undefined;
  let text = line.trim();
  // A bullet keeps its marker; decoration after it ("- ⌛️ Superseded by ...") goes.
  const bullet = /^[-*+]\s+/.exec(text)?.[0] ?? '';
  text = bullet + text.slice(bullet.length).replace(DECORATION, '');
  const m = LINK_LINE.exec(text);
  if (!m) return undefined;
  return linkTo(m[1]!.trim(), m[2]!, m[3] ?? m[4]!);
}

/** A typed link to `href` with link text `text`, when href names a sibling ADR file. */
function linkTo(type: string, text: string, href: string): RawLink | undefined {
  const target = linkPath(href);
  // Only links to a sibling ADR file count: `Decision [x](https://...)` is prose.
  if (target === undefined || target.includes('/') || !MD_FILE.test(target)) return undefined;
  const kind = classifyFileName(target);
  if (kind.kind === 'other') return undefined;
  const fromText = NUMBER_IN_TEXT.exec(text) ?? MADR_TEXT_NUMBER.exec(text);
  return {
    type,
    target,
    number: kind.kind === 'numbered' ? kind.number : fromText ? Number.parseInt(fromText[1]!, 10) : undefined,
  };
}

const MADR_TEXT_NUMBER = /^\s*ADR[- ]?0*(\d+)\b/i;

// Section headings, with MADR's `<!-- optional -->` comments and trailing `#`s allowed; the edits
// (edit.ts) find the sections the reader reads with these same patterns.
export const STATUS_HEADING = /^##\s+(status|estado)\s*(?:<!--.*-->)?\s*#*\s*$/i;
export const LINKS_HEADING = /^##\s+(links|enlaces|related (?:decisions|adrs|records)|decisiones relacionadas)\s*(?:<!--.*-->)?\s*#*\s*$/i;
const TITLE = /^#\s+(.*?)\s*#*\s*$/;
const NUMBERED_TITLE = /^(\d+)\.\s+(.*)$/;
/** A metadata bullet under the title (`* Status: accepted`, `- Date: ...`): its key and value. */
export const METADATA_BULLET = /^[-*+]\s+([A-Za-z][A-Za-z -]*?)\s*:\s*(.*?)\s*(?:<!--.*-->)?$/;
const DATE_LINE = /^(?:Date|Fecha):\s*(\S.*)$/;
const HTML_COMMENT = /<!--[\s\S]*?-->/g;
const INLINE_LINK = /\[([^\]]*)\]\((?:<([^>\n]+)>|([^)\s]+))\)/;
const TAG_SPLIT = /[\s,]+/;
// Headings only MADR's templates have: a numbered file with none of MADR's metadata is still MADR.
const MADR_HEADING = /^##\s+(Context and Problem Statement|Considered Options|Decision Outcome|Decision Drivers|Contexto y planteamiento del problema|Opciones consideradas)\b/im;
const MADR4_HEADING = /^###?\s+Confirmation\b/im;
const MADR3_HEADING = /^##\s+Validation\b/im;

/** Where a line of the body is: the block under the title, or the kind of `##` section it is in. */
type Place = 'head' | 'status' | 'links' | 'other';

/**
 * Parses one ADR. `number` is 0 for dated (log4brains) files: the log assigns it. A link resolves to
 * the number its target's file name or its text carries; `byName` (the folder's listing, file name
 * to number) resolves the others, such as log4brains' dated files, and tells which targets are
 * missing.
 */
export async function parseAdr(file: string, content: string, byName?: ReadonlyMap<string, number>): Promise<AdrRecord> {
  return parseAdrWith(file, content, byName) ?? parseAdrWith(file, content, byName, await loadYamlReader())!;
}

/**
 * parseAdr without waiting: undefined when the file's YAML is beyond the fast subset and no full
 * `yaml` reader was given. A log reads file after file this way, with no promise per file, and
 * loads the full reader only for a file that needs it.
 */
export function parseAdrWith(file: string, content: string, byName?: ReadonlyMap<string, number>, yaml?: YamlReader): AdrRecord | undefined {
  const name = basename(file);
  const kind = classifyFileName(name);
  const problems: AdrProblem[] = [];
  const { frontMatter, body } = splitFrontMatter(content);
  // Lines of the file before the body: front matter and its fences.
  let bodyLine = 1;
  let fm: FrontMatter | undefined;
  if (frontMatter !== undefined) {
    for (let i = content.indexOf('\n'); i >= 0 && i < content.length - body.length; i = content.indexOf('\n', i + 1)) bodyLine++;
    // The front matter starts on the file's second line, after the opening `---`.
    const parsed = parseFrontMatter(frontMatter, 2, yaml);
    if (!parsed) return undefined;
    if (parsed.data) fm = parsed.data;
    else problems.push({ rule: 'unreadable', message: `front matter does not parse: ${parsed.problem}`, line: 2 });
  }

  // The body is scanned line by line without splitting it: a log of 10,000 ADRs has a quarter of a
  // million lines, and only headings, bullets, dates, link lines and the status section matter.
  // A line becomes a string only when it may be one of those.
  const lines = new LineScanner(body);
  let title = '';
  let titleNumber: number | undefined;
  let titleLine = bodyLine;
  let afterTitle = 0;
  let lineNo = bodyLine - 1;
  while (lines.next()) {
    lineNo++;
    if (!lines.startsWith('# ') && !lines.startsWith('#\t')) continue;
    const m = TITLE.exec(lines.text());
    if (m) {
      afterTitle = lines.following;
      titleLine = lineNo;
      const c = m[1]!.charCodeAt(0);
      const numbered = c >= 48 && c <= 57 ? NUMBERED_TITLE.exec(m[1]!) : null;
      if (numbered) {
        titleNumber = Number.parseInt(numbered[1]!, 10);
        title = numbered[2]!;
      } else {
        title = m[1]!;
      }
      break;
    }
  }
  if (afterTitle === 0) {
    // No title: the whole body is scanned, from its first line.
    lineNo = bodyLine - 1;
  } else {
    lineNo = titleLine;
  }

  const rawLinks: { link: RawLink; line: number }[] = [];
  // Bullet metadata (MADR 2, log4brains): `* Status: accepted`, `- Date: 2020-01-01`, in the block
  // under the title. Most files have none: the map is made for the first one.
  let bullets: Map<string, { value: string; line: number }> | undefined;
  // adr-tools puts status words and link lines in the `## Status` section.
  const statusLines: { text: string; line: number; link?: RawLink }[] = [];
  let statusHeading = false;
  // A `Date:` line (adr-tools) counts only without front matter; the first one wins.
  let dateLine: string | undefined;
  let place: Place = 'head';
  let inFence = false;
  lines.restart(afterTitle === 0 ? 0 : afterTitle);
  while (lines.next()) {
    lineNo++;
    if (lines.startsWith('```') || lines.startsWith('~~~')) {
      inFence = !inFence;
      continue;
    }
    if (inFence) continue;
    if (lines.startsWith('## ')) {
      const heading = lines.text();
      place = STATUS_HEADING.test(heading) ? 'status' : LINKS_HEADING.test(heading) ? 'links' : 'other';
      if (place === 'status') statusHeading = true;
      continue;
    }
    const bullet = place === 'head' && lines.startsWithBullet();
    const maybeDate = !fm && dateLine === undefined && (place === 'head' || place === 'other') && lines.hasDateLabel();
    const linkHere = place !== 'other' && lines.hasLink();
    if (place !== 'status' && !bullet && !maybeDate && !linkHere) continue;
    const trimmed = lines.text().trim();
    if (trimmed === '') continue;
    if (bullet) {
      const m = METADATA_BULLET.exec(trimmed);
      if (m) {
        const key = m[1]!.toLowerCase();
        bullets ??= new Map();
        if (!bullets.has(key)) bullets.set(key, { value: m[2]!.replace(HTML_COMMENT, '').trim(), line: lineNo });
      }
    }
    if (maybeDate && (trimmed.startsWith('Date:') || trimmed.startsWith('Fecha:'))) {
      const d = DATE_LINE.exec(trimmed);
      if (d) dateLine = d[1]!.trim();
    }
    // A `Status:` bullet's own link is read with the status, below.
    const link = linkHere && !(bullet && STATUS_BULLET.test(trimmed)) ? parseLinkLine(trimmed) : undefined;
    if (link) rawLinks.push({ link, line: lineNo });
    if (place === 'status' && !trimmed.startsWith('<!--')) statusLines.push(link ? { text: trimmed, line: lineNo, link } : { text: trimmed, line: lineNo });
  }

  let statusText = '';
  let statusAt: StatusPlace | undefined;
  let statusLine: number | undefined;
  const fmStatus = fm ? scalar(fm.status).trim() : '';
  const bulletStatus = bullets?.get('status');
  if (fmStatus !== '') {
    statusText = fmStatus;
    statusAt = 'front-matter';
    statusLine = 2;
  } else if (bulletStatus !== undefined && bulletStatus.value !== '') {
    // MADR 2's bullets, read even under a front matter block that has no status (site generators
    // add one for navigation).
    statusText = bulletStatus.value;
    statusAt = 'bullet';
    statusLine = bulletStatus.line;
  } else if (statusLines.length > 0) {
    const supersededBy = statusLines.find((l) => l.link !== undefined && linkKind(l.link.type) === 'superseded-by');
    const words = statusLines.find((l) => l.link === undefined) ?? supersededBy ?? statusLines[0]!;
    statusText = words.text;
    statusAt = 'section';
    statusLine = words.line;
  }

  const style = styleOf(kind.kind === 'dated', fm, bullets, statusHeading, body);
  let date: string | undefined;
  let deciders: string[] | undefined;
  const tags: string[] = [];
  if (fm) {
    date = scalar(fm.date) || undefined;
    deciders = list(fm['decision-makers'] ?? fm.deciders);
    for (const t of list(fm.tags) ?? []) tags.push(t);
  }
  if (bullets) {
    date ??= bullets.get('date')?.value || undefined;
    const d = bullets.get('deciders') ?? bullets.get('decision-makers');
    if (d !== undefined && deciders === undefined) deciders = splitNames(d.value);
    const t = bullets.get('tags')?.value;
    if (t) for (const tag of t.split(TAG_SPLIT)) if (tag !== '' && !PLACEHOLDER.test(tag) && !tags.includes(tag)) tags.push(tag);
  }
  date ??= dateLine;

  // Decoration ("✅ Accepted") is read past; the text as written is kept.
  let status = normaliseStatus(statusText);
  if (status === 'superseded') {
    // MADR 2/3/4 and log4brains write the successor in the status itself:
    // `superseded by [ADR-0012](0012-x.md)`, `superseded by ADR-0012`, `superseded by 20200101-x`.
    const inline = INLINE_LINK.exec(statusText);
    const l = inline ? linkTo('Superseded by', inline[1]!, inline[2] ?? inline[3]!) : undefined;
    if (l) {
      if (!rawLinks.some((r) => r.link.target === l.target && linkKind(r.link.type) === 'superseded-by')) rawLinks.push({ link: l, line: statusLine ?? titleLine });
    } else {
      const m = MADR_STATUS_LINK.exec(statusText);
      const slug = /^\W*superseded\s+by\s*:?\s*((?:19|20)\d{6}-[\w-]+)\s*$/i.exec(statusText);
      if (m) {
        const n = Number.parseInt(m[1]!, 10);
        if (!rawLinks.some((r) => r.link.number === n && linkKind(r.link.type) === 'superseded-by')) {
          rawLinks.push({ link: { type: 'Superseded by', number: n }, line: statusLine ?? titleLine });
        }
      } else if (slug) {
        const sl = linkTo('Superseded by', slug[1]!, `${slug[1]!}.md`);
        if (sl) rawLinks.push({ link: sl, line: statusLine ?? titleLine });
      }
    }
  } else if (
    statusAt === 'section' &&
    (status === 'accepted' || status === 'proposed' || status === 'unknown') &&
    statusLines.some((l) => l.link !== undefined && linkKind(l.link.type) === 'superseded-by')
  ) {
    // adr-tools removes only an "Accepted" line when it supersedes, so "Proposed" (or a hand-kept
    // "Accepted") can stand beside its "Superseded by" line: the link line is what counts. Words
    // written later ("Deprecated", "Rejected") say more than the link, and win.
    status = 'superseded';
  } else if (status === 'accepted' && rawLinks.some((r) => linkKind(r.link.type) === 'superseded-by')) {
    status = 'superseded';
  }
  if (statusText === '') {
    // MADR makes the status optional; log4brains reads a missing one as accepted.
    status = style === 'log4brains' ? 'accepted' : 'none';
    problems.push({
      rule: 'missing-status',
      message: style === 'log4brains' ? 'no status written; log4brains reads it as accepted' : 'no status written',
      line: titleLine,
    });
  }

  let wizard: AdrWizardBlock | undefined;
  const block = fm?.['adr-wizard'];
  if (block !== undefined) {
    wizard = toWizard(block);
    if (!wizard) problems.push({ rule: 'wizard-block', message: 'the adr-wizard block is incomplete (needs tree, outcome, drivers)', line: 2 });
  } else {
    // Nygard files have no front matter; adr-wizard keeps its block in an HTML comment there.
    const comment = WIZARD_COMMENT.exec(body);
    if (comment) {
      // Problems name the file's line: count the lines before the block's first one.
      const blockAt = content.length - body.length + comment.index + comment[0].length - comment[1]!.length - 3;
      let firstLine = 1;
      for (let i = content.indexOf('\n'); i >= 0 && i < blockAt; i = content.indexOf('\n', i + 1)) firstLine++;
      const parsed = parseFrontMatter(comment[1]!, firstLine, yaml);
      if (!parsed) return undefined;
      if (parsed.data) wizard = toWizard(parsed.data);
      else problems.push({ rule: 'wizard-block', message: `the adr-wizard block does not parse: ${parsed.problem}`, line: firstLine });
    }
  }

  const number = kind.kind === 'numbered' ? kind.number : 0;
  if (kind.kind === 'numbered' && titleNumber !== undefined && titleNumber !== number) {
    problems.push({ rule: 'title-number', message: `the title says ADR ${titleNumber} but the file name says ${number}`, line: titleLine });
  }
  if (!date && kind.kind === 'dated') date = kind.date;

  const links: AdrRecord['links'] = [];
  for (const { link: l, line } of rawLinks) {
    const known = l.target !== undefined ? byName?.get(l.target) : undefined;
    const n = known ?? l.number;
    if (n !== undefined) links.push(known !== undefined ? { type: l.type, number: n, target: l.target! } : { type: l.type, number: n });
    if (byName && l.target !== undefined && known === undefined) {
      problems.push({ rule: 'broken-link', message: `link "${l.type}" points to ${l.target}, which does not exist`, line, target: l.target });
    }
  }

  // One literal with the fields in one order: every record then shares one hidden class, which
  // keeps a log of 10,000 records small (an object spread here gave each record its own).
  const rec: AdrRecord = {
    number,
    title: title || nameTitle(name),
    status,
    statusText,
    file,
    links,
    style,
    tags,
    body: content,
  };
  if (statusAt !== undefined) rec.statusAt = statusAt;
  if (date !== undefined) rec.date = date;
  if (deciders && deciders.length > 0) rec.deciders = deciders;
  if (wizard) rec.wizard = wizard;
  if (problems.length > 0) rec.problems = problems;
  return rec;
}

export const STATUS_BULLET = /^[-*+]\s+Status\s*:/i;

/** The style a file is written in, from what it holds; see AdrStyle. */
function styleOf(
  dated: boolean,
  fm: FrontMatter | undefined,
  bullets: Map<string, unknown> | undefined,
  statusHeading: boolean,
  body: string,
): AdrStyle {
  if (dated) return 'log4brains';
  const metadata = (k: string) => fm !== undefined && Object.hasOwn(fm, k);
  const madrFront = ['status', 'date', 'deciders', 'decision-makers', 'consulted', 'informed'].some(metadata);
  if (madrFront) {
    if (metadata('decision-makers')) return 'madr4';
    if (metadata('deciders') || MADR3_HEADING.test(body)) return 'madr3';
    return 'madr4';
  }
  if (bullets && (bullets.has('status') || bullets.has('deciders') || bullets.has('date'))) return 'madr2';
  if (statusHeading) return 'nygard';
  if (MADR_HEADING.test(body) || MADR4_HEADING.test(body)) {
    // MADR without any metadata written: a front matter block (if only a site generator's) is where
    // MADR 3 and 4 keep it; MADR 2 has none.
    if (fm === undefined) return 'madr2';
    return MADR3_HEADING.test(body) ? 'madr3' : 'madr4';
  }
  return 'nygard';
}

function scalar(v: FrontMatterValue | undefined): string {
  if (v === undefined) return '';
  if (typeof v === 'string') return v;
  if (Array.isArray(v)) return v.map(scalar).join(', ');
  return '';
}

function splitNames(s: string): string[] {
  return s
    .split(',')
    .map((x) => x.trim())
    .filter((x) => x !== '' && !PLACEHOLDER.test(x));
}

function list(v: FrontMatterValue | undefined): string[] | undefined {
  if (v === undefined) return undefined;
  if (typeof v === 'string') return splitNames(v);
  if (Array.isArray(v)) return v.map(scalar).filter((x) => x !== '');
  return undefined;
}

function toWizard(v: FrontMatterValue): AdrWizardBlock | undefined {
  if (typeof v !== 'object' || Array.isArray(v)) return undefined;
  const tree = scalar(v.tree);
  const outcome = scalar(v.outcome);
  const driversRaw = v.drivers;
  if (!tree || !outcome || typeof driversRaw !== 'object' || Array.isArray(driversRaw)) return undefined;
  const drivers: Record<string, string> = {};
  for (const [k, val] of Object.entries(driversRaw)) drivers[k] = scalar(val);
  const out: AdrWizardBlock = {
    tree,
    reviewed: scalar(v.reviewed),
    outcome,
    drivers,
    assumed: list(v.assumed) ?? [],
  };
  const lang = scalar(v.lang);
  if (lang) out.lang = lang;
  return out;
}

/**
 * Walks the lines of a text by offsets, as `text.split(/\r?\n/)` would cut them; a line is cut out
 * as a string only when asked for.
 */
class LineScanner {
  /** The current line is source[start, end). */
  start = 0;
  end = 0;
  /** Where the line after the current one starts; -1 after the last line. */
  following = 0;
  // Where the next `](` link, `Date:` and `Fecha:` are (-1: nowhere ahead), each searched for once
  // and reused line after line.
  private link = -2;
  private date = -2;
  private fecha = -2;

  constructor(private readonly source: string) {}

  /** Continues from `offset` (a line start, or -1 for nothing). */
  restart(offset: number): void {
    this.following = offset;
    this.link = this.date = this.fecha = -2;
  }

  next(): boolean {
    if (this.following < 0) return false;
    this.start = this.following;
    const nl = this.source.indexOf('\n', this.start);
    if (nl < 0) {
      this.end = this.source.length;
      this.following = -1;
    } else {
      this.end = nl > this.start && this.source.charCodeAt(nl - 1) === 13 ? nl - 1 : nl;
      this.following = nl + 1;
    }
    return true;
  }

  text(): string {
    return this.source.slice(this.start, this.end);
  }

  startsWith(prefix: string): boolean {
    return this.end - this.start >= prefix.length && this.source.startsWith(prefix, this.start);
  }

  /** `-`, `*` or `+` first, as a list item starts. */
  startsWithBullet(): boolean {
    if (this.end === this.start) return false;
    const c = this.source.charCodeAt(this.start);
    return c === 45 || c === 42 || c === 43;
  }

  /** Whether the line holds `](`, as every Markdown link does. */
  hasLink(): boolean {
    this.link = this.ahead('](', this.link);
    return this.within(this.link, 2);
  }

  /** Whether the line holds `Date:` or `Fecha:`, as adr-tools' date line does. */
  hasDateLabel(): boolean {
    this.date = this.ahead('Date:', this.date);
    this.fecha = this.ahead('Fecha:', this.fecha);
    return this.within(this.date, 5) || this.within(this.fecha, 6);
  }

  private ahead(needle: string, known: number): number {
    return known === -2 || (known >= 0 && known < this.start) ? this.source.indexOf(needle, this.start) : known;
  }

  private within(at: number, length: number): boolean {
    return at >= 0 && at + length <= this.end;
  }
}
