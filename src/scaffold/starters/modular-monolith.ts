// One Nest application, a module per bounded context, with an enforced boundary rule.
import { renderTemplateDir } from '../templates.js';
import type { PlannedFile, Starter, StarterOptions } from '../types.js';
import { singular, templateDir, variantFlags } from './shared.js';

export const starter: Starter = {
  id: 'modular-monolith',
  description: 'One NestJS application with a module per bounded context and a tested boundary rule',
  async plan(options: StarterOptions): Promise<PlannedFile[]> {
    const modules = options.services.map((name) => ({ name, singular: singular(name) }));
    return renderTemplateDir(
      templateDir('modular-monolith'),
      { name: options.name, modules, moduleNames: options.services, ...variantFlags(options) },
      { services: modules.map((m) => ({ name: m.name, context: { singular: m.singular } })) },
    );
  },
  nextSteps(options: StarterOptions): string[] {
    return [`cd ${options.out}`, 'npm install', 'npm test               # includes the module boundary check', 'npm run build', 'npm start'];
  },
};
