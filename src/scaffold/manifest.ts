// The shape of templates/scaffold/<id>/starter.yaml and every check that needs nothing but the
// manifest itself: YAML, schema, a default among its values, known placeholders, a plan module
// that exists, valid service names. The build adds the checks against the decision trees
// (src/build/check-starters.ts); a run reads the build's compiled form (catalog.ts) and comes
// here only for a manifest edited or added since the build.
import type { Problem } from '../core/errors.js';
import { dotted } from '../core/problems.js';
import { schemaProblems } from '../core/schema-problems.js';
import { parseYaml, type DocPath, type Locate } from '../core/yaml-doc.js';
import * as z from '../core/zod.js';
import { parseServices } from './options.js';
import { PLAN_MODULES } from './registry.js';
import { DATABASES, SAGA_STYLES, TRANSPORTS, type StarterManifest } from './types.js';

/** What a next-steps line may name. */
export const NEXT_STEP_PLACEHOLDERS = ['out', 'name'] as const;

const ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const Id = z.string().check(z.regex(ID, { message: 'must be kebab-case: lower-case letters, digits and single dashes' }));
const NonEmpty = z.string().check(z.minLength(1));
const Names = z.array(NonEmpty).check(z.minLength(1));

function valueOption<T extends z.ZodMiniType>(value: T) {
  return z.strictObject({
    values: z.array(value).check(z.minLength(1)),
    default: z.optional(value),
    from: z.optional(Id),
  });
}

const ManifestSchema = z.strictObject({
  id: Id,
  description: z.strictObject({ en: NonEmpty, es: NonEmpty }),
  plan: z.optional(NonEmpty),
  precedence: z._default(z.int(), 0),
  selectedBy: z._default(z.array(z.strictObject({ tree: Id, outcome: z.optional(Id) })), []),
  options: z._default(
    z.strictObject({
      services: z.optional(z.union([z.strictObject({ default: Names }), z.strictObject({ fixed: Names })])),
      transport: z.optional(valueOption(z.enum(TRANSPORTS))),
      database: z.optional(valueOption(z.enum(DATABASES))),
      sagaStyle: z.optional(valueOption(z.enum(SAGA_STYLES))),
      ingress: z.optional(valueOption(Id)),
      hosting: z.optional(valueOption(Id)),
    }),
    {},
  ),
  nextSteps: z._default(z.array(NonEmpty), []),
});

const KNOWN_FIELDS = [
  'id', 'description', 'en', 'es', 'plan', 'precedence', 'selectedBy', 'tree', 'outcome', 'options', 'services', 'default',
  'fixed', 'transport', 'database', 'sagaStyle', 'ingress', 'hosting', 'values', 'from', 'nextSteps',
];

/** templates/scaffold/starter.schema.json, which every manifest names for editors (written by the build). */
export function manifestJsonSchema(): Record<string, unknown> {
  const { $schema, ...rest } = z.toJSONSchema(ManifestSchema, { target: 'draft-7', io: 'input' });
  return { $schema, $id: 'https://adr-wizard.dev/schemas/starter.schema.json', ...rest };
}

export interface ParsedManifest {
  manifest?: StarterManifest;
  problems: Problem[];
  /** Line and column of a path in the manifest, for the checks that come later (the build's). */
  locate: Locate;
}

/** Parses and checks one starter.yaml; `folder` is the name of the folder it sits in. */
export function parseManifest(source: string, file: string, folder: string): ParsedManifest {
  const { data, problems, locate } = parseYaml(source, file);
  if (data === undefined) return { problems, locate };
  const result = ManifestSchema.safeParse(data);
  if (!result.success) return { problems: [...problems, ...schemaProblems(result.error.issues, data, file, locate, KNOWN_FIELDS)], locate };
  // Typed, not cast: the schema and StarterManifest cannot drift apart.
  const manifest: StarterManifest = result.data;
  const at = (path: DocPath, message: string) => problems.push({ file, ...locate(path), path: dotted(path), message, severity: 'error', rule: 'starter' });

  if (manifest.id !== folder) at(['id'], `the id must be the folder's name, "${folder}"`);
  if (manifest.plan !== undefined && !Object.hasOwn(PLAN_MODULES, manifest.plan)) {
    at(['plan'], `no plan module "${manifest.plan}"; known: ${Object.keys(PLAN_MODULES).join(', ')} (src/scaffold/registry.ts), or omit plan to render the folder`);
  }
  for (const [name, option] of Object.entries(manifest.options)) {
    if (option === undefined) continue;
    if ('values' in option) {
      const values = option.values as string[];
      if (option.default !== undefined && !values.includes(option.default)) {
        at(['options', name, 'default'], `"${option.default}" is not one of its values (${values.join(', ')})`);
      }
      if (new Set(values).size !== values.length) at(['options', name, 'values'], 'lists a value twice');
    } else {
      const names = 'default' in option ? option.default : option.fixed;
      try {
        parseServices(names.join(','), []);
      } catch (error) {
        at(['options', name], (error as Error).message.replace(/^--services: /, ''));
      }
    }
  }
  manifest.nextSteps.forEach((line, i) => {
    for (const [, key] of line.matchAll(/\{\{\s*([^}]*?)\s*\}\}/g)) {
      if (!(NEXT_STEP_PLACEHOLDERS as readonly string[]).includes(key ?? '')) {
        at(['nextSteps', i], `unknown placeholder {{${key}}}; known: ${NEXT_STEP_PLACEHOLDERS.map((p) => `{{${p}}}`).join(', ')}`);
      }
    }
  });
  return problems.some((p) => p.severity === 'error') ? { problems, locate } : { manifest, problems, locate };
}
