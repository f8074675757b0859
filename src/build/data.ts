// The data step of the build, after the CLI bundle: checks the shipped decision trees and starter
// manifests and writes what the bundle reads at run time. Run by scripts/build-data.mjs; returns
// the exit code.
//   - dist/decisions-cache.json and dist/starters.json, only when the trees and the manifests pass
//     every check, each against the other (errors fail the build, warnings are printed);
//   - decisions/*.schema.json and templates/scaffold/starter.schema.json, the JSON Schemas for editors;
//   - dist/templates/, every template precompiled;
//   - templates/scaffold/pins.yaml is checked (its dates are the tests' business).
import { join, relative } from 'node:path';
import { formatProblem, type Problem } from '../core/errors.js';
import { DECISIONS_DIR, PKG_ROOT, TEMPLATES_DIR } from '../io/paths.js';
import { SCAFFOLD_DIR, STARTERS_FILE } from '../scaffold/catalog.js';
import { checkShippedDecisions } from './check-decisions.js';
import { checkStarterManifests, checkStartersAgainstTrees, writeStarters } from './check-starters.js';
import { writeJsonSchemas, writeManifestSchema } from './json-schemas.js';
import { readPins } from './pins.js';
import { precompileTemplates } from './precompile-templates.js';
import { writeDecisionsCache } from './write-decisions-cache.js';

const DIST = join(PKG_ROOT, 'dist');
const shown = (file: string): string => relative(PKG_ROOT, file);

function report(problems: Problem[]): { errors: number; counts: string } {
  const errors = problems.filter((p) => p.severity === 'error').length;
  for (const problem of problems) (problem.severity === 'error' ? console.error : console.warn)(formatProblem(problem));
  const warnings = problems.length - errors;
  return { errors, counts: `${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}` };
}

export async function buildData(): Promise<number> {
  // The manifests first: they say which starters exist, which the trees' outcomes may name.
  const starters = await checkStarterManifests(SCAFFOLD_DIR);
  const own = report(starters.problems);
  if (own.errors > 0) {
    console.error(`starters: ${own.counts} in the manifests: fix them; nothing was written`);
    return 1;
  }
  const check = await checkShippedDecisions(starters.starters.map((s) => s.manifest.id));
  const decisions = report(check.problems);
  if (decisions.errors > 0) {
    console.error(`decisions: ${check.files.length} files checked, ${decisions.counts}: fix them (\`adr-wizard validate\` shows the same); nothing was written`);
    return 1;
  }
  const against = report(checkStartersAgainstTrees(starters, check.trees));
  if (against.errors > 0) {
    console.error(`starters: ${against.counts} against the decision trees: fix them; nothing was written`);
    return 1;
  }
  const pins = await readPins();
  if (report(pins.problems).errors > 0) return 1;

  const cache = join(DIST, 'decisions-cache.json');
  await writeDecisionsCache(check.files, cache);
  console.log(`decisions: ${check.files.length} files checked (${check.combinations} combinations walked), ${decisions.counts} -> ${shown(cache)}`);
  await writeStarters(starters, STARTERS_FILE);
  console.log(`starters: ${starters.starters.map((s) => s.manifest.id).join(', ')} checked -> ${shown(STARTERS_FILE)}`);

  const schemas = [...(await writeJsonSchemas(DECISIONS_DIR)), await writeManifestSchema(SCAFFOLD_DIR)];
  console.log(`schemas: ${schemas.map(shown).join(', ')}`);

  const templates = await precompileTemplates(TEMPLATES_DIR, join(DIST, 'templates'));
  for (const error of templates.errors) console.error(error);
  if (templates.errors.length > 0) return 1;
  console.log(`templates: ${templates.templates} precompiled -> ${templates.modules.map(shown).join(', ')}`);
  return 0;
}
