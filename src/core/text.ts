import type { Lang, Text } from './types.js';

/** Resolves a text field in a language; a plain string serves every language. */
export function t(text: Text, lang: Lang): string {
  return typeof text === 'string' ? text : text[lang];
}

export function isLang(value: unknown): value is Lang {
  return value === 'en' || value === 'es';
}
