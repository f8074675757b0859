// One model of a deployment, shared by the Helm chart and the Kustomize starter so that both
// describe the same objects. Pure: options in, plain data out.
import { UsageError } from '../../core/errors.js';
import { assignRoles, BROKER_ROLES, DB_BACKED_ROLES, TOKEN_ROLES, type Role } from '../starters/nest-microservices.js';
import type { StarterOptions } from '../types.js';

// The kubernetes-ingress tree's outcomes. alb-in-front-of-gateway and traefik route through an
// in-cluster Gateway API implementation, so the services get Gateway API objects.
export const INGRESS_CHOICES = [
  'aws-alb',
  'gateway-api',
  'nginx',
  'traefik',
  'alb-in-front-of-gateway',
  'aks-application-routing',
  'application-gateway-for-containers',
  'gke-gateway',
] as const;
export type IngressChoice = (typeof INGRESS_CHOICES)[number];
/** Which Kubernetes API carries north-south traffic. */
export type TrafficApi = 'gateway' | 'ingress';
export const ENVIRONMENTS = ['dev', 'prod'] as const;
export type EnvironmentName = (typeof ENVIRONMENTS)[number];

const DEFAULT_INGRESS: IngressChoice = 'gateway-api';
const AUTO_MODE_HOSTING = 'amazon-eks-auto-mode';

export interface Resources {
  requests: { cpu: string; memory: string };
  limits: { cpu: string; memory: string };
}

export interface Autoscaling {
  minReplicas: number;
  maxReplicas: number;
  targetCPUUtilizationPercentage: number;
}

