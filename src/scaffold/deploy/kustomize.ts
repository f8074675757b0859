// `scaffold kustomize`: plain manifests (a base, the traffic entry as a component, dev and prod
// overlays) written from the deployment model, so they agree with the Helm chart.
import type { PlannedFile, Starter, StarterOptions } from '../types.js';
import { ENVIRONMENTS, effectiveServices, modelFromOptions, type DeploymentModel, type EnvironmentName, type TrafficApi } from './model.js';
import { fullName, serviceObjects, trafficObjects } from './objects.js';
import { yamlDoc, yamlDocs } from './yaml-out.js';

const MANAGED_BY = 'kustomize';

function trafficHeader(model: DeploymentModel, api: TrafficApi): string {
  const t = model.traffic;
  if (t.outcome === 'nginx') {
    return 'Traffic entry for the F5 NGINX Ingress Controller (github.com/nginx/kubernetes-ingress, nginx.org/* annotations).\nNot the retired community ingress-nginx controller.';
  }
  if (t.outcome === 'aws-alb') {
    const who = t.autoMode ? 'EKS Auto Mode' : 'the AWS Load Balancer Controller (v3.x)';
    return api === 'gateway'
      ? `Traffic entry: Gateway API served by ${who}; one ALB for the Gateway.`
      : `Traffic entry: an Ingress served by ${who}; the IngressGroup shares one ALB.`;
  }
  return 'Traffic entry: Gateway API. Set gatewayClassName to the class of your implementation.';
}

export function kustomizeFiles(model: DeploymentModel, prefix = ''): PlannedFile[] {
  const files: PlannedFile[] = [];
  const add = (path: string, content: string) => files.push({ path: `${prefix}${path}`, content });
  const base = effectiveServices(model);
  for (const svc of base) {
    add(`base/${svc.name}.yaml`, yamlDocs(serviceObjects(model, svc, MANAGED_BY), `${svc.name}: workload, service, autoscaling, disruption budget, configuration.`));
  }
  add(
    'base/kustomization.yaml',
    yamlDoc({ apiVersion: 'kustomize.config.k8s.io/v1beta1', kind: 'Kustomization', resources: base.map((s) => `${s.name}.yaml`) }),
  );
  for (const api of model.traffic.apis) {
    add(`components/traffic-${api}/traffic.yaml`, yamlDocs(trafficObjects(model, base, api, MANAGED_BY), trafficHeader(model, api)));
    add(
      `components/traffic-${api}/kustomization.yaml`,
      yamlDoc({ apiVersion: 'kustomize.config.k8s.io/v1alpha1', kind: 'Component', resources: ['traffic.yaml'] }),
    );
  }
  for (const env of ENVIRONMENTS) files.push(...overlayFiles(model, env, prefix));
  return files;
}

function overlayFiles(model: DeploymentModel, env: EnvironmentName, prefix: string): PlannedFile[] {
  const files: PlannedFile[] = [];
  const patches: string[] = [];
  for (const svc of effectiveServices(model, env)) {
    const name = fullName(model, svc);
    const docs = {
      deployment: {
        apiVersion: 'apps/v1',
        kind: 'Deployment',
        metadata: { name },
        spec: { template: { spec: { containers: [{ name: svc.name, resources: svc.resources }] } } },
      },
      hpa: {
        apiVersion: 'autoscaling/v2',
        kind: 'HorizontalPodAutoscaler',
        metadata: { name },
        spec: {
          minReplicas: svc.autoscaling.minReplicas,
          maxReplicas: svc.autoscaling.maxReplicas,
          metrics: [
            {
              type: 'Resource',
              resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: svc.autoscaling.targetCPUUtilizationPercentage } },
            },
          ],
        },
      },
      configmap: { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name }, data: { ...svc.env } },
    };
    for (const [what, doc] of Object.entries(docs)) {
      const path = `patches/${svc.name}-${what}.yaml`;
      patches.push(path);
      files.push({ path: `${prefix}overlays/${env}/${path}`, content: yamlDoc(doc) });
    }
  }
  files.push({
    path: `${prefix}overlays/${env}/kustomization.yaml`,
    content:
      `# ${env}: kubectl apply -k overlays/${env} -n <namespace>\n` +
      `# Traffic entry: components/traffic-${model.traffic.api}${model.traffic.apis.length > 1 ? ` (or ../../components/traffic-${model.traffic.apis.find((a) => a !== model.traffic.api)})` : ''}.\n` +
      yamlDoc({
        apiVersion: 'kustomize.config.k8s.io/v1beta1',
        kind: 'Kustomization',
        resources: ['../../base'],
        components: [`../../components/traffic-${model.traffic.api}`],
        patches: patches.map((path) => ({ path })),
      }),
  });
  return files;
}

export const starter: Starter = {
  async plan(options: StarterOptions): Promise<PlannedFile[]> {
    const model = modelFromOptions(options);
    const { deployReadme } = await import('./readme.js');
    return [...kustomizeFiles(model), { path: 'README.md', content: deployReadme(model, 'kustomize') }];
  },
};
