import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

// The package root holds decisions/ and templates/. This module runs from a command's build
// (dist/commands/<name>/, whose build says how deep it is), from the program's (dist/) or, under
// the test runner, from its source (src/io/).
declare const __ADR_WIZARD_DEPTH__: number | undefined;
const here = dirname(fileURLToPath(import.meta.url));
export const PKG_ROOT =
  typeof __ADR_WIZARD_DEPTH__ === 'number'
    ? join(here, ...Array<string>(__ADR_WIZARD_DEPTH__).fill('..'))
    : basename(here) === 'dist'
      ? dirname(here)
      : join(here, '..', '..');
export const DECISIONS_DIR = join(PKG_ROOT, 'decisions');
export const TEMPLATES_DIR = join(PKG_ROOT, 'templates');
