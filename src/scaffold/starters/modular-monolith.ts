// One Nest application, a module per bounded context, with an enforced boundary rule.
import { renderTemplateDir } from '../templates.js';
import type { PlannedFile, Starter, StarterOptions } from '../types.js';
import { singular, templateDir } from './shared.js';

export const starter: Starter = {
  id: 'modular-monolith',
  description: 'One NestJS application with a module per bounded context and a tested boundary rule',
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
  nextSteps(options: StarterOptions): string[] {
    return [
      `cd ${options.out}`,
      'npm install',
      'npm test               # includes the module boundary check',
      'npm run start:dev',
      'npm run build && npm start',
    ];
  },
};
