// `adr-wizard doctor [--fix] [--format text|json|github]`: the log's health under named rules
// (docs/adr.md lists them), their severities set in `.adr-wizard.yaml`, as lines, JSON or GitHub
// Actions annotations; exit 2 when an error-severity finding remains.
import { basename, relative, sep } from 'node:path';
import type { Finding } from '../../adr/doctor.js';
import { githubAnnotation } from '../../adr/doctor/annotations.js';
import { examineLog } from '../../adr/doctor/examine.js';
import { didYouMean } from '../../core/did-you-mean.js';
import { UsageError } from '../../core/errors.js';
import { loadAdrConfig } from '../../io/config.js';
import { findUp } from '../../io/find-up.js';
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

export async function run(opts: DoctorOptions = {}): Promise<void> {
  const format = formatOf(opts);
  const cwd = process.cwd();
  const config = await loadAdrConfig(cwd);
  const { dir } = await adrFolder(cwd, config);
  const { count, findings, fixed } = await examineLog({ dir, cwd, config, fix: opts.fix === true });
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
    println(`${style.ok('ok')} ${count} ADR${count === 1 ? '' : 's'} in ${relative(cwd, dir) || dir}, no problems found`);
    return;
  }
  const tag = { error: style.bad('error'), warning: style.warn('warning'), info: style.id('info') };
  for (const f of findings) {
    println(`${relative(cwd, f.file)}${f.line !== undefined ? `:${f.line}` : ''}  ${tag[f.severity]}  ${f.message}  ${style.dim(f.rule)}`);
  }
  if (findings.some((f) => f.rule === 'duplicate-number') && !opts.fix) println(style.dim('run `adr-wizard doctor --fix` to renumber the later duplicates'));
}
