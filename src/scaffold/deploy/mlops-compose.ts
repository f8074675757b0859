// The MLOps platform's Compose stage: the same components as the chart, on one machine, from the
// same images and pins. Credentials only come from the .env file the user fills (.env.example lists
// them, empty; `${VAR:?}` stops Compose when one is missing). Airflow runs its minimal Airflow 3
// services with the LocalExecutor (no broker, so no Valkey here); Prometheus and Grafana are in
// the `monitoring` profile.
import type { PlannedFile } from '../types.js';
import type { DeploymentModel } from './model.js';
import { yamlDoc } from './yaml-out.js';

interface Pins {
  postgres: string;
  seaweedfs: string;
  mlflow: string;
  prometheus: string;
  grafana: string;
}

const need = (name: string) => `\${${name}:?set ${name} in .env (see .env.example)}`;

const ENV_EXAMPLE = `# Copy to .env and fill every value: docker compose up refuses to start while one is empty.
# Nothing here has a default. Use URL-safe values (e.g. openssl rand -hex 24): some are put into URLs.
POSTGRES_PASSWORD=
# S3 credentials of the SeaweedFS gateway (any strings of your choice; MLflow uses them).
AWS_ACCESS_KEY_ID=
AWS_SECRET_ACCESS_KEY=
# Airflow: a Fernet key (python -c "from cryptography.fernet import Fernet; print(Fernet.generate_key().decode())")
# and the secrets that sign its API tokens and sessions.
AIRFLOW_FERNET_KEY=
AIRFLOW_JWT_SECRET=
AIRFLOW_API_SECRET_KEY=
# Grafana's admin password (profile "monitoring").
GRAFANA_ADMIN_PASSWORD=
`;

const PROMETHEUS_YML = `# Compose: the inference API by its service name (in Kubernetes the chart discovers pods instead).
global:
  scrape_interval: 15s
scrape_configs:
  - job_name: inference-api
    metrics_path: /metrics
    static_configs:
      - targets: ["inference-api:8000"]
`;

const GRAFANA_DATASOURCES = `apiVersion: 1
datasources:
  - name: Prometheus
    uid: prometheus
    type: prometheus
    access: proxy
    isDefault: true
    url: http://prometheus:9090
`;

const GRAFANA_DASHBOARDS = `apiVersion: 1
providers:
  - name: mlops
    type: file
    options:
      path: /var/lib/grafana-dashboards
`;

const POSTGRES_INIT = `-- First start: POSTGRES_DB creates the MLflow database; Airflow gets its own.
CREATE DATABASE airflow OWNER mlops;
`;

/** A healthcheck by HTTP GET from inside a Python image (no curl in the slim images). */
const pyHealth = (url: string, host?: string) => ({
  test: [
    'CMD',
    'python',
    '-c',
    host
      ? `import urllib.request as u; u.urlopen(u.Request('${url}', headers={'Host': '${host}'}), timeout=5)`
      : `import urllib.request as u; u.urlopen('${url}', timeout=5)`,
  ],
  interval: '10s',
  timeout: '6s',
  retries: 12,
  start_period: '20s',
});

