// Finding ADRs by number for the log commands, exactly: "2" is ADR 2, never 12 or 20.
import { join, relative } from 'node:path';
import { UsageError } from '../core/errors.js';
import { numbersByName, readAdr, type AdrFile } from './log.js';
import { ADR_STATUSES, type AdrRecord, type AdrStatus } from './types.js';
import { normaliseStatus } from './status.js';

/** Parses an ADR number as typed (`7`, `0007`, `ADR-0007`). */
export function parseAdrNumber(arg: string, what = 'ADR number'): number {
  const m = /^(?:adr-?)?0*(\d+)$/i.exec(arg.trim());
  if (!m || m[1]!.length > 9) throw new UsageError(`${what} "${arg}" is not a number (e.g. 7 or 0007)`);
  return Number.parseInt(m[1]!, 10);
}

/** Exactly one ADR numbered n; a clear error when there is none or two files share the number. */
export function getAdr(log: AdrRecord[], n: number, cwd: string): AdrRecord {
  return exactlyOne(log, n, (r) => relative(cwd, r.file));
}

/**
 * getAdr over the folder's listing (listAdrFiles): only ADR n's file is read, so changing one ADR
 * of a long log does not read all the others.
 */
export async function readNumbered(dir: string, files: AdrFile[], n: number, cwd: string): Promise<AdrRecord> {
  const f = exactlyOne(files, n, (x) => relative(cwd, join(dir, x.name)));
  return readAdr(dir, f, numbersByName(files));
}

function exactlyOne<T extends { number: number }>(items: T[], n: number, where: (item: T) => string): T {
  const found = items.filter((r) => r.number === n);
  if (found.length === 0) {
    const highest = items.reduce((max, r) => Math.max(max, r.number), 0);
    throw new UsageError(`there is no ADR ${n} (${items.length === 0 ? 'the log is empty' : `the log has ADRs 1-${highest}`})`);
  }
  if (found.length > 1) {
    throw new UsageError(`ADR ${n} is ambiguous: ${found.map(where).join(' and ')} share the number; run \`adr-wizard doctor --fix\``);
  }
  return found[0]!;
}

/** A status as the user typed it, checked: one of the five words (any case), or "superseded by ...". */
export function checkStatus(text: string): AdrStatus {
  const s = normaliseStatus(text);
  if (s === 'unknown') {
    throw new UsageError(`unknown status "${text}" (expected one of ${ADR_STATUSES.join(', ')})`);
  }
  return s;
}

/** Checks a link type typed by a user: it lands on a line of its own before `[N. Title](file)`. */
export function checkLinkType(type: string): string {
  const t = type.trim().replace(/\s+/g, ' ');
  if (!/^[A-Za-zÁÉÍÓÚáéíóúñÑ][A-Za-zÁÉÍÓÚáéíóúñÑ' -]{0,39}$/.test(t)) {
    throw new UsageError(`link type "${type}" must be words (letters, spaces, dashes), e.g. "Amends" or "Amended by"`);
  }
  return t;
}
