// `scaffold kustomize`: plain manifests (a base, the traffic entry as a component, dev and prod
// overlays, the cluster-scoped classes apart) written from the deployment model, so they agree
// with the Helm chart.
import type { PlannedFile, Starter, StarterOptions } from '../types.js';
import { ENVIRONMENTS, effectiveServices, logLevelOf, modelFromOptions, type DeploymentModel, type EnvironmentName, type TrafficApi } from './model.js';
import { clusterObjects, configData, defaultDenyPolicy, fullName, serviceLabels, serviceObjects, trafficObjects } from './objects.js';
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

/** configMapGenerator literals, sorted as Kustomize writes the data. */
function literals(data: Record<string, string>): string[] {
  return Object.keys(data)
    .sort()
    .map((k) => `${k}=${data[k]}`);
}

export function kustomizeFiles(model: DeploymentModel, prefix = ''): PlannedFile[] {
  const files: PlannedFile[] = [];
  const add = (path: string, content: string) => files.push({ path: `${prefix}${path}`, content });
  const base = effectiveServices(model);
  for (const svc of base) {
    add(`base/${svc.name}.yaml`, yamlDocs(serviceObjects(model, svc, MANAGED_BY), `${svc.name}: workload, service, autoscaling, disruption budget, network policy.`));
  }
  add(
    'base/network-policy.yaml',
    yamlDocs([defaultDenyPolicy(model, MANAGED_BY)], 'Deny ingress to every pod of the project except the flows each service\'s own NetworkPolicy allows.'),
  );
  add(
    'base/kustomization.yaml',
    yamlDoc({
      apiVersion: 'kustomize.config.k8s.io/v1beta1',
      kind: 'Kustomization',
      resources: [...base.map((s) => `${s.name}.yaml`), 'network-policy.yaml'],
      // A generated ConfigMap's name carries a hash of its data, so a config change rolls the pods.
      configMapGenerator: base.map((svc) => ({
        name: fullName(model, svc),
        literals: literals(configData(svc, logLevelOf(model))),
        options: { labels: serviceLabels(model, svc, MANAGED_BY) },
      })),
    }),
  );
  for (const api of model.traffic.apis) {
    add(`components/traffic-${api}/traffic.yaml`, yamlDocs(trafficObjects(model, base, api, MANAGED_BY), trafficHeader(model, api)));
    add(
      `components/traffic-${api}/kustomization.yaml`,
      yamlDoc({ apiVersion: 'kustomize.config.k8s.io/v1alpha1', kind: 'Component', resources: ['traffic.yaml'] }),
    );
  }
  const cluster = clusterObjects(model, MANAGED_BY);
  if (cluster.length > 0) {
    add(
      'cluster/classes.yaml',
      yamlDocs(cluster, 'Cluster-scoped classes: applied once per cluster by its administrator (kubectl apply -k cluster),\nnot with each overlay, since every Gateway or Ingress of the cluster shares them.'),
    );
    add('cluster/kustomization.yaml', yamlDoc({ apiVersion: 'kustomize.config.k8s.io/v1beta1', kind: 'Kustomization', resources: ['classes.yaml'] }));
  }
  for (const env of ENVIRONMENTS) files.push(...overlayFiles(model, env, prefix));
  return files;
}

function overlayFiles(model: DeploymentModel, env: EnvironmentName, prefix: string): PlannedFile[] {
  const files: PlannedFile[] = [];
  const patches: string[] = [];
  const addPatch = (path: string, doc: unknown) => {
    patches.push(path);
    files.push({ path: `${prefix}overlays/${env}/${path}`, content: yamlDoc(doc) });
  };
  const services = effectiveServices(model, env);
  for (const svc of services) {
    const name = fullName(model, svc);
    addPatch(`patches/${svc.name}-deployment.yaml`, {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name },
      spec: { template: { spec: { containers: [{ name: svc.name, resources: svc.resources }] } } },
    });
    addPatch(`patches/${svc.name}-hpa.yaml`, {
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
    });
  }
  const https = model.environments[env].https;
  if (https && model.traffic.api === 'gateway') {
    // The HTTPS listener: the Gateway's listener list and the ALB's certificate (custom resources
    // are patched as JSON merge patches, so the Gateway patch carries the whole list).
    for (const o of trafficObjects(model, services, 'gateway', MANAGED_BY, https)) {
      if (o.kind === 'Gateway' || o.kind === 'LoadBalancerConfiguration') {
        addPatch(`patches/${o.kind === 'Gateway' ? 'gateway' : 'load-balancer'}-https.yaml`, { apiVersion: o.apiVersion, kind: o.kind, metadata: { name: o.metadata.name }, spec: o.spec });
      }
    }
  }
  const other = model.traffic.apis.find((a) => a !== model.traffic.api);
  files.push({
    path: `${prefix}overlays/${env}/kustomization.yaml`,
    content:
      `# ${env}: kubectl apply -k overlays/${env} -n <namespace>\n` +
      `# Traffic entry: components/traffic-${model.traffic.api}${other ? ` (or ../../components/traffic-${other})` : ''}.\n` +
      (https ? '# Replace the example certificate ARN in patches/load-balancer-https.yaml with your ACM certificate.\n' : '') +
      yamlDoc({
        apiVersion: 'kustomize.config.k8s.io/v1beta1',
        kind: 'Kustomization',
        resources: ['../../base'],
        components: [`../../components/traffic-${model.traffic.api}`],
        configMapGenerator: services.map((svc) => ({ name: fullName(model, svc), behavior: 'merge', literals: [`LOG_LEVEL=${logLevelOf(model, env)}`] })),
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
