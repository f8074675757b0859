// values.yaml, values-<env>.yaml and values.schema.json of the services chart, from the model.
import { effectiveServices, LOG_LEVELS, type DeploymentModel, type EnvironmentName, type ServiceSpec } from './model.js';
import { CONTAINER_SECURITY_CONTEXT, POD_SECURITY_CONTEXT, PRE_STOP_SLEEP_SECONDS, TERMINATION_GRACE_PERIOD_SECONDS } from './objects.js';

function serviceValues(svc: ServiceSpec): Record<string, unknown> {
  return {
    image: { ...svc.image },
    port: svc.port,
    health: { ...svc.health },
    routePath: svc.routePath,
    env: { ...svc.env },
    existingSecret: svc.existingSecret,
    secretEnv: [...svc.secretEnv],
    autoscaling: { ...svc.autoscaling },
    pdb: { ...svc.pdb },
    resources: structuredClone(svc.resources),
    serviceAnnotations: { ...svc.serviceAnnotations },
  };
}

/**
 * The `traffic` block of both charts' values (the services chart and the MLOps chart render the
 * same traffic entry from the same model). The cluster-scoped classes (GatewayClass, IngressClass)
 * are left to the cluster: create is false, because one class serves every release and
 * uninstalling a release must not delete it; the value stays for a cluster where a release is to
 * own its class. On aws-alb with the controller, `aws` configures its LoadBalancerConfiguration and
 * TargetGroupConfigurations (HTTPS off here; an environment's values turn it on).
 */
export function trafficValues(model: DeploymentModel): Record<string, unknown> {
  const t = model.traffic;
  const out: Record<string, unknown> = { api: t.api, host: t.host };
  if (t.gateway) {
    out.gateway = {
      create: t.gateway.create,
      // Empty: the release name.
      name: '',
      className: t.gateway.className,
      gatewayClass: { create: false, controllerName: t.gateway.gatewayClass.controllerName },
    };
  }
  if (t.ingress) {
    const ic = t.ingress.ingressClass;
    out.ingress = {
      className: t.ingress.className,
      annotations: { ...t.ingress.annotations },
      ingressClass: ic.params ? { create: false, controller: ic.controller, params: { ...ic.params } } : { create: false, controller: ic.controller },
    };
  }
  if (t.aws) out.aws = { scheme: t.aws.scheme, targetType: t.aws.targetType, https: { enabled: false, certificateArn: '' } };
  return out;
}

/** An environment's traffic values: the ALB's HTTPS listener where the environment has one. */
export function trafficEnvValues(model: DeploymentModel, env: EnvironmentName): Record<string, unknown> {
  const https = model.environments[env].https;
  return https ? { traffic: { aws: { https: { enabled: true, certificateArn: https.certificateArn } } } } : {};
}

export function helmValues(model: DeploymentModel): Record<string, unknown> {
  return {
    logLevel: model.logLevel,
    imagePullPolicy: 'IfNotPresent',
    imagePullSecrets: [],
    podSecurityContext: structuredClone(POD_SECURITY_CONTEXT),
    securityContext: structuredClone(CONTAINER_SECURITY_CONTEXT),
    terminationGracePeriodSeconds: TERMINATION_GRACE_PERIOD_SECONDS,
    preStopSleepSeconds: PRE_STOP_SLEEP_SECONDS,
    nodeSelector: {},
    tolerations: [],
    affinity: {},
    topologySpreadConstraints: [],
    networkPolicy: { enabled: true, ingressFrom: structuredClone(model.traffic.ingressFrom) },
    services: Object.fromEntries(effectiveServices(model).map((s) => [s.name, serviceValues(s)])),
    traffic: trafficValues(model),
  };
}

/** Only what an environment changes; Helm merges it over values.yaml. */
export function helmEnvValues(model: DeploymentModel, env: EnvironmentName): Record<string, unknown> {
  const e = model.environments[env];
  return {
    logLevel: e.logLevel,
    services: Object.fromEntries(
      effectiveServices(model, env).map((s) => [s.name, { autoscaling: { ...e.autoscaling }, resources: structuredClone(e.resources) }]),
    ),
    ...trafficEnvValues(model, env),
  };
}

