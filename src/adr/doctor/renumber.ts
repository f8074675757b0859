// The one repair worth automating: two branches that each added ADR 15 and merged cleanly. The
// later file moves to the next free number; its heading and every link to it follow.
import { basename, join } from 'node:path';
import { nextNumberOf } from '../log.js';
import { adrFileName } from '../slug.js';
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
  const byNumber = groupByNumber(log);
  let next = nextNumberOf(log.map((r) => ({ name: basename(r.file), number: r.number })));
  const plan: Renumber[] = [];
  for (const n of [...byNumber.keys()].sort((a, b) => a - b)) {
    const recs = byNumber.get(n)!;
    if (recs.length < 2) continue;
    // log4brains files carry no number in their names: renumbering them means nothing.
    const movable = recs.filter((r) => r.style !== 'log4brains' && /^\d+-/.test(basename(r.file)) && !/^\d{8}-/.test(basename(r.file)));
    if (movable.length < 2) continue;
    const sorted = [...movable].sort((a, b) => {
      const da = a.date ?? '9999-99-99';
      const db = b.date ?? '9999-99-99';
      if (da !== db) return da < db ? -1 : 1;
      return basename(a.file) < basename(b.file) ? -1 : 1;
    });
    for (const r of sorted.slice(1)) {
      const slug = basename(r.file).replace(/^\d+-/, '').replace(/\.md$/i, '');
      plan.push({ from: n, to: next, oldFile: r.file, newFile: join(dir, adrFileName(next, slug)) });
      next++;
    }
  }
  return plan;
}

/** Rewrites references to a renamed ADR in one file's text: link targets and their `[N. ` text. */
export function rewriteReferences(content: string, move: Renumber): string {
  const oldName = basename(move.oldFile);
  const newName = basename(move.newFile);
  const escaped = oldName.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const re = new RegExp(`\\[(${move.from})\\.(\\s[^\\]]*)\\]\\((\\.\\/)?${escaped}\\)`, 'g');
  let out = content.replace(re, (_m, _n: string, rest: string, dot: string | undefined) => `[${move.to}.${rest}](${dot ?? ''}${newName})`);
  // Links whose text does not carry the number ([Title](file)).
  out = out.replace(new RegExp(`\\]\\((\\.\\/)?${escaped}\\)`, 'g'), (_m, dot: string | undefined) => `](${dot ?? ''}${newName})`);
  return out;
}

/** The renamed file's own text: its `# N. Title` heading, when it has one. */
export function renumberOwnTitle(content: string, move: Renumber): string {
  return content.replace(new RegExp(`^#\\s+${move.from}\\.\\s`, 'm'), `# ${move.to}. `);
}

export function groupByNumber(log: LogEntry[]): Map<number, LogEntry[]> {
  const byNumber = new Map<number, LogEntry[]>();
  for (const r of log) {
    const same = byNumber.get(r.number);
    if (same) same.push(r);
    else byNumber.set(r.number, [r]);
  }
  return byNumber;
}
