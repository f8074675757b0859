// One Nest application, a module per bounded context, with an enforced boundary rule.
import { renderTemplateDir } from '../templates.js';
import type { PlannedFile, Starter, StarterOptions } from '../types.js';
import { singular, templateDir } from './shared.js';

export const starter: Starter = {
  async plan(options: StarterOptions): Promise<PlannedFile[]> {
    // The first module calls the second through its public API: the pattern to copy.
    const modules = options.services.map((name, i) => ({
      name,
      singular: singular(name),
      dependsOn: i === 0 && options.services.length > 1 ? (options.services[1] as string) : false,
    }));
    return renderTemplateDir(
      templateDir('modular-monolith'),
      { name: options.name, modules, moduleNames: options.services },
      { services: modules.map(({ name, ...rest }) => ({ name, context: rest })) },
    );
  },
};
