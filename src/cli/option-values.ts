// The closed lists of values some options take: read by the commands that check them and by shell
// completion (src/cli/completions.ts), so that what TAB offers is what the command accepts.

export const DOCTOR_FORMATS = ['text', 'json', 'github'] as const;
export const DIAGRAM_FORMATS = ['mmd', 'svg', 'png'] as const;
export const EXPORT_FORMATS = ['md', 'html', 'json', 'site'] as const;
/** `decide --render`: the pictures drawn next to the ADRs. */
export const RENDER_FORMATS = ['svg', 'png'] as const;

/** `adr-wizard completion <shell>`: the shells @bomb.sh/tab writes completion scripts for. */
export const SHELLS = ['bash', 'zsh', 'fish', 'powershell'] as const;
