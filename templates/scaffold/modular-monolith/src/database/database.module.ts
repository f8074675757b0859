import { Global, Inject, Injectable, Logger, Module, OnApplicationShutdown } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { Kysely, PostgresDialect } from 'kysely';
import { Pool } from 'pg';
import type { Env } from '../config/env';

/**
 * Injection token of the shared connection. It knows no tables: each module narrows it to its own
 * with `withTables<…>()`, so a query naming another module's table does not compile.
 */
export const DATABASE = Symbol('DATABASE');

/** A Kysely instance on its own pool (the application's, or a test's). */
export function createDatabase(url: string, max = 10): Kysely<object> {
  const pool = new Pool({ connectionString: url, max, connectionTimeoutMillis: 5_000 });
  // An idle connection dropped by the server emits 'error'; unhandled, it would end the process.
  pool.on('error', (error) => Logger.warn(`idle database connection failed: ${error.message}`, 'Database'));
  return new Kysely<object>({ dialect: new PostgresDialect({ pool }) });
}

@Injectable()
class DatabaseCloser implements OnApplicationShutdown {
  constructor(@Inject(DATABASE) private readonly db: Kysely<object>) {}

  // Runs after the HTTP server has stopped taking requests and finished the ones in flight.
  async onApplicationShutdown(): Promise<void> {
    await this.db.destroy();
  }
}

/** One pool for the whole application; every module owns a schema in it. */
@Global()
@Module({
  providers: [
    {
      provide: DATABASE,
      inject: [ConfigService],
      useFactory: (config: ConfigService<Env, true>) =>
        createDatabase(config.get('DATABASE_URL', { infer: true }), config.get('DATABASE_POOL_MAX', { infer: true })),
    },
    DatabaseCloser,
  ],
  exports: [DATABASE],
})
export class DatabaseModule {}
