// A starter's planned files, as the scaffold command plans them, and their text: for the tests that
// read what a starter would write without writing it.
import { findStarter, loadCatalog } from '../../src/scaffold/catalog.js';
import { starterFiles } from '../../src/scaffold/starter-files.js';
import type { PlannedFile, StarterOptions } from '../../src/scaffold/types.js';

/** The starter's files for these options (defaults: three services on RabbitMQ and MongoDB). */
export async function planStarter(id: string, overrides: Partial<StarterOptions> = {}): Promise<PlannedFile[]> {
  const catalog = await loadCatalog();
  const manifest = findStarter(catalog, id);
  if (!manifest) throw new Error(`no starter ${id}`);
  const options: StarterOptions = {
    out: '/tmp/x',
    name: 'demo',
    services: ['orders', 'billing', 'auth'],
    transport: 'rabbitmq',
    database: 'mongodb',
    ...overrides,
  };
  return starterFiles(catalog, manifest, options);
}

export function contentText(file: PlannedFile): string {
  return typeof file.content === 'string' ? file.content : Buffer.from(file.content).toString('utf8');
}

/** The text of the planned file at `path`; a clear failure when it is not planned. */
export function plannedText(files: PlannedFile[], path: string): string {
  const file = files.find((f) => f.path === path);
  if (!file) throw new Error(`${path} not planned; planned: ${files.map((f) => f.path).join(', ')}`);
  return contentText(file);
}
