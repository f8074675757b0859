// Turns command-line flags into StarterOptions, refusing anything that could write outside the
// target or produce code that does not compile (service names end up as folders and identifiers).
import { basename, resolve } from 'node:path';
import { UsageError } from '../core/errors.js';
import { kebabCase } from './templates.js';
import type { StarterOptions } from './types.js';

const SERVICE_NAME = /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/;
const MAX_SERVICE_NAME = 40;
/** Names the layouts use for their own folders, or that read as keywords in generated code. */
const RESERVED_SERVICE_NAMES = new Set([
  'app', 'apps', 'common', 'config', 'dist', 'docker', 'lib', 'libs', 'node-modules', 'shared', 'src', 'test',
  'saga', 'health', 'default', 'new', 'delete', 'class', 'function', 'import', 'export',
]);
const TRANSPORTS = ['rabbitmq', 'kafka'] as const;
const DATABASES = ['mongodb', 'postgres'] as const;
const SAGA_STYLES = ['orchestration', 'choreography'] as const;

export function parseServices(raw: string | undefined, fallback: string[]): string[] {
  if (raw === undefined) return fallback;
  const names = raw.split(',').map((s) => s.trim());
  const seen = new Set<string>();
  for (const name of names) {
    if (name === '') throw new UsageError(`--services: empty service name in "${raw}"`);
    if (!SERVICE_NAME.test(name) || name.length > MAX_SERVICE_NAME) {
      const hint = kebabCase(name);
      const suggestion = SERVICE_NAME.test(hint) && hint !== name ? ` (did you mean "${hint}"?)` : '';
      throw new UsageError(
        `--services: "${name}" is not a valid service name${suggestion}; use kebab-case: lowercase letters, digits and single dashes, starting with a letter, at most ${MAX_SERVICE_NAME} characters`,
      );
    }
    if (RESERVED_SERVICE_NAMES.has(name)) {
      throw new UsageError(`--services: "${name}" is reserved by the starter's layout; choose another name`);
    }
    if (seen.has(name)) throw new UsageError(`--services: "${name}" is listed twice`);
    seen.add(name);
  }
  return names;
}

function oneOf<T extends string>(flag: string, value: unknown, allowed: readonly T[], fallback: T): T {
  if (value === undefined) return fallback;
  if (typeof value === 'string' && (allowed as readonly string[]).includes(value)) return value as T;
  throw new UsageError(`${flag}: "${String(value)}" is not one of ${allowed.join(', ')}`);
}

/** npm package names are lowercase; the folder name is the natural project name. */
function projectName(out: string): string {
  const name = kebabCase(basename(out)).slice(0, 60);
  return name === '' ? 'app' : /^[a-z]/.test(name) ? name : `app-${name}`;
}

export interface RawScaffoldFlags {
  out?: string;
  services?: string;
  transport?: string;
  database?: string;
  sagaStyle?: string;
  ingress?: string;
  hosting?: string;
}

export function buildOptions(
  starterId: string,
  flags: RawScaffoldFlags,
  cwd: string,
  defaults: { services: string[] },
): StarterOptions {
  const out = resolve(cwd, flags.out ?? starterId);
  const options: StarterOptions = {
    out,
    name: projectName(out),
    services: parseServices(flags.services, defaults.services),
    transport: oneOf('--transport', flags.transport, TRANSPORTS, 'rabbitmq'),
    database: oneOf('--database', flags.database, DATABASES, 'mongodb'),
    sagaStyle: oneOf('--saga-style', flags.sagaStyle, SAGA_STYLES, 'orchestration'),
  };
  if (flags.ingress !== undefined) options.ingress = flags.ingress;
  if (flags.hosting !== undefined) options.hosting = flags.hosting;
  return options;
}
