// The log's health, read from disk: each record checked under the named rules (with today's
// trees for the decisions), and with `fix`, duplicate numbers renumbered and every reference
// updated. `adr-wizard doctor` and the MCP `doctor` tool print or return what this finds.
import { readFile, unlink } from 'node:fs/promises';
import { basename } from 'node:path';
import { UsageError } from '../../core/errors.js';
import type { AdrConfig } from '../../io/config.js';
import { createExclusive, replaceFile, withDirLock } from '../../io/fs.js';
import { applyRuleSettings, checkLog, decisionData, logEntry, needsDecisionData, type DecisionData, type Finding, type LogEntry } from '../doctor.js';
import { eachAdr } from '../log.js';
import { today } from '../slug.js';
import { planRenumbering, renumberOwnTitle, rewriteReferences } from './renumber.js';

/**
 * The log as the checks read it, one file at a time. Today's trees load at the first accepted
 * decision that needs them (a log without one never loads them), and each such decision is
 * re-walked as it is read.
 */
async function readEntries(dir: string, cwd: string, withDecisions: boolean): Promise<{ log: LogEntry[]; decisions?: DecisionData }> {
  const log: LogEntry[] = [];
  let decisions: DecisionData | undefined;
  let tried = !withDecisions;
  for await (const r of eachAdr(dir)) {
    if (!tried && needsDecisionData(r)) {
      tried = true;
      decisions = await loadDecisions(cwd);
    }
    log.push(logEntry(r, decisions));
  }
  return decisions ? { log, decisions } : { log };
}

async function loadDecisions(cwd: string): Promise<DecisionData | undefined> {
  try {
    const { loadDecisionSet } = await import('../../io/trees.js');
    const { trees, catalog } = await loadDecisionSet({ cwd, lenient: true });
    return decisionData(trees, catalog);
  } catch {
    // Broken trees are `validate`'s business; the stored review dates still serve.
    return undefined;
  }
}

interface Fixed {
  from: number;
  to: number;
  oldFile: string;
  newFile: string;
  updated: string[];
}

async function renumberDuplicates(dir: string, cwd: string): Promise<Fixed[]> {
  const fixed: Fixed[] = [];
  await withDirLock(dir, async () => {
    const { log } = await readEntries(dir, cwd, false);
    for (const move of planRenumbering(log, dir)) {
      const own = await readFile(move.oldFile, 'utf8');
      // Claim the new name first (whole file or nothing), then drop the old one.
      if (!(await createExclusive(move.newFile, renumberOwnTitle(rewriteReferences(own, move), move)))) {
        throw new UsageError(`cannot renumber ${basename(move.oldFile)}: ${basename(move.newFile)} already exists`);
      }
      await unlink(move.oldFile);
      const updated: string[] = [];
      for (const r of log) {
        if (r.file === move.oldFile) continue;
        let current: string;
        try {
          current = await readFile(r.file, 'utf8');
        } catch {
          continue; // a file removed meanwhile
        }
        const next = rewriteReferences(current, move);
        if (next !== current) {
          await replaceFile(r.file, next);
          updated.push(r.file);
        }
      }
      fixed.push({ ...move, updated });
      // The moved file is a file of the log under its new name for the next moves.
      const moved = log.find((r) => r.file === move.oldFile);
      if (moved) Object.assign(moved, { file: move.newFile, number: move.to });
    }
  });
  return fixed;
}

export interface Examination {
  /** How many records the log holds. */
  count: number;
  findings: Finding[];
  fixed: Fixed[];
}

export async function examineLog(input: { dir: string; cwd: string; config: AdrConfig; fix: boolean }): Promise<Examination> {
  const fixed = input.fix ? await renumberDuplicates(input.dir, input.cwd) : [];
  const { log, decisions } = await readEntries(input.dir, input.cwd, true);
  const findings = applyRuleSettings(checkLog(log, decisions, today()), input.config.doctor?.rules);
  return { count: log.length, findings, fixed };
}
