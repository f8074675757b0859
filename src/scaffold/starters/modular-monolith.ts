// One Nest application, a module per bounded context, each owning a PostgreSQL schema, with an
// enforced boundary rule (imports and table names).
import { UsageError } from '../../core/errors.js';
import { renderTemplateDir } from '../templates.js';
import type { PlannedFile, Starter, StarterOptions } from '../types.js';
import { singular, templateDir } from './shared.js';

/** A module's PostgreSQL schema (and table) name: its name in snake_case. */
const schemaName = (module: string): string => module.replace(/-/g, '_');

/** Schema names PostgreSQL reserves or that would hide a module's tables among everyone's. */
function checkSchemaName(module: string): void {
  const schema = schemaName(module);
  if (schema.startsWith('pg_') || schema === 'public' || schema === 'information_schema') {
    throw new UsageError(`--services: "${module}" would own the PostgreSQL schema "${schema}", which PostgreSQL reserves or shares; choose another name`);
  }
}

export const starter: Starter = {
  async plan(options: StarterOptions): Promise<PlannedFile[]> {
    options.services.forEach(checkSchemaName);
    // The first module calls the second through its public API: the pattern to copy.
    const modules = options.services.map((name, i) => ({
      name,
      singular: singular(name),
      schema: schemaName(name),
      table: schemaName(name),
      dependsOn: i === 0 && options.services.length > 1 ? (options.services[1] as string) : false,
    }));
    return renderTemplateDir(
      templateDir('modular-monolith'),
      {
        name: options.name,
        modules,
        moduleNames: options.services,
        first: modules[0],
        second: modules[1] ?? false,
        schemasSorted: modules.map((m) => m.schema).sort(),
      },
      { services: modules.map(({ name, ...rest }) => ({ name, context: rest })) },
    );
  },
};
