// The plan modules a manifest can name (`plan:` in templates/scaffold/<id>/starter.yaml): the
// one place that maps a key to code. Each entry is a lazy loader so that `scaffold helm` never
// loads the Nest starters' code. A starter whose files are only its templates names none.
import type { Starter } from './types.js';

export const PLAN_MODULES: Record<string, () => Promise<Starter>> = {
  'starters/nest-microservices': async () => (await import('./starters/nest-microservices.js')).starter,
  'starters/saga': async () => (await import('./starters/saga.js')).starter,
  'starters/modular-monolith': async () => (await import('./starters/modular-monolith.js')).starter,
  'deploy/helm': async () => (await import('./deploy/helm.js')).starter,
  'deploy/kustomize': async () => (await import('./deploy/kustomize.js')).starter,
  'deploy/mlops': async () => (await import('./deploy/mlops.js')).starter,
};
