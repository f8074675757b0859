// The data step of the build, after the CLI bundle: checks the shipped decision trees and writes
// what the bundle reads at run time. Run by scripts/build-data.mjs; returns the exit code.
//   - dist/decisions-cache.json, only when the trees pass every check (errors fail the build,
//     warnings are printed);
//   - decisions/*.schema.json, the JSON Schemas for editors;
//   - dist/templates/, every template precompiled.
import { join, relative } from 'node:path';
import { formatProblem } from '../core/errors.js';
import { DECISIONS_DIR, PKG_ROOT, TEMPLATES_DIR } from '../io/paths.js';
import { checkShippedDecisions } from './check-decisions.js';
import { writeJsonSchemas } from './json-schemas.js';
import { precompileTemplates } from './precompile-templates.js';
import { writeDecisionsCache } from './write-decisions-cache.js';

const DIST = join(PKG_ROOT, 'dist');
const shown = (file: string): string => relative(PKG_ROOT, file);

export async function buildData(): Promise<number> {
  const check = await checkShippedDecisions();
  const errors = check.problems.filter((p) => p.severity === 'error');
  for (const problem of check.problems) (problem.severity === 'error' ? console.error : console.warn)(formatProblem(problem));
  const warnings = check.problems.length - errors.length;
  const counts = `${errors.length} error${errors.length === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}`;
  if (errors.length > 0) {
    console.error(`decisions: ${check.files.length} files checked, ${counts}: fix them (\`adr-wizard validate\` shows the same); nothing was written`);
    return 1;
  }
  const cache = join(DIST, 'decisions-cache.json');
  await writeDecisionsCache(check.files, cache);
  console.log(`decisions: ${check.files.length} files checked (${check.combinations} combinations walked), ${counts} -> ${shown(cache)}`);

  const schemas = await writeJsonSchemas(DECISIONS_DIR);
  console.log(`schemas: ${schemas.map(shown).join(', ')}`);

  const templates = await precompileTemplates(TEMPLATES_DIR, join(DIST, 'templates'));
  for (const error of templates.errors) console.error(error);
  if (templates.errors.length > 0) return 1;
  console.log(`templates: ${templates.templates} precompiled -> ${templates.modules.map(shown).join(', ')}`);
  return 0;
}
