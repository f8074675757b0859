// JSON Schemas (draft-07) for the custom resources the deployment starters write, which
// kubernetes-models does not know: Gateway API v1 (GatewayClass, Gateway, HTTPRoute), EKS Auto
// Mode's IngressClassParams, the Prometheus Operator's PodMonitor, and the AWS Load Balancer Controller's LoadBalancerConfiguration and
// TargetGroupConfiguration (gateway.k8s.aws/v1). A SUBSET of the upstream CRD schemas, written
// from the Gateway API v1 reference, the EKS user guide and the controller's CRDs
// (config/crd/gateway/gateway.k8s.aws_{loadbalancer,targetgroup}configurations.yaml of
// kubernetes-sigs/aws-load-balancer-controller, docs/guide/gateway/*.md): only the fields the
// starters use or that users commonly add, every object closed with additionalProperties false,
// so a misspelt or misplaced field fails.
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

const keyValues = { type: 'array', items: closed({ key: { type: 'string' }, value: { type: 'string' } }, ['key', 'value']) };
const int32 = { type: 'integer', minimum: 0, maximum: 2147483647 };
const healthCheckConfig = closed({
  healthCheckInterval: int32,
  healthCheckPath: { type: 'string' },
  healthCheckPort: { type: 'string' },
  healthCheckProtocol: { enum: ['HTTP', 'HTTPS', 'TCP'] },
  healthCheckTimeout: int32,
  healthyThresholdCount: int32,
  unhealthyThresholdCount: int32,
  matcher: closed({ grpcCode: { type: 'string' }, httpCode: { type: 'string' } }),
});
const targetGroupProps = closed({
  targetType: { enum: ['instance', 'ip'] },
  healthCheckConfig,
  ipAddressType: { enum: ['ipv4', 'ipv6'] },
  protocol: { enum: ['HTTP', 'HTTPS', 'TCP', 'TLS', 'UDP', 'TCP_UDP'] },
  protocolVersion: { enum: ['HTTP1', 'HTTP2', 'GRPC'] },
  targetGroupName: { type: 'string' },
  targetGroupAttributes: keyValues,
  tags: stringMap,
  nodeSelector: { type: 'object' },
  enableMultiCluster: { type: 'boolean' },
  targetControlPort: int32,
});

export const CRD_SCHEMAS: Record<string, object> = {
  'gateway.k8s.aws/v1/LoadBalancerConfiguration': resource(
    'gateway.k8s.aws/v1',
    'LoadBalancerConfiguration',
    closed({
      scheme: { enum: ['internal', 'internet-facing'] },
      ipAddressType: { enum: ['ipv4', 'dualstack', 'dualstack-without-public-ipv4'] },
      loadBalancerName: { type: 'string' },
      mergingMode: { enum: ['prefer-gateway', 'prefer-gateway-class'] },
      listenerConfigurations: {
        type: 'array',
        items: closed(
          {
            protocolPort: { type: 'string', pattern: '^(HTTP|HTTPS|TLS|TCP|UDP|TCP_UDP)?:(6553[0-5]|655[0-2]\\d|65[0-4]\\d{2}|6[0-4]\\d{3}|[1-5]\\d{4}|[1-9]\\d{0,3})?$' },
            defaultCertificate: { type: 'string' },
            certificates: { type: 'array', items: { type: 'string' } },
            sslPolicy: { type: 'string' },
            alpnPolicy: { enum: ['HTTP1Only', 'HTTP2Only', 'HTTP2Optional', 'HTTP2Preferred', 'None'] },
            listenerAttributes: keyValues,
          },
          ['protocolPort'],
        ),
      },
      securityGroups: { type: 'array', items: { type: 'string' } },
      sourceRanges: { type: 'array', items: { type: 'string' } },
      loadBalancerAttributes: keyValues,
      tags: stringMap,
      wafV2: closed({ webACL: { type: 'string' } }, ['webACL']),
      defaultTargetGroupConfiguration: closed({ name }, ['name']),
    }),
  ),
  'gateway.k8s.aws/v1/TargetGroupConfiguration': resource(
    'gateway.k8s.aws/v1',
    'TargetGroupConfiguration',
    closed({
      targetReference: closed({ group: { type: 'string' }, kind: { type: 'string' }, name }, ['name']),
      defaultConfiguration: targetGroupProps,
      routeConfigurations: {
        type: 'array',
        items: closed(
          { routeIdentifier: closed({ kind: { type: 'string' }, name, namespace: name }), targetGroupProps },
          ['routeIdentifier', 'targetGroupProps'],
        ),
      },
    }),
  ),
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
        infrastructure: closed({
          labels: stringMap,
          annotations: stringMap,
          parametersRef: closed({ group: { type: 'string' }, kind: { type: 'string' }, name }, ['group', 'kind', 'name']),
        }),
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
