import { UsageError } from '../core/errors.js';
import { isLang } from '../core/text.js';
import type { Lang } from '../core/types.js';

/** The language a command speaks: --lang, else the context file's `lang`, else English. */
export function resolveLang(flag: unknown, fallback?: Lang): Lang {
  if (flag === undefined || flag === null) return fallback ?? 'en';
  if (isLang(flag)) return flag;
  throw new UsageError(`--lang ${String(flag)}: unknown language (use en or es)`);
}
