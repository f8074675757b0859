// The folder an exported site is written to. A site is built whole in a folder beside its target
// and then moved in, so a build that fails leaves the previous site as it was. A folder that holds
// a previous site (its manifest lists the files that build wrote) is rebuilt in place: files of
// the previous build that the new one does not write are removed, anything else (a CNAME file, a
// .git folder) is left alone. Any other non-empty folder is refused unless forced.
import { mkdtemp, mkdir, readdir, readFile, rename, rm, rmdir, stat, writeFile } from 'node:fs/promises';
import { basename, dirname, join, normalize, sep } from 'node:path';
import { UsageError } from '../core/errors.js';
import { isCode } from './fs.js';

/** The file a site writes to say it is one, and which files it wrote. */
export const SITE_MANIFEST = '.adr-wizard-site.json';

interface SiteTarget {
  out: string;
  /** The folder does not exist or is empty: the whole built folder is renamed into place. */
  fresh: boolean;
  /** Files the previous build wrote (its manifest), relative to the folder. */
  previous: string[];
}

/**
 * Checks where a site may go, before anything is built: a missing or empty folder, a previous
 * site, or (with force) any folder. Throws UsageError for anything else; writes nothing.
 */
export async function siteTarget(out: string, force: boolean): Promise<SiteTarget> {
  let names: string[];
  try {
    const s = await stat(out);
    if (!s.isDirectory()) throw new UsageError(`${out} is a file, not a folder; a site is written to a folder`);
    names = await readdir(out);
  } catch (err: unknown) {
    if (isCode(err, 'ENOENT')) return { out, fresh: true, previous: [] };
    if (err instanceof UsageError) throw err;
    throw new UsageError(`cannot write the site to ${out}: ${reason(err)}`);
  }
  if (names.length === 0) return { out, fresh: true, previous: [] };
  if (names.includes(SITE_MANIFEST)) return { out, fresh: false, previous: await previousFiles(out) };
  if (!force) throw new UsageError(`${out} is not empty and holds no site adr-wizard wrote; use --force to write the site into it`);
  return { out, fresh: false, previous: [] };
}

async function previousFiles(out: string): Promise<string[]> {
  const file = join(out, SITE_MANIFEST);
  let files: unknown;
  try {
    files = (JSON.parse(await readFile(file, 'utf8')) as { files?: unknown }).files;
  } catch {
    throw new UsageError(`${file}: not a site manifest adr-wizard can read; remove the folder or write the site elsewhere`);
  }
  if (!Array.isArray(files)) throw new UsageError(`${file}: files: expected a list of the files the site wrote`);
  // Only plain relative paths inside the folder: a manifest never makes a rebuild delete elsewhere.
  return files.filter((f): f is string => typeof f === 'string' && f !== '' && !f.startsWith('/') && !normalize(f).split(sep).includes('..'));
}

function reason(err: unknown): string {
  return (err as { code?: string }).code ?? (err instanceof Error ? err.message : String(err));
}

/** Writes the site's files, and its manifest, to the target checked by siteTarget. */
export async function writeSite(target: SiteTarget, files: readonly { path: string; content: string }[], generator: { version: string }): Promise<void> {
  const { out } = target;
  const parent = dirname(out);
  let stage: string;
  try {
    await mkdir(parent, { recursive: true });
    stage = await mkdtemp(join(parent, `.${basename(out)}.adr-wizard-`));
  } catch (err: unknown) {
    throw new UsageError(`cannot write the site beside ${out}: ${reason(err)}`);
  }
  const paths = files.map((f) => f.path).sort();
  const manifest = `${JSON.stringify({ generator: 'adr-wizard', version: generator.version, files: paths }, null, 2)}\n`;
  try {
    const dirs = new Set(files.map((f) => dirname(join(stage, f.path))));
    for (const d of dirs) await mkdir(d, { recursive: true });
    // Pages are small and many: a few writes at a time keep the disk busy without a file per page in flight.
    for (let i = 0; i < files.length; i += 64) {
      await Promise.all(files.slice(i, i + 64).map((f) => writeFile(join(stage, f.path), f.content, 'utf8')));
    }
    await writeFile(join(stage, SITE_MANIFEST), manifest, 'utf8');
  } catch (err: unknown) {
    await rm(stage, { recursive: true, force: true });
    throw new UsageError(`cannot write the site beside ${out}: ${reason(err)}`);
  }

  if (target.fresh) {
    try {
      await rmdir(out);
    } catch (err: unknown) {
      if (!isCode(err, 'ENOENT')) {
        await rm(stage, { recursive: true, force: true });
        throw err;
      }
    }
    try {
      await rename(stage, out);
    } catch (err: unknown) {
      await rm(stage, { recursive: true, force: true });
      throw new UsageError(`cannot move the site into ${out}: ${reason(err)}`);
    }
    return;
  }
  // Into a folder that holds more than this build: each file is renamed over its old version (one
  // step per file), the manifest last, then what only the previous build had is removed.
  try {
    for (const dir of new Set(paths.map((p) => dirname(join(out, p))))) await mkdir(dir, { recursive: true });
    for (const p of paths) await rename(join(stage, p), join(out, p));
    await rename(join(stage, SITE_MANIFEST), join(out, SITE_MANIFEST));
  } catch (err: unknown) {
    throw new UsageError(`cannot move the site into ${out}: ${reason(err)}`);
  } finally {
    await rm(stage, { recursive: true, force: true });
  }
  const now = new Set(paths);
  const gone = target.previous.filter((p) => !now.has(p));
  for (const p of gone) await rm(join(out, p), { force: true });
  // Folders the previous build made and this one left empty.
  for (const d of [...new Set(gone.map((p) => dirname(p)))].filter((d) => d !== '.').sort((a, b) => b.length - a.length)) {
    try {
      await rmdir(join(out, d));
    } catch {
      // not empty: something else lives there
    }
  }
}
