// The Kubernetes objects a deployment model stands for. The Kustomize starter writes these; the
// Helm chart's templates produce the same objects from values built from the same model.
import type { DeploymentModel, ServiceSpec, TrafficApi } from './model.js';

export type K8sObject = { apiVersion: string; kind: string; metadata: { name: string; [k: string]: unknown }; [k: string]: unknown };

const SERVICE_PORT = 80;

export function fullName(model: DeploymentModel, svc: ServiceSpec): string {
  return `${model.name}-${svc.name}`;
}

function selectorLabels(model: DeploymentModel, svc: ServiceSpec): Record<string, string> {
  return { 'app.kubernetes.io/name': svc.name, 'app.kubernetes.io/instance': model.name };
}

function labels(model: DeploymentModel, svc: ServiceSpec | undefined, managedBy: string): Record<string, string> {
  return {
    ...(svc ? selectorLabels(model, svc) : { 'app.kubernetes.io/name': model.name, 'app.kubernetes.io/instance': model.name }),
    'app.kubernetes.io/version': model.version,
    'app.kubernetes.io/part-of': model.name,
    'app.kubernetes.io/managed-by': managedBy,
  };
}

/** The hardened container settings every workload of the starters uses. */
export const CONTAINER_SECURITY_CONTEXT = {
  allowPrivilegeEscalation: false,
  readOnlyRootFilesystem: true,
  runAsNonRoot: true,
  capabilities: { drop: ['ALL'] },
  seccompProfile: { type: 'RuntimeDefault' },
};

export const POD_SECURITY_CONTEXT = { runAsNonRoot: true, seccompProfile: { type: 'RuntimeDefault' } };

export function serviceObjects(model: DeploymentModel, svc: ServiceSpec, managedBy: string): K8sObject[] {
  const name = fullName(model, svc);
  const meta = { name, labels: labels(model, svc, managedBy) };
  const selector = selectorLabels(model, svc);
  const envFrom: Record<string, unknown>[] = [{ configMapRef: { name } }];
  if (svc.existingSecret !== '') envFrom.push({ secretRef: { name: svc.existingSecret } });
  const probe = (initialDelaySeconds: number) => ({
    httpGet: { path: svc.healthPath, port: 'http' },
    initialDelaySeconds,
    periodSeconds: 10,
    timeoutSeconds: 2,
    failureThreshold: 3,
  });
  return [
    { apiVersion: 'v1', kind: 'ServiceAccount', metadata: meta, automountServiceAccountToken: false },
    { apiVersion: 'v1', kind: 'ConfigMap', metadata: meta, data: { ...svc.env } },
    {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: meta,
      spec: {
        revisionHistoryLimit: 5,
        selector: { matchLabels: selector },
        template: {
          metadata: { labels: { ...meta.labels } },
          spec: {
            serviceAccountName: name,
            automountServiceAccountToken: false,
            securityContext: POD_SECURITY_CONTEXT,
            containers: [
              {
                name: svc.name,
                image: `${svc.image.repository}:${svc.image.tag}`,
                imagePullPolicy: 'IfNotPresent',
                ports: [{ name: 'http', containerPort: svc.port, protocol: 'TCP' }],
                envFrom,
                livenessProbe: probe(10),
                readinessProbe: probe(5),
                resources: svc.resources,
                securityContext: CONTAINER_SECURITY_CONTEXT,
                volumeMounts: [{ name: 'tmp', mountPath: '/tmp' }],
              },
            ],
            volumes: [{ name: 'tmp', emptyDir: {} }],
          },
        },
      },
    },
    {
      apiVersion: 'v1',
      kind: 'Service',
      metadata: Object.keys(svc.serviceAnnotations).length > 0 ? { ...meta, annotations: { ...svc.serviceAnnotations } } : meta,
      spec: {
        type: 'ClusterIP',
        selector,
        ports: [{ name: 'http', port: SERVICE_PORT, targetPort: 'http', protocol: 'TCP' }],
      },
    },
    {
      apiVersion: 'autoscaling/v2',
      kind: 'HorizontalPodAutoscaler',
      metadata: meta,
      spec: {
        scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name },
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
    {
      apiVersion: 'policy/v1',
      kind: 'PodDisruptionBudget',
      metadata: meta,
      spec: { maxUnavailable: svc.pdb.maxUnavailable, selector: { matchLabels: selector } },
    },
  ];
}

export function trafficObjects(model: DeploymentModel, services: ServiceSpec[], api: TrafficApi, managedBy: string): K8sObject[] {
  const t = model.traffic;
  const out: K8sObject[] = [];
  const meta = (name: string) => ({ name, labels: labels(model, undefined, managedBy) });
  if (api === 'gateway') {
    const g = t.gateway;
    if (!g) throw new Error(`ingress ${t.outcome} has no Gateway API form`);
    if (g.gatewayClass.create) {
      out.push({
        apiVersion: 'gateway.networking.k8s.io/v1',
        kind: 'GatewayClass',
        metadata: meta(g.className),
        spec: { controllerName: g.gatewayClass.controllerName },
      });
    }
    if (g.create) {
      const listener: Record<string, unknown> = { name: 'http', protocol: 'HTTP', port: 80, allowedRoutes: { namespaces: { from: 'Same' } } };
      if (t.host !== '') listener.hostname = t.host;
      out.push({
        apiVersion: 'gateway.networking.k8s.io/v1',
        kind: 'Gateway',
        metadata: meta(g.name),
        spec: { gatewayClassName: g.className, listeners: [listener] },
      });
    }
    for (const svc of services) {
      const spec: Record<string, unknown> = { parentRefs: [{ name: g.name }] };
      if (t.host !== '') spec.hostnames = [t.host];
      spec.rules = [
        {
          matches: [{ path: { type: 'PathPrefix', value: svc.routePath } }],
          backendRefs: [{ name: fullName(model, svc), port: SERVICE_PORT }],
        },
      ];
      out.push({
        apiVersion: 'gateway.networking.k8s.io/v1',
        kind: 'HTTPRoute',
        metadata: { name: fullName(model, svc), labels: labels(model, svc, managedBy) },
        spec,
      });
    }
    return out;
  }
  const ing = t.ingress;
  if (!ing) throw new Error(`ingress ${t.outcome} has no Ingress form`);
  if (ing.ingressClass.create) {
    const spec: Record<string, unknown> = { controller: ing.ingressClass.controller };
    if (ing.ingressClass.params) {
      spec.parameters = { apiGroup: 'eks.amazonaws.com', kind: 'IngressClassParams', name: ing.className };
      out.push({
        apiVersion: 'eks.amazonaws.com/v1',
        kind: 'IngressClassParams',
        metadata: meta(ing.className),
        spec: { scheme: ing.ingressClass.params.scheme, group: { name: ing.ingressClass.params.groupName } },
      });
    }
    out.push({ apiVersion: 'networking.k8s.io/v1', kind: 'IngressClass', metadata: meta(ing.className), spec });
  }
  const rule: Record<string, unknown> = {
    http: {
      // Sorted by service name, the order Helm's range over the services map gives.
      paths: [...services].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0)).map((svc) => ({
        path: svc.routePath,
        pathType: 'Prefix',
        backend: { service: { name: fullName(model, svc), port: { name: 'http' } } },
      })),
    },
  };
  if (t.host !== '') rule.host = t.host;
  out.push({
    apiVersion: 'networking.k8s.io/v1',
    kind: 'Ingress',
    metadata: { ...meta(model.name), annotations: { ...ing.annotations } },
    spec: { ingressClassName: ing.className, rules: [rule] },
  });
  return out;
}
