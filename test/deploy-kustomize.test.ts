import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildModel } from '../src/scaffold/deploy/model.js';
import { kustomizeFiles } from '../src/scaffold/deploy/kustomize.js';
import { kustomizeBuild, objectKey, writePlanned, DEPLOY_VARIANTS } from './support/deploy.js';
import { validateAll, validateK8sObject } from './support/k8s-validate.js';
import { commandExists, serviceGate } from './support/services.js';

const noKubectl = serviceGate('kubectl', commandExists('kubectl'), 'apt-get install kubectl, or any kubectl >= 1.27 on PATH');

const VARIANTS = DEPLOY_VARIANTS;

function allText(dir: string): string {
  const walk = (d: string): string[] =>
    readdirSync(d).flatMap((n) => (statSync(join(d, n)).isDirectory() ? walk(join(d, n)) : [readFileSync(join(d, n), 'utf8')]));
  return walk(dir).join('\n');
}

describe('the strict validator itself', () => {
  const deployment = {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'web' },
    spec: {
      selector: { matchLabels: { app: 'web' } },
      template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'web', image: 'nginx:1.27' }] } },
    },
  };
  it('accepts a valid object', async () => {
    expect(await validateK8sObject(deployment)).toEqual([]);
  });
  it('rejects unknown fields, wrong types, wrong kinds and bad names', async () => {
    const typo = structuredClone(deployment) as Record<string, any>;
    typo.spec.replica = 2;
    typo.spec.template.spec.containers[0].imagePullPolcy = 'Always';
    expect((await validateK8sObject(typo)).join('\n')).toMatch(/unknown field \/spec\/replica[\s\S]*imagePullPolcy/);
    const wrongType = structuredClone(deployment) as Record<string, any>;
    wrongType.spec.replicas = 'two';
    expect((await validateK8sObject(wrongType)).join('\n')).toMatch(/replicas/);
    expect(await validateK8sObject({ ...deployment, kind: 'Deploymnet' })).toEqual([expect.stringMatching(/unknown apiVersion\/kind/)]);
    expect(await validateK8sObject({ ...deployment, apiVersion: 'apps/v2' })).toEqual([expect.stringMatching(/unknown apiVersion\/kind/)]);
    expect((await validateK8sObject({ ...deployment, metadata: { name: 'Web_1' } })).join('\n')).toMatch(/DNS subdomain/);
    const route = { apiVersion: 'gateway.networking.k8s.io/v1', kind: 'HTTPRoute', metadata: { name: 'r' }, spec: { rules: [{ backendRef: [] }] } };
    expect((await validateK8sObject(route)).join('\n')).toMatch(/additional propert/);
  });
});

