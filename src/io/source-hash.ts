// The SHA-1 of a source text: what tells a build output from a stale one, for the compiled
// templates and the compiled shipped trees alike (the build writes it, a run compares it).
import { createRequire } from 'node:module';

let crypto: typeof import('node:crypto') | undefined;

export function sourceHash(source: string): string {
  // node:crypto loads on first use: most runs of most commands never compare a source.
  crypto ??= createRequire(import.meta.url)('node:crypto') as typeof import('node:crypto');
  return crypto.createHash('sha1').update(source).digest('hex');
}
