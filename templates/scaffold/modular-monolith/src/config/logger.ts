import { ConsoleLogger } from '@nestjs/common';
import { LOG_LEVELS, type LogLevelName } from './env';

/**
 * One JSON object per line ({"level","pid","timestamp","message","context"}), which log
 * collectors parse without configuration; `level` and everything more severe are printed.
 */
export function jsonLogger(level: LogLevelName = 'log'): ConsoleLogger {
  return new ConsoleLogger({ json: true, colors: false, logLevels: LOG_LEVELS.slice(LOG_LEVELS.indexOf(level)) });
}
