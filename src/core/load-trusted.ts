// The start-up path for shipped trees: YAML + normalisation, no schema library. Shipped trees are
// schema-checked and linted by the test suite (and by `validate`), so re-checking them on every
// `decide` would only cost time. User trees always take the full path (load.ts).
import type { Problem } from './errors.js';
import { toCatalog, toTree } from './normalize.js';
import type { DriverCatalog, Tree } from './types.js';
import { parseYaml } from './yaml-doc.js';
import type { Locate } from './yaml-doc.js';

export function readTrustedTree(source: string, file: string): { tree?: Tree; problems: Problem[]; locate: Locate } {
  const { data, problems, locate } = parseYaml(source, file);
  return data === undefined ? { problems, locate } : { tree: toTree(data), problems, locate };
}

export function readTrustedDrivers(
  source: string,
  file: string,
): { catalog?: DriverCatalog; problems: Problem[]; locate: Locate } {
  const { data, problems, locate } = parseYaml(source, file);
  return data === undefined ? { problems, locate } : { catalog: toCatalog(data), problems, locate };
}