const QUANTITY = '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$';
const obj = (properties: Record<string, unknown>, required = Object.keys(properties)) => ({
  type: 'object',
  additionalProperties: false,
  required,
  properties,
});
const stringMap = { type: 'object', additionalProperties: { type: 'string' } };
const dnsName = { type: 'string', pattern: '^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$', maxLength: 253 };
const resourceList = obj({ cpu: { type: ['string', 'number'], pattern: QUANTITY }, memory: { type: 'string', pattern: QUANTITY } }, []);

/**
 * The `traffic` block of a values schema: the services chart and the MLOps chart render the same
 * traffic entry from the same model, so they accept the same values.
 */
export function trafficSchema(model: DeploymentModel): Record<string, unknown> {
  const t = model.traffic;
  const traffic: Record<string, unknown> = {
    api: { enum: t.apis, description: 'gateway: Gateway API (Gateway + HTTPRoute); ingress: an Ingress' },
    host: { type: 'string', description: 'Empty: any host', pattern: '^$|^(\\*\\.)?[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$' },
  };
  if (t.gateway) {
    traffic.gateway = obj({
      create: { type: 'boolean' },
      name: { anyOf: [{ const: '' }, dnsName] },
      className: dnsName,
      gatewayClass: {
        ...obj({ create: { type: 'boolean' }, controllerName: { type: 'string' } }),
        // A class the release creates must name the controller that implements it; Helm refuses
        // the values with this message rather than render a GatewayClass no controller accepts.
        if: { properties: { create: { const: true } } },
        then: { properties: { controllerName: { type: 'string', minLength: 1, description: 'the controller that implements the GatewayClass' } } },
      },
    });
  }
  if (t.ingress) {
    traffic.ingress = obj({
      className: dnsName,
      annotations: stringMap,
      ingressClass: obj(
        {
          create: { type: 'boolean' },
          controller: { type: 'string', minLength: 1 },
          params: obj({ scheme: { enum: ['internet-facing', 'internal'] }, groupName: dnsName }),
        },
        ['create', 'controller'],
      ),
    });
  }
  if (t.aws) {
    traffic.aws = obj({
      scheme: { enum: ['internet-facing', 'internal'] },
      targetType: { enum: ['ip', 'instance'], description: 'ip: pods register directly (ClusterIP Services); instance needs NodePort Services' },
      https: {
        ...obj({ enabled: { type: 'boolean' }, certificateArn: { anyOf: [{ const: '' }, { type: 'string', pattern: '^arn:aws[a-z-]*:acm:[a-z0-9-]+:[0-9]{12}:certificate/[A-Za-z0-9-]+$' }] } }),
        // An HTTPS listener without a certificate is refused here, with this message, by Helm itself.
        if: { properties: { enabled: { const: true } } },
        then: { properties: { certificateArn: { type: 'string', minLength: 1, description: 'the ACM certificate ARN of the HTTPS listener' } } },
      },
    });
  }
  return obj(traffic, ['api', 'host', ...(t.gateway ? ['gateway'] : []), ...(t.ingress ? ['ingress'] : []), ...(t.aws ? ['aws'] : [])]);
}

const ENV_NAME = '^[-._a-zA-Z][-._a-zA-Z0-9]*$';
const labelMap = { type: 'object', additionalProperties: { type: 'string' } };
const labelSelector = obj({ matchLabels: labelMap, matchExpressions: { type: 'array', items: { type: 'object' } } }, []);
/** A NetworkPolicyPeer (networking.k8s.io/v1). */
const networkPeer = obj(
  {
    ipBlock: obj({ cidr: { type: 'string', minLength: 1 }, except: { type: 'array', items: { type: 'string' } } }, ['cidr']),
    namespaceSelector: labelSelector,
    podSelector: labelSelector,
  },
  [],
);

