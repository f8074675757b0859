// `scaffold mlops-platform`: the seed's MLOps stack with today's components, as one Helm chart
// (chart/) plus the code of the inference API, the UI, the load test and a training DAG (apps/,
// dags/). Chart templates and app code are copied verbatim; Chart.yaml, values and the schema
// are written here, the traffic entry from the ingress decision.
import { join } from 'node:path';
import { TEMPLATES_DIR } from '../../io/paths.js';
import { copyDir } from '../templates.js';
import type { PlannedFile, Starter, StarterOptions } from '../types.js';
import { fixHelmPartials } from './helm.js';
import { trafficSchema, trafficValues } from './helm-values.js';
import { buildModel, type DeploymentModel } from './model.js';
import { yamlDoc } from './yaml-out.js';

/** Versions pinned by the starter (review them when you generate: see docs/deploy.md). */
const MLOPS_PINS = {
  airflowChart: '1.21.0',
  airflow: '3.1.8',
  mlflow: '3.16.0',
  postgres: '17.6',
  valkey: '8.1.3',
  seaweedfs: '3.97',
  prometheus: 'v3.5.0',
  grafana: '12.1.0',
} as const;

const res = (cpu: string, memory: string, limitCpu: string, limitMemory: string) => ({
  requests: { cpu, memory },
  limits: { cpu: limitCpu, memory: limitMemory },
});

