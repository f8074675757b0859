// `.adr-wizard.yaml`, searched upward from the working folder: a repository's settings for its ADR
// log and for rendering. Read like every user YAML file (user-yaml.ts), every problem located, by
// config-file.ts, which loads only when there is such a file.
import type { AdrConfig } from './config-file.js';
import { findUp } from './find-up.js';

export type { AdrConfig } from './config-file.js';

export const CONFIG_NAMES = ['.adr-wizard.yaml', '.adr-wizard.yml'] as const;

export async function loadAdrConfig(cwd: string): Promise<AdrConfig> {
  const found = await findUp(cwd, CONFIG_NAMES, { type: 'file' });
  if (!found) return {};
  // The YAML reader and the schema library load only in repositories that have the file.
  const { readAdrConfig } = await import('./config-file.js');
  return readAdrConfig(found);
}
