// Claiming numbers and creating ADR files. Under the folder lock: read the highest number, create
// each file exclusively (temp file + link, so it appears whole), and move on to the next number if
// another tool took a name meanwhile.
import { unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { createExclusive, ensureDir, removeOrphanTemps, withDirLock } from '../io/fs.js';
import { listAdrFiles, nextNumberOf } from './log.js';
import { adrFileName } from './slug.js';

interface NewAdr {
  slug: string;
  /** Renders the file for the numbers finally given to every item of the batch. */
  render: (numbers: number[]) => Promise<string> | string;
}

interface CreatedAdr {
  number: number;
  file: string;
  content: string;
}

/** The numbers a batch would get now (for --dry-run: no lock, nothing written). */
export async function plannedNumbers(dir: string, count: number): Promise<number[]> {
  const base = nextNumberOf(await listAdrFiles(dir));
  return Array.from({ length: count }, (_, i) => base + i);
}

/** Creates every item with consecutive new numbers; returns them in order. */
export async function createAdrs(dir: string, items: NewAdr[]): Promise<CreatedAdr[]> {
  await ensureDir(dir);
  return withDirLock(dir, async () => {
    await removeOrphanTemps(dir);
    let numbers = await plannedNumbers(dir, items.length);
    for (let attempt = 0; attempt < 50; attempt++) {
      const created: CreatedAdr[] = [];
      let clash = false;
      for (const [i, item] of items.entries()) {
        const file = join(dir, adrFileName(numbers[i]!, item.slug));
        const content = await item.render(numbers);
        if (await createExclusive(file, content)) {
          created.push({ number: numbers[i]!, file, content });
        } else {
          clash = true;
          break;
        }
      }
      if (!clash) return created;
      // A file of that exact name appeared without taking our lock (another tool): undo this
      // batch and renumber past everything now present.
      for (const c of created) await unlink(c.file).catch(() => undefined);
      const fresh = await plannedNumbers(dir, items.length);
      const base = Math.max(fresh[0]!, numbers[0]! + 1);
      numbers = items.map((_, i) => base + i);
    }
    throw new Error(`could not claim a number in ${dir}`);
  });
}

