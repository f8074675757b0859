import 'reflect-metadata';
import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';

/**
 * Builds the `validate` function for ConfigModule.forRoot: the environment is converted to the
 * given class and checked with class-validator, so a service with a missing secret or a malformed
 * URL refuses to start instead of failing on the first request.
 */
export function validateEnv<T extends object>(schema: new () => T): (raw: Record<string, unknown>) => T {
  return (raw) => {
    const env = plainToInstance(schema, raw, { enableImplicitConversion: true });
    const errors = validateSync(env, { skipMissingProperties: false });
    if (errors.length > 0) {
      const details = errors
        .map((error) => `${error.property}: ${Object.values(error.constraints ?? {}).join(', ')}`)
        .join('; ');
      throw new Error(`Invalid environment: ${details}`);
    }
    return env;
  };
}
