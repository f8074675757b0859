// Health checks of an ADR log, and the one repair worth automating: two branches that each added
// ADR 15 and merged cleanly. Checks are pure over the parsed log; the fix plans renames and edits.
import { basename, join } from 'node:path';
import type { Tree } from '../core/types.js';
import { nextNumberOf, standalone } from './log.js';
import { adrFileName } from './slug.js';
import type { AdrRecord, AdrWizardBlock } from './types.js';

export interface Finding {
  rule: 'duplicate-number' | 'broken-link' | 'unknown-status' | 'unreadable' | 'stale-tree';
  severity: 'error' | 'warning';
  number: number;
  file: string;
  message: string;
}

/**
 * What the checks and the repair read of a record: no text, so that a log of thousands of records
 * is held in little memory while it is checked.
 */
export interface LogEntry extends Pick<AdrRecord, 'number' | 'file' | 'links' | 'status' | 'statusText' | 'style' | 'date' | 'problems'> {
  wizard?: Pick<AdrWizardBlock, 'tree' | 'reviewed'>;
}

export function logEntry(r: AdrRecord): LogEntry {
  const entry: LogEntry = {
    number: r.number,
    file: r.file,
    links: r.links.map((l) => ({ type: standalone(l.type), number: l.number })),
    status: r.status,
    statusText: standalone(r.statusText),
    style: r.style,
  };
  if (r.date !== undefined) entry.date = standalone(r.date);
  if (r.problems !== undefined) entry.problems = r.problems.map((p) => ({ ...p, message: standalone(p.message) }));
  if (r.wizard !== undefined) entry.wizard = { tree: standalone(r.wizard.tree), reviewed: standalone(r.wizard.reviewed) };
  return entry;
}

/** Adds months to a YYYY-MM-DD date (day clamped), for the "reviewed over 12 months ago" rule. */
export function addMonths(date: string, months: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const total = y * 12 + (m - 1) + months;
  const ny = Math.floor(total / 12);
  const nm = (total % 12) + 1;
  const last = new Date(Date.UTC(ny, nm, 0)).getUTCDate();
  return `${ny}-${String(nm).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}

export function checkLog(log: LogEntry[], trees: Map<string, Tree> | undefined, today: string): Finding[] {
  const findings: Finding[] = [];
  const byNumber = groupByNumber(log);

  for (const [n, recs] of byNumber) {
    if (recs.length < 2) continue;
    for (const r of recs) {
      findings.push({
        rule: 'duplicate-number',
        severity: 'error',
        number: n,
        file: r.file,
        message: `ADR ${n} is used by ${recs.length} files: ${recs.map((x) => basename(x.file)).join(', ')}`,
      });
    }
  }
  for (const r of log) {
    for (const l of r.links) {
      if (!byNumber.has(l.number)) {
        findings.push({ rule: 'broken-link', severity: 'error', number: r.number, file: r.file, message: `"${l.type}" links to ADR ${l.number}, which does not exist` });
      }
    }
    for (const p of r.problems ?? []) {
      if (p.rule === 'missing-status') continue;
      const rule = p.rule === 'broken-link' ? 'broken-link' : 'unreadable';
      if (rule === 'broken-link' && r.links.some((l) => !byNumber.has(l.number) && p.message.includes(String(l.number).padStart(4, '0')))) continue;
      findings.push({ rule, severity: 'error', number: r.number, file: r.file, message: p.message });
    }
    if (r.status === 'unknown' && r.statusText !== '') {
      findings.push({
        rule: 'unknown-status',
        severity: 'warning',
        number: r.number,
        file: r.file,
        message: `status "${r.statusText}" is not one of proposed, accepted, rejected, deprecated, superseded`,
      });
    }
    if (r.status === 'accepted' && r.wizard) {
      const reviewed = trees?.get(r.wizard.tree)?.reviewed ?? r.wizard.reviewed;
      if (/^\d{4}-\d{2}-\d{2}$/.test(reviewed) && addMonths(reviewed, 12) < today) {
        findings.push({
          rule: 'stale-tree',
          severity: 'warning',
          number: r.number,
          file: r.file,
          message: `accepted on facts of the tree "${r.wizard.tree}" reviewed ${reviewed}, more than 12 months ago; revisit it (adr-wizard revisit ${r.number})`,
        });
      }
    }
  }
  return findings.sort((a, b) => a.number - b.number || (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
}

function groupByNumber(log: LogEntry[]): Map<number, LogEntry[]> {
  const byNumber = new Map<number, LogEntry[]>();
  for (const r of log) {
    const same = byNumber.get(r.number);
    if (same) same.push(r);
    else byNumber.set(r.number, [r]);
  }
  return byNumber;
}

interface Renumber {
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
