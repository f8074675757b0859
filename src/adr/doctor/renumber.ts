// The one repair worth automating: two branches that each added ADR 15 and merged cleanly. The
// later file moves to the next free number; its heading and every link to it follow.
import { basename, join } from 'node:path';
import { groupBy } from '../../core/group-by.js';
import { nextNumberOf } from '../log.js';
import { linkTarget } from '../escape.js';
import { linkPath, numberedName, renumberedName } from '../file-names.js';
import type { LogEntry } from './types.js';

export interface Renumber {
  from: number;
  to: number;
  oldFile: string;
  newFile: string;
}

/**
 * For each number used by several files, keeps the earliest (by date, then by file name) and moves
 * each later one to the next free number.
 */
export function planRenumbering(log: LogEntry[], dir: string): Renumber[] {
  const byNumber = groupBy(log, (r) => r.number);
  let next = nextNumberOf(log.map((r) => ({ name: basename(r.file), number: r.number })));
  const plan: Renumber[] = [];
  for (const n of [...byNumber.keys()].sort((a, b) => a - b)) {
    const recs = byNumber.get(n)!;
    if (recs.length < 2) continue;
    // log4brains files carry no number in their names: renumbering them means nothing.
    const movable = recs.filter((r) => numberedName(basename(r.file)) !== undefined);
    if (movable.length < 2) continue;
    const sorted = [...movable].sort((a, b) => {
      const da = a.date ?? '9999-99-99';
      const db = b.date ?? '9999-99-99';
      if (da !== db) return da < db ? -1 : 1;
      return basename(a.file) < basename(b.file) ? -1 : 1;
    });
    for (const r of sorted.slice(1)) {
      plan.push({ from: n, to: next, oldFile: r.file, newFile: join(dir, renumberedName(basename(r.file), next)!) });
      next++;
    }
  }
  return plan;
}

// A Markdown link: its text and its destination, bare (`0002-x.md`, `0002-c%23.md`) or in angle
// brackets (`<0002-a b.md>`), with an optional `./` and `#fragment`.
const MARKDOWN_LINK = /\[([^\]\n]*)\]\((?:<([^>\n]+)>|([^)\s]+))\)/g;

/**
 * Rewrites references to a renamed ADR in one file's text: every link whose destination names the
 * old file (however it is written: encoded, in angle brackets, with `./` or a fragment) goes to the
 * new one, written as links are (escape.ts linkTarget), and a `N. ` or `ADR-000N` link text follows.
 */
export function rewriteReferences(content: string, move: Renumber): string {
  const oldName = basename(move.oldFile);
  const newName = basename(move.newFile);
  return content.replace(MARKDOWN_LINK, (whole, text: string, angled: string | undefined, bare: string | undefined) => {
    const dest = angled ?? bare!;
    if (linkPath(dest) !== oldName) return whole;
    const dot = dest.startsWith('./') ? './' : '';
    const hash = dest.indexOf('#');
    const fragment = hash >= 0 ? dest.slice(hash) : '';
    const newText = text
      .replace(new RegExp(`^${move.from}\\.(?=\\s)`), `${move.to}.`)
      .replace(new RegExp(`^ADR-0*${move.from}$`, 'i'), (t) => `ADR-${String(move.to).padStart(t.length - 4, '0')}`);
    return `[${newText}](${dot}${linkTarget(newName)}${fragment})`;
  });
}

/** The renamed file's own text: its `# N. Title` heading, when it has one. */
export function renumberOwnTitle(content: string, move: Renumber): string {
  return content.replace(new RegExp(`^#\\s+${move.from}\\.\\s`, 'm'), `# ${move.to}. `);
}
