// Health checks of an ADR log, each under a named rule (the ids are a contract: CI settings and
// `.adr-wizard.yaml` name them, docs/adr.md lists them). The checks are pure over the parsed log;
// the rule families live in ./doctor/, the repair of duplicate numbers in ./doctor/renumber.ts.
import { DOCTOR_RULES, type DoctorRule, type RuleSetting } from '../core/doctor-rules.js';
import { adviceFindings } from './doctor/advice.js';
import { conflicts } from './doctor/conflicts.js';
import { lineOf, wizardLine } from './doctor/lines.js';
import { duplicateNumbers, fileProblems, mixedNaming, staleTrees, unknownStatuses } from './doctor/log-rules.js';
import type { DecisionData, Finding, LogEntry } from './doctor/types.js';
import { standalone } from './log.js';
import type { DriverCatalog, Tree } from '../core/types.js';
import type { AdrRecord } from './types.js';

export type { DecisionData, Finding, LogEntry } from './doctor/types.js';

/** Today's trees and drivers as the checks read them. */
export function decisionData(trees: Map<string, Tree>, catalog: DriverCatalog): DecisionData {
  const constrained = new Set<string>();
  for (const tree of trees.values()) for (const o of Object.values(tree.outcomes)) for (const d of Object.keys(o.constrains?.drivers ?? {})) constrained.add(d);
  return { trees, catalog, constrained };
}

/** Whether a record's decision is checked against today's trees (which are loaded only then). */
export function needsDecisionData(r: AdrRecord): boolean {
  return r.status === 'accepted' && r.wizard !== undefined;
}

/**
 * What the checks keep of a record, copied out of its text. An accepted decision is re-walked here,
 * while its text is at hand, when today's trees are given.
 */
export function logEntry(r: AdrRecord, decisions?: DecisionData): LogEntry {
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
  if (r.status === 'unknown') {
    const line = lineOf(r.body, r.statusText);
    if (line !== undefined) entry.statusLine = line;
  }
  if (r.wizard && r.status === 'accepted') {
    const w = r.wizard;
    const drivers: Record<string, string> = {};
    for (const d of decisions?.constrained ?? []) if (Object.hasOwn(w.drivers, d)) drivers[d] = standalone(w.drivers[d]!);
    entry.wizard = { tree: standalone(w.tree), reviewed: standalone(w.reviewed), outcome: standalone(w.outcome), drivers };
    if (w.lang !== undefined) entry.wizard.lang = standalone(w.lang);
    const line = wizardLine(r.body);
    if (line !== undefined) entry.wizard.line = line;
    if (decisions) entry.advice = adviceFindings(r, decisions);
  }
  return entry;
}

/** Every finding of the log at its rule's default severity, in number, file and line order. */
export function checkLog(log: LogEntry[], decisions: DecisionData | undefined, today: string): Finding[] {
  const findings: Finding[] = [];
  duplicateNumbers(log, findings);
  fileProblems(log, findings);
  unknownStatuses(log, findings);
  mixedNaming(log, findings);
  staleTrees(log, decisions?.trees, today, findings);
  for (const r of log) if (r.advice) findings.push(...r.advice);
  conflicts(log, decisions?.trees, findings);
  return findings.sort(
    (a, b) => a.number - b.number || (a.file < b.file ? -1 : a.file > b.file ? 1 : 0) || (a.line ?? 0) - (b.line ?? 0),
  );
}

/**
 * The configured severities over the defaults: `off` drops a rule's findings; a severity replaces
 * the rule's default. A finding a rule makes below its default (advice-changed's note that a tree
 * is gone) stays as it is.
 */
export function applyRuleSettings(findings: Finding[], settings: Partial<Record<DoctorRule, RuleSetting>> = {}): Finding[] {
  const out: Finding[] = [];
  for (const f of findings) {
    const setting = settings[f.rule];
    if (setting === 'off') continue;
    out.push(setting !== undefined && f.severity === DOCTOR_RULES[f.rule] ? { ...f, severity: setting } : f);
  }
  return out;
}
