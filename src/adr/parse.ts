// Reads one ADR file, whichever tool wrote it: adr-tools / Nygard, MADR 2, 3 and 4, log4brains,
// and adr-wizard's own output (MADR 4 or Nygard plus an `adr-wizard` block).
import { basename } from 'node:path';
import { parseFrontMatter, splitFrontMatter, type FrontMatter, type FrontMatterValue } from './front-matter.js';
import { linkKind, normaliseStatus } from './status.js';
import type { AdrRecord, AdrStyle, AdrWizardBlock } from './types.js';

/** A link as written, before the log maps its target file to an ADR number. */
export interface RawLink {
  type: string;
  /** The target file's base name, when the link names a file. */
  target?: string;
  /** The number when the link names one directly (`ADR-0012`, `[12. Title]`). */
  number?: number;
}

export interface ParsedAdr extends Omit<AdrRecord, 'links'> {
  rawLinks: RawLink[];
}

export type FileNameKind =
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
  const dated = DATED.exec(name);
  if (dated) return { kind: 'dated', date: `${dated[1]}-${dated[2]}-${dated[3]}` };
  const numbered = NUMBERED.exec(name);
  if (numbered) return { kind: 'numbered', number: Number.parseInt(numbered[1]!, 10) };
  return { kind: 'other' };
}

