// `adr-wizard link <n> <type> <m> [--reverse <type>]`: as adr-tools' `adr link`, by exact number.
import { relative } from 'node:path';
import { UsageError } from '../../core/errors.js';
import { addLink } from '../../adr/edit.js';
import { listAdrFiles} from '../../adr/log.js';
import { checkLinkType, parseAdrNumber, readNumbered } from '../../adr/lookup.js';
import { reverseOf } from '../../core/link-types.js';
import { replaceFile } from '../../io/fs.js';
import { println } from '../messages.js';
import { adrFolder } from '../adr-folder.js';

interface LinkOptions {
  reverse?: string;
}

export async function run(nArg: string, typeArg: string, mArg: string, opts: LinkOptions = {}): Promise<void> {
  const cwd = process.cwd();
  const n = parseAdrNumber(nArg, 'source ADR');
  const m = parseAdrNumber(mArg, 'target ADR');
  if (n === m) throw new UsageError(`an ADR cannot link to itself (${n})`);
  const type = checkLinkType(typeArg);
  const reverse = opts.reverse !== undefined ? checkLinkType(opts.reverse) : reverseOf(type);
  const { dir } = await adrFolder(cwd);
  // Only the two files are read, whatever the size of the log.
  const files = await listAdrFiles(dir);
  const source = await readNumbered(dir, files, n, cwd);
  const target = await readNumbered(dir, files, m, cwd);
  const updated = addLink(source, type, target);
  if (updated !== source.body) await replaceFile(source.file, updated);
  println(`${relative(cwd, source.file)}: ${type} ${m}`);
  if (reverse) {
    const back = addLink(target, reverse, source);
    if (back !== target.body) await replaceFile(target.file, back);
    println(`${relative(cwd, target.file)}: ${reverse} ${n}`);
  }
}
