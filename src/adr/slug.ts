const MAX_SLUG = 60;

/**
 * A file-name-safe slug for an ADR title: ASCII letters, digits and dashes only (so no `/`, `..`
 * or control characters can reach the file system), accents folded ("Decisión" -> "decision"),
 * at most 60 characters cut at a word boundary (inside a word only when the first word alone is longer), and "untitled" when nothing is left.
 */
export async function titleSlug(title: string): Promise<string> {
  // eslint-disable-next-line no-control-regex
  const clean = title.replace(/[\u0000-\u001f\u007f-\u009f]/g, ' ');
  let slug = /^[\u0020-\u007e]*$/.test(clean) ? asciiSlug(clean) : await foldedSlug(clean);
  slug = slug.replace(/[^a-z0-9-]/g, '').replace(/-+/g, '-').replace(/^-|-$/g, '');
  if (slug.length > MAX_SLUG) {
    // Cut after the last whole word that fits; only a first word longer than the limit (no word
    // boundary to cut at) is cut inside.
    const cut = slug.slice(0, MAX_SLUG + 1);
    const dash = cut.lastIndexOf('-');
    slug = dash > 0 ? cut.slice(0, dash) : cut.slice(0, MAX_SLUG);
  }
  return slug === '' ? 'untitled' : slug;
}

/**
 * What slugify makes of plain ASCII (slug.test.ts holds the two together): `&` reads "and", the
 * two ASCII accents `^` and `` ` `` go (Unicode counts them as diacritics), "it's" becomes "its",
 * and each run of anything but letters and digits becomes one dash. Nearly every title is plain
 * ASCII, and this spares `new` loading and applying a transliteration table of 1,935 entries.
 */
function asciiSlug(text: string): string {
  return text
    .replace(/&/g, ' and ')
    .replace(/[\^`]/g, '')
    .toLowerCase()
    .replace(/([a-z\d]+)'([ts])(\s|$)/g, '$1$2$3')
    .replace(/[^a-z\d]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/** Titles with other letters: transliterated ("Größe" -> "groesse", "Решение" -> "reshenie"). */
async function foldedSlug(text: string): Promise<string> {
  const { default: slugify } = await import('@sindresorhus/slugify');
  return slugify(text, { decamelize: false, customReplacements: [['&', ' and ']] });
}

/** `0007-slug.md`: the number padded to `width` digits (4, as adr-tools and MADR write them). */
export function adrFileName(number: number, slug: string, width = 4, prefix = ''): string {
  return `${prefix}${String(number).padStart(width, '0')}-${slug}.md`;
}

/**
 * `20260304-slug.md`, as log4brains names a file written on `date` (YYYY-MM-DD); the `n`th file of
 * that day and slug gets `-n` after the slug (`20260304-slug-2.md`), as log4brains does.
 */
export function datedFileName(date: string, slug: string, n = 1): string {
  return `${date.replace(/-/g, '')}-${slug}${n > 1 ? `-${n}` : ''}.md`;
}

/** Today as YYYY-MM-DD in local time; ADR_DATE overrides it (as in adr-tools). */
export function today(): string {
  const fixed = process.env.ADR_DATE;
  if (fixed && /^\d{4}-\d{2}-\d{2}$/.test(fixed)) return fixed;
  const d = new Date();
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`;
}
