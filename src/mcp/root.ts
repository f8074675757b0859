// The working folder the server is started in (`--cwd`, default the current folder). Kept apart
// from the path rules so that start-up reads nothing but this folder.
import { realpath, stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { UsageError } from '../core/errors.js';

export interface Project {
  /** The working folder as given (absolute): paths in answers are relative to it. */
  root: string;
  /** The same folder with every symlink resolved: what containment is checked against. */
  real: string;
}

export async function openProject(dir: string): Promise<Project> {
  const root = resolve(dir);
  const info = await stat(root).catch(() => undefined);
  if (!info) throw new UsageError(`--cwd ${dir}: no such folder`);
  if (!info.isDirectory()) throw new UsageError(`--cwd ${dir}: not a folder`);
  return { root, real: await realpath(root) };
}
