// `scaffold mlops-platform`: the seed's MLOps stack with today's components, as one Helm chart
// (chart/) plus the code of the inference API, the UI, the load test and a training DAG (apps/,
// dags/). Chart templates and app code are copied verbatim; Chart.yaml, values and the schema
// are written here, the traffic entry from the ingress decision.
import { join } from 'node:path';
import { TEMPLATES_DIR } from '../../io/paths.js';
import { copyDir } from '../templates.js';
import type { PlannedFile, Starter, StarterOptions } from '../types.js';
import { envValuesNote, fixHelmPartials, sharedChartFiles } from './helm.js';
import { trafficEnvValues, trafficSchema, trafficValues } from './helm-values.js';
import { mlopsComposeFiles } from './mlops-compose.js';
import { classNote } from './readme.js';
import { buildModel, type DeploymentModel } from './model.js';
import { yamlDoc } from './yaml-out.js';

/**
 * Versions pinned by the starter (review them when you generate: see docs/deploy.md). Each is the
 * newest release of its line known on 2026-12-01 that carries the line's security fixes.
 */
export const MLOPS_PINS = {
  // Apache Airflow chart 1.22.0 (2026-06-13, minimum Helm 3.19); its default image is Airflow
  // 3.2.2, the platform's own image (apps/airflow) is built on Airflow 3.3.2.
  airflowChart: '1.22.0',
  airflow: '3.3.2',
  // 3.18.0 is published, but its mlflow-skinny 3.18.0 is not installable yet: 3.17.2 is the newest
  // release that installs (and that the tests run).
  mlflow: '3.17.2',
  // The base of the MLflow image (apps/mlflow): the Python line and Debian 13 (trixie) of the other apps.
  python: '3.12.13-slim-trixie',
  postgres: '18.4',
  // 9.1.1 (2026-07-21) fixes CVE-2026-56684 and CVE-2026-63639 on top of the 8.1.7/9.0.x fixes.
  valkey: '9.1.1',
  seaweedfs: '4.47',
  // 3.13 is a Prometheus LTS line (supported until July 2027).
  prometheus: 'v3.13.2',
  // The last 12.x minor (extended support); Grafana 13 is the next major.
  grafana: '12.4.5',
} as const;

const res = (cpu: string, memory: string, limitCpu: string, limitMemory: string) => ({
  requests: { cpu, memory },
  limits: { cpu: limitCpu, memory: limitMemory },
});

/**
 * Where the public traffic enters the cluster from, for the NetworkPolicies in front of the UI and
 * the inference API: the controller's namespace for in-cluster proxies, the load balancer's
 * subnets (a placeholder CIDR to replace) for cloud load balancers that target pod IPs.
 */
