// Reads a found `.adr-wizard.yaml` (config.ts finds it).
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { didYouMean } from '../core/did-you-mean.js';
import { DOCTOR_RULES, isDoctorRule, RULE_SETTINGS, type DoctorRule, type RuleSetting } from '../core/doctor-rules.js';
import type { Problem } from '../core/errors.js';
import * as z from '../core/zod.js';
import type { Locate } from '../core/yaml-doc.js';
import { parseUserYaml, userFileError } from './user-yaml.js';
import type { Lang } from '../core/types.js';
import type { Found } from './find-up.js';
import { isTemplateName, TEMPLATE_EXPECTED, TEMPLATE_NAMES } from './template-names.js';

export interface AdrConfig {
  /** The config file (absolute), when one was found. */
  file?: string;
  /** ADR folder, absolute (resolved against the config file's folder). */
  folder?: string;
  /** A shipped style's name (template-names.ts), or an absolute path to a `.hbs` template. */
  template?: string;
  lang?: Lang;
  deciders?: string[];
  consulted?: string[];
  informed?: string[];
  /** The browser that renders diagrams, absolute. */
  browser?: string;
  /** `doctor.rules`: a severity (or `off`) per rule id. */
  doctor?: { rules: Partial<Record<DoctorRule, RuleSetting>> };
}

const text = z.string().check(z.trim(), z.minLength(1, 'expected a non-empty string'));
// A list of names, or one comma-separated string ("Ana, Luis").
const names = z.union([z.array(z.string()), z.string()]);
const ConfigSchema = z.strictObject({
  folder: z.optional(text),
  template: z.optional(text),
  templates: z.optional(text),
  lang: z.optional(z.enum(['en', 'es'])),
  'decision-makers': z.optional(names),
  deciders: z.optional(names),
  consulted: z.optional(names),
  informed: z.optional(names),
  browser: z.optional(text),
  // The keys under it, rule ids and severities are checked below, each at its line with "did you
  // mean" among its own words (the schema's would suggest top-level fields).
  doctor: z.optional(z.nullable(z.looseObject({ rules: z.optional(z.nullable(z.record(z.string(), z.unknown()))) }))),
});

export async function readAdrConfig(found: Found): Promise<AdrConfig> {
  const source = await readFile(found.path, 'utf8');
  const { data, problems, locate } = parseUserYaml(source, found.path, ConfigSchema, { as: {} });
  if (!data) throw userFileError(found.path, 'configuration', problems);

  const cfg: AdrConfig = { file: found.path };
  if (data.folder) cfg.folder = resolve(found.dir, data.folder);
  const template = data.template ?? data.templates;
  if (template) {
    const builtIn = isTemplateName(template);
    if (!builtIn && !template.endsWith('.hbs')) {
      const key = data.template !== undefined ? 'template' : 'templates';
      throw userFileError(found.path, 'configuration', [
        {
          file: found.path,
          ...locate([key]),
          path: key,
          message: `"${template}": ${TEMPLATE_EXPECTED}${didYouMean(template, TEMPLATE_NAMES)}`,
          severity: 'error',
        },
      ]);
    }
    cfg.template = builtIn ? template : resolve(found.dir, template);
  }
  if (data.lang) cfg.lang = data.lang;
  const list = (v: string | string[] | undefined) =>
    v === undefined ? undefined : (typeof v === 'string' ? v.split(',') : v).map((s) => s.trim()).filter(Boolean);
  const deciders = list(data['decision-makers'] ?? data.deciders);
  if (deciders) cfg.deciders = deciders;
  const consulted = list(data.consulted);
  if (consulted) cfg.consulted = consulted;
  const informed = list(data.informed);
  if (informed) cfg.informed = informed;
  if (data.browser) cfg.browser = resolve(found.dir, data.browser);
  if (data.doctor) cfg.doctor = { rules: doctorRules(data.doctor, found.path, locate) };
  return cfg;
}

const DOCTOR_KEYS = ['rules'];

/** `doctor.rules`, every unknown key, rule id and setting reported at its line. */
function doctorRules(doctor: Record<string, unknown>, file: string, locate: Locate): Partial<Record<DoctorRule, RuleSetting>> {
  const out: Partial<Record<DoctorRule, RuleSetting>> = {};
  const problems: Problem[] = [];
  for (const key of Object.keys(doctor)) {
    if (DOCTOR_KEYS.includes(key)) continue;
    const path = ['doctor', key];
    problems.push({ file, ...locate(path, { key: true }), path: path.join('.'), message: `unknown field "${key}"${didYouMean(key, DOCTOR_KEYS)}`, severity: 'error' });
  }
  const settings: readonly string[] = RULE_SETTINGS;
  const rules = (doctor.rules ?? {}) as Record<string, unknown>;
  for (const [id, value] of Object.entries(rules)) {
    const path = ['doctor', 'rules', id];
    if (!isDoctorRule(id)) {
      problems.push({ file, ...locate(path, { key: true }), path: path.join('.'), message: `unknown rule "${id}"${didYouMean(id, Object.keys(DOCTOR_RULES))}`, severity: 'error' });
      continue;
    }
    const setting = typeof value === 'string' ? value.trim() : undefined;
    if (setting === undefined || !settings.includes(setting)) {
      const shown = typeof value === 'string' ? `"${value}"` : JSON.stringify(value) ?? String(value);
      const hint = typeof value === 'string' ? didYouMean(value, RULE_SETTINGS) : '';
      problems.push({ file, ...locate(path), path: path.join('.'), message: `unknown severity ${shown}${hint}; expected ${RULE_SETTINGS.join(', ')}`, severity: 'error' });
      continue;
    }
    out[id] = setting as RuleSetting;
  }
  if (problems.length > 0) throw userFileError(file, 'configuration', problems);
  return out;
}
