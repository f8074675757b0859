// JSON Schemas (draft-07) for the custom resources the deployment starters write, which
// kubernetes-models does not know: Gateway API v1 (GatewayClass, Gateway, HTTPRoute), EKS Auto
// Mode's IngressClassParams and the Prometheus Operator's PodMonitor. A SUBSET of the upstream CRD schemas, written from the Gateway API
// v1 reference and the EKS user guide: only the fields the starters use or that users commonly
// add, every object closed with additionalProperties false, so a misspelt or misplaced field fails.
const name = { type: 'string', pattern: '^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$', maxLength: 253 };
const stringMap = { type: 'object', additionalProperties: { type: 'string' } };
const metadata = {
  type: 'object',
  additionalProperties: false,
  required: ['name'],
  properties: { name, namespace: name, labels: stringMap, annotations: stringMap },
};
const hostname = { type: 'string', pattern: '^(\\*\\.)?[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$', maxLength: 253 };
const port = { type: 'integer', minimum: 1, maximum: 65535 };
const closed = (properties: Record<string, unknown>, required: string[] = []) => ({
  type: 'object',
  additionalProperties: false,
  required,
  properties,
});
const resource = (apiVersion: string, kind: string, spec: unknown) =>
  closed({ apiVersion: { const: apiVersion }, kind: { const: kind }, metadata, spec }, ['apiVersion', 'kind', 'metadata', 'spec']);

const parentRef = closed(
  { group: { type: 'string' }, kind: { type: 'string' }, namespace: name, name, sectionName: name, port },
  ['name'],
);
const backendRef = closed(
  { group: { type: 'string' }, kind: { type: 'string' }, namespace: name, name, port, weight: { type: 'integer', minimum: 0, maximum: 1000000 } },
  ['name'],
);
const pathMatch = closed({
  type: { enum: ['Exact', 'PathPrefix', 'RegularExpression'] },
  value: { type: 'string', pattern: '^/', maxLength: 1024 },
});
const headerMatch = closed({ type: { enum: ['Exact', 'RegularExpression'] }, name: { type: 'string' }, value: { type: 'string' } }, ['name', 'value']);
const routeMatch = closed({
  path: pathMatch,
  headers: { type: 'array', items: headerMatch, maxItems: 16 },
  queryParams: { type: 'array', items: headerMatch, maxItems: 16 },
  method: { enum: ['GET', 'HEAD', 'POST', 'PUT', 'DELETE', 'CONNECT', 'OPTIONS', 'TRACE', 'PATCH'] },
});

export const CRD_SCHEMAS: Record<string, object> = {
  'gateway.networking.k8s.io/v1/GatewayClass': resource(
    'gateway.networking.k8s.io/v1',
    'GatewayClass',
    closed(
      {
        controllerName: { type: 'string', pattern: '^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*/[A-Za-z0-9/\\-._~%!$&\'()*+,;=:]+$', maxLength: 253 },
        description: { type: 'string', maxLength: 64 },
        parametersRef: closed({ group: { type: 'string' }, kind: { type: 'string' }, name, namespace: name }, ['group', 'kind', 'name']),
      },
      ['controllerName'],
    ),
  ),
  'gateway.networking.k8s.io/v1/Gateway': resource(
    'gateway.networking.k8s.io/v1',
    'Gateway',
    closed(
      {
        gatewayClassName: name,
        listeners: {
          type: 'array',
          minItems: 1,
          maxItems: 64,
          items: closed(
            {
              name,
              hostname,
              port,
              protocol: { type: 'string', enum: ['HTTP', 'HTTPS', 'TLS', 'TCP', 'UDP'] },
              tls: closed({
                mode: { enum: ['Terminate', 'Passthrough'] },
                certificateRefs: { type: 'array', items: closed({ group: { type: 'string' }, kind: { type: 'string' }, name, namespace: name }, ['name']) },
                options: stringMap,
              }),
              allowedRoutes: closed({
                namespaces: closed({ from: { enum: ['All', 'Same', 'Selector'] }, selector: { type: 'object' } }),
                kinds: { type: 'array', items: closed({ group: { type: 'string' }, kind: { type: 'string' } }, ['kind']) },
              }),
            },
            ['name', 'port', 'protocol'],
          ),
        },
        addresses: { type: 'array', items: closed({ type: { type: 'string' }, value: { type: 'string' } }, ['value']) },
        infrastructure: closed({ labels: stringMap, annotations: stringMap }),
      },
      ['gatewayClassName', 'listeners'],
    ),
  ),
  'gateway.networking.k8s.io/v1/HTTPRoute': resource(
    'gateway.networking.k8s.io/v1',
    'HTTPRoute',
    closed({
      parentRefs: { type: 'array', items: parentRef, maxItems: 32 },
      hostnames: { type: 'array', items: hostname, maxItems: 16 },
      rules: {
        type: 'array',
        maxItems: 16,
        items: closed({
          name,
          matches: { type: 'array', items: routeMatch, maxItems: 64 },
          backendRefs: { type: 'array', items: backendRef },
          timeouts: closed({ request: { type: 'string' }, backendRequest: { type: 'string' } }),
        }),
      },
    }),
  ),
  'eks.amazonaws.com/v1/IngressClassParams': resource(
    'eks.amazonaws.com/v1',
    'IngressClassParams',
    closed({
      scheme: { enum: ['internet-facing', 'internal'] },
      group: closed({ name }, ['name']),
      ipAddressType: { enum: ['ipv4', 'dualstack', 'dualstack-without-public-ipv4'] },
      subnets: closed({ ids: { type: 'array', items: { type: 'string' } }, tags: { type: 'object' } }),
      certificateARNs: { type: 'array', items: { type: 'string' } },
      namespaceSelector: { type: 'object' },
    }),
  ),
  // Prometheus Operator PodMonitor (monitoring.coreos.com/v1), the fields the MLOps chart uses.
  'monitoring.coreos.com/v1/PodMonitor': resource(
    'monitoring.coreos.com/v1',
    'PodMonitor',
    closed(
      {
        selector: closed({ matchLabels: stringMap, matchExpressions: { type: 'array' } }),
        namespaceSelector: closed({ any: { type: 'boolean' }, matchNames: { type: 'array', items: name } }),
        podMetricsEndpoints: {
          type: 'array',
          minItems: 1,
          items: closed({ port: name, path: { type: 'string', pattern: '^/' }, interval: { type: 'string', pattern: '^[0-9]+(ms|s|m|h)$' }, scheme: { enum: ['http', 'https'] } }),
        },
      },
      ['selector', 'podMetricsEndpoints'],
    ),
  ),
};
