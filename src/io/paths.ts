import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

// The package root holds decisions/ and templates/. This module runs from the bundle (dist/*.js)
// or, under the test runner, from its source (src/io/paths.ts): the root is the folder above each.
const here = dirname(fileURLToPath(import.meta.url));
export const PKG_ROOT = basename(here) === 'dist' ? dirname(here) : join(here, '..', '..');
export const DECISIONS_DIR = join(PKG_ROOT, 'decisions');
export const TEMPLATES_DIR = join(PKG_ROOT, 'templates');
