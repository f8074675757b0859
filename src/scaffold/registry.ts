// The starter catalogue. Each entry is a lazy loader so that `scaffold helm` never loads the Nest
// templates' code, and start-up stays fast. One line per starter.
import type { Starter } from './types.js';

export const STARTERS: Record<string, () => Promise<Starter>> = {
  'nest-microservices': async () => (await import('./starters/nest-microservices.js')).starter,
  saga: async () => (await import('./starters/saga.js')).starter,
  'modular-monolith': async () => (await import('./starters/modular-monolith.js')).starter,
  // deployment starters (src/scaffold/deploy/)
  helm: async () => (await import('./deploy/helm.js')).starter,
  kustomize: async () => (await import('./deploy/kustomize.js')).starter,
  'mlops-platform': async () => (await import('./deploy/mlops.js')).starter,
};
