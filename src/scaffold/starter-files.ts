// What a starter writes and prints: its plan module's files (the manifest's `plan`), or, for a
// starter that is only templates, its folder rendered with the options; and its next steps.
import { join } from 'node:path';
import { UsageError } from '../core/errors.js';
import type { Catalog } from './catalog.js';
import { PLAN_MODULES } from './registry.js';
import { variantFlags } from './starters/shared.js';
import type { PlannedFile, StarterManifest, StarterOptions } from './types.js';

export async function starterFiles(catalog: Catalog, manifest: StarterManifest, options: StarterOptions): Promise<PlannedFile[]> {
  if (manifest.plan !== undefined) {
    const load = PLAN_MODULES[manifest.plan];
    if (!load) throw new UsageError(`starter ${manifest.id}: no plan module "${manifest.plan}"`);
    return (await load()).plan(options);
  }
  const { renderTemplateDir } = await import('./templates.js');
  // Every option is in the context (false when unset) so that strict templates can test any of
  // them; `{{#if postgres}}` and friends name the chosen values.
  const context = {
    name: options.name,
    services: options.services.map((name) => ({ name })),
    serviceNames: options.services,
    transport: options.transport ?? false,
    database: options.database ?? false,
    sagaStyle: options.sagaStyle ?? false,
    ingress: options.ingress ?? false,
    hosting: options.hosting ?? false,
    ...variantFlags(options),
  };
  return renderTemplateDir(join(catalog.root, manifest.id), context, {
    services: options.services.map((name) => ({ name, context: {} })),
  });
}

/** The manifest's next steps with `{{out}}` and `{{name}}` filled in. */
export function nextSteps(manifest: StarterManifest, options: StarterOptions): string[] {
  const values: Record<string, string> = { out: options.out, name: options.name };
  return manifest.nextSteps.map((line) => line.replace(/\{\{\s*(\w+)\s*\}\}/g, (whole, key: string) => values[key] ?? whole));
}
