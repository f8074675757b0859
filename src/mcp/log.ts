// The ADR log for an assistant: list, read, search, and the changes `status`, `new --supersedes`,
// `link` and `doctor` make, through the same functions as the CLI and inside the working folder.
import { readFile } from 'node:fs/promises';
import { readNumbered } from '../adr/lookup.js';
import { findRecords, listEntry, listRecords, searchEntry } from '../adr/query-log.js';
import { parseQuery, recordFilter } from '../adr/search.js';
import type { AdrRecord } from '../adr/types.js';
import { adrDirOf, adrFiles, shown, type Project } from './project.js';
import type { Answer } from './results.js';

interface Filters {
  status?: string;
  tag?: string[];
  tree?: string[];
  since?: string;
}

const pad = (n: number) => String(n).padStart(4, '0');

/** The log's folder and its files, every one checked to be inside the working folder. */
async function openLog(project: Project) {
  const { dir, config } = await adrDirOf(project);
  return { dir, config, files: await adrFiles(project, dir) };
}

export async function listAdrs(project: Project, args: Filters): Promise<Answer<{ adrs: unknown[] }>> {
  const filter = recordFilter(args);
  const { dir, files } = await openLog(project);
  const adrs: ReturnType<typeof listEntry>[] = [];
  for await (const r of listRecords(dir, filter, { listed: files })) adrs.push({ ...listEntry(r), file: shown(project, r.file) });
  const text =
    adrs.length === 0
      ? `No ADRs in ${shown(project, dir)}${files.length > 0 ? ' match the filters' : ''}.`
      : adrs.map((a) => `- ${pad(a.number)} [${a.status}] ${a.title} (${a.file})`).join('\n');
  return { text, data: { adrs } };
}

/** The log's numbers, from its file names: what completing `adr://` needs, without reading a record. */
export async function adrNumbers(project: Project): Promise<number[]> {
  return (await openLog(project)).files.map((f) => f.number);
}

/** ADR n, read from the checked listing: exactly one file, or the CLI's error. */
async function readOne(project: Project, n: number): Promise<AdrRecord> {
  const { dir, files } = await openLog(project);
  return readNumbered(dir, files, n, project.root);
}

export async function readAdrText(project: Project, n: number): Promise<{ record: AdrRecord; content: string }> {
  const record = await readOne(project, n);
  return { record, content: await readFile(record.file, 'utf8') };
}

export async function readAdrTool(project: Project, n: number): Promise<Answer<Record<string, unknown>>> {
  const { record, content } = await readAdrText(project, n);
  return { text: content, data: { ...listEntry(record), file: shown(project, record.file), content } };
}

export async function searchAdrs(project: Project, args: Filters & { words: string[] }): Promise<Answer<{ adrs: unknown[] }>> {
  const query = parseQuery(args.words);
  const filter = recordFilter(args);
  const { dir, files } = await openLog(project);
  const adrs: ReturnType<typeof searchEntry>[] = [];
  for await (const found of findRecords(dir, query, filter, { listed: files })) adrs.push({ ...searchEntry(found), file: shown(project, found.rec.file) });
  const text =
    adrs.length === 0
      ? `No ADR matches ${query.terms.map((t) => JSON.stringify(t.text)).join(' ')}.`
      : adrs.map((a) => [`- ${pad(a.number)} [${a.status}] ${a.title} (${a.file})`, ...a.matches.map((m) => `  ${a.file}:${m.line}: ${m.text}`)].join('\n')).join('\n');
  return { text, data: { adrs } };
}

export async function setStatusTool(project: Project, n: number, status: string): Promise<Answer<Record<string, unknown>>> {
  const { dir } = await openLog(project);
  const { changeStatus } = await import('../adr/changes.js');
  const change = await changeStatus(dir, n, status, project.root);
  const file = shown(project, change.file);
  return { text: `${file}: ${change.from} -> ${change.to}`, data: { number: n, file, from: change.from, to: change.to } };
}

export async function supersedeTool(
  project: Project,
  args: { number: number; title: string; status?: string; template?: string; lang?: string },
): Promise<Answer<Record<string, unknown>>> {
  const { dir, config } = await openLog(project);
  const { createAdr } = await import('../adr/create.js');
  const created = await createAdr({
    dir,
    config,
    title: args.title,
    supersedes: [args.number],
    ...(args.status !== undefined ? { status: args.status } : {}),
    ...(args.template !== undefined ? { template: args.template } : {}),
    ...(args.lang !== undefined ? { lang: args.lang } : {}),
  });
  const file = shown(project, created.file);
  return {
    text: `${file}: ADR ${created.number} "${created.title}" supersedes ADR ${args.number}, now marked superseded.`,
    data: { ...created, file },
  };
}

export async function linkTool(project: Project, args: { from: number; type: string; to: number; reverse?: string }): Promise<Answer<{ links: unknown[] }>> {
  const { dir } = await openLog(project);
  const { linkAdrs } = await import('../adr/changes.js');
  const links = (await linkAdrs(dir, args.from, args.type, args.to, args.reverse, project.root)).map((l) => ({ ...l, file: shown(project, l.file) }));
  return { text: links.map((l) => `${l.file}: ${l.type} ${l.number}`).join('\n'), data: { links } };
}

export async function doctorTool(project: Project, fix: boolean): Promise<Answer<Record<string, unknown>>> {
  const { dir, config } = await openLog(project);
  const { examineLog } = await import('../adr/doctor/examine.js');
  const { count, findings, fixed } = await examineLog({ dir, cwd: project.root, config, fix });
  const rel = (f: string) => shown(project, f);
  const shownFindings = findings.map((f) => ({ ...f, file: rel(f.file) }));
  const lines = [
    ...fixed.map((f) => `fixed ${rel(f.oldFile)} -> ${rel(f.newFile)}`),
    ...shownFindings.map((f) => `${f.file}${f.line !== undefined ? `:${f.line}` : ''}  ${f.severity}  ${f.message}  (${f.rule})`),
  ];
  if (findings.length === 0) lines.push(`ok: ${count} ADR${count === 1 ? '' : 's'} in ${rel(dir)}, no problems found`);
  return {
    text: lines.join('\n'),
    data: {
      dir: rel(dir),
      count,
      errors: findings.filter((f) => f.severity === 'error').length,
      findings: shownFindings,
      fixed: fixed.map((f) => ({ from: f.from, to: f.to, oldFile: rel(f.oldFile), newFile: rel(f.newFile), updated: f.updated.map(rel) })),
    },
  };
}
