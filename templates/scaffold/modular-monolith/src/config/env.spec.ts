import { validateEnv } from './env';

const valid = { DATABASE_URL: 'postgres://app:secret@localhost:5432/app' };

describe('validateEnv', () => {
  it('converts the strings and fills in the defaults', () => {
    const env = validateEnv({ ...valid, PORT: '8080' });
    expect(env.PORT).toBe(8080);
    expect(env.LOG_LEVEL).toBe('log');
    expect(env.DATABASE_POOL_MAX).toBe(10);
  });

  it('fails fast, naming the variable, when DATABASE_URL is missing', () => {
    expect(() => validateEnv({})).toThrow(/^Invalid environment: DATABASE_URL must be a postgres:\/\/ URL/);
  });

  it('rejects a database URL of another kind', () => {
    expect(() => validateEnv({ DATABASE_URL: 'mysql://localhost/app' })).toThrow(/DATABASE_URL/);
  });

  it('rejects a port that is not a number and an unknown log level', () => {
    expect(() => validateEnv({ ...valid, PORT: 'http' })).toThrow(/PORT must be an integer/);
    expect(() => validateEnv({ ...valid, LOG_LEVEL: 'loud' })).toThrow(/LOG_LEVEL must be one of/);
  });
});
