// `adr-wizard doctor [--fix] [--format text|json|github]`: the log's health under named rules
// (docs/adr.md lists them), their severities set in `.adr-wizard.yaml`, as lines, JSON or GitHub
// Actions annotations; exit 2 when an error-severity finding remains.
import { readFile, unlink } from 'node:fs/promises';
import { basename, relative, sep } from 'node:path';
import { applyRuleSettings, checkLog, decisionData, logEntry, needsDecisionData, type DecisionData, type Finding, type LogEntry } from '../../adr/doctor.js';
import { githubAnnotation } from '../../adr/doctor/annotations.js';
import { planRenumbering, renumberOwnTitle, rewriteReferences } from '../../adr/doctor/renumber.js';
import { eachAdr } from '../../adr/log.js';
import { today } from '../../adr/slug.js';
import { didYouMean } from '../../core/did-you-mean.js';
import { UsageError } from '../../core/errors.js';
import { loadAdrConfig } from '../../io/config.js';
import { findUp } from '../../io/find-up.js';
import { createExclusive, replaceFile, withDirLock } from '../../io/fs.js';
import { adrFolder } from '../adr-folder.js';
import { DOCTOR_FORMATS } from '../option-values.js';
import { printJson, println, style } from '../messages.js';

interface DoctorOptions {
  fix?: boolean;
  /** Same as `--format json`, kept for scripts written before --format. */
  json?: boolean;
  format?: string;
}

const FORMATS = DOCTOR_FORMATS;
type Format = (typeof FORMATS)[number];

function formatOf(opts: DoctorOptions): Format {
  if (opts.format === undefined) return opts.json ? 'json' : 'text';
  const format = FORMATS.find((f) => f === opts.format);
  if (!format) throw new UsageError(`--format ${opts.format}: expected ${FORMATS.join(', ')}${didYouMean(opts.format, FORMATS)}`);
  if (opts.json && format !== 'json') throw new UsageError(`--json means --format json; it cannot go with --format ${format}`);
  return format;
}

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

export async function run(opts: DoctorOptions = {}): Promise<void> {
  const format = formatOf(opts);
  const cwd = process.cwd();
  const config = await loadAdrConfig(cwd);
  const { dir } = await adrFolder(cwd, config);
  const fixed = opts.fix ? await renumberDuplicates(dir, cwd) : [];
  const { log, decisions } = await readEntries(dir, cwd, true);

  const findings = applyRuleSettings(checkLog(log, decisions, today()), config.doctor?.rules);
  if (findings.some((f) => f.severity === 'error')) process.exitCode = 2;

  if (format === 'json') {
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
  if (format === 'github') {
    // Paths from the repository root, as GitHub matches annotations to the files of a change.
    const root = (await findUp(cwd, ['.git']))?.dir ?? cwd;
    for (const f of findings) println(githubAnnotation(f, relative(root, f.file).split(sep).join('/')));
    return;
  }
  if (findings.length === 0) {
    println(`${style.ok('ok')} ${log.length} ADR${log.length === 1 ? '' : 's'} in ${relative(cwd, dir) || dir}, no problems found`);
    return;
  }
  const tag = { error: style.bad('error'), warning: style.warn('warning'), info: style.id('info') };
  for (const f of findings) {
    println(`${relative(cwd, f.file)}${f.line !== undefined ? `:${f.line}` : ''}  ${tag[f.severity]}  ${f.message}  ${style.dim(f.rule)}`);
  }
  if (findings.some((f) => f.rule === 'duplicate-number') && !opts.fix) println(style.dim('run `adr-wizard doctor --fix` to renumber the later duplicates'));
}
