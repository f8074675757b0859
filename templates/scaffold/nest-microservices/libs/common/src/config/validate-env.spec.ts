import { IsNotEmpty, IsString, MinLength } from 'class-validator';
import { BaseEnv } from './base-env';
import { validateEnv } from './validate-env';

class TestEnv extends BaseEnv {
  @IsString()
  @IsNotEmpty()
  @MinLength(32)
  JWT_SECRET!: string;
}

const valid = { PORT: '3000', JWT_SECRET: 'x'.repeat(32) };

describe('validateEnv', () => {
  it('converts and accepts a complete environment', () => {
    const env = validateEnv(TestEnv)(valid);
    expect(env.PORT).toBe(3000);
    expect(env.NODE_ENV).toBe('development');
    expect(env.LOG_LEVEL).toBe('log');
  });

  it('fails fast when a secret is missing', () => {
    const { JWT_SECRET: _omitted, ...rest } = valid;
    expect(() => validateEnv(TestEnv)(rest)).toThrow(/JWT_SECRET/);
  });

  it('rejects a port that is not a number and an unknown log level', () => {
    expect(() => validateEnv(TestEnv)({ ...valid, PORT: 'http' })).toThrow(/PORT/);
    expect(() => validateEnv(TestEnv)({ ...valid, LOG_LEVEL: 'chatty' })).toThrow(/LOG_LEVEL/);
  });
});
