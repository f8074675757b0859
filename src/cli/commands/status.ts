// `adr-wizard status <n> <status>`: changes one ADR's status, in that file's own style.
import { relative } from 'node:path';
import { statusLabel } from '../../adr/adr-view.js';
import { languageOf, setStatus } from '../../adr/edit.js';
import { listAdrFiles} from '../../adr/log.js';
import { checkStatus, parseAdrNumber, readNumbered } from '../../adr/lookup.js';
import { replaceFile } from '../../io/fs.js';
import { println } from '../messages.js';
import { adrFolder } from '../adr-folder.js';

export async function run(nArg: string, statusArg: string): Promise<void> {
  const cwd = process.cwd();
  const n = parseAdrNumber(nArg);
  const status = checkStatus(statusArg);
  const { dir } = await adrFolder(cwd);
  const rec = await readNumbered(dir, await listAdrFiles(dir), n, cwd);
  // A bare word ("accepted") is written as the file's tools write it: lower case in front matter
  // and bullets, a capitalised (and translated) word in an adr-tools status section. Anything
  // longer ("superseded by ADR-0009") is kept as typed.
  const bare = /^[a-z]+$/i.test(statusArg.trim());
  let text = statusArg.trim();
  if (bare) text = rec.style === 'nygard' ? statusLabel(status, languageOf(rec)) : status;
  const updated = setStatus(rec, text);
  if (updated !== rec.body) await replaceFile(rec.file, updated);
  println(`${relative(cwd, rec.file)}: ${rec.status} -> ${status}`);
}
