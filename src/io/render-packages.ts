// The two packages that draw diagrams, found where the user has them. Both are optional peer
// dependencies: `npx adr-wizard` users who never render install neither, and puppeteer-core never
// downloads a browser (the `puppeteer` package's install script does; we use a system one).
//
// A project that already has @mermaid-js/mermaid-cli has both through it (mermaid is its
// dependency, puppeteer its peer, which npm installs), hoisted next to us or nested under it.
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import type { PuppeteerNode } from 'puppeteer-core';
import { UsageError } from '../core/errors.js';
import { isCode } from './fs.js';

export type Puppeteer = Pick<PuppeteerNode, 'launch' | 'executablePath'>;

export interface RenderPackages {
  /** Mermaid's self-contained browser build (dist/mermaid.min.js). */
  mermaidScript: string;
  puppeteer: Puppeteer;
}

// Majors pinned: an unpinned `-p mermaid` would fetch a major this version was never drawn with.
const INSTALL_HINT =
  'rendering needs mermaid and puppeteer-core: npx -y -p adr-wizard -p mermaid@11 -p puppeteer-core@24 adr-wizard ... ' +
  '(or in a project: npm install -D mermaid@11 puppeteer-core@24)';

const MERMAID_SCRIPT = 'mermaid/dist/mermaid.min.js';
const MERMAID_CLI = '@mermaid-js/mermaid-cli';

/** Where to resolve from: next to adr-wizard first, then inside mermaid-cli's own install. */
function resolvers(): NodeJS.Require[] {
  const own = createRequire(import.meta.url);
  try {
    return [own, createRequire(own.resolve(MERMAID_CLI))];
  } catch {
    return [own];
  }
}

function resolveFirst(names: string[], from: NodeJS.Require[]): string | undefined {
  for (const require of from) {
    for (const name of names) {
      try {
        return require.resolve(name);
      } catch (err: unknown) {
        if (!isCode(err, 'MODULE_NOT_FOUND') && !isCode(err, 'ERR_PACKAGE_PATH_NOT_EXPORTED')) throw err;
      }
    }
  }
  return undefined;
}

/** Throws a UsageError with the install command when either package cannot be found. */
export async function loadRenderPackages(): Promise<RenderPackages> {
  const from = resolvers();
  const mermaidScript = resolveFirst([MERMAID_SCRIPT], from);
  // puppeteer-core first: the `puppeteer` package's entry reads its download settings, which we
  // never use. Both export the same API.
  const puppeteerEntry = resolveFirst(['puppeteer-core', 'puppeteer'], from);
  if (mermaidScript === undefined || puppeteerEntry === undefined) throw new UsageError(INSTALL_HINT);
  // The entry resolved is the CommonJS build; its module.exports carries the bound API.
  const mod = (await import(pathToFileURL(puppeteerEntry).href)) as { default?: Puppeteer } & Puppeteer;
  return { mermaidScript, puppeteer: mod.default ?? mod };
}
