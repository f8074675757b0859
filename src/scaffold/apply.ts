// The only place that writes a starter to disk, through the atomic writer every command uses
// (io/fs.ts): an interrupted run never leaves a half-written file behind, and without --force no
// existing file is ever replaced.
import { existsSync } from 'node:fs';
import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { UsageError } from '../core/errors.js';
import { writeFileAtomic } from '../io/fs.js';
import { planOps } from './plan.js';
import type { FileOp, PlannedFile } from './types.js';

export interface ApplyOptions {
  /** The target folder (created if missing). */
  out: string;
  force?: boolean;
  dryRun?: boolean;
}

/** Files under `dir` (relative, posix), ignoring nothing: the user's files matter. */
async function listExisting(dir: string, rel = ''): Promise<string[]> {
  const entries = await readdir(join(dir, rel), { withFileTypes: true });
  const out: string[] = [];
  for (const entry of entries) {
    const childRel = rel === '' ? entry.name : `${rel}/${entry.name}`;
    if (entry.isDirectory()) {
      // Dependencies and VCS metadata are not the user's source; listing them would be slow.
      if (entry.name === 'node_modules' || entry.name === '.git') continue;
      out.push(...(await listExisting(dir, childRel)));
    } else out.push(childRel);
  }
  return out;
}

async function folderEntries(dir: string): Promise<string[]> {
  if (!existsSync(dir)) return [];
  const info = await stat(dir);
  if (!info.isDirectory()) throw new UsageError(`${dir} exists and is not a folder`);
  return readdir(dir);
}

/**
 * Turns planned files into operations against `out`. A non-empty target is refused unless
 * `force`: scaffolding into someone's project by accident must not touch it.
 */
export async function prepareOps(files: PlannedFile[], options: ApplyOptions): Promise<FileOp[]> {
  // A folder holding only `.git` (a fresh `git init`) counts as empty.
  const entries = (await folderEntries(options.out)).filter((name) => name !== '.git');
  if (entries.length > 0 && !options.force) {
    const shown = entries.sort().slice(0, 5).join(', ');
    const more = entries.length > 5 ? ` and ${entries.length - 5} more` : '';
    throw new UsageError(
      `${options.out} is not empty (${shown}${more}); choose another --out or pass --force to overwrite`,
    );
  }
  const existing = new Map<string, Uint8Array>();
  if (entries.length > 0) {
    const wanted = new Set(files.map((f) => f.path));
    for (const rel of await listExisting(options.out)) {
      if (wanted.has(rel)) existing.set(rel, new Uint8Array(await readFile(join(options.out, rel))));
    }
  }
  return planOps(files, existing, options.force === true);
}

/** Writes the create/overwrite operations (nothing with `dryRun`). Returns the ops written. */
export async function applyPlan(ops: FileOp[], options: ApplyOptions): Promise<FileOp[]> {
  const toWrite = ops.filter((op) => op.action !== 'skip');
  if (options.dryRun) return toWrite;
  if (!options.force && ops.some((op) => op.action === 'overwrite')) {
    throw new UsageError('refusing to overwrite existing files without --force');
  }
  // Independent files: written concurrently, in batches so a big starter never exhausts handles.
  // Without --force a file is only ever created: one that appeared since planning is refused.
  const force = options.force === true;
  const BATCH = 32;
  for (let i = 0; i < toWrite.length; i += BATCH) {
    await Promise.all(
      toWrite.slice(i, i + BATCH).map((op) =>
        writeFileAtomic(join(options.out, op.path), op.content, { force, ...(op.mode === undefined ? {} : { mode: op.mode }) }),
      ),
    );
  }
  return toWrite;
}
