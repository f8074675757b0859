// The reservation saga: orchestration (a Step per participant call) or choreography (events and
// a transactional outbox), with persisted saga state.
import { renderTemplateDir } from '../templates.js';
import type { PlannedFile, Starter, StarterOptions } from '../types.js';
import { templateDir, variantFlags } from './shared.js';

export const starter: Starter = {
  async plan(options: StarterOptions): Promise<PlannedFile[]> {
    const style = options.sagaStyle ?? 'orchestration';
    return renderTemplateDir(templateDir('saga'), {
      name: options.name,
      orchestration: style === 'orchestration',
      choreography: style === 'choreography',
      sagaStyle: style,
      ...variantFlags(options),
    });
  },
};
