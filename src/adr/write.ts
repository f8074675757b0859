// Claiming names and creating ADR files. Under the folder lock: read the log, create each file
// exclusively (temp file + link, so it appears whole), and move on to the next name if another tool
// took one meanwhile.
import { unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { createExclusive, ensureDir, removeOrphanTemps, replaceFile, withDirLock } from '../io/fs.js';
import { listAdrFiles, nextNumberOf, type AdrFile } from './log.js';
import { adrFileName, datedFileName, today } from './slug.js';

/**
 * How the log names its files: numbered (`0007-slug.md`, padded to `width` digits) or dated as
 * log4brains does (`20260304-slug.md`, no number in the name).
 */
export interface FileNaming {
  dated: boolean;
  width: number;
  /** What comes before the number (`adr-` in `adr-001-slug.md`), as the log writes it; usually ''. */
  prefix?: string;
}

/** The file name a new ADR gets, and its number in the log. */
export interface ClaimedAdr {
  number: number;
  name: string;
}

interface NewAdr {
  slug: string;
  /** Renders the file for the names and numbers finally given to every item of the batch. */
  render: (claimed: ClaimedAdr[]) => Promise<string> | string;
}

interface CreatedAdr {
  number: number;
  file: string;
  content: string;
}

/**
 * The names a batch would get now (for --dry-run: no lock, nothing written). Numbered: consecutive
 * numbers above the highest. Dated: today's date and the slug, `-2`, `-3`, ... when that name is
 * taken; the number is where the log would list the file (after every other file of the log).
 */
export async function plannedAdrs(dir: string, slugs: string[], naming: FileNaming, listed?: AdrFile[]): Promise<ClaimedAdr[]> {
  const files = listed ?? (await listAdrFiles(dir));
  const base = nextNumberOf(files);
  if (!naming.dated) return slugs.map((slug, i) => ({ number: base + i, name: adrFileName(base + i, slug, naming.width, naming.prefix) }));
  const date = today();
  const taken = new Set(files.map((f) => f.name.toLowerCase()));
  return slugs.map((slug, i) => {
    let n = 1;
    while (taken.has(datedFileName(date, slug, n).toLowerCase())) n++;
    const name = datedFileName(date, slug, n);
    taken.add(name.toLowerCase());
    return { number: base + i, name };
  });
}

/** Creates every item with new names (consecutive numbers, or dated names); returns them in order. */
export async function createAdrs(dir: string, items: NewAdr[], naming: FileNaming): Promise<CreatedAdr[]> {
  await ensureDir(dir);
  const slugs = items.map((item) => item.slug);
  return withDirLock(dir, async () => {
    await removeOrphanTemps(dir);
    let claimed = await plannedAdrs(dir, slugs, naming);
    for (let attempt = 0; attempt < 50; attempt++) {
      const created: CreatedAdr[] = [];
      let clash = false;
      for (const [i, item] of items.entries()) {
        const file = join(dir, claimed[i]!.name);
        const content = await item.render(claimed);
        if (await createExclusive(file, content)) {
          created.push({ number: claimed[i]!.number, file, content });
        } else {
          clash = true;
          break;
        }
      }
      if (!clash) return naming.dated ? placeDated(dir, items, claimed, created) : created;
      // A file of that exact name appeared without taking our lock (another tool): undo this
      // batch and claim again past everything now present.
      for (const c of created) await unlink(c.file).catch(() => undefined);
      const fresh = await plannedAdrs(dir, slugs, naming);
      if (naming.dated) {
        claimed = fresh;
      } else {
        const base = Math.max(fresh[0]!.number, claimed[0]!.number + 1);
        claimed = items.map((item, i) => ({ number: base + i, name: adrFileName(base + i, item.slug, naming.width, naming.prefix) }));
      }
    }
    throw new Error(`could not claim a name in ${dir}`);
  });
}

/**
 * A dated file's number is its place in the log's listing (by its `Date:` and its name), known for
 * sure once it is there: read it, and render again a file whose content showed another number.
 */
async function placeDated(dir: string, items: NewAdr[], claimed: ClaimedAdr[], created: CreatedAdr[]): Promise<CreatedAdr[]> {
  const listed = new Map((await listAdrFiles(dir)).map((f) => [f.name, f.number]));
  const placed = claimed.map((c) => ({ number: listed.get(c.name) ?? c.number, name: c.name }));
  if (placed.every((p, i) => p.number === claimed[i]!.number)) return created;
  const out: CreatedAdr[] = [];
  for (const [i, item] of items.entries()) {
    const content = await item.render(placed);
    if (content !== created[i]!.content) await replaceFile(created[i]!.file, content);
    out.push({ number: placed[i]!.number, file: created[i]!.file, content });
  }
  return out;
}
