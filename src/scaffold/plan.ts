// Pure planning: what a starter wants to write, compared with what is already there.
import type { FileOp, PlannedFile } from './types.js';

function sameBytes(a: string | Uint8Array, b: Uint8Array): boolean {
  const left = typeof a === 'string' ? new TextEncoder().encode(a) : a;
  if (left.length !== b.length) return false;
  for (let i = 0; i < left.length; i++) if (left[i] !== b[i]) return false;
  return true;
}

/**
 * Compares planned files with the files on disk (relative path -> bytes). A missing file is
 * created; an identical one is skipped; a different one is overwritten with `force` and skipped
 * without it (the caller refuses a non-empty target before getting here, so that only happens
 * for callers that merge on purpose).
 */
export function planOps(files: PlannedFile[], existing: ReadonlyMap<string, Uint8Array>, force: boolean): FileOp[] {
  return files.map((file) => {
    const current = existing.get(file.path);
    if (current === undefined) return { ...file, action: 'create' };
    if (sameBytes(file.content, current)) return { ...file, action: 'skip' };
    return { ...file, action: force ? 'overwrite' : 'skip' };
  });
}
