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
  id: 'saga',
  description:
    'Reservation saga: orchestrator with compensations or choreography with an outbox; RabbitMQ or Kafka; PostgreSQL (a schema per service) or in-memory state',
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
  nextSteps(options: StarterOptions): string[] {
    const broker = options.transport === 'kafka' ? 'KAFKA_BROKERS' : 'RABBITMQ_URL';
    return [
      `cd ${options.out}`,
      'npm install',
      `npm test               # unit tests; ${options.transport === 'kafka' ? 'Kafka' : 'RabbitMQ'}${options.database === 'postgres' ? '/PostgreSQL' : ''} integration tests when reachable`,
      'npm run build',
      `npm start              # every service in one process, against ${broker}`,
      'docker compose up --build   # or the broker, the database and each service in its own container',
    ];
  },
};
