// Changing records already in the log, one file at a time in that file's own style: the status
// (`adr-wizard status`) and links (`adr-wizard link`), for the CLI and the MCP server alike.
import { UsageError } from '../core/errors.js';
import { reverseOf } from '../core/link-types.js';
import { replaceFile } from '../io/fs.js';
import { statusLabel } from './adr-view.js';
import { addLink, languageOf, setStatus } from './edit.js';
import { listAdrFiles } from './log.js';
import { checkLinkType, checkStatus, readNumbered } from './lookup.js';
import type { AdrStatus } from './types.js';

export interface StatusChange {
  file: string;
  from: AdrStatus;
  to: AdrStatus;
}

/** Sets ADR n's status; `cwd` only names files in messages. */
export async function changeStatus(dir: string, n: number, statusArg: string, cwd: string): Promise<StatusChange> {
  const status = checkStatus(statusArg);
  const rec = await readNumbered(dir, await listAdrFiles(dir), n, cwd);
  // A bare word ("accepted") is written as the file's tools write it: lower case in front matter
  // and bullets, a capitalised (and translated) word in an adr-tools status section. Anything
  // longer ("superseded by ADR-0009") is kept as typed.
  const bare = /^[a-z]+$/i.test(statusArg.trim());
  let text = statusArg.trim();
  if (bare) text = rec.style === 'nygard' ? statusLabel(status, languageOf(rec)) : status;
  const updated = setStatus(rec, text);
  if (updated !== rec.body) await replaceFile(rec.file, updated);
  return { file: rec.file, from: rec.status, to: status };
}

export interface LinkWritten {
  file: string;
  type: string;
  /** The ADR the link points to. */
  number: number;
}

/**
 * Links ADR n to ADR m with `type`, and m back to n with `reverse` (by default the type's usual
 * reverse, as adr-tools does: Amends / Amended by). Returns the links written, source first.
 */
export async function linkAdrs(dir: string, n: number, typeArg: string, m: number, reverseArg: string | undefined, cwd: string): Promise<LinkWritten[]> {
  if (n === m) throw new UsageError(`an ADR cannot link to itself (${n})`);
  const type = checkLinkType(typeArg);
  const reverse = reverseArg !== undefined ? checkLinkType(reverseArg) : reverseOf(type);
  // Only the two files are read, whatever the size of the log.
  const files = await listAdrFiles(dir);
  const source = await readNumbered(dir, files, n, cwd);
  const target = await readNumbered(dir, files, m, cwd);
  const written: LinkWritten[] = [];
  const updated = addLink(source, type, target);
  if (updated !== source.body) await replaceFile(source.file, updated);
  written.push({ file: source.file, type, number: m });
  if (reverse) {
    const back = addLink(target, reverse, source);
    if (back !== target.body) await replaceFile(target.file, back);
    written.push({ file: target.file, type: reverse, number: n });
  }
  return written;
}
