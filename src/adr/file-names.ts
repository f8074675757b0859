// What an ADR's file name says, and what a link to one names: the one place that knows how ADR
// files are named (numbered in any width, with or without an `adr-` prefix; log4brains' dated names)
// and how a Markdown link destination names a file. Reading, writing, renumbering and exporting
// all ask here.

type FileNameKind =
  | { kind: 'numbered'; number: number }
  | { kind: 'dated'; date: string }
  | { kind: 'other' };

// `0001-slug.md` (adr-tools, MADR), any width; `adr-001-slug.md` and `ADR_0001_slug.md` as some teams name them.
const NUMBERED = /^(adr[-_]?)?(\d{1,7})([-_].+\.md)$/i;
const DATED = /^((?:19|20)\d\d)(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])-.+\.md$/i;

/**
 * Classifies an ADR file name. log4brains names files `YYYYMMDD-slug.md` (no number); such a name
 * is never read as ADR number 20,260,101.
 */
export function classifyFileName(name: string): FileNameKind {
  // Tests, then cuts by position: no match arrays for the names of a whole folder.
  if (DATED.test(name)) return { kind: 'dated', date: `${name.slice(0, 4)}-${name.slice(4, 6)}-${name.slice(6, 8)}` };
  if (!NUMBERED.test(name)) return { kind: 'other' };
  // parseInt reads the leading digits and stops at the separator; a prefix (`adr-`) is skipped first.
  const c = name.charCodeAt(0);
  const digits = c >= 48 && c <= 57 ? name : name.slice(/^adr[-_]?/i.exec(name)![0].length);
  return { kind: 'numbered', number: Number.parseInt(digits, 10) };
}

/** A numbered name in its parts: `adr-007-use-x.md` -> `adr-`, `007`, `-use-x.md`; undefined for any other name. */
export function numberedName(name: string): { prefix: string; digits: string; rest: string } | undefined {
  if (DATED.test(name)) return undefined;
  const m = NUMBERED.exec(name);
  return m ? { prefix: m[1] ?? '', digits: m[2]!, rest: m[3]! } : undefined;
}

/** The name with another number, in its own prefix and width (`adr-002-x.md` -> `adr-014-x.md`). */
export function renumberedName(name: string, to: number): string | undefined {
  const parts = numberedName(name);
  return parts && `${parts.prefix}${String(to).padStart(parts.digits.length, '0')}${parts.rest}`;
}

/** The title a file name implies, for a file without a `# Title`: `0007-use-kafka.md` -> `use kafka`. */
export function nameTitle(name: string): string {
  const parts = numberedName(name);
  return (parts ? parts.rest.slice(1) : name).replace(/\.md$/i, '').replace(/[-_]/g, ' ');
}

const SCHEME = /^[a-z][a-z0-9+.-]*:/i;
const QUERY_OR_FRAGMENT = /[?#].*$/s;

/**
 * The path a link destination names, as written in the file (`./0002-a%20b.md#context` ->
 * `0002-a b.md`), or undefined for a URL. The query and fragment go before decoding: `%23` in a
 * file name is a `#` of the name.
 */
export function linkPath(destination: string): string | undefined {
  if (SCHEME.test(destination)) return undefined;
  const path = destination.replace(QUERY_OR_FRAGMENT, '');
  let decoded: string;
  try {
    decoded = decodeURIComponent(path);
  } catch {
    decoded = path;
  }
  return decoded.startsWith('./') ? decoded.slice(2) : decoded;
}
