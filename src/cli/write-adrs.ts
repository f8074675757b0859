// Records decisions as ADRs through the ADR writer, loaded only when something is written.
import { UsageError } from '../core/errors.js';
import type { Decision, DriverCatalog, Lang, Tree } from '../core/types.js';
import type { ContextFile } from '../io/context.js';
import type { AdrRef } from './decision-report.js';
import { progressLine } from './progress-line.js';
import { adrFolder } from './adr-folder.js';
import { RENDER_FORMATS } from './option-values.js';

export interface WriteAdrsInput {
  decisions: Decision[];
  trees: Map<string, Tree>;
  catalog: DriverCatalog;
  cwd: string;
  lang: Lang;
  context?: ContextFile;
  dryRun?: boolean;
  template?: string;
  status?: string;
  render?: string;
  force?: boolean;
}

/** Writes (or with dryRun, plans) one ADR per decision; returns them by tree id. */
export async function writeAdrs(input: WriteAdrsInput): Promise<Map<string, AdrRef & { content: string }>> {
  const out = new Map<string, AdrRef & { content: string }>();
  if (input.decisions.length === 0) return out;
  const render = input.render;
  if (render !== undefined && !(RENDER_FORMATS as readonly string[]).includes(render)) {
    throw new UsageError(`--render ${render}: unknown format (use svg or png)`);
  }
  const { recordDecisions } = await import('../adr/record-decisions.js');
  const people = {
    ...(input.context?.consulted ? { consulted: input.context.consulted } : {}),
    ...(input.context?.informed ? { informed: input.context.informed } : {}),
  };
  const progress = progressLine();
  const { dir } = await adrFolder(input.cwd);
  const records = await recordDecisions({
    dir,
    decisions: input.decisions,
    trees: input.trees,
    catalog: input.catalog,
    cwd: input.cwd,
    lang: input.lang,
    ...(input.template !== undefined ? { template: input.template } : {}),
    ...(input.status !== undefined ? { status: input.status } : {}),
    ...(render !== undefined ? { render: render as (typeof RENDER_FORMATS)[number], onProgress: progress.counter('rendering') } : {}),
    ...(input.context?.deciders ? { deciders: input.context.deciders } : {}),
    ...people,
    dryRun: input.dryRun === true,
    force: input.force === true,
  }).finally(() => progress.clear());
  for (const r of records) {
    out.set(r.tree, { number: r.number, file: r.file, written: r.written, dryRun: input.dryRun === true, content: r.content });
  }
  return out;
}