export function mlopsComposeFiles(model: DeploymentModel, pins: Pins): PlannedFile[] {
  const name = model.name;
  const storeUri = `postgresql+psycopg://mlops:${need('POSTGRES_PASSWORD')}@postgres:5432/mlflow`;
  const mlflowImage = `${name}/mlflow:${pins.mlflow}`;
  const modelEnv = { MLFLOW_TRACKING_URI: 'http://mlflow:5000', MODEL_NAME: 'iris-classifier', MODEL_ALIAS: 'champion' };
  const airflowEnv = {
    AIRFLOW__CORE__EXECUTOR: 'LocalExecutor',
    AIRFLOW__DATABASE__SQL_ALCHEMY_CONN: `postgresql+psycopg2://mlops:${need('POSTGRES_PASSWORD')}@postgres:5432/airflow`,
    AIRFLOW__CORE__FERNET_KEY: need('AIRFLOW_FERNET_KEY'),
    AIRFLOW__API_AUTH__JWT_SECRET: need('AIRFLOW_JWT_SECRET'),
    AIRFLOW__API__SECRET_KEY: need('AIRFLOW_API_SECRET_KEY'),
    AIRFLOW__CORE__EXECUTION_API_SERVER_URL: 'http://airflow-apiserver:8080/execution/',
    AIRFLOW__CORE__LOAD_EXAMPLES: 'false',
    AIRFLOW__CORE__DAGS_ARE_PAUSED_AT_CREATION: 'true',
    ...modelEnv,
  };
  const airflow = (command: string[], extra: Record<string, unknown> = {}) => ({
    image: `${name}/airflow:${model.version}`,
    command,
    environment: airflowEnv,
    depends_on: { 'airflow-init': { condition: 'service_completed_successfully' }, mlflow: { condition: 'service_healthy' } },
    restart: 'unless-stopped',
    ...extra,
  });
  const compose = {
    name,
    services: {
      postgres: {
        image: `postgres:${pins.postgres}`,
        environment: { POSTGRES_USER: 'mlops', POSTGRES_DB: 'mlflow', POSTGRES_PASSWORD: need('POSTGRES_PASSWORD') },
        volumes: ['postgres-data:/var/lib/postgresql', './compose/postgres-init.sql:/docker-entrypoint-initdb.d/10-airflow.sql:ro'],
        healthcheck: { test: ['CMD', 'pg_isready', '-U', 'mlops', '-d', 'mlflow'], interval: '5s', timeout: '5s', retries: 20 },
        restart: 'unless-stopped',
      },
      seaweedfs: {
        image: `chrislusf/seaweedfs:${pins.seaweedfs}`,
        // The S3 identities file is written from the environment at start ($$: for the container's shell).
        entrypoint: [
          'sh',
          '-c',
          'printf \'{"identities":[{"name":"mlops","credentials":[{"accessKey":"%s","secretKey":"%s"}],"actions":["Admin","Read","List","Tagging","Write"]}]}\' "$$AWS_ACCESS_KEY_ID" "$$AWS_SECRET_ACCESS_KEY" > /tmp/s3.json && exec weed server -dir=/data -s3 -s3.port=8333 -s3.config=/tmp/s3.json -master.volumeSizeLimitMB=1024',
        ],
        environment: { AWS_ACCESS_KEY_ID: need('AWS_ACCESS_KEY_ID'), AWS_SECRET_ACCESS_KEY: need('AWS_SECRET_ACCESS_KEY') },
        volumes: ['seaweedfs-data:/data'],
        healthcheck: { test: ['CMD-SHELL', 'wget -q -O /dev/null http://127.0.0.1:9333/cluster/status || exit 1'], interval: '5s', timeout: '5s', retries: 30 },
        restart: 'unless-stopped',
      },
      'seaweedfs-bucket': {
        image: `chrislusf/seaweedfs:${pins.seaweedfs}`,
        entrypoint: ['sh', '-c', 'echo "s3.bucket.create -name mlflow-artifacts" | weed shell -master=seaweedfs:9333'],
        depends_on: { seaweedfs: { condition: 'service_healthy' } },
        restart: 'on-failure:10',
      },
      'mlflow-migrate': {
        image: mlflowImage,
        build: { context: 'apps/mlflow' },
        command: ['python', '/opt/mlflow/db_upgrade.py'],
        environment: { MLFLOW_BACKEND_STORE_URI: storeUri },
        depends_on: { postgres: { condition: 'service_healthy' } },
      },
      mlflow: {
        image: mlflowImage,
        build: { context: 'apps/mlflow' },
        command: ['mlflow', 'server', '--host=0.0.0.0', '--port=5000', '--workers=2', '--artifacts-destination=s3://mlflow-artifacts/'],
        environment: {
          MLFLOW_BACKEND_STORE_URI: storeUri,
          // Host headers MLflow accepts (3.5+): the service name for the other containers, localhost for you.
          MLFLOW_SERVER_ALLOWED_HOSTS: 'mlflow,mlflow:5000,localhost,localhost:5000,127.0.0.1,127.0.0.1:5000',
          MLFLOW_S3_ENDPOINT_URL: 'http://seaweedfs:8333',
          AWS_DEFAULT_REGION: 'us-east-1',
          AWS_ACCESS_KEY_ID: need('AWS_ACCESS_KEY_ID'),
          AWS_SECRET_ACCESS_KEY: need('AWS_SECRET_ACCESS_KEY'),
        },
        ports: ['127.0.0.1:5000:5000'],
        depends_on: {
          'mlflow-migrate': { condition: 'service_completed_successfully' },
          'seaweedfs-bucket': { condition: 'service_completed_successfully' },
        },
        healthcheck: pyHealth('http://127.0.0.1:5000/health', 'localhost:5000'),
        restart: 'unless-stopped',
      },
      'inference-api': {
        image: `${name}/inference-api:${model.version}`,
        build: { context: 'apps/inference-api' },
        environment: { ...modelEnv, MODEL_LOADER: 'mlflow', MODEL_POLL_SECONDS: '30', LOG_LEVEL: 'INFO' },
        ports: ['127.0.0.1:8000:8000'],
        depends_on: { mlflow: { condition: 'service_healthy' } },
        healthcheck: pyHealth('http://127.0.0.1:8000/health/live'),
        restart: 'unless-stopped',
      },
      ui: {
        image: `${name}/ui:${model.version}`,
        build: { context: 'apps/ui' },
        environment: { INFERENCE_API_URL: 'http://inference-api:8000', LOG_LEVEL: 'INFO' },
        ports: ['127.0.0.1:8501:8501'],
        depends_on: { 'inference-api': { condition: 'service_healthy' } },
        healthcheck: pyHealth('http://127.0.0.1:8501/_stcore/health'),
        restart: 'unless-stopped',
      },
      'airflow-init': {
        image: `${name}/airflow:${model.version}`,
        build: { context: 'apps/airflow' },
        command: ['airflow', 'db', 'migrate'],
        environment: airflowEnv,
        depends_on: { postgres: { condition: 'service_healthy' } },
      },
      'airflow-apiserver': airflow(['airflow', 'api-server'], {
        ports: ['127.0.0.1:8080:8080'],
        healthcheck: pyHealth('http://127.0.0.1:8080/api/v2/version'),
      }),
      'airflow-scheduler': airflow(['airflow', 'scheduler'], {
        healthcheck: { test: ['CMD', 'airflow', 'jobs', 'check', '--job-type', 'SchedulerJob', '--local'], interval: '30s', timeout: '20s', retries: 5, start_period: '30s' },
      }),
      'airflow-dag-processor': airflow(['airflow', 'dag-processor'], {
        healthcheck: { test: ['CMD', 'airflow', 'jobs', 'check', '--job-type', 'DagProcessorJob', '--local'], interval: '30s', timeout: '20s', retries: 5, start_period: '30s' },
      }),
      prometheus: {
        image: `prom/prometheus:${pins.prometheus}`,
        profiles: ['monitoring'],
        command: ['--config.file=/etc/prometheus/prometheus.yml', '--storage.tsdb.path=/prometheus'],
        volumes: ['./compose/prometheus.yml:/etc/prometheus/prometheus.yml:ro'],
        ports: ['127.0.0.1:9090:9090'],
        depends_on: { 'inference-api': { condition: 'service_healthy' } },
        healthcheck: { test: ['CMD', 'wget', '-q', '-O', '/dev/null', 'http://127.0.0.1:9090/-/ready'], interval: '10s', timeout: '5s', retries: 10 },
        restart: 'unless-stopped',
      },
      grafana: {
        image: `grafana/grafana:${pins.grafana}`,
        profiles: ['monitoring'],
        environment: { GF_SECURITY_ADMIN_USER: 'admin', GF_SECURITY_ADMIN_PASSWORD: need('GRAFANA_ADMIN_PASSWORD'), GF_ANALYTICS_REPORTING_ENABLED: 'false' },
        volumes: [
          './compose/grafana/datasources.yaml:/etc/grafana/provisioning/datasources/datasources.yaml:ro',
          './compose/grafana/dashboards.yaml:/etc/grafana/provisioning/dashboards/dashboards.yaml:ro',
          './chart/dashboards:/var/lib/grafana-dashboards:ro',
        ],
        ports: ['127.0.0.1:3000:3000'],
        depends_on: { prometheus: { condition: 'service_healthy' } },
        healthcheck: { test: ['CMD', 'wget', '-q', '-O', '/dev/null', 'http://127.0.0.1:3000/api/health'], interval: '10s', timeout: '5s', retries: 10 },
        restart: 'unless-stopped',
      },
    },
    volumes: { 'postgres-data': {}, 'seaweedfs-data': {} },
  };
  const header = [
    `# ${name} MLOps platform on one machine: cp .env.example .env, fill it, then`,
    '#   docker compose up --build                         (MLflow :5000, API :8000, UI :8501, Airflow :8080)',
    '#   docker compose --profile monitoring up --build    (plus Prometheus :9090 and Grafana :3000)',
    '# Ports are bound to 127.0.0.1 only. Kubernetes: see chart/.',
    '',
  ].join('\n');
  return [
    { path: 'compose.yaml', content: header + yamlDoc(compose) },
    { path: '.env.example', content: ENV_EXAMPLE },
    { path: '.gitignore', content: '.env\n__pycache__/\n' },
    { path: 'compose/postgres-init.sql', content: POSTGRES_INIT },
    { path: 'compose/prometheus.yml', content: PROMETHEUS_YML },
    { path: 'compose/grafana/datasources.yaml', content: GRAFANA_DATASOURCES },
    { path: 'compose/grafana/dashboards.yaml', content: GRAFANA_DASHBOARDS },
  ];
}