/** A draft-07 schema that rejects what would render a broken or unsafe manifest. */
export function helmValuesSchema(model: DeploymentModel): Record<string, unknown> {
  const service = obj(
    {
      image: obj({ repository: { type: 'string', minLength: 1, pattern: '^[^:@\\s]+$' }, tag: { type: 'string', minLength: 1, pattern: '^[\\w][\\w.-]{0,127}$' } }),
      port: { type: 'integer', minimum: 1, maximum: 65535 },
      health: obj({ live: { type: 'string', pattern: '^/' }, ready: { type: 'string', pattern: '^/' } }),
      routePath: { type: 'string', pattern: '^/' },
      env: {
        type: 'object',
        additionalProperties: { type: 'string' },
        propertyNames: { pattern: ENV_NAME, not: { const: 'LOG_LEVEL' } },
        description: 'Non-secret variables (a ConfigMap); LOG_LEVEL comes from logLevel',
      },
      existingSecret: { anyOf: [{ const: '' }, dnsName], description: 'Name of an existing Secret (never a password)' },
      secretEnv: { type: 'array', uniqueItems: true, items: { type: 'string', pattern: ENV_NAME }, description: 'Variables read from existingSecret, each from the key of its own name' },
      autoscaling: obj({
        minReplicas: { type: 'integer', minimum: 1 },
        maxReplicas: { type: 'integer', minimum: 1 },
        targetCPUUtilizationPercentage: { type: 'integer', minimum: 1, maximum: 100 },
      }),
      pdb: obj({ maxUnavailable: { type: 'integer', minimum: 1 } }),
      resources: obj({ requests: resourceList, limits: resourceList }),
      serviceAnnotations: stringMap,
    },
    ['image', 'port', 'health', 'routePath', 'env', 'existingSecret', 'secretEnv', 'autoscaling', 'pdb', 'resources'],
  );
  const nonRootId = { type: 'integer', minimum: 1 };
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    title: `${model.name} values`,
    type: 'object',
    additionalProperties: false,
    required: [
      'logLevel', 'imagePullPolicy', 'imagePullSecrets', 'podSecurityContext', 'securityContext', 'terminationGracePeriodSeconds', 'preStopSleepSeconds',
      'nodeSelector', 'tolerations', 'affinity', 'topologySpreadConstraints', 'networkPolicy', 'services', 'traffic',
    ],
    properties: {
      // Helm adds `global` to the values it validates (always for charts with dependencies).
      global: { type: 'object' },
      logLevel: { enum: [...LOG_LEVELS], description: 'LOG_LEVEL of every service (Nest logger levels)' },
      imagePullPolicy: { enum: ['Always', 'IfNotPresent', 'Never'] },
      imagePullSecrets: { type: 'array', items: obj({ name: dnsName }) },
      podSecurityContext: obj(
        {
          runAsNonRoot: { const: true },
          runAsUser: nonRootId,
          runAsGroup: nonRootId,
          fsGroup: { type: 'integer', minimum: 0 },
          seccompProfile: obj({ type: { enum: ['RuntimeDefault', 'Localhost'] } }, ['type']),
        },
        ['runAsNonRoot', 'runAsUser', 'runAsGroup', 'seccompProfile'],
      ),
      securityContext: obj(
        {
          allowPrivilegeEscalation: { const: false },
          readOnlyRootFilesystem: { type: 'boolean' },
          runAsNonRoot: { const: true },
          runAsUser: nonRootId,
          runAsGroup: nonRootId,
          capabilities: obj({ drop: { type: 'array', items: { type: 'string' }, contains: { const: 'ALL' } }, add: { type: 'array', items: { type: 'string' } } }, ['drop']),
          seccompProfile: obj({ type: { enum: ['RuntimeDefault', 'Localhost'] } }, ['type']),
        },
        ['allowPrivilegeEscalation', 'readOnlyRootFilesystem', 'runAsNonRoot', 'capabilities', 'seccompProfile'],
      ),
      terminationGracePeriodSeconds: { type: 'integer', minimum: 1 },
      preStopSleepSeconds: { type: 'integer', minimum: 0, description: '0: no preStop hook' },
      nodeSelector: labelMap,
      tolerations: { type: 'array', items: { type: 'object' } },
      affinity: { type: 'object' },
      topologySpreadConstraints: {
        type: 'array',
        items: { type: 'object', required: ['maxSkew', 'topologyKey', 'whenUnsatisfiable'], description: 'labelSelector defaults to the service\'s own labels' },
      },
      networkPolicy: obj({
        enabled: { type: 'boolean' },
        ingressFrom: { type: 'array', items: networkPeer, description: 'Who may reach the services\' HTTP port; empty: any source on that port only' },
      }),
      services: {
        type: 'object',
        minProperties: 1,
        propertyNames: { pattern: '^[a-z]([-a-z0-9]*[a-z0-9])?$', maxLength: 40 },
        additionalProperties: service,
      },
      traffic: trafficSchema(model),
    },
  };
}
