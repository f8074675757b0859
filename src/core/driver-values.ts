// Driver values as a user types them (`--set scale=large`, a context file's `drivers:`), checked
// against the catalog with messages that name the values and suggest the closest.
import { didYouMean } from './did-you-mean.js';
import { UsageError, type Problem } from './errors.js';
import type { DriverCatalog, DriverValues } from './types.js';

/** A driver value problem, or undefined when `value` is one of the driver's values. */
export function checkDriverValue(
  catalog: DriverCatalog,
  driver: string,
  value: string,
): { kind: 'driver' | 'value'; message: string } | undefined {
  const def = catalog.drivers[driver];
  if (!def) {
    const hint = didYouMean(driver, Object.keys(catalog.drivers));
    return {
      kind: 'driver',
      message: `unknown driver "${driver}"${hint || '; `adr-wizard show <tree>` lists the drivers a tree asks'}`,
    };
  }
  const values = Object.keys(def.values);
  if (values.includes(value)) return undefined;
  return {
    kind: 'value',
    message: `unknown value "${value}" for driver "${driver}"${didYouMean(value, values)}; values: ${values.join(', ')}`,
  };
}

/**
 * Parses `--set driver=value` flags (repeatable); every problem is reported at once and names the
 * flag as typed.
 */
export function parseSetFlags(sets: readonly string[], catalog: DriverCatalog): DriverValues {
  const values: DriverValues = {};
  const problems: Problem[] = [];
  for (const set of sets) {
    const eq = set.indexOf('=');
    const driver = eq < 0 ? set.trim() : set.slice(0, eq).trim();
    const value = eq < 0 ? '' : set.slice(eq + 1).trim();
    if (eq < 0 || driver === '' || value === '') {
      problems.push({ message: `--set ${set}: expected driver=value (e.g. --set scale=large)`, severity: 'error' });
      continue;
    }
    const problem = checkDriverValue(catalog, driver, value);
    if (problem) problems.push({ message: `--set ${set}: ${problem.message}`, severity: 'error' });
    else values[driver] = value;
  }
  if (problems.length === 1) throw new UsageError(problems[0]!.message);
  if (problems.length > 1) throw new UsageError(`${problems.length} --set flags are not valid`, problems);
  return values;
}

