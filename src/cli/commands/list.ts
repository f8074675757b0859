// `adr-wizard list [--status S] [--json]`: every ADR in the log, whatever tool wrote it.
import { basename, relative } from 'node:path';
import { eachAdr} from '../../adr/log.js';
import { jsonArray, printPieces } from '../json-stream.js';
import { checkStatus } from '../../adr/lookup.js';
import type { AdrRecord } from '../../adr/types.js';
import { adrFolder } from '../adr-folder.js';

interface ListOptions {
  status?: string;
  json?: boolean;
}

/** The `list --json` shape: stable, documented in docs/adr.md. */
function listEntry(r: AdrRecord) {
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
  const { dir } = await adrFolder(cwd);
  const records = filtered(eachAdr(dir), wanted);
  if (opts.json) await printJsonArray(records);
  else await printTable(records, cwd, dir, wanted);
}

async function* filtered(records: AsyncIterable<AdrRecord>, status: string | undefined): AsyncGenerator<AdrRecord> {
  for await (const r of records) if (status === undefined || r.status === status) yield r;
}

async function printJsonArray(records: AsyncIterable<AdrRecord>): Promise<void> {
  await printPieces(withNewline(jsonArray(entries(records))));
}

async function* entries(records: AsyncIterable<AdrRecord>): AsyncGenerator<ReturnType<typeof listEntry>> {
  for await (const r of records) yield listEntry(r);
}

async function* withNewline(pieces: AsyncIterable<string>): AsyncGenerator<string> {
  yield* pieces;
  yield '\n';
}

async function printTable(records: AsyncIterable<AdrRecord>, cwd: string, dir: string, wanted: string | undefined): Promise<void> {
  // The status column is as wide as its longest word, so the rows wait for the whole log.
  const rows: { number: number; status: AdrRecord['status']; title: string; file: string }[] = [];
  for await (const r of records) rows.push({ number: r.number, status: r.status, title: r.title, file: r.file });
  if (rows.length === 0) {
    process.stderr.write(`no ADRs in ${relative(cwd, dir) || dir}${wanted ? ` with status ${wanted}` : ''}\n`);
    return;
  }
  // Colour only for the table: `--json` never loads chalk.
  const { println, style } = await import('../messages.js');
  const width = rows.reduce((w, r) => Math.max(w, r.status.length), 0);
  const lines: string[] = [];
  for (const r of rows) {
    const colour = r.status === 'accepted' ? style.ok : r.status === 'proposed' ? style.warn : r.status === 'unknown' ? style.bad : style.dim;
    lines.push(
      `${style.id(String(r.number).padStart(4, '0'))}  ${colour(r.status.padEnd(width))}  ${r.title}  ${style.dim(relative(cwd, r.file) || basename(r.file))}`,
    );
  }
  println(lines.join('\n'));
}