function gatewayPeers(model: DeploymentModel): Record<string, unknown>[] {
  const ns = (name: string) => [{ namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': name } } }];
  switch (model.traffic.outcome) {
    case 'nginx':
      return ns('nginx-ingress');
    case 'traefik':
      return ns('traefik');
    case 'gateway-api':
      return ns('gateway-system');
    case 'aks-application-routing':
      return ns('app-routing-system');
    default:
      return [{ ipBlock: { cidr: '10.0.0.0/16' } }];
  }
}

/** The Airflow chart's values: the platform's image, MLflow wired in, no default user, no bundled stores. */
function airflowValues(model: DeploymentModel): Record<string, unknown> {
  return {
    enabled: true,
    airflowVersion: MLOPS_PINS.airflow,
    defaultAirflowTag: MLOPS_PINS.airflow,
    // The DAGs are baked into this image (apps/airflow/Dockerfile copies dags/ to /opt/airflow/dags).
    images: { airflow: { repository: `${model.name}/airflow`, tag: model.version, pullPolicy: 'IfNotPresent' } },
    executor: 'CeleryExecutor',
    // The chart's bundled PostgreSQL is a Bitnami chart (images frozen in bitnamilegacy) and its
    // bundled Redis is not needed: Airflow uses this chart's PostgreSQL and Valkey.
    postgresql: { enabled: false },
    redis: { enabled: false },
    data: { metadataSecretName: '', brokerUrlSecretName: '' },
    // The chart would create an admin user with the password "admin": no user is created; see
    // README.md for creating the first one with a password of your own.
    createUserJob: { defaultUser: { enabled: false } },
    // Every Airflow container (scheduler, workers, DAG processor, API server, triggerer) gets the
    // MLflow address of this release; a templated string, rendered by the Airflow chart.
    extraEnv: [
      '- name: MLFLOW_TRACKING_URI',
      '  value: "http://{{ .Release.Name }}-mlflow:5000"',
      '- name: MODEL_NAME',
      '  value: "iris-classifier"',
      '- name: MODEL_ALIAS',
      '  value: "champion"',
      '',
    ].join('\n'),
    dags: {
      persistence: { enabled: false },
      // Off: the DAGs ship in the image. Turn on to pull them from a repository instead.
      gitSync: { enabled: false, repo: '', branch: 'main', subPath: 'dags' },
    },
  };
}

function mlopsValues(model: DeploymentModel): Record<string, unknown> {
  const name = model.name;
  return {
    imagePullPolicy: 'IfNotPresent',
    imagePullSecrets: [],
    nodeSelector: {},
    tolerations: [],
    affinity: {},
    topologySpreadConstraints: [],
    clusterDomain: 'cluster.local',
    logLevel: 'INFO',
    secrets: { existingSecret: '' },
    postgres: {
      image: { repository: 'postgres', tag: MLOPS_PINS.postgres },
      user: 'mlops',
      storage: '10Gi',
      storageClassName: '',
      resources: res('250m', '512Mi', '1', '1Gi'),
    },
    valkey: { image: { repository: 'valkey/valkey', tag: MLOPS_PINS.valkey }, resources: res('100m', '128Mi', '500m', '256Mi') },
    objectStorage: {
      mode: 'seaweedfs',
      bucket: 'mlflow-artifacts',
      external: { endpoint: '', region: 'us-east-1' },
      seaweedfs: {
        image: { repository: 'chrislusf/seaweedfs', tag: MLOPS_PINS.seaweedfs },
        storage: '20Gi',
        storageClassName: '',
        resources: res('200m', '256Mi', '1', '1Gi'),
      },
    },
    mlflow: {
      image: { repository: `${name}/mlflow`, tag: MLOPS_PINS.mlflow },
      // Server processes (uvicorn workers); MLflow's own default is 4.
      workers: 2,
      // Host headers MLflow accepts besides its Service names (MLflow 3.5+ rejects any other).
      extraAllowedHosts: [],
      // Browser origins allowed to call the API (CORS); empty: none beyond MLflow's own UI.
      corsAllowedOrigins: [],
      resources: res('250m', '512Mi', '1', '1Gi'),
    },
    inferenceApi: {
      image: { repository: `${name}/inference-api`, tag: model.version },
      modelName: 'iris-classifier',
      modelAlias: 'champion',
      modelPollSeconds: 60,
      autoscaling: { minReplicas: 2, maxReplicas: 6, targetCPUUtilizationPercentage: 70 },
      resources: res('200m', '256Mi', '1', '512Mi'),
    },
    ui: { image: { repository: `${name}/ui`, tag: model.version }, resources: res('100m', '256Mi', '500m', '512Mi') },
    locust: { enabled: true, image: { repository: `${name}/loadtest`, tag: model.version }, workers: 2, resources: res('100m', '128Mi', '500m', '256Mi') },
    monitoring: {
      enabled: true,
      // true: the cluster runs the Prometheus Operator (kube-prometheus-stack); a PodMonitor is
      // rendered and its Grafana picks up the dashboard, instead of this chart's Prometheus and Grafana.
      prometheusOperator: false,
      prometheus: {
        image: { repository: 'prom/prometheus', tag: MLOPS_PINS.prometheus },
        retention: '15d',
        scrapeInterval: '15s',
        resources: res('200m', '512Mi', '1', '1Gi'),
      },
      grafana: { image: { repository: 'grafana/grafana', tag: MLOPS_PINS.grafana }, resources: res('100m', '128Mi', '500m', '512Mi') },
    },
    networkPolicy: {
      enabled: true,
      // Where the Gateway/Ingress traffic comes from (NetworkPolicyPeer list).
      gatewayFrom: gatewayPeers(model),
      // Where the Kubernetes API server is, for Prometheus' pod discovery (egress on 443/6443).
      apiServerCidr: '0.0.0.0/0',
    },
    traffic: trafficValues(model),
    airflow: airflowValues(model),
  };
}

const QUANTITY = '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$';
const closed = (properties: Record<string, unknown>, required = Object.keys(properties)) => ({
  type: 'object',
  additionalProperties: false,
  required,
  properties,
});
const dns = { type: 'string', pattern: '^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$', maxLength: 253 };
const image = closed({
  repository: { type: 'string', minLength: 1, pattern: '^[^:@\\s]+$', not: { pattern: '(^|/)(bitnami|bitnamilegacy|minio)/' } },
  // A pinned tag: never latest.
  tag: { type: 'string', pattern: '^[\\w][\\w.-]{0,127}$', not: { const: 'latest' } },
});
const resourceList = closed({ cpu: { type: 'string', pattern: QUANTITY }, memory: { type: 'string', pattern: QUANTITY } });
const resources = closed({ requests: resourceList, limits: resourceList });
const storage = { type: 'string', pattern: QUANTITY };
const storageClass = { anyOf: [{ const: '' }, dns] };

const objectOrEmpty = { type: 'object' };
const list = { type: 'array', items: { type: 'object' } };

function mlopsSchema(model: DeploymentModel): Record<string, unknown> {
  const secretName = { anyOf: [{ const: '' }, dns], description: 'Name of an existing Secret; required at install (never a password)' };
  const host = { type: 'string', pattern: '^[A-Za-z0-9*.-]+(:[0-9]+)?$' };
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    title: `${model.name} MLOps platform values`,
    type: 'object',
    additionalProperties: false,
    required: ['imagePullPolicy', 'secrets', 'postgres', 'valkey', 'objectStorage', 'mlflow', 'inferenceApi', 'ui', 'locust', 'monitoring', 'networkPolicy', 'traffic', 'airflow'],
    properties: {
      // Helm adds `global` to the values it validates (always for charts with dependencies).
      global: { type: 'object' },
      imagePullPolicy: { enum: ['Always', 'IfNotPresent', 'Never'] },
      imagePullSecrets: { type: 'array', items: closed({ name: dns }) },
      nodeSelector: { type: 'object', additionalProperties: { type: 'string' } },
      tolerations: list,
      affinity: objectOrEmpty,
      topologySpreadConstraints: list,
      clusterDomain: dns,
      logLevel: { enum: ['DEBUG', 'INFO', 'WARNING', 'ERROR'] },
      secrets: closed({ existingSecret: secretName }),
      postgres: closed({ image, user: { type: 'string', pattern: '^[a-z_][a-z0-9_]{0,62}$' }, storage, storageClassName: storageClass, resources }),
      valkey: closed({ image, resources }),
      objectStorage: closed({
        mode: { enum: ['seaweedfs', 'external'] },
        bucket: { type: 'string', pattern: '^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$' },
        external: closed({ endpoint: { type: 'string', pattern: '^$|^https?://' }, region: { type: 'string' } }),
        seaweedfs: closed({ image, storage, storageClassName: storageClass, resources }),
      }),
      mlflow: closed({
        image,
        workers: { type: 'integer', minimum: 1, maximum: 32 },
        extraAllowedHosts: { type: 'array', items: host },
        corsAllowedOrigins: { type: 'array', items: { type: 'string', pattern: '^https?://' } },
        resources,
      }),
      inferenceApi: closed({
        image,
        modelName: { type: 'string', minLength: 1 },
        modelAlias: { type: 'string', pattern: '^[A-Za-z0-9_-]+$' },
        modelPollSeconds: { type: 'integer', minimum: 5 },
        autoscaling: closed({
          minReplicas: { type: 'integer', minimum: 1 },
          maxReplicas: { type: 'integer', minimum: 1 },
          targetCPUUtilizationPercentage: { type: 'integer', minimum: 1, maximum: 100 },
        }),
        resources,
      }),
      ui: closed({ image, resources }),
      locust: closed({ enabled: { type: 'boolean' }, image, workers: { type: 'integer', minimum: 1 }, resources }),
      monitoring: closed({
        enabled: { type: 'boolean' },
        prometheusOperator: { type: 'boolean' },
        prometheus: closed({ image, retention: { type: 'string', pattern: '^[0-9]+(ms|s|m|h|d|w|y)$' }, scrapeInterval: { type: 'string', pattern: '^[0-9]+(ms|s|m|h)$' }, resources }),
        grafana: closed({ image, resources }),
      }),
      networkPolicy: closed({
        enabled: { type: 'boolean' },
        gatewayFrom: { type: 'array', minItems: 1, items: { type: 'object', minProperties: 1 } },
        apiServerCidr: { type: 'string', pattern: '^[0-9.]+/[0-9]+$|^[0-9a-fA-F:]+/[0-9]+$' },
      }),
      traffic: trafficSchema(model),
      // Values of the Apache Airflow chart (a dependency with its own schema); only what this
      // chart relies on is checked here.
      airflow: {
        type: 'object',
        required: ['enabled'],
        properties: {
          enabled: { type: 'boolean' },
          postgresql: { type: 'object', properties: { enabled: { const: false } } },
          data: { type: 'object', properties: { metadataSecretName: secretName, brokerUrlSecretName: secretName } },
          // Never the chart's default admin/admin user.
          createUserJob: { type: 'object', properties: { defaultUser: { type: 'object', properties: { enabled: { const: false } } } } },
          webserver: { type: 'object', properties: { defaultUser: { type: 'object', properties: { enabled: { const: false } } } } },
        },
      },
    },
  };
}

function mlopsReadme(model: DeploymentModel): string {
  const t = model.traffic;
  const n = model.name;
  const traffic =
    t.outcome === 'nginx'
      ? 'an Ingress for the F5 NGINX Ingress Controller (`nginx.org/*` annotations; not the retired community ingress-nginx)'
      : t.outcome === 'aws-alb'
        ? `an ALB through ${t.autoMode ? 'EKS Auto Mode' : 'the AWS Load Balancer Controller'} (Gateway API by default; \`traffic.api: ingress\` for an Ingress with IngressGroup)`
        : 'Gateway API (set `traffic.gateway.className` to your implementation\'s class)';
  const classesNote = [
    ...classNote(model, 'Set `traffic.gateway.gatewayClass.create` (or `traffic.ingress.ingressClass.create`) only where this release is to own the class.'),
    ...(t.aws ? ['', '`chart/ci/prod-values.yaml` turns on the ALB\'s HTTPS listener (`traffic.aws.https`): replace its example certificate ARN with your ACM certificate\'s.'] : []),
  ]
    .map((l) => `${l}\n`)
    .join('');
  return `# ${n}: MLOps platform

| part | what |
| --- | --- |
| \`chart/\` | Helm chart: PostgreSQL ${MLOPS_PINS.postgres} (official image), Valkey ${MLOPS_PINS.valkey}, SeaweedFS ${MLOPS_PINS.seaweedfs} S3 gateway (or an external S3 bucket), MLflow ${MLOPS_PINS.mlflow}, the inference API, the Streamlit UI, Locust (master + workers), Prometheus ${MLOPS_PINS.prometheus}, Grafana ${MLOPS_PINS.grafana} with the inference API dashboard, NetworkPolicies, and Apache Airflow ${MLOPS_PINS.airflow} through the official Apache Airflow chart ${MLOPS_PINS.airflowChart} |
| \`chart/ci/\` | chart-testing values (\`dev\`, \`prod\`, \`operator\`): \`helm lint --strict chart -f chart/ci/dev-values.yaml\` |
| \`compose.yaml\` | the same platform on one machine (Docker Compose), credentials from \`.env\` |
| \`apps/inference-api\` | FastAPI: \`POST /predict\`, \`GET /health/live\`, \`GET /health/ready\`, \`GET /metrics\`; serves \`models:/<name>@<alias>\` from the MLflow registry |
| \`apps/ui\` | Streamlit page |
| \`apps/loadtest\` | Locust file hitting \`/predict\` |
| \`apps/mlflow\` | MLflow ${MLOPS_PINS.mlflow} on python:${MLOPS_PINS.python} with psycopg 3 and boto3; \`db_upgrade.py\` migrates the database |
| \`apps/airflow\`, \`dags/\` | the Airflow image (\`${n}/airflow\`) with the DAGs baked in: trains the model, registers it, moves the \`champion\` alias |

Public traffic: ${traffic}. \`/predict\` goes to the inference API, \`/\` to the UI; MLflow, Grafana,
Prometheus, Locust and Airflow stay inside the cluster (\`kubectl port-forward\`, see NOTES).
${classesNote}
## Run it on one machine

\`\`\`sh
cp .env.example .env      # fill every value; nothing has a default
docker compose up --build                       # MLflow :5000, API :8000, UI :8501, Airflow :8080
docker compose --profile monitoring up --build  # plus Prometheus :9090 and Grafana :3000
\`\`\`

Airflow prints the generated password of its \`admin\` user at first start (\`docker compose logs airflow-apiserver\`).

## Test the apps

\`\`\`sh
cd apps/inference-api && python3 -m pytest
cd apps/ui && python3 -m pytest
cd apps/loadtest && python3 -m pytest
\`\`\`

## Secrets (required; nothing is defaulted)

Use URL-safe values (\`openssl rand -hex 24\`): the PostgreSQL and Valkey passwords go into connection URLs.

\`\`\`sh
kubectl create secret generic ${n}-secrets -n <namespace> \\
  --from-literal=POSTGRES_PASSWORD=... --from-literal=VALKEY_PASSWORD=... \\
  --from-literal=AWS_ACCESS_KEY_ID=... --from-literal=AWS_SECRET_ACCESS_KEY=... \\
  --from-literal=GRAFANA_ADMIN_PASSWORD=...
kubectl create secret generic ${n}-airflow-metadata -n <namespace> \\
  --from-literal=connection=postgresql://mlops:<POSTGRES_PASSWORD>@<release>-postgres:5432/airflow
kubectl create secret generic ${n}-airflow-broker -n <namespace> \\
  --from-literal=connection=redis://:<VALKEY_PASSWORD>@<release>-valkey:6379/0
\`\`\`

The Airflow chart's default \`admin\`/\`admin\` user is switched off (\`airflow.createUserJob.defaultUser.enabled: false\`).
With the FAB auth manager, create the first user with a password of your own once Airflow runs
(with Airflow's Simple auth manager, Airflow generates the passwords itself):

\`\`\`sh
kubectl exec -n <namespace> deploy/<release>-api-server -- airflow users create --role Admin \\
  --username <you> --email <you@example.com> --firstname <First> --lastname <Last> --password "$(openssl rand -hex 16)"
\`\`\`

## Install

\`\`\`sh
for app in inference-api ui loadtest mlflow airflow; do docker build -t ${n}/$app:<tag> apps/$app; done   # push to your registry
cd chart
helm dependency build      # fetches the Apache Airflow chart ${MLOPS_PINS.airflowChart}
helm upgrade --install ${n} . -n <namespace> \\
  --set secrets.existingSecret=${n}-secrets \\
  --set airflow.data.metadataSecretName=${n}-airflow-metadata \\
  --set airflow.data.brokerUrlSecretName=${n}-airflow-broker
\`\`\`

- **NetworkPolicies** (on by default): everything is denied except DNS and the flows each part needs.
  Set \`networkPolicy.gatewayFrom\` to where your Gateway/Ingress traffic comes from (the controller's
  namespace, or your load balancer's subnets for a cloud load balancer that targets pod IPs).
- **Prometheus** discovers the pods annotated \`prometheus.io/scrape\` in the release's namespace (a
  namespaced Role). With the Prometheus Operator, set \`monitoring.prometheusOperator: true\`: a
  PodMonitor is rendered instead and its Grafana picks up the dashboard ConfigMap.
- **MLflow** accepts only its Service names as Host headers (MLflow 3.5+ refuses others); add the
  names you reach it by to \`mlflow.extraAllowedHosts\`. An init container runs \`mlflow db upgrade\`
  before each start, so a new MLflow image migrates its database.
- **DAGs** are baked into the \`${n}/airflow\` image. To pull them from Git instead, set
  \`airflow.dags.gitSync.enabled: true\` and \`airflow.dags.gitSync.repo\`.

Image tags are pinned; review them (and the Airflow chart version) when you generate.
`;
}

/** The Secret names every install must give (see README.md); the ci/ values use these. */
function secretNames(model: DeploymentModel): Record<string, unknown> {
  return {
    secrets: { existingSecret: `${model.name}-secrets` },
    airflow: { data: { metadataSecretName: `${model.name}-airflow-metadata`, brokerUrlSecretName: `${model.name}-airflow-broker` } },
  };
}

/**
 * chart/ci/*-values.yaml, the chart-testing convention: each file is one install the chart must
 * pass (ct lint/install, and this starter's own tests, iterate over them).
 */
function ciValues(model: DeploymentModel): Record<string, Record<string, unknown>> {
  const names = secretNames(model);
  return {
    dev: {
      ...names,
      logLevel: 'DEBUG',
      inferenceApi: { autoscaling: { minReplicas: 1, maxReplicas: 2, targetCPUUtilizationPercentage: 80 } },
      locust: { enabled: true, workers: 1 },
    },
    prod: {
      ...names,
      logLevel: 'WARNING',
      imagePullSecrets: [{ name: 'registry-credentials' }],
      nodeSelector: { 'kubernetes.io/os': 'linux' },
      tolerations: [{ key: 'workload', operator: 'Equal', value: 'mlops', effect: 'NoSchedule' }],
      topologySpreadConstraints: [
        { maxSkew: 1, topologyKey: 'topology.kubernetes.io/zone', whenUnsatisfiable: 'ScheduleAnyway', labelSelector: { matchLabels: { 'app.kubernetes.io/part-of': model.name } } },
      ],
      mlflow: { extraAllowedHosts: [`mlflow.${model.name}.example.com`], corsAllowedOrigins: [`https://${model.name}.example.com`] },
      inferenceApi: { autoscaling: { minReplicas: 3, maxReplicas: 10, targetCPUUtilizationPercentage: 70 } },
      locust: { enabled: false },
      // aws-alb with the controller: the ALB's HTTPS listener (an example certificate ARN to replace).
      ...trafficEnvValues(model, 'prod'),
    },
    operator: {
      ...names,
      monitoring: { prometheusOperator: true },
      objectStorage: { mode: 'external', external: { endpoint: '', region: 'eu-west-1' } },
    },
  };
}

export function mlopsFiles(model: DeploymentModel): PlannedFile[] {
  const chart = {
    apiVersion: 'v2',
    name: model.name,
    description: 'MLOps platform: Airflow, MLflow, PostgreSQL, Valkey, SeaweedFS, inference API, UI, Locust, Prometheus, Grafana',
    type: 'application',
    version: model.version,
    appVersion: model.version,
    kubeVersion: '>=1.27.0-0',
    dependencies: [{ name: 'airflow', version: MLOPS_PINS.airflowChart, repository: 'https://airflow.apache.org', condition: 'airflow.enabled' }],
  };
  const header = [
    `# Values of the ${model.name} MLOps platform chart; values.schema.json rejects unknown keys and wrong types.`,
    '# secrets.existingSecret, airflow.data.metadataSecretName and airflow.data.brokerUrlSecretName are',
    '# required at install: name existing Secrets (see README.md). No password is ever defaulted here.',
    '',
  ].join('\n');
  return [
    ...fixHelmPartials(copyDir(join(TEMPLATES_DIR, 'scaffold', 'mlops-platform'))),
    ...sharedChartFiles('chart/'),
    ...pythonLogs(),
    { path: 'chart/Chart.yaml', content: yamlDoc(chart) },
    { path: 'chart/values.yaml', content: header + yamlDoc(mlopsValues(model)) },
    { path: 'chart/values.schema.json', content: `${JSON.stringify(mlopsSchema(model), null, 2)}\n` },
    ...Object.entries(ciValues(model)).map(([id, values]) => ({
      path: `chart/ci/${id}-values.yaml`,
      content: `# chart-testing values (${id}): helm template ${model.name} . -f ci/${id}-values.yaml\n${id === 'prod' ? envValuesNote(model, 'prod') : ''}${yamlDoc(values)}`,
    })),
    { path: 'chart/.helmignore', content: '.DS_Store\n.git/\n*.swp\n*.bak\n*.tmp\n*~\n' },
    ...mlopsComposeFiles(model, MLOPS_PINS),
    { path: 'README.md', content: mlopsReadme(model) },
  ];
}

export function mlopsModel(options: Pick<StarterOptions, 'name' | 'ingress' | 'hosting'>): DeploymentModel {
  return buildModel({ name: options.name, services: ['inference-api', 'ui'], ingress: options.ingress, hosting: options.hosting });
}

export const starter: Starter = {
  async plan(options: StarterOptions): Promise<PlannedFile[]> {
    return mlopsFiles(mlopsModel(options));
  },
};

/**
 * One JSON log format for the Python apps (templates/scaffold/python-shared/logs.py): each app is
 * its own image's build context, so each gets its own copy of the one source.
 */
function pythonLogs(): PlannedFile[] {
  const [logs] = copyDir(join(TEMPLATES_DIR, 'scaffold', 'python-shared'));
  return ['apps/inference-api/app/logs.py', 'apps/ui/logs.py'].map((path) => ({ ...logs!, path }));
}
