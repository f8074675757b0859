// The Kubernetes objects a deployment model stands for. The Kustomize starter writes these; the
// Helm chart's templates produce the same objects from values built from the same model.
import type { DeploymentModel, LogLevel, ServiceSpec, TrafficApi } from './model.js';

export type K8sObject = { apiVersion: string; kind: string; metadata: { name: string; [k: string]: unknown }; [k: string]: unknown };

const SERVICE_PORT = 80;

export function fullName(model: DeploymentModel, svc: ServiceSpec): string {
  return `${model.name}-${svc.name}`;
}

function selectorLabels(model: DeploymentModel, svc: ServiceSpec): Record<string, string> {
  return { 'app.kubernetes.io/name': svc.name, 'app.kubernetes.io/instance': model.name };
}

/** The labels of a service's objects. */
export function serviceLabels(model: DeploymentModel, svc: ServiceSpec, managedBy: string): Record<string, string> {
  return labels(model, svc, managedBy);
}

function labels(model: DeploymentModel, svc: ServiceSpec | undefined, managedBy: string): Record<string, string> {
  return {
    ...(svc ? selectorLabels(model, svc) : { 'app.kubernetes.io/name': model.name, 'app.kubernetes.io/instance': model.name }),
    'app.kubernetes.io/version': model.version,
    'app.kubernetes.io/part-of': model.name,
    'app.kubernetes.io/managed-by': managedBy,
  };
}

/** The numeric user and group the services run as: the node images' unprivileged `node` user. */
const RUN_AS = 1000;

/** The hardened container settings every workload of the starters uses. */
export const CONTAINER_SECURITY_CONTEXT = {
  allowPrivilegeEscalation: false,
  readOnlyRootFilesystem: true,
  runAsNonRoot: true,
  capabilities: { drop: ['ALL'] },
  seccompProfile: { type: 'RuntimeDefault' },
};

/**
 * A numeric user, so that the kubelet can check runAsNonRoot without reading the image (a named
 * USER fails that check); fsGroup makes mounted volumes writable by that group.
 */
export const POD_SECURITY_CONTEXT = {
  runAsNonRoot: true,
  runAsUser: RUN_AS,
  runAsGroup: RUN_AS,
  fsGroup: RUN_AS,
  seccompProfile: { type: 'RuntimeDefault' },
};

/** Seconds the pod keeps serving after it is marked for deletion, while endpoints drain. */
export const PRE_STOP_SLEEP_SECONDS = 5;
export const TERMINATION_GRACE_PERIOD_SECONDS = 30;

/** The ConfigMap data of a service: its variables plus LOG_LEVEL. */
export function configData(svc: ServiceSpec, logLevel: LogLevel): Record<string, string> {
  return { ...svc.env, LOG_LEVEL: logLevel };
}

/** One variable per secret key, so a missing key stops the pod with its name instead of starting a service without it. */
function secretEnv(svc: ServiceSpec): Record<string, unknown>[] {
  if (svc.existingSecret === '') return [];
  return svc.secretEnv.map((name) => ({ name, valueFrom: { secretKeyRef: { name: svc.existingSecret, key: name } } }));
}

function networkPolicyPorts(svc: ServiceSpec) {
  return [{ protocol: 'TCP', port: svc.port }];
}

