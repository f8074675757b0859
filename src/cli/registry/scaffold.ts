import type { Command } from '@commander-js/extra-typings';

// Starters: nest-microservices, saga, modular-monolith, helm, kustomize, mlops-platform.
export function registerScaffoldCommands(program: Command): void {
  program
    .command('scaffold')
    .description('write a starter project: nest-microservices, saga, modular-monolith, helm, kustomize, mlops-platform')
    .argument('[starter]', 'starter id (omit with --from-adrs)')
    .option('--out <dir>', 'target folder')
    .option('--services <list>', 'comma-separated service names')
    .option('--transport <transport>', 'rabbitmq (default) or kafka')
    .option('--database <database>', 'mongodb (default) or postgres')
    .option('--saga-style <style>', 'saga starter: orchestration (default) or choreography')
    .option('--ingress <choice>', 'helm, kustomize, mlops-platform: aws-alb, gateway-api (default), nginx (F5 NGINX Ingress Controller), traefik or alb-in-front-of-gateway')
    .option('--hosting <outcome>', 'helm, kustomize, mlops-platform: kubernetes-hosting outcome, e.g. amazon-eks-auto-mode')
    .option('--from-adrs', 'choose the starter and options from the accepted ADRs')
    .option('--dry-run', 'print the plan, write nothing')
    .option('--force', 'write into a non-empty folder, overwriting files')
    .option('--install', 'run npm install in the generated project')
    .option('--json', 'print the plan as JSON')
    .action(async (starter, opts) => {
      const { run } = await import('../commands/scaffold.js');
      await run(starter, opts);
    });
}
