// Small helpers the starters share: where their templates live and how names are derived.
import { join } from 'node:path';
import { TEMPLATES_DIR } from '../../io/paths.js';

export function templateDir(starterId: string): string {
  return join(TEMPLATES_DIR, 'scaffold', starterId);
}

/** Naive English singular for identifiers: `orders` -> `order`, `billing` -> `billing`. */
export function singular(name: string): string {
  if (name.endsWith('ies') && name.length > 4) return `${name.slice(0, -3)}y`;
  if (name.endsWith('sses')) return name.slice(0, -2);
  if (name.endsWith('s') && !name.endsWith('ss') && name.length > 3) return name.slice(0, -1);
  return name;
}

/** Options every template sees as booleans, so `{{#if postgres}}` works under strict mode. */
export function variantFlags(options: { transport?: string; database?: string }): Record<string, boolean> {
  return {
    rabbitmq: options.transport === 'rabbitmq',
    kafka: options.transport === 'kafka',
    mongodb: options.database === 'mongodb',
    postgres: options.database === 'postgres',
    memory: options.database === 'memory',
  };
}