/** The objects of one service, without its ConfigMap (the Helm chart renders it; Kustomize generates it). */
export function serviceObjects(model: DeploymentModel, svc: ServiceSpec, managedBy: string): K8sObject[] {
  const name = fullName(model, svc);
  const meta = { name, labels: labels(model, svc, managedBy) };
  const selector = selectorLabels(model, svc);
  const env = secretEnv(svc);
  const probe = (path: string, periodSeconds: number, failureThreshold: number) => ({
    httpGet: { path, port: 'http' },
    periodSeconds,
    timeoutSeconds: 2,
    failureThreshold,
  });
  const ingressRule: Record<string, unknown> = { ports: networkPolicyPorts(svc) };
  if (model.traffic.ingressFrom.length > 0) ingressRule.from = structuredClone(model.traffic.ingressFrom);
  return [
    { apiVersion: 'v1', kind: 'ServiceAccount', metadata: meta, automountServiceAccountToken: false },
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
            terminationGracePeriodSeconds: TERMINATION_GRACE_PERIOD_SECONDS,
            containers: [
              {
                name: svc.name,
                image: `${svc.image.repository}:${svc.image.tag}`,
                imagePullPolicy: 'IfNotPresent',
                ports: [{ name: 'http', containerPort: svc.port, protocol: 'TCP' }],
                envFrom: [{ configMapRef: { name } }],
                ...(env.length > 0 ? { env } : {}),
                // Up to 60 s to start before liveness counts; readiness takes the pod out of the
                // Service while a dependency is down, liveness restarts it only when it hangs.
                startupProbe: probe(svc.health.live, 2, 30),
                livenessProbe: probe(svc.health.live, 10, 3),
                readinessProbe: probe(svc.health.ready, 5, 3),
                lifecycle: { preStop: { exec: { command: ['sleep', String(PRE_STOP_SLEEP_SECONDS)] } } },
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
    {
      // The one flow a service needs: the traffic entry to its HTTP port (the services call each
      // other only through the broker).
      apiVersion: 'networking.k8s.io/v1',
      kind: 'NetworkPolicy',
      metadata: meta,
      spec: { podSelector: { matchLabels: selector }, policyTypes: ['Ingress'], ingress: [ingressRule] },
    },
  ];
}

/** Denies every ingress to the release's pods that a service's own policy does not allow. */
export function defaultDenyPolicy(model: DeploymentModel, managedBy: string): K8sObject {
  return {
    apiVersion: 'networking.k8s.io/v1',
    kind: 'NetworkPolicy',
    metadata: { name: `${model.name}-default-deny`, labels: labels(model, undefined, managedBy) },
    spec: { podSelector: { matchLabels: { 'app.kubernetes.io/instance': model.name } }, policyTypes: ['Ingress'] },
  };
}

const AWS_GROUP = 'gateway.k8s.aws';

/** The objects the AWS Load Balancer Controller reads next to the Gateway (see TrafficSpec.aws). */
function awsGatewayObjects(model: DeploymentModel, services: ServiceSpec[], https: { certificateArn: string } | undefined, managedBy: string): K8sObject[] {
  const aws = model.traffic.aws;
  const g = model.traffic.gateway;
  if (!aws || !g) return [];
  const lbSpec: Record<string, unknown> = { scheme: aws.scheme };
  if (https) lbSpec.listenerConfigurations = [{ protocolPort: 'HTTPS:443', defaultCertificate: https.certificateArn }];
  return [
    {
      apiVersion: `${AWS_GROUP}/v1`,
      kind: 'LoadBalancerConfiguration',
      metadata: { name: g.name, labels: labels(model, undefined, managedBy) },
      spec: lbSpec,
    },
    ...services.map((svc) => ({
      apiVersion: `${AWS_GROUP}/v1`,
      kind: 'TargetGroupConfiguration',
      metadata: { name: fullName(model, svc), labels: labels(model, svc, managedBy) },
      spec: {
        targetReference: { name: fullName(model, svc) },
        defaultConfiguration: {
          targetType: aws.targetType,
          healthCheckConfig: { healthCheckPath: svc.health.ready, healthCheckProtocol: 'HTTP' },
        },
      },
    })),
  ];
}

/**
 * The cluster-scoped classes an outcome needs (GatewayClass; EKS Auto Mode's IngressClass and
 * IngressClassParams). They belong to the cluster, not to a release: one class serves every
 * Gateway or Ingress of the cluster, and deleting a release must not delete it.
 */
export function clusterObjects(model: DeploymentModel, managedBy: string): K8sObject[] {
  const t = model.traffic;
  const out: K8sObject[] = [];
  const meta = (name: string) => ({ name, labels: labels(model, undefined, managedBy) });
  const g = t.gateway;
  if (g?.gatewayClass.create) {
    out.push({ apiVersion: 'gateway.networking.k8s.io/v1', kind: 'GatewayClass', metadata: meta(g.className), spec: { controllerName: g.gatewayClass.controllerName } });
  }
  const ing = t.ingress;
  if (ing?.ingressClass.create) {
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
  return out;
}

/** The Gateway alone (the prod overlay replaces it when it adds the HTTPS listener). */
function gatewayObject(model: DeploymentModel, https: { certificateArn: string } | undefined, managedBy: string): K8sObject {
  const t = model.traffic;
  const g = t.gateway;
  if (!g) throw new Error(`ingress ${t.outcome} has no Gateway API form`);
  const listener = (name: string, protocol: string, port: number) => {
    const l: Record<string, unknown> = { name, protocol, port };
    if (t.host !== '') l.hostname = t.host;
    l.allowedRoutes = { namespaces: { from: 'Same' } };
    return l;
  };
  const spec: Record<string, unknown> = { gatewayClassName: g.className };
  if (t.aws) spec.infrastructure = { parametersRef: { group: AWS_GROUP, kind: 'LoadBalancerConfiguration', name: g.name } };
  spec.listeners = [listener('http', 'HTTP', 80), ...(https ? [listener('https', 'HTTPS', 443)] : [])];
  return { apiVersion: 'gateway.networking.k8s.io/v1', kind: 'Gateway', metadata: { name: g.name, labels: labels(model, undefined, managedBy) }, spec };
}

/** The namespaced objects of the traffic entry; `https` adds the ALB's HTTPS listener (aws-alb). */
export function trafficObjects(
  model: DeploymentModel,
  services: ServiceSpec[],
  api: TrafficApi,
  managedBy: string,
  https?: { certificateArn: string },
): K8sObject[] {
  const t = model.traffic;
  const out: K8sObject[] = [];
  const meta = (name: string) => ({ name, labels: labels(model, undefined, managedBy) });
  if (api === 'gateway') {
    const g = t.gateway;
    if (!g) throw new Error(`ingress ${t.outcome} has no Gateway API form`);
    if (g.create) out.push(gatewayObject(model, https, managedBy), ...awsGatewayObjects(model, services, https, managedBy));
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
