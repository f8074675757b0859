import { Logger } from '@nestjs/common';
import { Kysely, Migration, Migrator } from 'kysely';

/**
 * Applies a module's migrations to its own schema. The record of what ran lives in that schema too
 * (`<schema>.kysely_migration`), so each module's history is independent of the others', and a
 * module can later move to its own database with its history. Kysely's migrator holds a
 * PostgreSQL advisory lock while it runs: replicas starting together take turns.
 */
export async function migrateSchema(db: Kysely<object>, schema: string, migrations: Record<string, Migration>): Promise<string[]> {
  const migrator = new Migrator({
    db,
    provider: { getMigrations: async () => migrations },
    migrationTableSchema: schema,
  });
  const { error, results = [] } = await migrator.migrateToLatest();
  if (error) {
    const failed = results.find((r) => r.status === 'Error')?.migrationName;
    const message = error instanceof Error ? error.message : String(error);
    throw new Error(`migrating schema "${schema}" failed${failed ? ` at ${failed}` : ''}: ${message}`, { cause: error });
  }
  const applied = results.filter((r) => r.status === 'Success').map((r) => r.migrationName);
  if (applied.length > 0) Logger.log(`schema "${schema}": applied ${applied.join(', ')}`, 'Migrations');
  return applied;
}
