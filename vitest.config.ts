import { defineConfig } from 'vitest/config';

// The starters' end-to-end tests install, build and run whole generated projects (npm, tsc,
// Python, brokers): they run after the other tests (`npm test` runs the two projects in turn) so
// that the browser and terminal tests never share the machine with them.
const STARTERS = ['test/starter-*.test.ts', 'test/mlops-python.test.ts'];

export default defineConfig({
  test: {
    testTimeout: 60_000,
    hookTimeout: 600_000,
    pool: 'forks',
    // Every test draws its diagrams: the cache of drawings (src/io/diagram-cache.ts) is tested on its own.
    env: { ADR_WIZARD_NO_CACHE: '1' },
    projects: [
      { extends: true, test: { name: 'main', include: ['src/**/*.test.ts', 'test/**/*.test.ts'], exclude: STARTERS } },
      { extends: true, test: { name: 'starters', include: STARTERS } },
    ],
  },
});
