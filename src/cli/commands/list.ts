// `adr-wizard list [--status S] [--json]`: every ADR in the log, whatever tool wrote it.
import { basename, relative } from 'node:path';
import { findAdrDir, readLog } from '../../adr/log.js';
import { checkStatus } from '../../adr/lookup.js';
import type { AdrRecord } from '../../adr/types.js';
import { printJson, println, style } from '../messages.js';

interface ListOptions {
  status?: string;
  json?: boolean;
}

/** The `list --json` shape: stable, documented in docs/adr.md. */
export function listEntry(r: AdrRecord) {
  return {
    number: r.number,
    title: r.title,
    status: r.status,
    statusText: r.statusText,
    date: r.date ?? null,
    file: r.file,
    links: r.links.map((l) => ({ type: l.type, number: l.number })),
  };
}

export async function run(opts: ListOptions = {}): Promise<void> {
  const cwd = process.cwd();
  const wanted = opts.status !== undefined ? checkStatus(opts.status) : undefined;
  const { dir } = await findAdrDir(cwd);
  let log = await readLog(dir);
  if (wanted) log = log.filter((r) => r.status === wanted);
  if (opts.json) {
    printJson(log.map(listEntry));
    return;
  }
  if (log.length === 0) {
    process.stderr.write(`no ADRs in ${relative(cwd, dir) || dir}${wanted ? ` with status ${wanted}` : ''}\n`);
    return;
  }
  const width = Math.max(...log.map((r) => r.status.length));
  const lines: string[] = [];
  for (const r of log) {
    const colour = r.status === 'accepted' ? style.ok : r.status === 'proposed' ? style.warn : r.status === 'unknown' ? style.bad : style.dim;
    lines.push(
      `${style.id(String(r.number).padStart(4, '0'))}  ${colour(r.status.padEnd(width))}  ${r.title}  ${style.dim(relative(cwd, r.file) || basename(r.file))}`,
    );
  }
  println(lines.join('\n'));
}
