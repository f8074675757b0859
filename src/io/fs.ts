// Every file adr-wizard writes goes through here. Two promises to the user:
// - a file appears whole or not at all (write a temp file in the same folder, then link/rename it:
//   both are atomic on one filesystem, so a killed process never leaves half an ADR), and
// - nothing a user wrote is overwritten unless they asked for it (--force).
import { randomBytes } from 'node:crypto';
import { constants as fsConstants } from 'node:fs';
import { chmod, copyFile, link, mkdir, open, readdir, rename, stat, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { UsageError } from '../core/errors.js';

export async function ensureDir(dir: string): Promise<void> {
  await mkdir(dir, { recursive: true });
}

export async function exists(file: string): Promise<boolean> {
  return stat(file).then(() => true, () => false);
}

export async function isFile(path: string): Promise<boolean> {
  return stat(path).then((s) => s.isFile(), () => false);
}

/** What a file can be written from: text, bytes, or text made piece by piece (a large export). */
export type FileContent = string | Uint8Array | AsyncIterable<string>;

// `.<name>.<pid>.<8 hex>.tmp`, as tempNameFor makes them.
const TEMP_NAME = /^\..+\.(\d+)\.[0-9a-f]{8}\.tmp$/;

function tempNameFor(file: string): string {
  // Dot-prefixed and unique per process and call, in the target's folder so that link/rename stay
  // on one filesystem. Readers of the ADR folder ignore dotfiles.
  return join(dirname(file), `.${basename(file)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
}

async function writeTemp(file: string, content: FileContent, mode?: number): Promise<string> {
  const tmp = tempNameFor(file);
  const handle = await open(tmp, 'wx', 0o644);
  try {
    if (typeof content === 'string' || content instanceof Uint8Array) await handle.writeFile(content, 'utf8');
    else for await (const piece of content) await handle.write(piece, null, 'utf8');
    // An explicit mode (a generated script's 0o755) must not be narrowed by the umask.
    if (mode !== undefined) await handle.chmod(mode);
    // NOTE: no fsync: durability across power loss is not worth its cost for a CLI; atomicity
    // against a killed process (what users actually hit) comes from link/rename alone.
  } finally {
    await handle.close();
  }
  return tmp;
}

async function removeQuietly(file: string): Promise<void> {
  try {
    await unlink(file);
  } catch {
    // already gone
  }
}

/** Temp files of writers that were killed before they could clean up (their pid is gone). */
export async function removeOrphanTemps(dir: string): Promise<void> {
  let names: string[];
  try {
    names = await readdir(dir);
  } catch {
    return;
  }
  for (const name of names) {
    const m = TEMP_NAME.exec(name);
    if (!m) continue;
    const pid = Number(m[1]);
    if (pid === process.pid) continue;
    try {
      process.kill(pid, 0);
    } catch (err: unknown) {
      if (isCode(err, 'ESRCH')) await removeQuietly(join(dir, name));
    }
  }
}

/**
 * Creates `file` with `content` only if no file of that name exists. The content is written to a
 * temp file first and then hard-linked into place, so the file appears whole or not at all.
 * Returns false when the name is taken (the caller picks another name).
 */
export async function createExclusive(file: string, content: FileContent, mode?: number): Promise<boolean> {
  const tmp = await writeTemp(file, content, mode);
  try {
    await link(tmp, file);
    return true;
  } catch (err: unknown) {
    if (isCode(err, 'EEXIST')) return false;
    if (isCode(err, 'EPERM') || isCode(err, 'ENOTSUP') || isCode(err, 'EXDEV')) {
      // Filesystems without hard links: fall back to an exclusive copy (not torn-proof, but safe).
      return copyExclusive(tmp, file, mode);
    }
    throw err;
  } finally {
    await removeQuietly(tmp);
  }
}

async function copyExclusive(tmp: string, file: string, mode?: number): Promise<boolean> {
  try {
    await copyFile(tmp, file, fsConstants.COPYFILE_EXCL);
    if (mode !== undefined) await chmod(file, mode);
    return true;
  } catch (err: unknown) {
    if (isCode(err, 'EEXIST')) return false;
    throw err;
  }
}

/**
 * Writes `file` atomically. Without `force` an existing file is never replaced: that is a
 * UsageError naming the file. With `force` (or `replace` for our own updates of a file we just
 * read, such as a status change) the new content is renamed over the old in one step.
 */
export async function writeFileAtomic(
  file: string,
  content: FileContent,
  options: { force?: boolean; mode?: number } = {},
): Promise<void> {
  await ensureDir(dirname(file));
  if (!options.force) {
    if (await createExclusive(file, content, options.mode)) return;
    throw new UsageError(`${file} already exists; use --force to overwrite it`);
  }
  const tmp = await writeTemp(file, content, options.mode);
  try {
    await rename(tmp, file);
  } catch (err: unknown) {
    await removeQuietly(tmp);
    throw err;
  }
}

/** Replaces an existing file atomically (our own edits of files we just read). */
export async function replaceFile(file: string, content: string): Promise<void> {
  await writeFileAtomic(file, content, { force: true });
}

// ---------------------------------------------------------------------------------------------
// The ADR folder lock. Claiming "the next number" needs more than an exclusive create: two
// processes may pick the same number for different titles (0007-a.md and 0007-b.md are different
// names). A lock file created with `wx` serialises "read the highest number, create the file".

const LOCK_NAME = '.adr-wizard.lock';
const LOCK_WAIT_MS = 20_000;

export async function withDirLock<T>(dir: string, fn: () => Promise<T>): Promise<T> {
  await ensureDir(dir);
  const lock = join(dir, LOCK_NAME);
  const started = Date.now();
  for (;;) {
    try {
      const handle = await open(lock, fsConstants.O_CREAT | fsConstants.O_EXCL | fsConstants.O_WRONLY, 0o644);
      try {
        await handle.writeFile(`${process.pid}\n`);
      } finally {
        await handle.close();
      }
      break;
    } catch (err: unknown) {
      if (!isCode(err, 'EEXIST')) throw err;
      const stale = await staleLock(lock);
      // Remove it only if it is still the very file found stale: a holder that released the lock
      // and exited meanwhile looks dead, and its successor's new lock must not be removed.
      if (stale && (await sameFile(lock, stale))) {
        await removeQuietly(lock);
        continue;
      }
      if (Date.now() - started > LOCK_WAIT_MS) {
        throw new UsageError(
          `${lock} is held by another adr-wizard process; if none is running, delete that file`,
        );
      }
      await sleep(5 + Math.floor(Math.random() * 20));
    }
  }
  try {
    return await fn();
  } finally {
    await removeQuietly(lock);
  }
}

interface FileId {
  ino: number;
  ctimeNs: bigint;
}

/** The identity of the lock file when its owner is gone (or never wrote its pid), else undefined. */
async function staleLock(lock: string): Promise<FileId | undefined> {
  let handle;
  try {
    handle = await open(lock, 'r');
  } catch {
    return undefined; // vanished meanwhile: just retry
  }
  try {
    // Identity and content from the same open file, so they belong together.
    const info = await handle.stat({ bigint: true });
    const text = await handle.readFile('utf8');
    const id = { ino: Number(info.ino), ctimeNs: info.ctimeNs };
    const pid = Number.parseInt(text.trim(), 10);
    if (!Number.isInteger(pid) || pid <= 0) {
      // Created but not yet written by its owner, or written by a process killed in between.
      return Date.now() - Number(info.mtimeMs) > 2000 ? id : undefined;
    }
    if (pid === process.pid) return undefined;
    try {
      process.kill(pid, 0);
      return undefined;
    } catch (err: unknown) {
      return isCode(err, 'ESRCH') ? id : undefined;
    }
  } catch {
    return undefined;
  } finally {
    await handle.close();
  }
}

async function sameFile(path: string, id: FileId): Promise<boolean> {
  try {
    const info = await stat(path, { bigint: true });
    return Number(info.ino) === id.ino && info.ctimeNs === id.ctimeNs;
  } catch {
    return false;
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}

export function isCode(err: unknown, code: string): boolean {
  return typeof err === 'object' && err !== null && (err as { code?: unknown }).code === code;
}
