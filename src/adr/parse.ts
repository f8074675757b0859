// Reads one ADR file, whichever tool wrote it: adr-tools / Nygard, MADR 2, 3 and 4, log4brains,
// and adr-wizard's own output (MADR 4 or Nygard plus an `adr-wizard` block).
import { basename } from 'node:path';
import { loadYamlReader, parseFrontMatter, splitFrontMatter, type FrontMatter, type FrontMatterValue, type YamlReader } from './front-matter.js';
import { linkKind, normaliseStatus } from './status.js';
import type { AdrRecord, AdrStyle, AdrWizardBlock } from './types.js';

/** A link as written, before its target file is mapped to an ADR number. */
interface RawLink {
  type: string;
  /** The target file's base name, when the link names a file. */
  target?: string;
  /** The number when the link names one directly (`ADR-0012`, `[12. Title]`). */
  number?: number;
}

type FileNameKind =
  | { kind: 'numbered'; number: number }
  | { kind: 'dated'; date: string }
  | { kind: 'other' };

const NUMBERED = /^(\d{1,7})-.+\.md$/i;
const DATED = /^((?:19|20)\d\d)(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])-.+\.md$/i;

/**
 * Classifies an ADR file name. log4brains names files `YYYYMMDD-slug.md` (no number); such a name
 * is never read as ADR number 20,260,101.
 */
export function classifyFileName(name: string): FileNameKind {
  // Tests, then cuts by position: no match arrays for the names of a whole folder.
  if (DATED.test(name)) return { kind: 'dated', date: `${name.slice(0, 4)}-${name.slice(4, 6)}-${name.slice(6, 8)}` };
  // parseInt reads the leading digits and stops at the dash.
  if (NUMBERED.test(name)) return { kind: 'numbered', number: Number.parseInt(name, 10) };
  return { kind: 'other' };
}

