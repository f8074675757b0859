// `adr-wizard link <n> <type> <m> [--reverse <type>]`: as adr-tools' `adr link`, by exact number.
import { relative } from 'node:path';
import { linkAdrs } from '../../adr/changes.js';
import { parseAdrNumber } from '../../adr/lookup.js';
import { println } from '../messages.js';
import { adrFolder } from '../adr-folder.js';

interface LinkOptions {
  reverse?: string;
}

export async function run(nArg: string, typeArg: string, mArg: string, opts: LinkOptions = {}): Promise<void> {
  const cwd = process.cwd();
  const n = parseAdrNumber(nArg, 'source ADR');
  const m = parseAdrNumber(mArg, 'target ADR');
  const { dir } = await adrFolder(cwd);
  for (const link of await linkAdrs(dir, n, typeArg, m, opts.reverse, cwd)) {
    println(`${relative(cwd, link.file)}: ${link.type} ${link.number}`);
  }
}
