// One model of a deployment, shared by the Helm chart and the Kustomize starter so that both
// describe the same objects. Pure: options in, plain data out.
import { UsageError } from '../../core/errors.js';
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

/** What an environment (dev, prod) changes for every service. */
export interface EnvironmentSettings {
  autoscaling: Autoscaling;
  resources: Resources;
  env: Record<string, string>;
}

export interface ServiceSpec {
  name: string;
  image: { repository: string; tag: string };
  /** Container port; the Service always listens on 80 and targets the port named `http`. */
  port: number;
  healthPath: string;
  /** Path prefix routed to this service by the traffic entry. */
  routePath: string;
  env: Record<string, string>;
  /** Name of an existing Secret whose keys become environment variables (never a password). */
  existingSecret: string;
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
    /** Created by the chart when the controller expects the user to declare the class. */
    gatewayClass: { create: boolean; controllerName: string };
  };
  ingress?: {
    className: string;
    annotations: Record<string, string>;
    /** EKS Auto Mode: an IngressClass and its IngressClassParams. */
    ingressClass: { create: boolean; controller: string; params?: { scheme: string; groupName: string } };
  };
}

export interface DeploymentModel {
  name: string;
  /** Chart version and app version. */
  version: string;
  services: ServiceSpec[];
  traffic: TrafficSpec;
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

function trafficFor(ingress: IngressChoice, hosting: string | undefined, name: string): TrafficSpec {
  const autoMode = hosting === AUTO_MODE_HOSTING;
  const base = { outcome: ingress, hosting, autoMode, host: '' };
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
}

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
  const services = serviceNames.map((raw): ServiceSpec => {
    const svc = checkName('service name', raw);
    if (seen.has(svc)) throw new UsageError(`service "${svc}" is listed twice`);
    seen.add(svc);
    return {
      name: svc,
      image: { repository: `ghcr.io/${name}/${svc}`, tag: '0.1.0' },
      port: 3000,
      healthPath: '/health',
      routePath: `/${svc}`,
      env: { LOG_LEVEL: 'info', PORT: '3000' },
      existingSecret: `${name}-${svc}-secrets`,
      autoscaling: { minReplicas: 1, maxReplicas: 3, targetCPUUtilizationPercentage: 70 },
      pdb: { maxUnavailable: 1 },
      resources: { requests: { cpu: '100m', memory: '128Mi' }, limits: { cpu: '500m', memory: '256Mi' } },
      // The ALB health-checks targets on "/" unless told otherwise.
      serviceAnnotations: ingressRaw === 'aws-alb' ? { 'alb.ingress.kubernetes.io/healthcheck-path': '/health' } : {},
    };
  });
  return {
    name,
    version: '0.1.0',
    services,
    traffic,
    environments: {
      dev: {
        autoscaling: { minReplicas: 1, maxReplicas: 2, targetCPUUtilizationPercentage: 80 },
        resources: { requests: { cpu: '50m', memory: '64Mi' }, limits: { cpu: '250m', memory: '128Mi' } },
        env: { LOG_LEVEL: 'debug' },
      },
      prod: {
        autoscaling: { minReplicas: 2, maxReplicas: 6, targetCPUUtilizationPercentage: 70 },
        resources: { requests: { cpu: '200m', memory: '256Mi' }, limits: { cpu: '1', memory: '512Mi' } },
        env: { LOG_LEVEL: 'info' },
      },
    },
  };
}

/** The model as one environment sees it (base when env is undefined). */
export function effectiveServices(model: DeploymentModel, env?: EnvironmentName): ServiceSpec[] {
  if (env === undefined) return model.services;
  const e = model.environments[env];
  return model.services.map((s) => ({
    ...s,
    autoscaling: e.autoscaling,
    resources: e.resources,
    env: { ...s.env, ...e.env },
  }));
}

export function modelFromOptions(options: StarterOptions): DeploymentModel {
  return buildModel({ name: options.name, services: options.services, ingress: options.ingress, hosting: options.hosting });
}