/** `Supersedes [2. Foo](0002-foo.md)`, `- Amended by [Title](20240101-x.md)`, one per line. */
const LINK_LINE = /^(?:[-*+]\s+)?([A-Za-zÁÉÍÓÚáéíóúñÑ][A-Za-zÁÉÍÓÚáéíóúñÑ' -]{0,40}?)(?::)?\s+\[([^\]\n]*)\]\(<?([^)\s>]+)>?\)\s*\.?$/;
const MADR_STATUS_LINK = /\bADR[- ]?0*(\d+)\b/i;
// Made once, as every pattern of this file: a regular expression literal inside a function is a new
// object at every call, and these run for every ADR of a log.
const DOT_SLASH = /^\.\//;
const FRAGMENT = /#.*$/;
const MD_FILE = /\.md$/i;
const NUMBER_IN_TEXT = /^\s*(\d+)\.\s/;
const WIZARD_COMMENT = /<!--\s*adr-wizard\s*\n([\s\S]*?)-->/;
const PLACEHOLDER = /^\{.*\}$/;

export function parseLinkLine(line: string): RawLink | undefined {
  // Cheap test first: this runs on every line of every ADR when a log is listed.
  if (!line.includes('](')) return undefined;
  const m = LINK_LINE.exec(line.trim());
  if (!m) return undefined;
  const type = m[1]!.trim();
  const text = m[2]!;
  const href = decodeURIComponentSafe(m[3]!);
  const target = href.replace(DOT_SLASH, '').replace(FRAGMENT, '');
  // Only links to a sibling ADR file count: `Decision [x](https://...)` is prose.
  if (target.includes('/') || !MD_FILE.test(target)) return undefined;
  const kind = classifyFileName(basename(target));
  if (kind.kind === 'other') return undefined;
  const fromText = NUMBER_IN_TEXT.exec(text);
  return {
    type,
    target: basename(target),
    number: kind.kind === 'numbered' ? kind.number : fromText ? Number.parseInt(fromText[1]!, 10) : undefined,
  };
}

function decodeURIComponentSafe(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

const STATUS_HEADING = /^##\s+(status|estado)\s*$/i;
const TITLE = /^#\s+(.*?)\s*#*\s*$/;
const NUMBERED_TITLE = /^(\d+)\.\s+(.*)$/;
const BULLET = /^[-*+]\s+([A-Za-z][A-Za-z -]*?)\s*:\s*(.*)$/;
const DATE_LINE = /^(?:Date|Fecha):\s*(\S.*)$/;

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
  const problems: string[] = [];
  const { frontMatter, body } = splitFrontMatter(content);
  let fm: FrontMatter | undefined;
  if (frontMatter !== undefined) {
    // The front matter starts on the file's second line, after the opening `---`.
    const parsed = parseFrontMatter(frontMatter, 2, yaml);
    if (!parsed) return undefined;
    if (parsed.data) fm = parsed.data;
    else problems.push(`front matter does not parse: ${parsed.problem}`);
  }

  // The body is scanned line by line without splitting it: a log of 10,000 ADRs has a quarter of a
  // million lines, and only headings, bullets, dates, link lines and the status section matter.
  // A line becomes a string only when it may be one of those.
  const lines = new LineScanner(body);
  let title = '';
  let titleNumber: number | undefined;
  let afterTitle = 0;
  while (lines.next()) {
    if (!lines.startsWith('# ') && !lines.startsWith('#\t')) continue;
    const m = TITLE.exec(lines.text());
    if (m) {
      afterTitle = lines.following;
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

  const rawLinks: RawLink[] = [];
  // Bullet metadata (MADR 2, log4brains): `* Status: accepted`, `- Date: 2020-01-01`, before any `##`.
  // Most files have none: the map is made for the first one.
  let bullets: Map<string, string> | undefined;
  // adr-tools puts status words and link lines in the `## Status` section.
  const statusLines: { text: string; link?: RawLink }[] = [];
  // A `Date:` line (adr-tools) counts only without front matter; the first one wins.
  let dateLine: string | undefined;
  let inSections = false;
  let inStatus = false;
  lines.restart(afterTitle);
  while (lines.next()) {
    if (lines.startsWith('## ')) {
      inSections = true;
      inStatus = STATUS_HEADING.test(lines.text());
      continue;
    }
    const bullet = !inSections && lines.startsWithBullet();
    const maybeDate = !fm && dateLine === undefined && lines.hasDateLabel();
    if (!inStatus && !bullet && !maybeDate && !lines.hasLink()) continue;
    const line = lines.text();
    if (bullet) {
      const m = BULLET.exec(line.trim());
      if (m) (bullets ??= new Map()).set(m[1]!.toLowerCase(), m[2]!.trim());
    }
    const trimmed = line.trim();
    if (trimmed === '') continue;
    if (maybeDate && (trimmed.startsWith('Date:') || trimmed.startsWith('Fecha:'))) {
      const d = DATE_LINE.exec(trimmed);
      if (d) dateLine = d[1]!.trim();
    }
    const link = parseLinkLine(trimmed);
    if (link) rawLinks.push(link);
    if (inStatus) statusLines.push(link ? { text: trimmed, link } : { text: trimmed });
  }

  let statusText = '';
  let date: string | undefined;
  let deciders: string[] | undefined;
  let style: AdrStyle;
  if (fm) {
    style = 'madr';
    statusText = scalar(fm.status);
    date = scalar(fm.date) || undefined;
    deciders = list(fm['decision-makers'] ?? fm.deciders);
  } else if (bullets?.has('status')) {
    style = kind.kind === 'dated' ? 'log4brains' : 'madr';
    statusText = bullets.get('status') ?? '';
    date = bullets.get('date') || dateLine;
    const d = bullets.get('deciders') ?? bullets.get('decision-makers');
    if (d !== undefined) deciders = splitNames(d);
  } else {
    style = kind.kind === 'dated' ? 'log4brains' : 'nygard';
    date = dateLine;
  }

  let statusSectionSuperseded = false;
  if (!fm && !bullets?.has('status') && statusLines.length > 0) {
    const supersededBy = statusLines.find((l) => l.link !== undefined && linkKind(l.link.type) === 'superseded-by');
    statusSectionSuperseded = supersededBy !== undefined;
    statusText = (statusLines.find((l) => l.link === undefined) ?? supersededBy ?? statusLines[0]!).text;
  }

  // MADR 4: `status: superseded by ADR-0012`; log4brains: `superseded by [20200101-x](20200101-x.md)`.
  let status = normaliseStatus(statusText);
  if (status === 'superseded') {
    const inline = /\[([^\]]*)\]\(([^)]+)\)/.exec(statusText);
    if (inline) {
      const l = parseLinkLine(`Superseded by [${inline[1]}](${inline[2]})`);
      if (l && !rawLinks.some((r) => r.target === l.target && linkKind(r.type) === 'superseded-by')) rawLinks.push(l);
    } else {
      const m = MADR_STATUS_LINK.exec(statusText);
      if (m) {
        const n = Number.parseInt(m[1]!, 10);
        if (!rawLinks.some((r) => r.number === n && linkKind(r.type) === 'superseded-by')) {
          rawLinks.push({ type: 'Superseded by', number: n });
        }
      }
    }
  } else if (statusSectionSuperseded || (status === 'accepted' && rawLinks.some((r) => linkKind(r.type) === 'superseded-by'))) {
    // adr-tools removes only an "Accepted" line when it supersedes, so "Proposed" (or a hand-kept
    // "Accepted") can stand beside its "Superseded by" line: the link line is what counts.
    status = 'superseded';
  }
  if (statusText === '' && status === 'unknown' && problems.length === 0) problems.push('no status found');

  let wizard: AdrWizardBlock | undefined;
  const block = fm?.['adr-wizard'];
  if (block !== undefined) {
    wizard = toWizard(block);
    if (!wizard) problems.push('the adr-wizard block is incomplete (needs tree, outcome, drivers)');
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
      else problems.push(`the adr-wizard block does not parse: ${parsed.problem}`);
    }
  }

  const number = kind.kind === 'numbered' ? kind.number : 0;
  if (kind.kind === 'numbered' && titleNumber !== undefined && titleNumber !== number) {
    problems.push(`the title says ADR ${titleNumber} but the file name says ${number}`);
  }
  if (!date && kind.kind === 'dated') date = kind.date;

  const links: AdrRecord['links'] = [];
  for (const l of rawLinks) {
    const n = (l.target !== undefined ? byName?.get(l.target) : undefined) ?? l.number;
    if (n !== undefined) links.push({ type: l.type, number: n });
    if (byName && l.target !== undefined && !byName.has(l.target)) {
      problems.push(`link "${l.type}" points to ${l.target}, which does not exist`);
    }
  }

  // One literal with the fields in one order: every record then shares one hidden class, which
  // keeps a log of 10,000 records small (an object spread here gave each record its own).
  const rec: AdrRecord = {
    number,
    title: title || name.replace(/^\d+-/, '').replace(/\.md$/i, '').replace(/-/g, ' '),
    status,
    statusText,
    file,
    links,
    style,
    body: content,
  };
  if (date !== undefined) rec.date = date;
  if (deciders && deciders.length > 0) rec.deciders = deciders;
  if (wizard) rec.wizard = wizard;
  if (problems.length > 0) rec.problems = problems;
  return rec;
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
