// The reservation saga: orchestration (a Step per participant call) or choreography (events and
// a transactional outbox), with persisted saga state.
import { renderTemplateDir } from '../templates.js';
import type { PlannedFile, Starter, StarterOptions } from '../types.js';
import { templateDir, variantFlags } from './shared.js';

export const starter: Starter = {
  id: 'saga',
  description: 'Reservation saga: orchestrator with compensations or choreography with an outbox; RabbitMQ; PostgreSQL or in-memory state',
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
  nextSteps(options: StarterOptions): string[] {
    return [
      `cd ${options.out}`,
      'npm install',
      'npm test               # unit tests; RabbitMQ/PostgreSQL integration tests when reachable',
      'npm run build',
      'npm start              # runs the orchestrator and the participants against RABBITMQ_URL',
    ];
  },
};
