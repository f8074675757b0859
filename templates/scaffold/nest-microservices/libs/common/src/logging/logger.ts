import { ConsoleLogger, type LogLevel } from '@nestjs/common';

/** Nest's levels, most verbose first. */
export const LOG_LEVELS = ['verbose', 'debug', 'log', 'warn', 'error', 'fatal'] as const satisfies readonly LogLevel[];
export type LogLevelName = (typeof LOG_LEVELS)[number];

/** `LOG_LEVEL=warn` logs warn, error and fatal. An unknown name falls back to `log` (env validation reports it). */
export function levelsFrom(level: string | undefined): LogLevel[] {
  const index = LOG_LEVELS.indexOf((level ?? 'log') as LogLevelName);
  return LOG_LEVELS.slice(index < 0 ? LOG_LEVELS.indexOf('log') : index);
}

/**
 * One JSON object per line on stdout (Nest's own ConsoleLogger in json mode), so that a log
 * collector can index fields without parsing text. Created before the configuration module
 * runs, hence read from process.env directly.
 */
export function createLogger(service: string, env: NodeJS.ProcessEnv = process.env): ConsoleLogger {
  return new ConsoleLogger(service, { json: true, colors: false, logLevels: levelsFrom(env.LOG_LEVEL) });
}
