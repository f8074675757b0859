// `adr-wizard status <n> <status>`: changes one ADR's status, in that file's own style.
import { relative } from 'node:path';
import { changeStatus } from '../../adr/changes.js';
import { parseAdrNumber } from '../../adr/lookup.js';
import { println } from '../messages.js';
import { adrFolder } from '../adr-folder.js';

export async function run(nArg: string, statusArg: string): Promise<void> {
  const cwd = process.cwd();
  const n = parseAdrNumber(nArg);
  const { dir } = await adrFolder(cwd);
  const change = await changeStatus(dir, n, statusArg, cwd);
  println(`${relative(cwd, change.file)}: ${change.from} -> ${change.to}`);
}
