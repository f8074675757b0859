// The decision space of a tree: every combination of the values of the drivers it asks. Trees ask
// a handful of drivers with two to five values each, so the whole product stays small enough to
// walk exhaustively (the checks stop above MAX_COMBINATIONS rather than hang on a hostile file).
import type { DriverCatalog, DriverValues, Tree } from './types.js';

/** Above this many combinations a whole-space check is skipped and reported as such. */
export const MAX_COMBINATIONS = 200_000;

/** The drivers a tree can ask, in first-asked order. */
export function askedDrivers(tree: Tree): string[] {
  if (tree.kind === 'matrix') return [...new Set(tree.asks)];
  return [...new Set(Object.values(tree.questions).map((q) => q.driver))];
}

export type Axes = [driver: string, values: string[]][];

/**
 * The axes of a space over `drivers`: each driver's values from the catalog, or undefined when a
 * driver is unknown (the unknown-driver rule reports that).
 */
export function axesOf(drivers: readonly string[], catalog: DriverCatalog): Axes | undefined {
  const axes: Axes = [];
  for (const d of new Set(drivers)) {
    const driver = Object.hasOwn(catalog.drivers, d) ? catalog.drivers[d] : undefined;
    if (!driver) return undefined;
    axes.push([d, Object.keys(driver.values)]);
  }
  return axes;
}

export function spaceSize(axes: Axes): number {
  return axes.reduce((n, [, vs]) => n * Math.max(1, vs.length), 1);
}

/** Every combination of the axes' values, first axis slowest. */
export function* combinations(axes: Axes, i = 0, acc: DriverValues = {}): Generator<DriverValues> {
  if (i === axes.length) {
    yield { ...acc };
    return;
  }
  const [driver, values] = axes[i]!;
  for (const v of values) {
    acc[driver] = v;
    yield* combinations(axes, i + 1, acc);
  }
  delete acc[driver];
}

/** `a=1, b=2` for messages. */
export function showValues(values: DriverValues): string {
  return Object.entries(values)
    .map(([d, v]) => `${d}=${v}`)
    .join(', ');
}
