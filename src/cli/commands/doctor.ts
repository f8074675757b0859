// `adr-wizard doctor [--fix] [--json]`: duplicate numbers, broken links, unknown statuses,
// unreadable front matter, accepted decisions resting on facts reviewed over a year ago.
import { readFile, unlink } from 'node:fs/promises';
import { basename, relative } from 'node:path';
import { checkLog, logEntry, planRenumbering, renumberOwnTitle, rewriteReferences, type Finding, type LogEntry } from '../../adr/doctor.js';
import { eachAdr} from '../../adr/log.js';
import { today } from '../../adr/slug.js';
import type { Tree } from '../../core/types.js';
import { createExclusive, replaceFile, withDirLock } from '../../io/fs.js';
import { UsageError } from '../../core/errors.js';
import { printJson, println, style } from '../messages.js';
import { adrFolder } from '../adr-folder.js';

interface DoctorOptions {
  fix?: boolean;
  json?: boolean;
}

/** The log as the checks read it, one file at a time. */
async function readEntries(dir: string): Promise<LogEntry[]> {
  const log: LogEntry[] = [];
  for await (const r of eachAdr(dir)) log.push(logEntry(r));
  return log;
}

async function loadTrees(cwd: string, log: LogEntry[]): Promise<Map<string, Tree> | undefined> {
  // Only accepted adr-wizard records are checked against their tree's review date: without one,
  // the decision trees are not loaded at all.
  if (!log.some((r) => r.status === 'accepted' && r.wizard)) return undefined;
  try {
    const { loadDecisionSet } = await import('../../io/trees.js');
    return (await loadDecisionSet({ cwd, lenient: true })).trees;
  } catch {
    // Broken trees are `validate`'s business; the stored review dates still serve.
    return undefined;
  }
}

export async function run(opts: DoctorOptions = {}): Promise<void> {
  const cwd = process.cwd();
  const { dir } = await adrFolder(cwd);
  let log = await readEntries(dir);
  const date = today();
  const fixed: { from: number; to: number; oldFile: string; newFile: string; updated: string[] }[] = [];

  if (opts.fix) {
    await withDirLock(dir, async () => {
      const plan = planRenumbering(log, dir);
      for (const move of plan) {
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
            continue; // renamed by an earlier move of this run
          }
          const next = rewriteReferences(current, move);
          if (next !== current) {
            await replaceFile(r.file, next);
            updated.push(r.file);
          }
        }
        fixed.push({ ...move, updated });
        log = await readEntries(dir);
      }
    });
  }

  const findings = checkLog(log, await loadTrees(cwd, log), date);
  const errors = findings.filter((f) => f.severity === 'error');
  if (errors.length > 0) process.exitCode = 2;

  if (opts.json) {
    printJson({
      dir,
      findings: findings.map((f: Finding) => ({ ...f })),
      fixed: fixed.map((f) => ({ from: f.from, to: f.to, oldFile: f.oldFile, newFile: f.newFile, updated: f.updated })),
    });
    return;
  }
  for (const f of fixed) {
    println(
      `${style.ok('fixed')} ${basename(f.oldFile)} -> ${basename(f.newFile)}${f.updated.length > 0 ? `; updated ${f.updated.map((u) => basename(u)).join(', ')}` : ''}`,
    );
  }
  if (findings.length === 0) {
    println(`${style.ok('ok')} ${log.length} ADR${log.length === 1 ? '' : 's'} in ${relative(cwd, dir) || dir}, no problems found`);
    return;
  }
  for (const f of findings) {
    const tag = f.severity === 'error' ? style.bad('error') : style.warn('warning');
    println(`${relative(cwd, f.file)}  ${tag}  ${f.message}  ${style.dim(f.rule)}`);
  }
  const dup = findings.some((f) => f.rule === 'duplicate-number');
  if (dup && !opts.fix) println(style.dim('run `adr-wizard doctor --fix` to renumber the later duplicates'));
}
