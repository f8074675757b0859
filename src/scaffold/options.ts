// Turns command-line flags into StarterOptions by the starter's manifest, refusing anything that
// could write outside the target or produce code that does not compile (service names end up as
// folders and identifiers), and any flag or value the starter does not declare.
import { basename, resolve } from 'node:path';
import { UsageError } from '../core/errors.js';
import { kebabCase } from './templates.js';
import { OPTION_FLAGS, type OptionName, type StarterManifest, type StarterOptions, type ValueOptionName } from './types.js';

const SERVICE_NAME = /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/;
const MAX_SERVICE_NAME = 40;
/** Names the layouts use for their own folders, or that read as keywords in generated code. */
const RESERVED_SERVICE_NAMES = new Set([
  'app', 'apps', 'common', 'config', 'dist', 'docker', 'lib', 'libs', 'node-modules', 'shared', 'src', 'test',
  'saga', 'health', 'default', 'new', 'delete', 'class', 'function', 'import', 'export',
]);
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

/** The options a manifest declares, in flag order. */
export function acceptedOptions(manifest: StarterManifest): OptionName[] {
  return (Object.keys(OPTION_FLAGS) as OptionName[]).filter((name) => manifest.options[name] !== undefined);
}

/**
 * Options for `manifest`'s starter from the flags: every flag must be one the manifest declares
 * (a flag the starter cannot honour is refused, never ignored), every value one it allows.
 */
export function buildOptions(manifest: StarterManifest, flags: RawScaffoldFlags, cwd: string): StarterOptions {
  const id = manifest.id;
  for (const name of Object.keys(OPTION_FLAGS) as OptionName[]) {
    if (flags[name] === undefined || manifest.options[name] !== undefined) continue;
    // Fixed services are not an option the user has.
    const accepted = acceptedOptions(manifest)
      .filter((n) => !(n === 'services' && manifest.options.services !== undefined && 'fixed' in manifest.options.services))
      .map((n) => OPTION_FLAGS[n]);
    const takes = accepted.length > 0 ? `its options: ${accepted.join(', ')}` : 'it takes no options';
    throw new UsageError(`${OPTION_FLAGS[name]}: the ${id} starter does not take ${OPTION_FLAGS[name]} (${takes})`);
  }
  const out = resolve(cwd, flags.out ?? id);
  const services = manifest.options.services;
  if (services !== undefined && 'fixed' in services && flags.services !== undefined) {
    throw new UsageError(`--services: the ${id} starter has fixed services (${services.fixed.join(', ')})`);
  }
  const options: StarterOptions = {
    out,
    name: projectName(out),
    services: services === undefined ? [] : 'fixed' in services ? services.fixed : parseServices(flags.services, services.default),
  };
  for (const name of VALUE_OPTIONS) {
    const spec = manifest.options[name];
    if (spec === undefined) continue;
    const value = flags[name] ?? spec.default;
    if (value === undefined) continue;
    if (!(spec.values as string[]).includes(value)) {
      throw new UsageError(`${OPTION_FLAGS[name]} "${value}" is not one of ${spec.values.join(', ')} (the ${id} starter)`);
    }
    (options as unknown as Record<string, string>)[name] = value;
  }
  return options;
}

const VALUE_OPTIONS = ['transport', 'database', 'sagaStyle', 'ingress', 'hosting'] as const satisfies readonly ValueOptionName[];
