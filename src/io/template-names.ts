// The names `--template` and `.adr-wizard.yaml`'s `template:` take for the shipped ADR styles.
// Here, below both the configuration reader and the ADR writer, so that both check one list.

/** `madr` is MADR 4, today's MADR; the others name the style they write. */
export const TEMPLATE_NAMES = ['madr', 'madr4', 'madr3', 'madr2', 'nygard', 'log4brains'] as const;
export type TemplateName = (typeof TEMPLATE_NAMES)[number];

/** The shipped styles, in the words of an error message. */
export const STYLES_EXPECTED = 'expected madr (MADR 4), madr4, madr3, madr2, nygard or log4brains';
/** What a template setting may be, in the words of an error message. */
export const TEMPLATE_EXPECTED = `${STYLES_EXPECTED.replace(' or ', ', ')} or a path to a .hbs file`;

export function isTemplateName(value: string): value is TemplateName {
  return (TEMPLATE_NAMES as readonly string[]).includes(value);
}
