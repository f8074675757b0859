// Every user-facing colour goes through here. chalk honours NO_COLOR and FORCE_COLOR itself.
import chalk from 'chalk';

export const style = {
  title: (s: string) => chalk.bold(s),
  dim: (s: string) => chalk.dim(s),
  ok: (s: string) => chalk.green(s),
  warn: (s: string) => chalk.yellow(s),
  bad: (s: string) => chalk.red(s),
  id: (s: string) => chalk.cyan(s),
};

export function printError(message: string): void {
  process.stderr.write(`${chalk.red('error')} ${message}\n`);
}

export function printWarning(message: string): void {
  process.stderr.write(`${chalk.yellow('warning')} ${message}\n`);
}

/** Writes one JSON document to stdout: the only thing `--json` prints there. */
export function printJson(value: unknown): void {
  process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
}

export function println(line = ''): void {
  process.stdout.write(`${line}\n`);
}
