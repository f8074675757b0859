// `adr-wizard new <title>`: a blank ADR in the log's style, optionally superseding or linking.
import { basename, relative } from 'node:path';
import { UsageError } from '../../core/errors.js';
import { loadAdrConfig } from '../../io/config.js';
import { createAdr, type LinkSpec } from '../../adr/create.js';
import { checkLinkType, parseAdrNumber } from '../../adr/lookup.js';
import { reverseOf } from '../../core/link-types.js';
import { adrFolder } from '../adr-folder.js';

interface NewOptions {
  status?: string;
  supersedes?: string[];
  link?: string[];
  template?: string;
  lang?: string;
  json?: boolean;
}

/** `Amends:3`, or adr-tools' `3:Amends:Amended by`. */
function parseLinkSpec(spec: string): LinkSpec {
  const parts = spec.split(':').map((p) => p.trim());
  if (parts.length === 2 && /^\d+$/.test(parts[1]!)) {
    const type = checkLinkType(parts[0]!);
    const reverse = reverseOf(type);
    return { type, number: parseAdrNumber(parts[1]!), ...(reverse ? { reverse } : {}) };
  }
  if (parts.length >= 2 && /^\d+$/.test(parts[0]!)) {
    const type = checkLinkType(parts[1]!);
    const reverse = parts[2] ? checkLinkType(parts[2]) : reverseOf(type);
    return { type, number: parseAdrNumber(parts[0]!), ...(reverse ? { reverse } : {}) };
  }
  throw new UsageError(`--link "${spec}": expected TYPE:N (e.g. "Amends:3") or N:TYPE:REVERSE (e.g. "3:Amends:Amended by")`);
}

export async function run(titleArg: string, opts: NewOptions = {}): Promise<void> {
  const cwd = process.cwd();
  const config = await loadAdrConfig(cwd);
  const { dir } = await adrFolder(cwd, config);
  const created = await createAdr({
    dir,
    config,
    title: titleArg,
    ...(opts.status !== undefined ? { status: opts.status } : {}),
    supersedes: (opts.supersedes ?? []).map((s) => parseAdrNumber(s)),
    links: (opts.link ?? []).map(parseLinkSpec),
    ...(opts.template !== undefined ? { template: opts.template } : {}),
    ...(opts.lang !== undefined ? { lang: opts.lang } : {}),
  });

  if (opts.json) {
    // Plain writes, not messages.ts: `new` prints no colour and skips loading chalk (start-up time).
    process.stdout.write(`${JSON.stringify(created, null, 2)}\n`);
  } else {
    process.stdout.write(`${relative(cwd, created.file) || basename(created.file)}\n`);
  }
}