function mlopsValues(model: DeploymentModel): Record<string, unknown> {
  const name = model.name;
  return {
    imagePullPolicy: 'IfNotPresent',
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
    mlflow: { image: { repository: `${name}/mlflow`, tag: MLOPS_PINS.mlflow }, resources: res('250m', '512Mi', '1', '1Gi') },
    inferenceApi: {
      image: { repository: `${name}/inference-api`, tag: model.version },
      modelName: 'iris-classifier',
      modelAlias: 'champion',
      autoscaling: { minReplicas: 2, maxReplicas: 6, targetCPUUtilizationPercentage: 70 },
      resources: res('200m', '256Mi', '1', '512Mi'),
    },
    ui: { image: { repository: `${name}/ui`, tag: model.version }, resources: res('100m', '256Mi', '500m', '512Mi') },
    locust: { enabled: true, image: { repository: `${name}/loadtest`, tag: model.version }, workers: 2, resources: res('100m', '128Mi', '500m', '256Mi') },
    monitoring: {
      enabled: true,
      prometheus: {
        image: { repository: 'prom/prometheus', tag: MLOPS_PINS.prometheus },
        retention: '15d',
        scrapeInterval: '15s',
        resources: res('200m', '512Mi', '1', '1Gi'),
      },
      grafana: { image: { repository: 'grafana/grafana', tag: MLOPS_PINS.grafana }, resources: res('100m', '128Mi', '500m', '512Mi') },
    },
    traffic: trafficValues(model),
    airflow: {
      enabled: true,
      airflowVersion: MLOPS_PINS.airflow,
      defaultAirflowTag: MLOPS_PINS.airflow,
      executor: 'CeleryExecutor',
      // The chart's bundled PostgreSQL is a Bitnami chart (images frozen in bitnamilegacy) and its
      // bundled Redis is not needed: Airflow uses this chart's PostgreSQL and Valkey.
      postgresql: { enabled: false },
      redis: { enabled: false },
      data: { metadataSecretName: '', brokerUrlSecretName: '' },
      dags: { gitSync: { enabled: false, repo: '', branch: 'main', subPath: 'dags' } },
    },
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

function mlopsSchema(model: DeploymentModel): Record<string, unknown> {
  const secretName = { anyOf: [{ const: '' }, dns], description: 'Name of an existing Secret; required at install (never a password)' };
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    title: `${model.name} MLOps platform values`,
    type: 'object',
    additionalProperties: false,
    required: ['imagePullPolicy', 'secrets', 'postgres', 'valkey', 'objectStorage', 'mlflow', 'inferenceApi', 'ui', 'locust', 'monitoring', 'traffic', 'airflow'],
    properties: {
      // Helm adds `global` to the values it validates (always for charts with dependencies).
      global: { type: 'object' },
      imagePullPolicy: { enum: ['Always', 'IfNotPresent', 'Never'] },
      secrets: closed({ existingSecret: secretName }),
      postgres: closed({ image, user: { type: 'string', pattern: '^[a-z_][a-z0-9_]{0,62}$' }, storage, storageClassName: storageClass, resources }),
      valkey: closed({ image, resources }),
      objectStorage: closed({
        mode: { enum: ['seaweedfs', 'external'] },
        bucket: { type: 'string', pattern: '^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$' },
        external: closed({ endpoint: { type: 'string', pattern: '^$|^https?://' }, region: { type: 'string' } }),
        seaweedfs: closed({ image, storage, storageClassName: storageClass, resources }),
      }),
      mlflow: closed({ image, resources }),
      inferenceApi: closed({
        image,
        modelName: { type: 'string', minLength: 1 },
        modelAlias: { type: 'string', pattern: '^[A-Za-z0-9_-]+$' },
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
        prometheus: closed({ image, retention: { type: 'string', pattern: '^[0-9]+(ms|s|m|h|d|w|y)$' }, scrapeInterval: { type: 'string', pattern: '^[0-9]+(ms|s|m|h)$' }, resources }),
        grafana: closed({ image, resources }),
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
        },
      },
    },
  };
}

function mlopsReadme(model: DeploymentModel): string {
  const t = model.traffic;
  const traffic =
    t.outcome === 'nginx'
      ? 'an Ingress for the F5 NGINX Ingress Controller (`nginx.org/*` annotations; not the retired community ingress-nginx)'
      : t.outcome === 'aws-alb'
        ? `an ALB through ${t.autoMode ? 'EKS Auto Mode' : 'the AWS Load Balancer Controller'} (Gateway API by default; \`traffic.api: ingress\` for an Ingress with IngressGroup)`
        : 'Gateway API (set `traffic.gateway.className` to your implementation\'s class)';
  return `# ${model.name}: MLOps platform

| part | what |
| --- | --- |
| \`chart/\` | Helm chart: PostgreSQL ${MLOPS_PINS.postgres} (official image), Valkey ${MLOPS_PINS.valkey}, SeaweedFS ${MLOPS_PINS.seaweedfs} S3 gateway (or an external S3 bucket), MLflow ${MLOPS_PINS.mlflow}, the inference API, the Streamlit UI, Locust (master + workers), Prometheus ${MLOPS_PINS.prometheus}, Grafana ${MLOPS_PINS.grafana} with the inference API dashboard, and Apache Airflow ${MLOPS_PINS.airflow} through the official Apache Airflow chart ${MLOPS_PINS.airflowChart} |
| \`apps/inference-api\` | FastAPI: \`POST /predict\`, \`GET /health\`, \`GET /metrics\`; loads \`models:/<name>@<alias>\` from the MLflow registry |
| \`apps/ui\` | Streamlit page (logic in \`ui_logic.py\`) |
| \`apps/loadtest\` | Locust file hitting \`/predict\` |
| \`apps/mlflow\` | The official MLflow image plus the PostgreSQL and S3 clients |
| \`dags/\` | Airflow 3 DAG that trains the model, registers it and moves the \`champion\` alias |

Public traffic: ${traffic}. \`/predict\` goes to the inference API, \`/\` to the UI; MLflow, Grafana,
Prometheus, Locust and Airflow stay inside the cluster.

## Test the apps

\`\`\`sh
cd apps/inference-api && python3 -m pytest
cd apps/ui && python3 -m pytest
cd apps/loadtest && python3 -m pytest
\`\`\`

## Secrets (required; nothing is defaulted)

\`\`\`sh
kubectl create secret generic ${model.name}-secrets -n <namespace> \\
  --from-literal=POSTGRES_PASSWORD=... --from-literal=VALKEY_PASSWORD=... \\
  --from-literal=AWS_ACCESS_KEY_ID=... --from-literal=AWS_SECRET_ACCESS_KEY=... \\
  --from-literal=GRAFANA_ADMIN_PASSWORD=...
kubectl create secret generic ${model.name}-airflow-metadata -n <namespace> \\
  --from-literal=connection=postgresql://mlops:<POSTGRES_PASSWORD>@<release>-postgres:5432/airflow
kubectl create secret generic ${model.name}-airflow-broker -n <namespace> \\
  --from-literal=connection=redis://:<VALKEY_PASSWORD>@<release>-valkey:6379/0
\`\`\`

## Install

\`\`\`sh
for app in inference-api ui loadtest mlflow; do docker build -t ${model.name}/$app:<tag> apps/$app; done   # push to your registry
cd chart
helm dependency build      # fetches the Apache Airflow chart
helm upgrade --install ${model.name} . -n <namespace> \\
  --set secrets.existingSecret=${model.name}-secrets \\
  --set airflow.data.metadataSecretName=${model.name}-airflow-metadata \\
  --set airflow.data.brokerUrlSecretName=${model.name}-airflow-broker
\`\`\`

Image tags are pinned; review them (and the Airflow chart version) when you generate.
`;
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
    { path: 'chart/Chart.yaml', content: yamlDoc(chart) },
    { path: 'chart/values.yaml', content: header + yamlDoc(mlopsValues(model)) },
    { path: 'chart/values.schema.json', content: `${JSON.stringify(mlopsSchema(model), null, 2)}\n` },
    { path: 'chart/.helmignore', content: '.DS_Store\n.git/\n*.swp\n*.bak\n*.tmp\n*~\n' },
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
