// Anchors of one exported document (Markdown or HTML): one per file. A number that one file has
// keeps `adr-0007`, as every export so far wrote it, so links people made into an export keep
// working. Each file of a number that several files share (two branches each added ADR 7) gets
// `adr-0007-<rest of its file name>` (`0007-use-kafka.md` -> `adr-0007-use-kafka`): named from the
// file, not from its place among the others, an anchor does not move when another file joins the
// number; a clash left (`0007-a.md` and `007-a.md`) takes `-2`, `-3`, ... in file name order.
import { basename } from 'node:path';
import { linkPath, numberedName } from '../../adr/file-names.js';
import type { AdrRecord } from '../../adr/types.js';

/** `1` -> `adr-0001`. */
function adrAnchor(n: number): string {
  return `adr-${String(n).padStart(4, '0')}`;
}

/** What is left of a file name without its number and `.md`, as an anchor may spell it. */
function fileSlug(name: string): string {
  return (numberedName(name)?.rest ?? name)
    .replace(/\.md$/i, '')
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

export interface ExportAnchors {
  /** The anchor of a record's section. */
  of(record: AdrRecord): string;
  /**
   * The anchor of the file a link in an ADR points to (`0002-x.md`, `./0002-x.md#context`,
   * `0002-a%20b.md`), or undefined when the link leads anywhere else (a URL, another file).
   */
  forHref(href: string): string | undefined;
}

export function exportAnchors(records: readonly AdrRecord[]): ExportAnchors {
  const perNumber = new Map<number, number>();
  for (const r of records) perNumber.set(r.number, (perNumber.get(r.number) ?? 0) + 1);
  const used = new Set<string>();
  const byRecord = new Map<AdrRecord, string>();
  const byName = new Map<string, string>();
  for (const r of records) {
    const base = adrAnchor(r.number);
    let anchor = base;
    if ((perNumber.get(r.number) ?? 0) > 1) {
      const slug = fileSlug(basename(r.file));
      const stem = slug === '' ? base : `${base}-${slug}`;
      anchor = stem;
      for (let k = 2; anchor === base || used.has(anchor); k++) anchor = `${stem}-${k}`;
    }
    used.add(anchor);
    byRecord.set(r, anchor);
    byName.set(basename(r.file), anchor);
  }
  return {
    of: (record) => byRecord.get(record) ?? adrAnchor(record.number),
    forHref(href) {
      const path = linkPath(href);
      return path === undefined ? undefined : byName.get(path.slice(path.lastIndexOf('/') + 1));
    },
  };
}
