// The folder the server works in, and the rule every path obeys: it stays inside that folder,
// by its name (no `..`, no absolute path elsewhere) and by what it really is (no symlink out).
import { realpath } from 'node:fs/promises';
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { UsageError } from '../core/errors.js';
import type { Project } from './root.js';
import { findAdrDir, listAdrFiles, type AdrFile } from '../adr/log.js';
import { loadAdrConfig, type AdrConfig } from '../io/config.js';

export type { Project } from './root.js';

function within(base: string, path: string): boolean {
  const rel = relative(base, path);
  return rel === '' || (!rel.startsWith(`..${sep}`) && rel !== '..' && !isAbsolute(rel));
}

/** The real path of `path`, or of its nearest existing ancestor with the rest appended. */
async function realOf(path: string): Promise<string> {
  const rest: string[] = [];
  let at = path;
  for (;;) {
    try {
      return join(await realpath(at), ...rest.reverse());
    } catch {
      const parent = dirname(at);
      if (parent === at) return path;
      rest.push(basename(at));
      at = parent;
    }
  }
}

/** A path as answers show it: relative to the working folder, with forward slashes. */
export function shown(project: Project, path: string): string {
  const rel = relative(project.root, path);
  return rel === '' ? '.' : rel.split(sep).join('/');
}

/**
 * A path a tool was given (`field` names the argument), resolved against the working folder and
 * refused when it leaves it, by name or through a symlink.
 */
export async function inside(project: Project, given: string, field: string): Promise<string> {
  if (given.includes('\0')) throw new UsageError(`${field} "${given.replace(/\0/g, '\\0')}": a path cannot hold a NUL character`);
  const abs = resolve(project.root, given);
  if (!within(project.root, abs) || !within(project.real, await realOf(abs))) {
    throw new UsageError(`${field} "${given}": outside the working folder ${project.root}; give a path inside it`);
  }
  return abs;
}

/** The ADR folder, found as the CLI finds it, refused when it lies outside the working folder. */
export async function adrDirOf(project: Project): Promise<{ dir: string; config: AdrConfig }> {
  const config = await loadAdrConfig(project.root);
  const { dir, source } = await findAdrDir(project.root, config);
  if (!within(project.root, dir) || !within(project.real, await realOf(dir))) {
    throw new UsageError(
      `the ADR folder ${dir} (from ${source}) is outside the working folder ${project.root}; start the server with --cwd at the repository root`,
    );
  }
  return { dir, config };
}

/** The log's files, each checked to be a file of the working folder (an ADR symlinked out is refused). */
export async function adrFiles(project: Project, dir: string): Promise<AdrFile[]> {
  const files = await listAdrFiles(dir);
  for (const f of files) {
    const real = await realOf(join(dir, f.name));
    if (!within(project.real, real)) {
      throw new UsageError(`${shown(project, join(dir, f.name))}: a link to ${real}, outside the working folder; the server does not read it`);
    }
  }
  return files;
}
