// The colour of a status word in the log's listings (`list`, `search`).
import type { AdrStatus } from '../adr/types.js';
// Types only: a command with `--json` loads no colour, and passes messages.ts's style in when it does.
import type { style as Style } from './messages.js';

export function statusStyle(style: typeof Style, status: AdrStatus): (s: string) => string {
  return status === 'accepted' ? style.ok : status === 'proposed' ? style.warn : status === 'unknown' ? style.bad : style.dim;
}
