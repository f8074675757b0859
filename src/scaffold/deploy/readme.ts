// The README written next to a generated chart or set of manifests.
import type { DeploymentModel } from './model.js';
import { fullName } from './objects.js';

function trafficText(model: DeploymentModel): string[] {
  const t = model.traffic;
  switch (t.outcome) {
    case 'aws-alb':
      return [
        t.autoMode
          ? 'Traffic: EKS Auto Mode provisions the ALB itself (no controller to install). Gateway API uses the GatewayClass `eks-alb` (controller `eks.amazonaws.com/gateway-alb`); the Ingress form uses the IngressClass `alb` (controller `eks.amazonaws.com/alb`) with IngressClassParams.'
          : 'Traffic: the AWS Load Balancer Controller (v3.x) provisions one ALB. Gateway API (GatewayClass `aws-alb`, controller `gateway.k8s.aws/alb`; needs the Gateway API v1.6 CRDs for controller v3.5) is the default; the Ingress form (`ingressClassName: alb`, IngressGroup annotations) is the alternative.',
      ];
    case 'traefik':
      return ['Traffic: Traefik Proxy through its Gateway API support: a Gateway of class `traefik` and one HTTPRoute per service.'];
    case 'aks-application-routing':
      return [
        'Traffic: the AKS application routing add-on\'s Gateway API implementation (GatewayClass `approuting-istio`): a Gateway and one HTTPRoute per service. Its managed NGINX Ingress got critical security patches only through November 2026; do not add Ingress resources for it.',
      ];
    case 'application-gateway-for-containers':
      return [
        'Traffic: Application Gateway for Containers through its ALB Controller (GatewayClass `azure-alb-external`): a Gateway and one HTTPRoute per service. Add the `alb.networking.azure.io/alb-namespace` and `alb-name` annotations to the Gateway when the ALB Controller manages the deployment.',
      ];
    case 'gke-gateway':
      return [
        'Traffic: the GKE Gateway controller (GatewayClass `gke-l7-global-external-managed`, a global external Application Load Balancer): a Gateway and one HTTPRoute per service.',
      ];
    case 'alb-in-front-of-gateway':
      return [
        'Traffic: an AWS ALB with WAF forwards to an in-cluster Gateway API implementation; this deployment declares the Gateway and one HTTPRoute per service. Set the gateway class to your implementation\'s.',
      ];
    case 'gateway-api':
      return [
        'Traffic: a Gateway and one HTTPRoute per service. Set the gateway class to your implementation\'s (for example `eg` for Envoy Gateway, `cilium`, `istio`, `nginx` for NGINX Gateway Fabric).',
      ];
    case 'nginx':
      return [
        'Traffic: an Ingress for the F5 NGINX Ingress Controller (github.com/nginx/kubernetes-ingress; `ingressClassName: nginx`, `nginx.org/*` annotations). The community ingress-nginx controller was retired in March 2026 and is not used.',
      ];
  }
}

/** The cluster-scoped classes are the cluster's, applied once, never with each release. */
export function classNote(model: DeploymentModel, how: string): string[] {
  const t = model.traffic;
  const classes = [
    ...(t.gateway?.gatewayClass.create ? [`GatewayClass \`${t.gateway.className}\``] : []),
    ...(t.ingress?.ingressClass.create ? [`IngressClass \`${t.ingress.className}\` (Ingress form)`] : []),
  ];
  if (classes.length === 0) return [];
  return ['', `The cluster-scoped ${classes.join(' and ')} belong to the cluster: its administrator creates them once. ${how}`];
}

export function deployReadme(model: DeploymentModel, kind: 'helm' | 'kustomize'): string {
  const secrets = model.services.map(
    (s) => `kubectl create secret generic ${s.existingSecret} -n <namespace> ${s.secretEnv.map((k) => `--from-literal=${k}=...`).join(' ')}   # ${fullName(model, s)}`,
  );
  const usage =
    kind === 'helm'
      ? [
          '```sh',
          `helm lint .`,
          `helm template ${model.name} . -f values-dev.yaml   # review`,
          `helm upgrade --install ${model.name} . -n <namespace> -f values-prod.yaml`,
          '```',
          '',
          '`values.schema.json` rejects wrong values (unknown keys, wrong types, bad enums) before anything is rendered.',
          '`ci/*-values.yaml` are the value sets CI lints and renders the chart with (chart-testing\'s convention: `ct lint` runs each).',
          'Keep the release name equal to the project name if you want the same object names as the Kustomize manifests.',
          ...classNote(model, 'Set `traffic.gateway.gatewayClass.create` (or `traffic.ingress.ingressClass.create`) only where this release is to own the class.'),
        ]
      : [
          '```sh',
          'kubectl kustomize overlays/dev                    # review',
          'kubectl apply -k overlays/prod -n <namespace>',
          '```',
          '',
          'The traffic entry is a Kustomize component (`components/traffic-*`) chosen in each overlay.',
          'Each service\'s ConfigMap is generated (`configMapGenerator`): its name carries a hash of the data, so a config change rolls the pods.',
          ...classNote(model, 'They are in `cluster/` (`kubectl apply -k cluster`), apart from the overlays.'),
        ];
  return [
    `# ${model.name}: Kubernetes deployment`,
    '',
    `Services: ${model.services.map((s) => `\`${s.name}\``).join(', ')}. Each gets a Deployment (runs as user 1000, read-only root filesystem, startup and liveness probes on \`${model.services[0]?.health.live ?? '/health/live'}\`, readiness on \`${model.services[0]?.health.ready ?? '/health/ready'}\`, a preStop pause, requests and limits), a Service, a HorizontalPodAutoscaler, a PodDisruptionBudget, a ServiceAccount, a ConfigMap and a NetworkPolicy (ingress only from the traffic entry, to the HTTP port; everything else denied).`,
    '',
    ...trafficText(model),
    '',
    '## Use',
    '',
    ...usage,
    '',
    '## Secrets',
    '',
    'Nothing here holds a password. Each service reads its secrets from an existing Secret; create them first:',
    '',
    '```sh',
    ...secrets,
    '```',
    '',
  ].join('\n');
}
