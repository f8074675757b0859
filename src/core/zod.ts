// zod for every schema of the project (trees, drivers, context files, config): zod/mini, the
// functional API, which tree-shaken loads in a fraction of classic zod's time — and every command
// that reads a user file pays that load. Import it as `import * as z from '../core/zod.js'`.
import { config } from 'zod/mini';
import en from 'zod/v4/locales/en.js';

// Classic zod installs the English messages when it builds its first schema; zod/mini leaves the
// locale unset, and every issue would read "Invalid input". Set once, here, before any schema runs.
config(en());

export * from 'zod/mini';
