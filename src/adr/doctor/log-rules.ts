// The checks of the log's own shape: numbers, links, statuses, file names, what a file could not
// say, and decisions resting on old facts. Pure over the entries.
import { basename } from 'node:path';
import { DOCTOR_RULES } from '../../core/doctor-rules.js';
import { groupBy } from '../../core/group-by.js';
import type { Tree } from '../../core/types.js';
import { classifyFileName } from '../file-names.js';
import type { Finding, LogEntry } from './types.js';

export function duplicateNumbers(log: LogEntry[], out: Finding[]): void {
  for (const [n, recs] of groupBy(log, (r) => r.number)) {
    if (recs.length < 2) continue;
    const names = recs.map((x) => basename(x.file)).join(', ');
    for (const r of recs) {
      out.push({ rule: 'duplicate-number', severity: 'error', number: n, file: r.file, message: `ADR ${n} is used by ${recs.length} files: ${names}` });
    }
  }
}

/**
 * What reading each file found, under the rule that names it and at its line; then links to a
 * number no file has. A link to a missing file is reported once, where it is written.
 */
export function fileProblems(log: LogEntry[], out: Finding[]): void {
  const numbers = new Set(log.map((r) => r.number));
  for (const r of log) {
    const missingTargets = new Set<number>();
    for (const p of r.problems ?? []) {
      const finding: Finding = { rule: p.rule, severity: DOCTOR_RULES[p.rule], number: r.number, file: r.file, message: p.message };
      if (p.line !== undefined) finding.line = p.line;
      out.push(finding);
      // The missing file's number tells which of the record's links it is.
      const kind = p.target !== undefined ? classifyFileName(p.target) : undefined;
      if (kind?.kind === 'numbered') missingTargets.add(kind.number);
    }
    for (const l of r.links) {
      if (numbers.has(l.number) || missingTargets.has(l.number)) continue;
      out.push({ rule: 'broken-link', severity: 'error', number: r.number, file: r.file, message: `"${l.type}" links to ADR ${l.number}, which does not exist` });
    }
  }
}

export function unknownStatuses(log: LogEntry[], out: Finding[]): void {
  for (const r of log) {
    if (r.status !== 'unknown' || r.statusText === '') continue;
    const finding: Finding = {
      rule: 'unknown-status',
      severity: 'warning',
      number: r.number,
      file: r.file,
      message: `status "${r.statusText}" is not one of proposed, accepted, rejected, deprecated, superseded`,
    };
    if (r.statusLine !== undefined) finding.line = r.statusLine;
    out.push(finding);
  }
}

/**
 * A log with both `NNNN-` and `YYYYMMDD-` names: the dated files take the numbers after the highest
 * numbered file, so each numbered file added renumbers them. Said once, at the first dated file.
 */
export function mixedNaming(log: LogEntry[], out: Finding[]): void {
  const numbered: LogEntry[] = [];
  const dated: LogEntry[] = [];
  for (const r of log) {
    const kind = classifyFileName(basename(r.file)).kind;
    if (kind === 'numbered') numbered.push(r);
    else if (kind === 'dated') dated.push(r);
  }
  const first = dated[0];
  if (numbered.length === 0 || !first) return;
  const last = dated[dated.length - 1]!;
  const example = `${basename(first.file)} -> ${String(first.number).padStart(4, '0')}${basename(first.file).slice(8)}`;
  out.push({
    rule: 'mixed-naming',
    severity: 'info',
    number: first.number,
    file: first.file,
    message:
      `the log mixes ${numbered.length} numbered (NNNN-slug.md) and ${dated.length} dated (YYYYMMDD-slug.md) file names; ` +
      `dated files are numbered after the numbered ones (here ${first.number === last.number ? first.number : `${first.number} to ${last.number}`}), ` +
      `so each numbered file added moves them. Make it one way: rename the dated files to numbered names in this order (${example}, ...), ` +
      'or, to keep log4brains names, rename the numbered files to dated ones',
  });
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

export function staleTrees(log: LogEntry[], trees: ReadonlyMap<string, Tree> | undefined, today: string, out: Finding[]): void {
  for (const r of log) {
    if (r.status !== 'accepted' || !r.wizard) continue;
    const reviewed = trees?.get(r.wizard.tree)?.reviewed ?? r.wizard.reviewed;
    if (!/^\d{4}-\d{2}-\d{2}$/.test(reviewed) || addMonths(reviewed, 12) >= today) continue;
    const finding: Finding = {
      rule: 'stale-tree',
      severity: 'warning',
      number: r.number,
      file: r.file,
      message: `accepted on facts of the tree "${r.wizard.tree}" reviewed ${reviewed}, more than 12 months ago; revisit it (adr-wizard revisit ${r.number})`,
    };
    if (r.wizard.line !== undefined) finding.line = r.wizard.line;
    out.push(finding);
  }
}
