// Dates as ADR files write them: ISO (`2026-01-15`, with a time or not) and log4brains' other
// accepted form, `15/01/2026`. Ordering and filtering compare them as YYYY-MM-DD.

const ISO_DAY = /^(\d{4}-\d{2}-\d{2})(?:$|[T\s])/;
const DMY_DAY = /^(\d{2})\/(\d{2})\/(\d{4})$/;

/** A date as written, as YYYY-MM-DD; undefined when it is neither form. */
export function isoDay(date: string | undefined): string | undefined {
  if (date === undefined) return undefined;
  const d = date.trim();
  const iso = ISO_DAY.exec(d);
  if (iso) return iso[1];
  const dmy = DMY_DAY.exec(d);
  return dmy ? `${dmy[3]}-${dmy[2]}-${dmy[1]}` : undefined;
}
