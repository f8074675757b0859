// The ADR folder for a command, and the one line that says so when the choice was not obvious.
import type { AdrConfig } from '../io/config.js';
import { findAdrDir } from '../adr/log.js';

let told = false;

/**
 * findAdrDir, telling the user (once, on stderr) when several usual folders hold ADRs: which was
 * chosen and how to pin another. Plain writes: `new` and `list --json` do not load chalk for it.
 */
export async function adrFolder(cwd: string, config?: AdrConfig): Promise<{ dir: string; source: string }> {
  const location = await findAdrDir(cwd, config);
  if (location.notice && !told) {
    told = true;
    process.stderr.write(`note: ${location.notice}\n`);
  }
  return location;
}