describe.skipIf(noKubectl)('scaffold kustomize: kubectl kustomize builds valid objects', () => {
  for (const v of VARIANTS) {
    describe(v.id, () => {
      const model = buildModel({ name: 'shop', services: ['orders', 'billing'], ingress: v.ingress, hosting: v.hosting });
      const dir = writePlanned(kustomizeFiles(model));

      for (const env of ['dev', 'prod'] as const) {
        it(`overlays/${env} builds, and every object validates`, async () => {
          const objects = kustomizeBuild(join(dir, 'overlays', env));
          expect(await validateAll(objects)).toEqual([]);
          const keys = objects.map(objectKey);
          for (const svc of ['orders', 'billing']) {
            for (const kind of ['Deployment', 'Service', 'HorizontalPodAutoscaler', 'PodDisruptionBudget', 'ServiceAccount', 'NetworkPolicy']) {
              expect(keys).toContain(`${kind}/shop-${svc}`);
            }
            // Generated: the name carries the hash of the data.
            expect(keys.filter((k) => k.startsWith(`ConfigMap/shop-${svc}-`))).toHaveLength(1);
          }
          expect(keys).toContain('NetworkPolicy/shop-default-deny');
          const cm = objects.find((o) => objectKey(o).startsWith('ConfigMap/shop-orders-')) as any;
          expect(cm.data.LOG_LEVEL).toBe(env === 'dev' ? 'debug' : 'log');
          const hpa = objects.find((o) => objectKey(o) === 'HorizontalPodAutoscaler/shop-orders') as any;
          expect(hpa.spec.minReplicas).toBe(env === 'dev' ? 1 : 2);
          const deploy = objects.find((o) => objectKey(o) === 'Deployment/shop-orders') as any;
          const c = deploy.spec.template.spec.containers[0];
          expect(c.securityContext).toMatchObject({ runAsNonRoot: true, readOnlyRootFilesystem: true, allowPrivilegeEscalation: false, capabilities: { drop: ['ALL'] } });
          expect(c.readinessProbe.httpGet.path).toBe('/health/ready');
          expect(c.livenessProbe.httpGet.path).toBe('/health/live');
          expect(c.envFrom).toEqual([{ configMapRef: { name: cm.metadata.name } }]);
          expect(c.env).toContainEqual({ name: 'RABBITMQ_URL', valueFrom: { secretKeyRef: { name: 'shop-orders-secrets', key: 'RABBITMQ_URL' } } });
        });
      }

      it('routes traffic as the ingress decision says', () => {
        const objects = kustomizeBuild(join(dir, 'overlays', 'prod'));
        const byKind = (k: string) => objects.filter((o) => o.kind === k) as any[];
        if (v.ingress === 'nginx') {
          const [ing] = byKind('Ingress');
          expect(ing.spec.ingressClassName).toBe('nginx');
          expect(Object.keys(ing.metadata.annotations).every((k: string) => k.startsWith('nginx.org/'))).toBe(true);
          expect(byKind('Gateway')).toHaveLength(0);
        } else {
          const [gw] = byKind('Gateway');
          const routes = byKind('HTTPRoute');
          expect(routes.map((r) => r.spec.rules[0].matches[0].path.value).sort()).toEqual(['/billing', '/orders']);
          expect(routes.every((r) => r.spec.parentRefs[0].name === gw.metadata.name)).toBe(true);
          // The class is the cluster's: never in an overlay; aws-alb ships it in cluster/ for the administrator.
          expect(byKind('GatewayClass')).toHaveLength(0);
          if (v.ingress === 'aws-alb') {
            const cluster = kustomizeBuild(join(dir, 'cluster'));
            const cls = cluster.find((o) => o.kind === 'GatewayClass') as any;
            expect(gw.spec.gatewayClassName).toBe(cls.metadata.name);
            expect(cls.spec.controllerName).toBe(v.hosting ? 'eks.amazonaws.com/gateway-alb' : 'gateway.k8s.aws/alb');
            expect(cluster.every((o: any) => o.metadata.namespace === undefined)).toBe(true);
          }
        }
        // The retired community controller's annotations never appear.
        expect(allText(dir)).not.toMatch(/nginx\.ingress\.kubernetes\.io/);
      });

      if (v.ingress === 'aws-alb') {
        it('the Ingress alternative (components/traffic-ingress) builds and validates too', async () => {
          const alt = join(dir, 'overlays', 'ingress-check');
          writePlanned(
            [
              {
                path: 'kustomization.yaml',
                content: 'apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nresources: [../../base]\ncomponents: [../../components/traffic-ingress]\n',
              },
            ],
            alt,
          );
          const objects = kustomizeBuild(alt);
          expect(await validateAll(objects)).toEqual([]);
          const ing = objects.find((o) => o.kind === 'Ingress') as any;
          expect(ing.spec.ingressClassName).toBe('alb');
          expect(ing.metadata.annotations['alb.ingress.kubernetes.io/target-type']).toBe('ip');
          if (v.hosting) {
            const cluster = kustomizeBuild(join(dir, 'cluster'));
            const cls = cluster.find((o) => o.kind === 'IngressClass') as any;
            expect(cls.spec.controller).toBe('eks.amazonaws.com/alb');
            expect(cluster.find((o) => o.kind === 'IngressClassParams')).toMatchObject({ spec: { group: { name: 'shop' } } });
            expect(await validateAll(cluster)).toEqual([]);
          } else {
            expect(ing.metadata.annotations['alb.ingress.kubernetes.io/group.name']).toBe('shop');
          }
        });
      }
    });
  }
});

describe('every ingress outcome deploys', () => {
  it('each outcome of the shipped kubernetes-ingress tree is a traffic choice of the starters, tested above', async () => {
    const { loadDecisionSet } = await import('../src/io/trees.js');
    const { INGRESS_CHOICES } = await import('../src/scaffold/deploy/model.js');
    const { trees } = await loadDecisionSet({ cwd: join(import.meta.dirname, '..') });
    const outcomes = Object.keys(trees.get('kubernetes-ingress')!.outcomes).sort();
    expect([...INGRESS_CHOICES].sort()).toEqual(outcomes);
    expect(VARIANTS.map((v) => v.ingress).filter((v, i, a) => a.indexOf(v) === i).sort()).toEqual(outcomes);
  });
});
