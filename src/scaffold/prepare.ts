// From what the user asked (a starter, its flags, or "what the ADRs call for") to the operations a
// scaffold would perform: the same for `adr-wizard scaffold` and the MCP `scaffold_plan`/`scaffold`
// tools. Nothing is written here; apply.ts writes.
import { relative } from 'node:path';
import { didYouMean } from '../core/did-you-mean.js';
import { UsageError } from '../core/errors.js';
import type { AdrRecord } from '../adr/types.js';
import { prepareOps } from './apply.js';
import { findStarter, starterIds, type Catalog } from './catalog.js';
import { chooseFromAdrs, selectingTrees } from './from-adrs.js';
import { acceptedOptions, buildOptions, type RawScaffoldFlags } from './options.js';
import { nextSteps as nextStepsOf, starterFiles } from './starter-files.js';
import type { FileOp, StarterManifest, StarterOptions } from './types.js';

export interface FromLog {
  starter: string;
  /** Which ADRs chose it, in words: `ADR 3 architecture-style: microservices; ...`. */
  note: string;
  /** Other starters the decisions call for. */
  also: string[];
}

export interface PreparedStarter {
  manifest: StarterManifest;
  options: StarterOptions;
  ops: FileOp[];
  nextSteps: string[];
  from?: FromLog;
}

export function knownStarter(catalog: Catalog, id: string): StarterManifest {
  const manifest = findStarter(catalog, id);
  if (manifest) return manifest;
  const ids = starterIds(catalog);
  throw new UsageError(`unknown starter "${id}"${didYouMean(id, ids)}; starters: ${ids.join(', ')}`);
}

export async function prepareStarter(input: {
  cwd: string;
  catalog: Catalog;
  starter?: string;
  flags: RawScaffoldFlags;
  /** `--from-adrs`: the log's records and its folder (for messages). */
  log?: { records: AdrRecord[]; dir: string };
  force?: boolean;
}): Promise<PreparedStarter> {
  const { cwd, catalog } = input;
  if (input.starter !== undefined) knownStarter(catalog, input.starter);
  let starterId = input.starter;
  let flags: RawScaffoldFlags = { ...input.flags };
  let from: FromLog | undefined;
  if (input.log) {
    // A named starter takes only its options from the ADRs; otherwise the ADRs choose the starter.
    const choice = chooseFromAdrs(input.log.records, catalog.starters, starterId);
    if (!choice) {
      throw new UsageError(
        `no accepted ADR in ${relative(cwd, input.log.dir) || '.'} calls for a starter (decisions of ${selectingTrees(catalog.starters).join(', ')}); name one: adr-wizard scaffold <starter>`,
      );
    }
    const note = choice.because.map((b) => `ADR ${b.number} ${b.tree}: ${b.outcome}`).join('; ') || 'no accepted ADR sets its options';
    from = { starter: choice.starter, note, also: choice.also };
    starterId = choice.starter;
    // Explicit flags win over what the ADRs imply.
    flags = { ...choice.flags, ...Object.fromEntries(Object.entries(flags).filter(([, v]) => v !== undefined)) };
  }
  if (starterId === undefined) {
    throw new UsageError(`name a starter (${starterIds(catalog).join(', ')}) or pass --from-adrs`);
  }
  const manifest = knownStarter(catalog, starterId);
  const options = buildOptions(manifest, flags, cwd);
  const files = await starterFiles(catalog, manifest, options);
  const ops = await prepareOps(files, { out: options.out, force: input.force === true });
  return { manifest, options, ops, nextSteps: nextStepsOf(manifest, options), ...(from ? { from } : {}) };
}

/** The options a starter takes (null: unset), as the plan received them: `scaffold --json`'s `options`. */
export function shownOptions(prepared: PreparedStarter): Record<string, unknown> {
  const { manifest, options } = prepared;
  return { name: options.name, ...Object.fromEntries(acceptedOptions(manifest).map((n) => [n, options[n] ?? null])) };
}

export function opBytes(op: FileOp): number {
  return typeof op.content === 'string' ? Buffer.byteLength(op.content) : op.content.length;
}