/** `Supersedes [2. Foo](0002-foo.md)`, `- Amended by [Title](20240101-x.md)`, one per line. */
const LINK_LINE = /^(?:[-*+]\s+)?([A-Za-zÁÉÍÓÚáéíóúñÑ][A-Za-zÁÉÍÓÚáéíóúñÑ' -]{0,40}?)(?::)?\s+\[([^\]\n]*)\]\(<?([^)\s>]+)>?\)\s*\.?$/;
const MADR_STATUS_LINK = /\bADR[- ]?0*(\d+)\b/i;

export function parseLinkLine(line: string): RawLink | undefined {
  // Cheap test first: this runs on every line of every ADR when a log is listed.
  if (!line.includes('](')) return undefined;
  const m = LINK_LINE.exec(line.trim());
  if (!m) return undefined;
  const type = m[1]!.trim();
  const text = m[2]!;
  const href = decodeURIComponentSafe(m[3]!);
  const target = href.replace(/^\.\//, '').replace(/#.*$/, '');
  // Only links to a sibling ADR file count: `Decision [x](https://...)` is prose.
  if (target.includes('/') || !/\.md$/i.test(target)) return undefined;
  const kind = classifyFileName(basename(target));
  if (kind.kind === 'other') return undefined;
  const fromText = /^\s*(\d+)\.\s/.exec(text);
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

/** Parses one ADR. `number` is 0 for dated (log4brains) files: the log assigns it. */
export async function parseAdr(file: string, content: string): Promise<ParsedAdr> {
  const name = basename(file);
  const kind = classifyFileName(name);
  const problems: string[] = [];
  const { frontMatter, body } = splitFrontMatter(content);
  let fm: FrontMatter | undefined;
  if (frontMatter !== undefined) {
    try {
      fm = await parseFrontMatter(frontMatter);
    } catch (err: unknown) {
      // The YAML parser counts lines from the first line after `---`; the user counts from the file's.
      const message = firstLine(err instanceof Error ? err.message : String(err))
        .replace(/at line (\d+)/, (_m, n: string) => `at line ${Number(n) + 1}`)
        .replace(/:\s*$/, '');
      problems.push(`front matter does not parse: ${message}`);
    }
  }

  const lines = body.split(/\r?\n/);
  let title = '';
  let titleNumber: number | undefined;
  let titleIndex = -1;
  for (let i = 0; i < lines.length; i++) {
    if (!lines[i]!.startsWith('# ') && !lines[i]!.startsWith('#\t')) continue;
    const m = /^#\s+(.*?)\s*#*\s*$/.exec(lines[i]!);
    if (m) {
      titleIndex = i;
      const numbered = /^(\d+)\.\s+(.*)$/.exec(m[1]!);
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
  let statusText = '';
  let date: string | undefined;
  let deciders: string[] | undefined;
  let style: AdrStyle;

  // Bullet metadata (MADR 2, log4brains): `* Status: accepted`, `- Date: 2020-01-01`, before any `##`.
  const bullets = new Map<string, string>();
  for (let i = titleIndex + 1; i < lines.length; i++) {
    const line = lines[i]!;
    if (line.startsWith('## ')) break;
    const c = line.charCodeAt(0);
    if (c !== 45 && c !== 42 && c !== 43) continue; // - * +
    const m = /^[-*+]\s+([A-Za-z][A-Za-z -]*?)\s*:\s*(.*)$/.exec(line.trim());
    if (m) bullets.set(m[1]!.toLowerCase(), m[2]!.trim());
  }

  if (fm) {
    style = 'madr';
    statusText = scalar(fm.status);
    date = scalar(fm.date) || undefined;
    deciders = list(fm['decision-makers'] ?? fm.deciders);
  } else if (bullets.has('status')) {
    style = kind.kind === 'dated' ? 'log4brains' : 'madr';
    statusText = bullets.get('status') ?? '';
    date = bullets.get('date') || undefined;
    const d = bullets.get('deciders') ?? bullets.get('decision-makers');
    if (d !== undefined) deciders = splitNames(d);
  } else {
    style = kind.kind === 'dated' ? 'log4brains' : 'nygard';
  }

  // adr-tools puts status words and link lines in the `## Status` section.
  let inStatus = false;
  const statusLines: string[] = [];
  for (let i = titleIndex + 1; i < lines.length; i++) {
    const line = lines[i]!;
    if (line.startsWith('## ')) {
      inStatus = STATUS_HEADING.test(line);
      continue;
    }
    const trimmed = line.trim();
    if (trimmed === '') continue;
    if (!date && !fm && (trimmed.startsWith('Date:') || trimmed.startsWith('Fecha:'))) {
      const d = /^(?:Date|Fecha):\s*(\S.*)$/.exec(trimmed);
      if (d) date = d[1]!.trim();
    }
    const link = parseLinkLine(trimmed);
    if (link) {
      rawLinks.push(link);
      if (inStatus) statusLines.push(trimmed);
      continue;
    }
    if (inStatus) statusLines.push(trimmed);
  }
  let statusSectionSuperseded = false;
  if (!fm && !bullets.has('status') && statusLines.length > 0) {
    const supersededBy = statusLines.find((l) => {
      const link = parseLinkLine(l);
      return link !== undefined && linkKind(link.type) === 'superseded-by';
    });
    statusSectionSuperseded = supersededBy !== undefined;
    statusText = statusLines.find((l) => !parseLinkLine(l)) ?? supersededBy ?? statusLines[0]!;
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
    const comment = /<!--\s*adr-wizard\s*\n([\s\S]*?)-->/.exec(body);
    if (comment) {
      try {
        wizard = toWizard(await parseFrontMatter(comment[1]!));
      } catch (err: unknown) {
        problems.push(`the adr-wizard block does not parse: ${firstLine(err instanceof Error ? err.message : String(err))}`);
      }
    }
  }

  const number = kind.kind === 'numbered' ? kind.number : 0;
  if (kind.kind === 'numbered' && titleNumber !== undefined && titleNumber !== number) {
    problems.push(`the title says ADR ${titleNumber} but the file name says ${number}`);
  }
  if (!date && kind.kind === 'dated') date = kind.date;

  const rec: ParsedAdr = {
    number,
    title: title || name.replace(/^\d+-/, '').replace(/\.md$/i, '').replace(/-/g, ' '),
    status,
    statusText,
    file,
    rawLinks,
    style,
    body: content,
  };
  if (date !== undefined) rec.date = date;
  if (deciders && deciders.length > 0) rec.deciders = deciders;
  if (wizard) rec.wizard = wizard;
  if (problems.length > 0) rec.problems = problems;
  return rec;
}

function firstLine(s: string): string {
  return s.split('\n')[0] ?? s;
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
    .filter((x) => x !== '' && !/^\{.*\}$/.test(x));
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
