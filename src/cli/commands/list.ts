// `adr-wizard list [--status S] [--tag T]... [--tree T]... [--json]`: every ADR in the log,
// whatever tool wrote it.
import { basename, relative } from 'node:path';
import { listEntry, listRecords } from '../../adr/query-log.js';
import { printJsonArray } from '../json-stream.js';
import { describeFilter, recordFilter, TreesSeen } from '../../adr/search.js';
import type { AdrRecord } from '../../adr/types.js';
import { adrFolder } from '../adr-folder.js';
import { statusStyle } from '../status-style.js';

interface ListOptions {
  status?: string;
  tag?: string[];
  tree?: string[];
  json?: boolean;
}

export async function run(opts: ListOptions = {}): Promise<void> {
  const cwd = process.cwd();
  const filter = recordFilter(opts);
  const { dir } = await adrFolder(cwd);
  const trees = filter.trees.length > 0 ? new TreesSeen() : undefined;
  const records = listRecords(dir, filter, trees ? { seen: trees } : {});
  if (opts.json) await printJsonArray(records, listEntry);
  else await printTable(records, cwd, dir, async () => `${describeFilter(filter, opts)}${(await trees?.hint(filter.trees)) ?? ''}`);
}

async function printTable(records: AsyncIterable<AdrRecord>, cwd: string, dir: string, filterWords: () => Promise<string>): Promise<void> {
  // The status column is as wide as its longest word, so the rows wait for the whole log.
  const rows: { number: number; status: AdrRecord['status']; title: string; file: string }[] = [];
  for await (const r of records) rows.push({ number: r.number, status: r.status, title: r.title, file: r.file });
  if (rows.length === 0) {
    process.stderr.write(`no ADRs in ${relative(cwd, dir) || dir}${await filterWords()}\n`);
    return;
  }
  // Colour only for the table: `--json` never loads chalk.
  const { println, style } = await import('../messages.js');
  const width = rows.reduce((w, r) => Math.max(w, r.status.length), 0);
  const lines: string[] = [];
  for (const r of rows) {
    lines.push(
      `${style.id(String(r.number).padStart(4, '0'))}  ${statusStyle(style, r.status)(r.status.padEnd(width))}  ${r.title}  ${style.dim(relative(cwd, r.file) || basename(r.file))}`,
    );
  }
  println(lines.join('\n'));
}
