import 'reflect-metadata';
import { IsIn, IsInt, Max, Min } from 'class-validator';
import { LOG_LEVELS, type LogLevelName } from '../logging/logger';

/** Variables every service reads. Each service's env.ts adds its own (secrets included). */
export class BaseEnv {
  @IsIn(['development', 'production', 'test'])
  NODE_ENV: string = 'development';

  @IsInt()
  @Min(1)
  @Max(65535)
  PORT!: number;

  /** The least severe level that is logged: verbose, debug, log, warn, error or fatal. */
  @IsIn(LOG_LEVELS)
  LOG_LEVEL: LogLevelName = 'log';
}
