// Every version a generated project pins is in templates/scaffold/pins.yaml, reviewed recently and
// still supported by its vendor. Generates every variant of every starter (files only, planned in
// process) and reads what they pin: Dockerfile FROM lines, compose and Kubernetes `image:`, chart
// values (repository + tag), chart dependencies, package.json ranges and Python requirements.
// A failure names the rows of pins.yaml to update (or the generated files that disagree with it).
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { readPins, type Pin, type Pins } from '../src/build/pins.js';
import { loadCatalog } from '../src/scaffold/catalog.js';
import { starterFiles } from '../src/scaffold/starter-files.js';
import { OPTION_FLAGS, type PlannedFile, type StarterManifest, type StarterOptions } from '../src/scaffold/types.js';
import { contentText } from './support/planned.js';

/**
 * How long a pin may go unreviewed. Node.js ships a major every six months (April and October)
 * and most of the images here a minor in that time (PostgreSQL quarterly, Kubernetes every four
 * months): a pin nobody looked at for longer has missed at least one line its users would expect.
 */
const REVIEW_WINDOW_DAYS = 180;
const DAY_MS = 24 * 60 * 60 * 1000;
const TODAY = new Date().toISOString().slice(0, 10);
const NAME = 'demo';

const catalog = await loadCatalog();
const { pins, problems } = await readPins();
if (!pins) throw new Error(`templates/scaffold/pins.yaml: ${problems.map((p) => p.message).join('; ')}`);

/** Every combination of the values of a starter's options (an option without a default also unset). */
function variants(manifest: StarterManifest): Partial<StarterOptions>[] {
  let out: Partial<StarterOptions>[] = [{}];
  for (const name of Object.keys(OPTION_FLAGS) as (keyof typeof OPTION_FLAGS)[]) {
    const spec = manifest.options[name];
    if (spec === undefined || !('values' in spec)) continue;
    const values: (string | undefined)[] = [...spec.values, ...(spec.default === undefined ? [undefined] : [])];
    out = out.flatMap((o) => values.map((v) => (v === undefined ? o : { ...o, [name]: v })));
  }
  return out;
}

function servicesOf(manifest: StarterManifest): string[] {
  const s = manifest.options.services;
  return s === undefined ? [] : 'fixed' in s ? s.fixed : s.default;
}

interface Use {
  table: keyof Pins;
  name: string;
  version: string;
  where: string;
}

const text = contentText;
/** `postgres:17-alpine` -> postgres, 17 (the tag's version is what comes before a `-flavour`). */
function imageUse(ref: string, where: string): Use | undefined {
  const at = ref.lastIndexOf(':');
  if (at < 0 || ref.slice(at).includes('/')) return { table: 'images', name: ref, version: '(no tag)', where };
  const name = ref.slice(0, at);
  // The project's own images are built from its own code, versioned by the project.
  if (name === NAME || name.startsWith(`${NAME}/`) || name.startsWith(`ghcr.io/${NAME}/`)) return undefined;
  return { table: 'images', name, version: ref.slice(at + 1).split('-')[0]!, where };
}

/** `^11.1.6` -> 11, `^0.10.9` -> 0.10, `~5.9.2` -> 5.9. */
function npmLine(range: string): string {
  const m = /^([~^]?)(\d+)\.(\d+)/.exec(range.trim());
  if (!m) return range;
  return m[1] === '~' || m[2] === '0' ? `${m[2]}.${m[3]}` : m[2]!;
}

function walkYaml(node: unknown, where: string, uses: Use[]): void {
  if (Array.isArray(node)) return node.forEach((n) => walkYaml(n, where, uses));
  if (node === null || typeof node !== 'object') return;
  const o = node as Record<string, unknown>;
  if (typeof o.image === 'string') pushUse(uses, imageUse(o.image, where));
  if (typeof o.repository === 'string' && typeof o.tag === 'string') pushUse(uses, imageUse(`${o.repository}:${o.tag}`, where));
  // The Apache Airflow chart runs apache/airflow at defaultAirflowTag.
  if (typeof o.defaultAirflowTag === 'string') pushUse(uses, imageUse(`apache/airflow:${o.defaultAirflowTag}`, where));
  for (const value of Object.values(o)) walkYaml(value, where, uses);
}
const pushUse = (uses: Use[], use: Use | undefined) => void (use && uses.push(use));

