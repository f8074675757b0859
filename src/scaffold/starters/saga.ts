// The reservation saga: orchestration (a Step per participant call, request/reply over the broker)
// or choreography (events and a transactional outbox), over RabbitMQ or Kafka, with each
// service's data in PostgreSQL or in memory.
import { renderTemplateDir } from '../templates.js';
import type { PlannedFile, Starter, StarterOptions } from '../types.js';
import { templateDir, variantFlags } from './shared.js';

/** The containers of the compose file: which compiled app each one runs. */
function composeServices(style: 'orchestration' | 'choreography'): Record<string, unknown>[] {
  const names = ['reservation', 'payment', 'availability'];
  return names.map((name) => ({
    name,
    entry: style === 'orchestration' ? `dist/apps/${name}.js` : 'dist/apps/choreography.js',
    service: style === 'choreography',
    http: name === 'reservation',
    payment: name === 'payment',
  }));
}

export const starter: Starter = {
  async plan(options: StarterOptions): Promise<PlannedFile[]> {
    const style = options.sagaStyle ?? 'orchestration';
    return renderTemplateDir(templateDir('saga'), {
      name: options.name,
      orchestration: style === 'orchestration',
      choreography: style === 'choreography',
      sagaStyle: style,
      composeServices: composeServices(style),
      ...variantFlags(options),
    });
  },
};
