// Escaping user text for the places it lands in an ADR: YAML front matter and Markdown tables.
// Kept apart from the template engine so that commands editing files do not load Handlebars.

// Plain YAML 1.1 readers take these as booleans or null; quote them so they stay text.
const YAML11_SPECIAL = /^(y|n|yes|no|on|off|true|false|null|~)$/i;

// Plain only when no YAML reader could take it for anything but this text: starts with a letter or
// digit, no `:`, `#`, quotes, brackets, braces, `&`, `*`, `!`, `|`, `>`, `%`, `@` or backtick, no
// leading or trailing space, and not a number, a boolean or null in YAML 1.1 or 1.2.
const PLAIN_SAFE = /^[\p{L}\p{N}][\p{L}\p{N} ._/()+-]*$/u;
const NUMBER_LIKE = /^[-+]?(\d[\d_]*)?(\.\d*)?([eE][-+]?\d+)?$|^0[xob]|^\.(inf|nan)$|^\d+(:\d+)+/i;

/**
 * A user's text as one YAML scalar on one line: plain when unambiguous, else double-quoted. A JSON
 * string is a valid YAML double-quoted scalar, and `JSON.stringify` costs nothing to load, which
 * keeps the YAML library out of `new` (start-up time).
 */
export function yamlScalar(value: unknown): string {
  const s = String(value ?? '').replace(/[\r\n]+/g, ' ');
  const plain = PLAIN_SAFE.test(s) && !s.endsWith(' ') && !YAML11_SPECIAL.test(s) && (!NUMBER_LIKE.test(s) || /^\d{4}-\d{2}-\d{2}$/.test(s));
  return plain ? s : JSON.stringify(s);
}

/** A flow list of YAML scalars: `["Ana", Bob]`. */
export function yamlList(values: unknown): string {
  const arr = Array.isArray(values) ? values : [];
  return `[${arr.map((v) => yamlScalar(v)).join(', ')}]`;
}

/** A YAML mapping key: plain when safe, quoted otherwise. */
export function yamlKey(value: unknown): string {
  const s = String(value);
  return /^[A-Za-z0-9_][A-Za-z0-9_.-]*$/.test(s) && !YAML11_SPECIAL.test(s) ? s : JSON.stringify(s);
}

/**
 * Escapes text for a Markdown table cell: pipes would split the cell, newlines the row, and `<`
 * would open raw HTML (a title like `Use List<T>` would lose its `<T>`).
 */
export function tableCell(value: unknown): string {
  return String(value ?? '')
    .replace(/\\/g, '\\\\')
    .replace(/</g, '&lt;')
    .replace(/\|/g, '\\|')
    .replace(/\r\n|\r|\n/g, '<br>');
}

/** Keeps user text on one Markdown line (titles, list items). */
export function oneLine(value: unknown): string {
  return String(value ?? '').replace(/[\r\n]+/g, ' ');
}


/**
 * A file name as a Markdown link destination that GitHub, GitLab and marked all resolve to that
 * file: everything but ASCII letters, digits and `-._~!*'` is percent-encoded as UTF-8. That covers
 * what ends or splits a destination (space, `(`, `)`, `<`, `>`, `[`, `]`, control characters),
 * what would start a fragment or a query (`#`, `?`), `%` itself, and `:` (a name like `c:x.md`
 * would read as a URL scheme). Readers decode it back (parse.ts `linkTo`).
 */
export function linkTarget(fileName: string): string {
  // A lone surrogate cannot be encoded; a file name read from disk has none, but a stray one must
  // not throw.
  const wellFormed = fileName.replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd');
  return encodeURIComponent(wellFormed).replace(/[()]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}