function usesOf(files: PlannedFile[], label: string): Use[] {
  const uses: Use[] = [];
  for (const file of files) {
    const where = `${label} ${file.path}`;
    const body = text(file);
    const base = file.path.split('/').pop()!;
    if (/^Dockerfile/.test(base)) {
      const stages = new Set([...body.matchAll(/^FROM\s+\S+\s+AS\s+(\S+)/gim)].map((m) => m[1]!.toLowerCase()));
      for (const m of body.matchAll(/^FROM\s+(?:--\S+\s+)*(\S+)/gim)) if (!stages.has(m[1]!.toLowerCase())) pushUse(uses, imageUse(m[1]!, where));
    } else if (/\.ya?ml$/.test(base)) {
      if (/(^|\/)templates\//.test(file.path)) {
        // A Helm template: only literal images can be read without rendering it. (Values files
        // may hold `{{ }}` too, for a chart's tpl; they are read as data.)
        for (const m of body.matchAll(/^\s*image:\s*["']?([^\s"'{}]+)["']?\s*$/gm)) pushUse(uses, imageUse(m[1]!, where));
        continue;
      }
      for (const doc of body.split(/^---$/m)) walkYaml(parse(doc), where, uses);
      if (base === 'Chart.yaml') {
        for (const dep of (parse(body) as { dependencies?: { name: string; version: string }[] }).dependencies ?? []) {
          uses.push({ table: 'charts', name: dep.name, version: dep.version, where });
        }
      }
    } else if (base === 'package.json') {
      const pkg = JSON.parse(body) as Record<string, Record<string, string> | undefined>;
      for (const deps of [pkg.dependencies, pkg.devDependencies]) {
        for (const [name, range] of Object.entries(deps ?? {})) {
          // The key packages must be in the table; the others are checked when they are.
          if (name.startsWith('@nestjs/') || name === 'typescript' || Object.hasOwn(pins!.npm, name)) {
            uses.push({ table: 'npm', name, version: npmLine(range), where });
          }
        }
      }
    } else if (/^requirements.*\.txt$/.test(base)) {
      for (const line of body.split('\n')) {
        const m = /^([A-Za-z0-9_.-]+)\s*(?:\[[^\]]*\])?\s*(?:>=|==|~=)\s*(\d+(?:\.\d+)*)/.exec(line.trim());
        if (m) uses.push({ table: 'python', name: m[1]!.toLowerCase(), version: m[2]!, where });
      }
    }
  }
  return uses;
}

/**
 * A row names a release line (`18`, `3.12`, `v3.13`) or an exact version: a project's pin matches
 * when it is that version or a release of that line (`18.6` and `18` are in line `18`; `3.13.14` is
 * not in `3.12`). The line is what the vendor supports, and what the review date vouches for.
 */
function withinLine(pinned: string, line: string): boolean {
  return pinned === line || pinned.startsWith(`${line}.`);
}

const uses: Use[] = [];
for (const manifest of catalog.starters) {
  for (const variant of variants(manifest)) {
    const options: StarterOptions = { out: `/tmp/${NAME}`, name: NAME, services: servicesOf(manifest), ...variant };
    const label = `${manifest.id}${Object.entries(variant).map(([k, v]) => ` --${k}=${String(v)}`).join('')}:`;
    uses.push(...usesOf(await starterFiles(catalog, manifest, options), label));
  }
}

const rows = (): [string, string, Pin][] =>
  (Object.keys(pins) as (keyof Pins)[]).flatMap((table) => Object.entries(pins[table]).map(([name, pin]) => [table, name, pin] as [string, string, Pin]));

describe('templates/scaffold/pins.yaml', () => {
  it('reads what the projects pin: FROM lines, compose, chart values, literal Helm images, charts, npm, Python', () => {
    const names = (table: keyof Pins) => new Set(uses.filter((u) => u.table === table).map((u) => u.name));
    expect([...names('images')]).toEqual(expect.arrayContaining(['node', 'python', 'postgres', 'rabbitmq', 'mongo', 'apache/kafka', 'busybox', 'valkey/valkey', 'apache/airflow']));
    expect([...names('charts')]).toEqual(['airflow']);
    expect([...names('npm')]).toEqual(expect.arrayContaining(['@nestjs/core', 'typescript', 'pg']));
    expect([...names('python')]).toEqual(expect.arrayContaining(['mlflow-skinny', 'fastapi', 'pytest']));
  });

  it('(a) every image, chart and key package a generated project pins is in the table, at the same version', () => {
    const wrong = new Map<string, Set<string>>();
    for (const use of uses) {
      const pin = pins[use.table][use.name];
      const problem = !pin
        ? `${use.table}.${use.name}: no row; add one for ${use.version}`
        : !withinLine(use.version, pin.version)
          ? `${use.table}.${use.name}: the table says ${pin.version}, the project pins ${use.version}`
          : undefined;
      if (!problem) continue;
      const where = wrong.get(problem) ?? new Set();
      where.add(use.where.replace(/ --\S+/g, '').replace(/:$/, ''));
      wrong.set(problem, where);
    }
    const found = [...wrong].map(([problem, where]) => `${problem} (${[...where].slice(0, 3).join('; ')}${where.size > 3 ? '; ...' : ''})`);
    expect(found, 'update these rows of templates/scaffold/pins.yaml, or the templates that disagree with them').toEqual([]);
  });

  it(`(b) every row was reviewed within the last ${REVIEW_WINDOW_DAYS} days`, () => {
    const stale = rows()
      .filter(([, , pin]) => (Date.parse(TODAY) - Date.parse(pin.reviewed)) / DAY_MS > REVIEW_WINDOW_DAYS)
      .map(([table, name, pin]) => `${table}.${name} ${pin.version}: reviewed ${pin.reviewed}; check ${pin.source}`);
    expect(stale, 'review these rows of templates/scaffold/pins.yaml (and set reviewed)').toEqual([]);
  });

  it('(c) no row is past its vendor\'s end of support', () => {
    const ended = rows()
      .filter(([, , pin]) => pin.supportedUntil !== undefined && pin.supportedUntil < TODAY)
      .map(([table, name, pin]) => `${table}.${name} ${pin.version}: supported until ${pin.supportedUntil} (${pin.source})`);
    expect(ended, 'move these rows of templates/scaffold/pins.yaml (and the templates) to a supported line').toEqual([]);
  });

  it('every row is still pinned by some starter', () => {
    const used = new Set(uses.map((u) => `${u.table}.${u.name}`));
    expect(rows().map(([table, name]) => `${table}.${name}`).filter((key) => !used.has(key)), 'rows no starter pins any more').toEqual([]);
  });
});
