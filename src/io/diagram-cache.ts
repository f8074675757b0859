// Drawings already made, kept between runs. A diagram whose source, Mermaid version and drawing
// settings are unchanged is read back instead of drawn again: an export or a site rebuilt after
// one new ADR draws that ADR's diagram, not the whole log's (drawing costs ~0.3 s of CPU each).
//
// Content-addressed: a file's name is the hash of everything that shapes the picture, so an entry
// is never stale, only unused; entries unused for 30 days are removed. The folder is the user's
// cache folder (env-paths: ~/.cache/adr-wizard on Linux, ~/Library/Caches/adr-wizard on macOS,
// %LOCALAPPDATA%\adr-wizard\Cache on Windows), ADR_WIZARD_CACHE_DIR to choose another;
// ADR_WIZARD_NO_CACHE=1 turns it off. A cache that cannot be read or written is only a miss.
import { createHash } from 'node:crypto';
import { readdir, readFile, rm, stat, utimes } from 'node:fs/promises';
import { join } from 'node:path';
import envPaths from 'env-paths';
import { writeFileAtomic } from './fs.js';
import type { ImageFormat } from './mermaid-page.js';

const UNUSED_DAYS = 30;
// The SVG id a cached drawing is stored with; each use gets its own id back.
export const CACHED_SVG_ID = 'adr-wizard-cached-drawing';

/** The cache folder, or undefined when turned off. */
export function diagramCacheDir(env: NodeJS.ProcessEnv = process.env): string | undefined {
  if (env.ADR_WIZARD_NO_CACHE !== undefined && env.ADR_WIZARD_NO_CACHE !== '' && env.ADR_WIZARD_NO_CACHE !== '0') return undefined;
  if (env.ADR_WIZARD_CACHE_DIR) return join(env.ADR_WIZARD_CACHE_DIR, 'diagrams');
  return join(envPaths('adr-wizard', { suffix: '' }).cache, 'diagrams');
}

// A file cut short (a full disk, a killed process before the rename) is never served.
function whole(data: Uint8Array, format: ImageFormat): boolean {
  if (format === 'png') return data.length > 8 && data[0] === 0x89 && data[1] === 0x50 && data[2] === 0x4e && data[3] === 0x47;
  const text = new TextDecoder().decode(data.subarray(Math.max(0, data.length - 16)));
  return new TextDecoder().decode(data.subarray(0, 4)) === '<svg' && text.trimEnd().endsWith('</svg>');
}

export class DiagramCache {
  private writes: Promise<unknown>[] = [];

  private constructor(
    private readonly dir: string,
    /** Everything besides the source that shapes a drawing: Mermaid's version, the page's settings. */
    private readonly settings: string,
  ) {}

  static open(settings: string, env: NodeJS.ProcessEnv = process.env): DiagramCache | undefined {
    const dir = diagramCacheDir(env);
    return dir === undefined ? undefined : new DiagramCache(dir, settings);
  }

  private file(source: string, format: ImageFormat): string {
    const hash = createHash('sha256').update(this.settings).update('\0').update(format).update('\0').update(source).digest('hex');
    return join(this.dir, hash.slice(0, 2), `${hash}.${format}`);
  }

  /** The drawing of `source`, stored with CACHED_SVG_ID as its SVG id; undefined when not kept. */
  async get(source: string, format: ImageFormat): Promise<Uint8Array | undefined> {
    // A source that says the stored id itself could not get its own id back.
    if (source.includes(CACHED_SVG_ID)) return undefined;
    const file = this.file(source, format);
    try {
      const data = new Uint8Array(await readFile(file));
      if (!whole(data, format)) return undefined;
      const now = new Date();
      await utimes(file, now, now).catch(() => undefined);
      return data;
    } catch {
      return undefined;
    }
  }

  /** Keeps a drawing (its SVG id already CACHED_SVG_ID); a failure to write is ignored. */
  put(source: string, format: ImageFormat, data: Uint8Array): void {
    if (source.includes(CACHED_SVG_ID) || !whole(data, format)) return;
    const file = this.file(source, format);
    this.writes.push(
writeFileAtomic(file, data, { force: true }).catch(() => undefined),
    );
  }

  /** Waits for the writes, then removes entries unused for 30 days (when something was written). */
  async settle(): Promise<void> {
    const wrote = this.writes.length > 0;
    await Promise.all(this.writes);
    this.writes = [];
    if (wrote) await this.prune().catch(() => undefined);
  }

  private async prune(): Promise<void> {
    const cutoff = Date.now() - UNUSED_DAYS * 86_400_000;
    for (const bucket of await readdir(this.dir)) {
      const folder = join(this.dir, bucket);
      for (const name of await readdir(folder).catch(() => [] as string[])) {
        const file = join(folder, name);
        const info = await stat(file).catch(() => undefined);
        if (info && info.mtimeMs < cutoff) await rm(file, { force: true });
      }
    }
  }
}