/** Nest's logger levels: the services read LOG_LEVEL as one of these. */
export const LOG_LEVELS = ['fatal', 'error', 'warn', 'log', 'debug', 'verbose'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

/** What an environment (dev, prod) changes for every service. */
export interface EnvironmentSettings {
  autoscaling: Autoscaling;
  resources: Resources;
  logLevel: LogLevel;
  /** aws-alb with the controller: the ALB's HTTPS listener (prod). */
  https?: { certificateArn: string };
}

/** The Nest probes: liveness answers while the process serves HTTP, readiness once its dependencies answer. */
export interface HealthPaths {
  live: string;
  ready: string;
}

export interface ServiceSpec {
  name: string;
  image: { repository: string; tag: string };
  /** Container port; the Service always listens on 80 and targets the port named `http`. */
  port: number;
  health: HealthPaths;
  /** Path prefix routed to this service by the traffic entry. */
  routePath: string;
  /** Non-secret variables (a ConfigMap); LOG_LEVEL comes from the model's log level. */
  env: Record<string, string>;
  /** Name of an existing Secret holding the service's secret variables (never a password here). */
  existingSecret: string;
  /** The variables read from existingSecret, each from the key of the same name. */
  secretEnv: string[];
  autoscaling: Autoscaling;
  pdb: { maxUnavailable: number };
  resources: Resources;
  serviceAnnotations: Record<string, string>;
}

export interface TrafficSpec {
  outcome: IngressChoice;
  hosting?: string;
  autoMode: boolean;
  /** The API the chart and the overlays use by default. */
  api: TrafficApi;
  /** The APIs this outcome supports (aws-alb: both; gateway-api: gateway; nginx: ingress). */
  apis: TrafficApi[];
  /** Empty: any host. */
  host: string;
  gateway?: {
    create: boolean;
    name: string;
    className: string;
    /**
     * create: the controller expects the user to declare the class (the Kustomize starter writes it
     * to cluster/, the READMEs say so); the charts' values never create it by default (trafficValues).
     */
    gatewayClass: { create: boolean; controllerName: string };
  };
  ingress?: {
    className: string;
    annotations: Record<string, string>;
    /** EKS Auto Mode: an IngressClass and its IngressClassParams. */
    ingressClass: { create: boolean; controller: string; params?: { scheme: string; groupName: string } };
  };
  /**
   * The AWS Load Balancer Controller's Gateway API defaults are an internal ALB with instance
   * targets, which ClusterIP Services cannot be; its LoadBalancerConfiguration and
   * TargetGroupConfiguration (gateway.k8s.aws/v1) make the ALB internet-facing with ip targets.
   */
  aws?: { scheme: 'internet-facing' | 'internal'; targetType: 'ip' };
  /** NetworkPolicy peers that may reach the services' HTTP port; empty: any source on that port. */
  ingressFrom: Record<string, unknown>[];
}

export interface DeploymentModel {
  name: string;
  /** Chart version and app version. */
  version: string;
  services: ServiceSpec[];
  traffic: TrafficSpec;
  /** The base log level; each environment sets its own. */
  logLevel: LogLevel;
  environments: Record<EnvironmentName, EnvironmentSettings>;
}

const NAME_RE = /^[a-z]([-a-z0-9]*[a-z0-9])?$/;

/** A DNS-1123 label for Kubernetes names built from `<project>-<service>`. */
function checkName(kind: string, value: string): string {
  if (!NAME_RE.test(value) || value.length > 40) {
    throw new UsageError(`${kind} "${value}" must be lower-case letters, digits and "-" (a DNS label, at most 40 characters)`);
  }
  return value;
}

function isIngressChoice(value: string): value is IngressChoice {
  return (INGRESS_CHOICES as readonly string[]).includes(value);
}

const PLATFORM_GATEWAY_CLASS = {
  'aks-application-routing': 'approuting-istio',
  'application-gateway-for-containers': 'azure-alb-external',
  'gke-gateway': 'gke-l7-global-external-managed',
} as const;

const namespacePeer = (namespace: string) => ({ namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': namespace } } });

/**
 * Who sends the traffic entry's requests to the pods. In-cluster controllers with a documented
 * install namespace get that namespace; GKE's load balancers come from Google's front ends
 * (35.191.0.0/16, 130.211.0.0/22, the documented proxy and health-check ranges); the others
 * (an ALB from the VPC, a Gateway implementation the chart cannot know) are allowed from any
 * source on the HTTP port only, to be narrowed with networkPolicy.ingressFrom.
 */
const INGRESS_FROM: Record<IngressChoice, Record<string, unknown>[]> = {
  nginx: [namespacePeer('nginx-ingress')],
  traefik: [namespacePeer('traefik')],
  'gke-gateway': [{ ipBlock: { cidr: '35.191.0.0/16' } }, { ipBlock: { cidr: '130.211.0.0/22' } }],
  'aws-alb': [],
  'gateway-api': [],
  'alb-in-front-of-gateway': [],
  'aks-application-routing': [],
  'application-gateway-for-containers': [],
};

function trafficFor(ingress: IngressChoice, hosting: string | undefined, name: string): TrafficSpec {
  const autoMode = hosting === AUTO_MODE_HOSTING;
  const base = { outcome: ingress, hosting, autoMode, host: '', ingressFrom: INGRESS_FROM[ingress] };
  switch (ingress) {
    case 'aws-alb': {
      // Gateway API is the default on AWS (controller GA since v3.0; EKS Auto Mode natively);
      // the Ingress + IngressGroup form stays one value away for clusters on older controllers.
      const albAnnotations: Record<string, string> = {
        'alb.ingress.kubernetes.io/scheme': 'internet-facing',
        'alb.ingress.kubernetes.io/target-type': 'ip',
      };
      // With Auto Mode the group and scheme live in IngressClassParams; with the controller
      // they are annotations (one ALB shared by every Ingress of the group).
      if (!autoMode) albAnnotations['alb.ingress.kubernetes.io/group.name'] = name;
      return {
        ...base,
        ...(autoMode ? {} : { aws: { scheme: 'internet-facing', targetType: 'ip' } }),
        api: 'gateway',
        apis: ['gateway', 'ingress'],
        gateway: {
          create: true,
          name,
          className: autoMode ? 'eks-alb' : 'aws-alb',
          gatewayClass: {
            create: true,
            controllerName: autoMode ? 'eks.amazonaws.com/gateway-alb' : 'gateway.k8s.aws/alb',
          },
        },
        ingress: {
          className: 'alb',
          annotations: albAnnotations,
          ingressClass: autoMode
            ? { create: true, controller: 'eks.amazonaws.com/alb', params: { scheme: 'internet-facing', groupName: name } }
            : { create: false, controller: 'ingress.k8s.aws/alb' },
        },
      };
    }
    case 'traefik':
      // Traefik v3 serves new routes through its Gateway API support (GatewayClass "traefik").
      return {
        ...base,
        api: 'gateway',
        apis: ['gateway'],
        gateway: { create: true, name, className: 'traefik', gatewayClass: { create: false, controllerName: '' } },
      };
    case 'aks-application-routing':
    case 'application-gateway-for-containers':
    case 'gke-gateway':
      // The platform installs the class: the AKS application routing add-on's Gateway API
      // implementation, the ALB Controller of Application Gateway for Containers, or the GKE
      // Gateway controller (a global external Application Load Balancer).
      return {
        ...base,
        api: 'gateway',
        apis: ['gateway'],
        gateway: { create: true, name, className: PLATFORM_GATEWAY_CLASS[ingress], gatewayClass: { create: false, controllerName: '' } },
      };
    case 'alb-in-front-of-gateway':
      // The ALB (with WAF) forwards to the in-cluster implementation; the services only declare routes.
    case 'gateway-api':
      return {
        ...base,
        api: 'gateway',
        apis: ['gateway'],
        gateway: {
          create: true,
          name,
          // The implementation (Envoy Gateway, Cilium, Istio, NGINX Gateway Fabric, ...) installs
          // or documents its class; this is the value to change.
          className: 'default-gateway-class',
          gatewayClass: { create: false, controllerName: '' },
        },
      };
    case 'nginx':
      return {
        ...base,
        api: 'ingress',
        apis: ['ingress'],
        ingress: {
          // F5 NGINX Ingress Controller (github.com/nginx/kubernetes-ingress): nginx.org/*
          // annotations. Not the retired community ingress-nginx.
          className: 'nginx',
          annotations: {
            'nginx.org/client-max-body-size': '1m',
            'nginx.org/proxy-read-timeout': '60s',
          },
          ingressClass: { create: false, controller: 'nginx.org/ingress-controller' },
        },
      };
  }
}

export interface ModelInput {
  name: string;
  services: string[];
  ingress?: string;
  hosting?: string;
  /** The nest-microservices starter's options: they decide which variables each service reads. */
  transport?: StarterOptions['transport'];
  database?: StarterOptions['database'];
}

/** The port every container listens on (PORT); the Service maps 80 to it. */
const CONTAINER_PORT = 3000;

/**
 * The environment of a nest-microservices service, exactly as its env classes read it: every
 * service validates NODE_ENV and PORT; the services that publish or consume events add the broker
 * (RABBITMQ_URL carries credentials, so it is a secret; KAFKA_BROKERS is not); the services that
 * keep data add MONGODB_URI or DATABASE_URL; the services that issue or verify tokens add JWT_SECRET.
 */
function nestEnvironment(role: Role, transport: StarterOptions['transport'], database: StarterOptions['database']) {
  const env: Record<string, string> = { NODE_ENV: 'production', PORT: String(CONTAINER_PORT) };
  const secretEnv: string[] = [];
  if (BROKER_ROLES.has(role)) {
    if (transport === 'kafka') env.KAFKA_BROKERS = 'kafka:9092';
    else secretEnv.push('RABBITMQ_URL');
  }
  if (DB_BACKED_ROLES.has(role)) secretEnv.push(database === 'postgres' ? 'DATABASE_URL' : 'MONGODB_URI');
  if (TOKEN_ROLES.has(role)) secretEnv.push('JWT_SECRET');
  return { env, secretEnv };
}

/** ACM's documented example account: an ARN that reads as a placeholder and passes the schema. */
const EXAMPLE_CERTIFICATE_ARN = 'arn:aws:acm:us-east-1:111122223333:certificate/replace-with-your-certificate-id';

export function buildModel(input: ModelInput): DeploymentModel {
  const name = checkName('project name', input.name);
  const ingressRaw = input.ingress ?? DEFAULT_INGRESS;
  if (!isIngressChoice(ingressRaw)) {
    throw new UsageError(`--ingress "${ingressRaw}" is not one of ${INGRESS_CHOICES.join(', ')}`);
  }
  // The nest-microservices starter's services, so that both starters line up by default.
  const serviceNames = input.services.length > 0 ? input.services : ['orders', 'billing', 'auth'];
  const seen = new Set<string>();
  const traffic = trafficFor(ingressRaw, input.hosting, name);
  for (const raw of serviceNames) {
    const svc = checkName('service name', raw);
    if (seen.has(svc)) throw new UsageError(`service "${svc}" is listed twice`);
    seen.add(svc);
  }
  const health: HealthPaths = { live: '/health/live', ready: '/health/ready' };
  const services = assignRoles(serviceNames).map(({ name: svc, role }): ServiceSpec => {
    const { env, secretEnv } = nestEnvironment(role, input.transport ?? 'rabbitmq', input.database ?? 'mongodb');
    return {
      name: svc,
      image: { repository: `ghcr.io/${name}/${svc}`, tag: '0.1.0' },
      port: CONTAINER_PORT,
      health,
      routePath: `/${svc}`,
      env,
      existingSecret: `${name}-${svc}-secrets`,
      secretEnv,
      autoscaling: { minReplicas: 1, maxReplicas: 3, targetCPUUtilizationPercentage: 70 },
      pdb: { maxUnavailable: 1 },
      resources: { requests: { cpu: '100m', memory: '128Mi' }, limits: { cpu: '500m', memory: '256Mi' } },
      // The ALB (Ingress form) health-checks targets on "/" unless told otherwise.
      serviceAnnotations: ingressRaw === 'aws-alb' ? { 'alb.ingress.kubernetes.io/healthcheck-path': health.ready } : {},
    };
  });
  return {
    name,
    version: '0.1.0',
    services,
    traffic,
    logLevel: 'log',
    environments: {
      dev: {
        autoscaling: { minReplicas: 1, maxReplicas: 2, targetCPUUtilizationPercentage: 80 },
        resources: { requests: { cpu: '50m', memory: '64Mi' }, limits: { cpu: '250m', memory: '128Mi' } },
        logLevel: 'debug',
      },
      prod: {
        autoscaling: { minReplicas: 2, maxReplicas: 6, targetCPUUtilizationPercentage: 70 },
        resources: { requests: { cpu: '200m', memory: '256Mi' }, limits: { cpu: '1', memory: '512Mi' } },
        logLevel: 'log',
        ...(traffic.aws ? { https: { certificateArn: EXAMPLE_CERTIFICATE_ARN } } : {}),
      },
    },
  };
}

/** The model as one environment sees it (base when env is undefined). */
export function effectiveServices(model: DeploymentModel, env?: EnvironmentName): ServiceSpec[] {
  if (env === undefined) return model.services;
  const e = model.environments[env];
  return model.services.map((s) => ({ ...s, autoscaling: e.autoscaling, resources: e.resources }));
}

/** The log level of an environment (the base when env is undefined). */
export function logLevelOf(model: DeploymentModel, env?: EnvironmentName): LogLevel {
  return env === undefined ? model.logLevel : model.environments[env].logLevel;
}

export function modelFromOptions(options: StarterOptions): DeploymentModel {
  const { name, services, ingress, hosting, transport, database } = options;
  return buildModel({ name, services, ingress, hosting, transport, database });
}
