// values.yaml, values-<env>.yaml and values.schema.json of the services chart, from the model.
import { effectiveServices, type DeploymentModel, type EnvironmentName, type ServiceSpec } from './model.js';
import { CONTAINER_SECURITY_CONTEXT, POD_SECURITY_CONTEXT } from './objects.js';

function serviceValues(svc: ServiceSpec): Record<string, unknown> {
  return {
    image: { ...svc.image },
    port: svc.port,
    healthPath: svc.healthPath,
    routePath: svc.routePath,
    env: { ...svc.env },
    existingSecret: svc.existingSecret,
    autoscaling: { ...svc.autoscaling },
    pdb: { ...svc.pdb },
    resources: structuredClone(svc.resources),
    serviceAnnotations: { ...svc.serviceAnnotations },
  };
}

export function trafficValues(model: DeploymentModel): Record<string, unknown> {
  const t = model.traffic;
  const out: Record<string, unknown> = { api: t.api, host: t.host };
  if (t.gateway) {
    out.gateway = {
      create: t.gateway.create,
      // Empty: the release name.
      name: '',
      className: t.gateway.className,
      gatewayClass: { ...t.gateway.gatewayClass },
    };
  }
  if (t.ingress) {
    const ic = t.ingress.ingressClass;
    out.ingress = {
      className: t.ingress.className,
      annotations: { ...t.ingress.annotations },
      ingressClass: ic.params ? { create: ic.create, controller: ic.controller, params: { ...ic.params } } : { create: ic.create, controller: ic.controller },
    };
  }
  return out;
}

export function helmValues(model: DeploymentModel): Record<string, unknown> {
  return {
    imagePullPolicy: 'IfNotPresent',
    podSecurityContext: structuredClone(POD_SECURITY_CONTEXT),
    securityContext: structuredClone(CONTAINER_SECURITY_CONTEXT),
    services: Object.fromEntries(effectiveServices(model).map((s) => [s.name, serviceValues(s)])),
    traffic: trafficValues(model),
  };
}

/** Only what an environment changes; Helm merges it over values.yaml. */
export function helmEnvValues(model: DeploymentModel, env: EnvironmentName): Record<string, unknown> {
  const e = model.environments[env];
  return {
    services: Object.fromEntries(
      effectiveServices(model, env).map((s) => [s.name, { autoscaling: { ...e.autoscaling }, resources: structuredClone(e.resources), env: { ...e.env } }]),
    ),
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
      gatewayClass: obj({ create: { type: 'boolean' }, controllerName: { type: 'string' } }),
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
  return obj(traffic, ['api', 'host', ...(t.gateway ? ['gateway'] : []), ...(t.ingress ? ['ingress'] : [])]);
}

/** A draft-07 schema that rejects what would render a broken or unsafe manifest. */
export function helmValuesSchema(model: DeploymentModel): Record<string, unknown> {
  const service = obj(
    {
      image: obj({ repository: { type: 'string', minLength: 1, pattern: '^[^:@\\s]+$' }, tag: { type: 'string', minLength: 1, pattern: '^[\\w][\\w.-]{0,127}$' } }),
      port: { type: 'integer', minimum: 1, maximum: 65535 },
      healthPath: { type: 'string', pattern: '^/' },
      routePath: { type: 'string', pattern: '^/' },
      env: { type: 'object', additionalProperties: { type: 'string' }, propertyNames: { pattern: '^[-._a-zA-Z][-._a-zA-Z0-9]*$' } },
      existingSecret: { anyOf: [{ const: '' }, dnsName], description: 'Name of an existing Secret (never a password)' },
      autoscaling: obj({
        minReplicas: { type: 'integer', minimum: 1 },
        maxReplicas: { type: 'integer', minimum: 1 },
        targetCPUUtilizationPercentage: { type: 'integer', minimum: 1, maximum: 100 },
      }),
      pdb: obj({ maxUnavailable: { type: 'integer', minimum: 1 } }),
      resources: obj({ requests: resourceList, limits: resourceList }),
      serviceAnnotations: stringMap,
    },
    ['image', 'port', 'healthPath', 'routePath', 'env', 'existingSecret', 'autoscaling', 'pdb', 'resources'],
  );
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    title: `${model.name} values`,
    type: 'object',
    additionalProperties: false,
    required: ['imagePullPolicy', 'podSecurityContext', 'securityContext', 'services', 'traffic'],
    properties: {
      // Helm adds `global` to the values it validates (always for charts with dependencies).
      global: { type: 'object' },
      imagePullPolicy: { enum: ['Always', 'IfNotPresent', 'Never'] },
      podSecurityContext: obj(
        { runAsNonRoot: { const: true }, runAsUser: { type: 'integer', minimum: 1 }, fsGroup: { type: 'integer' }, seccompProfile: obj({ type: { enum: ['RuntimeDefault', 'Localhost'] } }, ['type']) },
        ['runAsNonRoot', 'seccompProfile'],
      ),
      securityContext: obj(
        {
          allowPrivilegeEscalation: { const: false },
          readOnlyRootFilesystem: { type: 'boolean' },
          runAsNonRoot: { const: true },
          runAsUser: { type: 'integer', minimum: 1 },
          capabilities: obj({ drop: { type: 'array', items: { type: 'string' }, contains: { const: 'ALL' } }, add: { type: 'array', items: { type: 'string' } } }, ['drop']),
          seccompProfile: obj({ type: { enum: ['RuntimeDefault', 'Localhost'] } }, ['type']),
        },
        ['allowPrivilegeEscalation', 'readOnlyRootFilesystem', 'runAsNonRoot', 'capabilities', 'seccompProfile'],
      ),
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
