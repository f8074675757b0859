// `adr-wizard index [--stdout]`: a table of contents of the log, kept in the ADR folder's README.md
// between two markers so that the rest of the README stays as the team wrote it.
import { readFile } from 'node:fs/promises';
import { basename, join, relative } from 'node:path';
import { loadAdrConfig } from '../../io/config.js';
import { strings } from '../../adr/i18n.js';
import { eachAdr, standalone} from '../../adr/log.js';
import { renderTemplate } from '../../adr/render.js';
import { chooseLang } from '../../adr/template-choice.js';
import { writeFileAtomic } from '../../io/fs.js';
import { println } from '../messages.js';
import { adrFolder } from '../adr-folder.js';

const INDEX_START = '<!-- adr-wizard:index:start -->';
const INDEX_END = '<!-- adr-wizard:index:end -->';

interface IndexOptions {
  stdout?: boolean;
  lang?: string;
}

/** Puts `block` between the markers of `readme` (appended when the markers are absent). */
function spliceIndex(readme: string | undefined, block: string): string {
  const wrapped = `${INDEX_START}\n${block.trimEnd()}\n${INDEX_END}`;
  if (readme === undefined || readme.trim() === '') return `${wrapped}\n`;
  const start = readme.indexOf(INDEX_START);
  const end = readme.indexOf(INDEX_END, start);
  if (start >= 0 && end > start) {
    return readme.slice(0, start) + wrapped + readme.slice(end + INDEX_END.length);
  }
  return `${readme.trimEnd()}\n\n${wrapped}\n`;
}

export async function run(opts: IndexOptions = {}): Promise<void> {
  const cwd = process.cwd();
  const config = await loadAdrConfig(cwd);
  const lang = chooseLang(opts.lang, config);
  const { dir } = await adrFolder(cwd, config);
  const l = strings(lang);
  // Only the table's cells are kept, not the records: the log may hold thousands of files.
  const records: { number: number; title: string; status: string; statusText: string; date: string; file: string }[] = [];
  for await (const r of eachAdr(dir)) {
    records.push({
      number: r.number,
      title: standalone(r.title),
      status: r.status,
      statusText: r.status === 'unknown' ? standalone(r.statusText) : l.statuses[r.status],
      date: standalone(r.date ?? ''),
      file: basename(r.file),
    });
  }
  const block = await renderTemplate('index', { l, lang, records });
  if (opts.stdout) {
    process.stdout.write(block);
    return;
  }
  const readmeFile = join(dir, 'README.md');
  let readme: string | undefined;
  try {
    readme = await readFile(readmeFile, 'utf8');
  } catch {
    readme = undefined;
  }
  const next = spliceIndex(readme, block);
  if (next !== readme) await writeFileAtomic(readmeFile, next, { force: true });
  println(relative(cwd, readmeFile));
}
