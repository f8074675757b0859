import 'reflect-metadata';
import { plainToInstance } from 'class-transformer';
import { IsIn, IsInt, Matches, Max, Min, validateSync } from 'class-validator';

/** Nest's log levels, most verbose first; LOG_LEVEL names the least severe one to print. */
export const LOG_LEVELS = ['verbose', 'debug', 'log', 'warn', 'error', 'fatal'] as const;
export type LogLevelName = (typeof LOG_LEVELS)[number];

/**
 * Every variable the application reads. Anything missing or malformed stops the start-up with a
 * message naming the variable, instead of failing on the first request that needs it.
 */
export class Env {
  @IsIn(['development', 'production', 'test'])
  NODE_ENV: 'development' | 'production' | 'test' = 'development';

  @IsInt()
  @Min(1)
  @Max(65535)
  PORT: number = 3000;

  /** postgres://user:password@host:5432/database — credentials come from the environment only. */
  @Matches(/^postgres(ql)?:\/\/\S+$/, {
    message: 'DATABASE_URL must be a postgres:// URL, e.g. postgres://app:secret@localhost:5432/app',
  })
  DATABASE_URL!: string;

  /** Connections the pool may open; all modules share the pool. */
  @IsInt()
  @Min(1)
  @Max(100)
  DATABASE_POOL_MAX: number = 10;

  @IsIn(LOG_LEVELS)
  LOG_LEVEL: LogLevelName = 'log';
}

/** The `validate` function of ConfigModule.forRoot: converts the raw strings, then checks them. */
export function validateEnv(raw: Record<string, unknown>): Env {
  const env = plainToInstance(Env, raw, { enableImplicitConversion: true, exposeDefaultValues: true });
  const errors = validateSync(env, { skipMissingProperties: false });
  if (errors.length > 0) {
    const details = errors.map((error) => Object.values(error.constraints ?? {}).join(', ')).join('; ');
    throw new Error(`Invalid environment: ${details}`);
  }
  return env;
}
