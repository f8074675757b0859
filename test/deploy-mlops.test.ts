// The MLOps platform chart, rendered by the real Helm 4 and Helm 3 for every ingress outcome and
// every chart-testing values file (chart/ci/*-values.yaml), every object validated; its policies
// checked by evaluating the rendered NetworkPolicies; MLflow's Host-header protection and
// migration run against the real MLflow server; the Compose stage parsed and cross-checked.
//
// The Apache Airflow chart (a dependency) cannot be fetched here: chart repositories are out of
// reach. The tests write a STAND-IN under chart/charts/airflow (a test device, never shipped): a
// chart named airflow at the pinned version that accepts any values and renders one marker
// ConfigMap showing what the platform passes it (the image, the templated extraEnv, the user job,
// the DAG delivery), so that the platform's own templates render for real.
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { afterAll, describe, expect, it } from 'vitest';
import { MLOPS_PINS, mlopsFiles, mlopsModel } from '../src/scaffold/deploy/mlops.js';
import { DEPLOY_VARIANTS, writePlanned } from './support/deploy.js';
import { validateAll } from './support/k8s-validate.js';
import { canReach, type Endpoint } from './support/netpol.js';
import { freePort, portOpen, serviceGate } from './support/services.js';
import { helmGate, helmLint, helmTemplate, venvGate, venvPython, type HelmMajor } from './support/tools.js';


type K8s = Record<string, any>;
const RELEASE = 'ml';
const NAMESPACE = 'mlops';
/** The Kubernetes version every render targets (the charts need >= 1.27). */
const KUBE = '1.33.0';

/** The stand-in for the Apache Airflow chart (see the file comment). */
function writeAirflowStandIn(chartDir: string): void {
  const dir = join(chartDir, 'charts', 'airflow');
  mkdirSync(join(dir, 'templates'), { recursive: true });
  writeFileSync(
    join(dir, 'Chart.yaml'),
    `apiVersion: v2\nname: airflow\nversion: ${MLOPS_PINS.airflowChart}\ndescription: test stand-in for the Apache Airflow chart\ntype: application\n`,
  );
  writeFileSync(join(dir, 'values.yaml'), '{}\n');
  writeFileSync(
    join(dir, 'templates', 'marker.yaml'),
    [
      'apiVersion: v1',
      'kind: ConfigMap',
      'metadata:',
      '  name: {{ .Release.Name }}-airflow-stand-in',
      'data:',
      '  images.json: {{ .Values.images | toJson | quote }}',
      '  createUserJob.json: {{ .Values.createUserJob | toJson | quote }}',
      '  dags.json: {{ .Values.dags | toJson | quote }}',
      '  data.json: {{ .Values.data | toJson | quote }}',
      '  extraEnv: {{ tpl (.Values.extraEnv | default "") . | quote }}',
      '',
    ].join('\n'),
  );
}

function generate(ingress: string, hosting?: string): { dir: string; chart: string; ci: string[] } {
  const dir = writePlanned(mlopsFiles(mlopsModel({ name: RELEASE, ingress, hosting })));
  const chart = join(dir, 'chart');
  writeAirflowStandIn(chart);
  const ci = readdirSync(join(chart, 'ci')).filter((f) => f.endsWith('-values.yaml')).sort().map((f) => join(chart, 'ci', f));
  return { dir, chart, ci };
}

const byKind = (objects: K8s[], kind: string, name?: string) => objects.filter((o) => o.kind === kind && (name === undefined || o.metadata.name === name));
const one = (objects: K8s[], kind: string, name: string): K8s => {
  const found = byKind(objects, kind, name);
  if (found.length !== 1) throw new Error(`expected one ${kind}/${name}, found ${found.length}`);
  return found[0] as K8s;
};
const podSpecOf = (o: K8s): K8s | undefined =>
  ['Deployment', 'StatefulSet', 'Job', 'DaemonSet'].includes(o.kind) ? o.spec.template.spec : undefined;
const containersOf = (o: K8s): K8s[] => {
  const spec = podSpecOf(o);
  return spec ? [...(spec.initContainers ?? []), ...spec.containers] : [];
};
const envOf = (c: K8s): Record<string, K8s> => Object.fromEntries((c.env ?? []).map((e: K8s) => [e.name, e]));

const renderCache = new Map<string, K8s[]>();
function render(chart: string, valuesFile: string, major: HelmMajor = 4, set: string[] = []): K8s[] {
  const key = [chart, valuesFile, major, ...set].join('|');
  let objects = renderCache.get(key);
  if (!objects) {
    objects = helmTemplate(chart, { major, release: RELEASE, namespace: NAMESPACE, valuesFiles: [valuesFile], set, kubeVersion: KUBE }) as K8s[];
    renderCache.set(key, objects);
  }
  return objects;
}

const noHelm4 = helmGate(4);
const noHelm3 = helmGate(3);

describe.skipIf(noHelm4 || noHelm3)('scaffold mlops-platform: real helm lint --strict and helm template (Helm 4 and 3), every object valid', () => {
  for (const v of DEPLOY_VARIANTS) {
    describe(v.id, () => {
      const { chart, ci } = generate(v.ingress, v.hosting);
      it('ships chart-testing values files', () => {
        expect(ci.map((f) => f.split('/').pop())).toEqual(['dev-values.yaml', 'operator-values.yaml', 'prod-values.yaml']);
      });
      for (const major of [4, 3] as const) {
        it(`Helm ${major}: lint --strict and template every ci/*-values.yaml; every rendered object validates`, async () => {
          for (const values of ci) {
            helmLint(chart, { major, valuesFiles: [values], kubeVersion: KUBE });
            const objects = render(chart, values, major);
            expect(await validateAll(objects), values).toEqual([]);
            expect(objects.length).toBeGreaterThan(20);
          }
        }, 120_000);
      }
      it('Helm 4 and Helm 3 render the same objects', () => {
        for (const values of ci) expect(render(chart, values, 3)).toEqual(render(chart, values, 4));
      });
      it('routes /predict to the inference API and / to the UI, as the ingress decision says', () => {
        const objects = render(chart, ci[0] as string);
        const route = byKind(objects, 'HTTPRoute')[0];
        const ing = byKind(objects, 'Ingress')[0];
        const pairs = route
          ? route.spec.rules.map((r: K8s) => [r.matches[0].path.value, r.backendRefs[0].name])
          : (ing as K8s).spec.rules[0].http.paths.map((p: K8s) => [p.path, p.backend.service.name]);
        expect(pairs).toEqual([
          ['/predict', 'ml-inference-api'],
          ['/', 'ml-ui'],
        ]);
        expect(JSON.stringify(objects)).not.toMatch(/nginx\.ingress\.kubernetes\.io/);
      });
    });
  }
});

const CLASS_KINDS = ['GatewayClass', 'IngressClass', 'IngressClassParams'];

describe.skipIf(noHelm4)('scaffold mlops-platform: the cluster-scoped classes belong to the cluster', () => {
  for (const v of DEPLOY_VARIANTS) {
    it(`${v.id}: no GatewayClass, IngressClass or IngressClassParams in any ci/*-values.yaml render, in either traffic form`, () => {
      const { chart, ci } = generate(v.ingress, v.hosting);
      const apis = (parseYaml(readFileSync(join(chart, 'values.schema.json'), 'utf8')).properties.traffic.properties.api.enum as string[]) ?? [];
      for (const values of ci) {
        for (const api of apis) {
          const objects = render(chart, values, 4, [`traffic.api=${api}`]);
          expect(objects.filter((o) => CLASS_KINDS.includes(o.kind)).map((o) => `${o.kind}/${o.metadata.name}`), `${values} ${api}`).toEqual([]);
          expect(byKind(objects, api === 'gateway' ? 'HTTPRoute' : 'Ingress'), `${values} ${api}`).toHaveLength(1);
        }
      }
    });
  }
  it('a cluster where the release is to own its class opts in with a value', () => {
    const { chart, ci } = generate('aws-alb');
    const owned = render(chart, ci[0] as string, 4, ['traffic.gateway.gatewayClass.create=true']);
    expect(byKind(owned, 'GatewayClass').map((o) => [o.metadata.name, o.spec.controllerName])).toEqual([['aws-alb', 'gateway.k8s.aws/alb']]);
    const auto = generate('aws-alb', 'amazon-eks-auto-mode');
    const ingress = render(auto.chart, auto.ci[0] as string, 4, ['traffic.api=ingress', 'traffic.ingress.ingressClass.create=true']);
    expect(ingress.filter((o) => CLASS_KINDS.includes(o.kind)).map((o) => o.kind).sort()).toEqual(['IngressClass', 'IngressClassParams']);
  });
});

describe.skipIf(noHelm4)('scaffold mlops-platform on aws-alb: the AWS Load Balancer Controller gets an internet-facing ALB with ip targets', () => {
  const { chart, ci } = generate('aws-alb');
  const dev = ci.find((f) => f.endsWith('dev-values.yaml')) as string;
  const prod = ci.find((f) => f.endsWith('prod-values.yaml')) as string;
  const AWS_KINDS = ['LoadBalancerConfiguration', 'TargetGroupConfiguration'];

  it('the Gateway references its LoadBalancerConfiguration; one TargetGroupConfiguration per public Service, ip targets, checked on the readiness probe path', async () => {
    const objects = render(chart, dev);
    const gw = one(objects, 'Gateway', RELEASE);
    const lb = one(objects, 'LoadBalancerConfiguration', RELEASE);
    expect(gw.spec.infrastructure.parametersRef).toEqual({ group: 'gateway.k8s.aws', kind: 'LoadBalancerConfiguration', name: lb.metadata.name });
    expect(lb.apiVersion).toBe('gateway.k8s.aws/v1');
    expect(lb.spec).toEqual({ scheme: 'internet-facing' });
    expect(gw.spec.listeners.map((l: K8s) => `${l.protocol}:${l.port}`)).toEqual(['HTTP:80']);
    // Exactly the Services the HTTPRoute sends traffic to, each an existing Service.
    const tgcs = byKind(objects, 'TargetGroupConfiguration');
    const backends = one(objects, 'HTTPRoute', RELEASE).spec.rules.map((r: K8s) => r.backendRefs[0].name);
    expect(tgcs.map((t) => t.spec.targetReference.name).sort()).toEqual([...backends].sort());
    const paths: Record<string, string> = {};
    for (const t of tgcs) {
      const name = t.spec.targetReference.name as string;
      expect(t.metadata.name).toBe(name);
      expect(one(objects, 'Service', name).spec.type).toBe('ClusterIP');
      // The ALB checks what the kubelet checks: the Deployment's readiness probe.
      const ready = one(objects, 'Deployment', name).spec.template.spec.containers[0].readinessProbe.httpGet.path;
      expect(t.spec.defaultConfiguration).toEqual({ targetType: 'ip', healthCheckConfig: { healthCheckPath: ready, healthCheckProtocol: 'HTTP' } });
      paths[name] = ready;
    }
    expect(paths).toEqual({ 'ml-inference-api': '/health/ready', 'ml-ui': '/_stcore/health' });
    // Both validate against the controller's CRD schemas (subset); the check itself refuses a wrong object.
    const aws = objects.filter((o) => AWS_KINDS.includes(o.kind));
    expect(aws).toHaveLength(3);
    expect(await validateAll(aws)).toEqual([]);
    const wrong = structuredClone(tgcs[0]) as K8s;
    wrong.spec.defaultConfiguration.targetType = 'pod';
    expect((await validateAll([wrong])).join('\n')).toMatch(/targetType/);
  });

  it('prod values add the HTTPS listener and its certificate (an example ARN the values file says to replace)', async () => {
    const objects = render(chart, prod);
    expect(one(objects, 'Gateway', RELEASE).spec.listeners.map((l: K8s) => `${l.protocol}:${l.port}`)).toEqual(['HTTP:80', 'HTTPS:443']);
    const lb = one(objects, 'LoadBalancerConfiguration', RELEASE);
    expect(lb.spec.listenerConfigurations).toEqual([{ protocolPort: 'HTTPS:443', defaultCertificate: expect.stringMatching(/^arn:aws:acm:[a-z0-9-]+:[0-9]{12}:certificate\//) }]);
    expect(await validateAll([lb])).toEqual([]);
    expect(readFileSync(prod, 'utf8')).toMatch(/^# Replace the example certificate ARN/m);
    // Helm refuses an HTTPS listener without a certificate, with the schema's message.
    expect(() => render(chart, dev, 4, ['traffic.aws.https.enabled=true'])).toThrow(/certificateArn/);
  });

  it('the ALB Ingress form health-checks each public Service on its readiness path, not on "/"', () => {
    for (const [ingress, hosting] of [['aws-alb', undefined], ['aws-alb', 'amazon-eks-auto-mode']] as const) {
      const g = generate(ingress, hosting);
      const objects = render(g.chart, g.ci.find((f) => f.endsWith('dev-values.yaml')) as string, 4, ['traffic.api=ingress']);
      for (const name of ['ml-inference-api', 'ml-ui']) {
        const ready = one(objects, 'Deployment', name).spec.template.spec.containers[0].readinessProbe.httpGet.path;
        expect(one(objects, 'Service', name).metadata.annotations?.['alb.ingress.kubernetes.io/healthcheck-path'], `${name} ${hosting ?? ''}`).toBe(ready);
      }
    }
    // Not an ALB: no ALB annotation.
    const nginx = generate('nginx');
    expect(one(render(nginx.chart, nginx.ci[0] as string), 'Service', 'ml-inference-api').metadata.annotations).toBeUndefined();
  });

  it('the Ingress form, EKS Auto Mode and the other outcomes get no controller objects', () => {
    expect(render(chart, dev, 4, ['traffic.api=ingress']).filter((o) => o.apiVersion.startsWith('gateway.k8s.aws/'))).toEqual([]);
    for (const [ingress, hosting] of [['aws-alb', 'amazon-eks-auto-mode'], ['gateway-api', undefined]] as const) {
      const other = generate(ingress, hosting);
      const objects = render(other.chart, other.ci.find((f) => f.endsWith('prod-values.yaml')) as string);
      expect(objects.filter((o) => o.apiVersion.startsWith('gateway.k8s.aws/')), ingress).toEqual([]);
      expect(one(objects, 'Gateway', RELEASE).spec.infrastructure, ingress).toBeUndefined();
    }
  });
});

describe.skipIf(noHelm4)('scaffold mlops-platform: what the rendered chart does', () => {
  const { dir, chart, ci } = generate('gateway-api');
  const dev = ci.find((f) => f.endsWith('dev-values.yaml')) as string;
  const prod = ci.find((f) => f.endsWith('prod-values.yaml')) as string;
  const operator = ci.find((f) => f.endsWith('operator-values.yaml')) as string;
  const objects = () => render(chart, dev);

  it('every container is hardened, limited and pinned; pods run with numeric non-root ids; no Bitnami or MinIO image', () => {
    const workloads = objects().filter((o) => podSpecOf(o));
    expect(workloads.map((o) => `${o.kind}/${o.metadata.name}`)).toEqual(
      expect.arrayContaining(['StatefulSet/ml-postgres', 'Deployment/ml-valkey', 'StatefulSet/ml-seaweedfs', 'Deployment/ml-mlflow', 'Deployment/ml-inference-api', 'Deployment/ml-ui', 'Deployment/ml-locust-master', 'Deployment/ml-locust-worker', 'Deployment/ml-prometheus', 'Deployment/ml-grafana', 'Job/ml-seaweedfs-bucket']),
    );
    for (const w of workloads) {
      const pod = podSpecOf(w) as K8s;
      expect(pod.securityContext, w.metadata.name).toMatchObject({ runAsNonRoot: true, runAsUser: expect.any(Number), runAsGroup: expect.any(Number) });
      expect(pod.securityContext.runAsUser).toBeGreaterThan(0);
      for (const c of containersOf(w)) {
        expect(c.securityContext, c.name).toMatchObject({ allowPrivilegeEscalation: false, readOnlyRootFilesystem: true, runAsNonRoot: true, capabilities: { drop: ['ALL'] } });
        expect(c.resources?.limits?.memory, c.name).toBeTruthy();
        expect(c.image).not.toMatch(/:latest$|bitnami|minio/);
        expect(c.image).toMatch(/:[\w][\w.-]+$/);
      }
    }
  });

  it('prod values reach every pod: pull secrets, node selector, tolerations, spread constraints', () => {
    for (const w of render(chart, prod).filter((o) => podSpecOf(o))) {
      const pod = podSpecOf(w) as K8s;
      expect(pod.imagePullSecrets, w.metadata.name).toEqual([{ name: 'registry-credentials' }]);
      expect(pod.nodeSelector).toEqual({ 'kubernetes.io/os': 'linux' });
      expect(pod.tolerations).toHaveLength(1);
      expect(pod.topologySpreadConstraints?.[0]?.topologyKey).toBe('topology.kubernetes.io/zone');
    }
  });

  it('the inference API: ready on /health/ready, alive on /health/live, a startup probe, preStop, LOG_LEVEL and the model settings', () => {
    const d = one(objects(), 'Deployment', 'ml-inference-api');
    const c = d.spec.template.spec.containers[0];
    expect(c.readinessProbe.httpGet.path).toBe('/health/ready');
    expect(c.livenessProbe.httpGet.path).toBe('/health/live');
    expect(c.startupProbe).toBeTruthy();
    expect(c.lifecycle.preStop.exec.command).toEqual(['sleep', '5']);
    const env = envOf(c);
    expect(env.LOG_LEVEL?.value).toBe('DEBUG');
    expect(env.MLFLOW_TRACKING_URI?.value).toBe('http://ml-mlflow:5000');
    expect(env.MODEL_NAME?.value).toBe('iris-classifier');
    expect(env.MODEL_ALIAS?.value).toBe('champion');
    expect(env.MODEL_POLL_SECONDS?.value).toBe('60');
    expect(c.ports).toEqual([{ name: 'http', containerPort: 8000, protocol: 'TCP' }]);
    for (const name of ['ml-mlflow', 'ml-ui']) {
      const x = one(objects(), 'Deployment', name).spec.template.spec.containers[0];
      expect(x.startupProbe, name).toBeTruthy();
      expect(x.lifecycle?.preStop, name).toBeTruthy();
    }
    expect(envOf(one(objects(), 'Deployment', 'ml-ui').spec.template.spec.containers[0]).INFERENCE_API_URL?.value).toBe('http://ml-inference-api');
  });

  it('config changes roll the pods: checksum annotations follow the rendered configuration', () => {
    const checksum = (objs: K8s[], name: string) => one(objs, 'Deployment', name).spec.template.metadata.annotations;
    const a = checksum(objects(), 'ml-prometheus')['checksum/config'];
    const b = checksum(render(chart, dev, 4, ['monitoring.prometheus.scrapeInterval=30s']), 'ml-prometheus')['checksum/config'];
    expect(a).toMatch(/^[0-9a-f]{64}$/);
    expect(b).not.toBe(a);
    expect(Object.keys(checksum(objects(), 'ml-grafana'))).toEqual(['checksum/dashboards', 'checksum/provisioning']);
    expect(one(objects(), 'StatefulSet', 'ml-postgres').spec.template.metadata.annotations['checksum/init']).toMatch(/^[0-9a-f]{64}$/);
  });

  it('no default password anywhere: not in values, not in the rendered objects, not in what the Airflow chart gets', () => {
    const WELL_KNOWN = /\b(admin\/admin|postgres\/postgres|minio\/minio123|minioadmin|changeme|airflow\/airflow)\b|\bpass(word)?["']?\s*[:=]\s*["']?(admin|postgres|airflow|password|minio123|secret)\b/i;
    // The scan itself catches the chart defaults it is meant to catch.
    for (const known of ['password: admin', '"pass":"postgres"', 'minio/minio123', 'admin/admin']) expect(known).toMatch(WELL_KNOWN);
    const values = readFileSync(join(chart, 'values.yaml'), 'utf8');
    const compose = ['compose.yaml', '.env.example'].map((f) => readFileSync(join(dir, f), 'utf8'));
    for (const f of [values, ...ci.map((x) => readFileSync(x, 'utf8')), ...compose]) expect(f).not.toMatch(WELL_KNOWN);
    for (const file of ci) {
      const objs = render(chart, file);
      const text = JSON.stringify(objs);
      expect(text).not.toMatch(WELL_KNOWN);
      // Every env var named like a credential comes from a Secret, never a literal value.
      for (const c of objs.flatMap(containersOf)) {
        for (const e of c.env ?? []) {
          if (/PASSWORD|SECRET|TOKEN|_KEY$/.test(e.name)) expect(e.valueFrom?.secretKeyRef, `${c.name} ${e.name}`).toBeTruthy();
        }
        // No password on a command line: neither a literal nor a $(...PASSWORD) expansion.
        for (const arg of [...(c.command ?? []), ...(c.args ?? [])]) {
          expect(arg, c.name).not.toMatch(/\$\([A-Z_]*(PASSWORD|SECRET)[A-Z_]*\)/);
          expect(arg, c.name).not.toMatch(/postgresql(\+\w+)?:\/\/[^@\s]*:[^@\s]*@/);
        }
      }
      // The Airflow chart creates no default user.
      const marker = one(objs, 'ConfigMap', 'ml-airflow-stand-in');
      expect(JSON.parse(marker.data['createUserJob.json'])).toEqual({ defaultUser: { enabled: false } });
      expect(JSON.parse(marker.data['data.json'])).toEqual({ metadataSecretName: 'ml-airflow-metadata', brokerUrlSecretName: 'ml-airflow-broker' });
    }
    const grafana = envOf(one(objects(), 'Deployment', 'ml-grafana').spec.template.spec.containers[0]);
    expect(grafana.GF_SECURITY_ADMIN_PASSWORD?.valueFrom?.secretKeyRef).toEqual({ name: 'ml-secrets', key: 'GRAFANA_ADMIN_PASSWORD' });
  });

  it('secrets are required: rendering without them fails and says what to set; the schema refuses a default user', () => {
    expect(() => helmTemplate(chart, { kubeVersion: KUBE, release: RELEASE })).toThrow(/secrets\.existingSecret/);
    expect(() => helmTemplate(chart, { kubeVersion: KUBE, release: RELEASE, set: ['secrets.existingSecret=s'] })).toThrow(/metadataSecretName/);
    expect(helmTemplate(chart, { kubeVersion: KUBE, release: RELEASE, set: ['secrets.existingSecret=s', 'airflow.enabled=false'] }).length).toBeGreaterThan(10);
    expect(() => helmTemplate(chart, { kubeVersion: KUBE, release: RELEASE, valuesFiles: [dev], set: ['airflow.createUserJob.defaultUser.enabled=true'] })).toThrow(/enabled/);
    expect(() => helmTemplate(chart, { kubeVersion: KUBE, release: RELEASE, valuesFiles: [dev], set: ['valkey.image.tag=latest'] })).toThrow();
    expect(() => helmTemplate(chart, { kubeVersion: KUBE, release: RELEASE, valuesFiles: [dev], set: ['postgres.image.repository=bitnamilegacy/postgresql'] })).toThrow();
  });

  it('the training pipeline: Airflow runs the platform image (DAGs baked in), knows MLflow, git-sync stays off', () => {
    const marker = one(objects(), 'ConfigMap', 'ml-airflow-stand-in');
    expect(JSON.parse(marker.data['images.json'])).toMatchObject({ airflow: { repository: 'ml/airflow', tag: expect.any(String) } });
    const env = parseYaml(marker.data.extraEnv) as { name: string; value: string }[];
    expect(Object.fromEntries(env.map((e) => [e.name, e.value]))).toEqual({
      MLFLOW_TRACKING_URI: 'http://ml-mlflow:5000',
      MODEL_NAME: 'iris-classifier',
      MODEL_ALIAS: 'champion',
    });
    expect(JSON.parse(marker.data['dags.json'])).toMatchObject({ gitSync: { enabled: false }, persistence: { enabled: false } });
    // git-sync, when turned on, may reach the Git host; while off, Airflow cannot leave the cluster.
    const scheduler: Endpoint = { name: 'scheduler', labels: { release: RELEASE, tier: 'airflow', component: 'scheduler' } };
    const git: Endpoint = { name: 'git host', ip: '140.82.112.3' };
    const pols = (objs: K8s[]) => objs.filter((o) => o.kind === 'NetworkPolicy');
    expect(canReach(pols(objects()), scheduler, git, 443)).toBe(false);
    const withGitSync = render(chart, dev, 4, ['airflow.dags.gitSync.enabled=true', 'airflow.dags.gitSync.repo=https://git.example.com/ml.git']);
    expect(canReach(pols(withGitSync), scheduler, git, 443)).toBe(true);
    const meta = parseYaml(readFileSync(join(chart, 'Chart.yaml'), 'utf8'));
    expect(meta.dependencies).toEqual([{ name: 'airflow', version: MLOPS_PINS.airflowChart, repository: 'https://airflow.apache.org', condition: 'airflow.enabled' }]);
    const values = parseYaml(readFileSync(join(chart, 'values.yaml'), 'utf8'));
    expect(values.airflow).toMatchObject({ airflowVersion: MLOPS_PINS.airflow, executor: 'CeleryExecutor', postgresql: { enabled: false }, redis: { enabled: false } });
  });

  it('MLflow: allowed hosts cover every name of its Service; the store URI comes from the Secret; db upgrade runs before the server', () => {
    const d = one(objects(), 'Deployment', 'ml-mlflow');
    const [init] = d.spec.template.spec.initContainers;
    const c = d.spec.template.spec.containers[0];
    const hosts = (envOf(c).MLFLOW_SERVER_ALLOWED_HOSTS?.value as string).split(',');
    for (const h of ['ml-mlflow', 'ml-mlflow.mlops', 'ml-mlflow.mlops.svc', 'ml-mlflow.mlops.svc.cluster.local']) {
      expect(hosts).toContain(h);
      expect(hosts).toContain(`${h}:5000`);
    }
    expect(hosts).toContain('localhost:5000');
    expect(c.readinessProbe.httpGet.httpHeaders).toEqual([{ name: 'Host', value: 'localhost:5000' }]);
    for (const x of [init, c]) {
      expect(envOf(x).POSTGRES_PASSWORD?.valueFrom?.secretKeyRef).toEqual({ name: 'ml-secrets', key: 'POSTGRES_PASSWORD' });
      expect(envOf(x).MLFLOW_BACKEND_STORE_URI?.value).toBe('postgresql+psycopg://mlops:$(POSTGRES_PASSWORD)@ml-postgres:5432/mlflow');
    }
    expect(init.name).toBe('db-upgrade');
    expect(init.image).toBe(c.image);
    expect(init.command).toEqual(['python', '/opt/mlflow/db_upgrade.py']);
    expect(c.image).toBe(`ml/mlflow:${MLOPS_PINS.mlflow}`);
    const prodC = one(render(chart, prod), 'Deployment', 'ml-mlflow').spec.template.spec.containers[0];
    expect(envOf(prodC).MLFLOW_SERVER_ALLOWED_HOSTS?.value).toContain('mlflow.ml.example.com');
    expect(envOf(prodC).MLFLOW_SERVER_CORS_ALLOWED_ORIGINS?.value).toBe('https://ml.example.com');
  });

  it('Prometheus discovers pods (role pod, this namespace, annotated pods) with a namespaced Role; the operator variant renders a PodMonitor', () => {
    const cfg = parseYaml(one(objects(), 'ConfigMap', 'ml-prometheus').data['prometheus.yml']);
    const job = cfg.scrape_configs[0];
    expect(job.kubernetes_sd_configs).toEqual([{ role: 'pod', namespaces: { names: [NAMESPACE] } }]);
    expect(JSON.stringify(cfg)).not.toContain('static_configs');
    expect(job.relabel_configs.find((r: K8s) => r.source_labels[0] === '__meta_kubernetes_pod_annotation_prometheus_io_scrape')).toMatchObject({ action: 'keep', regex: 'true' });
    const role = one(objects(), 'Role', 'ml-prometheus');
    expect(role.rules).toEqual([{ apiGroups: [''], resources: ['pods'], verbs: ['get', 'list', 'watch'] }]);
    expect(byKind(objects(), 'ClusterRole')).toEqual([]);
    expect(one(objects(), 'RoleBinding', 'ml-prometheus').subjects).toEqual([{ kind: 'ServiceAccount', name: 'ml-prometheus', namespace: NAMESPACE }]);
    const prom = one(objects(), 'Deployment', 'ml-prometheus').spec.template.spec;
    expect(prom.serviceAccountName).toBe('ml-prometheus');
    const apiPod = one(objects(), 'Deployment', 'ml-inference-api').spec.template.metadata.annotations;
    expect(apiPod).toMatchObject({ 'prometheus.io/scrape': 'true', 'prometheus.io/port': '8000', 'prometheus.io/path': '/metrics' });
    const op = render(chart, operator);
    expect(one(op, 'PodMonitor', 'ml-inference-api').spec).toMatchObject({ selector: { matchLabels: { 'app.kubernetes.io/name': 'inference-api' } }, podMetricsEndpoints: [{ port: 'http', path: '/metrics' }] });
    expect(byKind(op, 'Deployment', 'ml-prometheus')).toEqual([]);
    expect(one(op, 'ConfigMap', 'ml-grafana-dashboards').metadata.labels.grafana_dashboard).toBe('1');
  });

  describe('NetworkPolicy: who can reach whom, computed from the rendered policies', () => {
    const pod = (name: string, extra: Record<string, string> = {}): Endpoint => ({ name, labels: { 'app.kubernetes.io/name': name, 'app.kubernetes.io/instance': RELEASE, ...extra } });
    const P = {
      ui: pod('ui'),
      api: pod('inference-api'),
      mlflow: pod('mlflow'),
      postgres: pod('postgres'),
      valkey: pod('valkey'),
      seaweedfs: pod('seaweedfs'),
      prometheus: pod('prometheus'),
      grafana: pod('grafana'),
      locustMaster: pod('locust', { 'app.kubernetes.io/role': 'master' }),
      locustWorker: pod('locust', { 'app.kubernetes.io/role': 'worker' }),
      scheduler: { name: 'airflow-scheduler', labels: { release: RELEASE, tier: 'airflow', component: 'scheduler' } },
      worker: { name: 'airflow-worker', labels: { release: RELEASE, tier: 'airflow', component: 'worker' } },
      stranger: { name: 'another app in the namespace', labels: { app: 'other' } },
      otherNs: { name: 'a pod of another namespace', labels: { 'app.kubernetes.io/name': 'ui' }, namespaceLabels: { 'kubernetes.io/metadata.name': 'team-b' } },
      kubeDns: { name: 'kube-dns', labels: { 'k8s-app': 'kube-dns' }, namespaceLabels: { 'kubernetes.io/metadata.name': 'kube-system' } },
      gateway: { name: 'the gateway', labels: { app: 'gateway' }, namespaceLabels: { 'kubernetes.io/metadata.name': 'gateway-system' } },
    } satisfies Record<string, Endpoint>;
    const PORT: Record<string, number> = { ui: 8501, api: 8000, mlflow: 5000, postgres: 5432, valkey: 6379, seaweedfs: 8333, prometheus: 9090, grafana: 3000, locustMaster: 5557 };
    const ALLOWED: [keyof typeof P, keyof typeof P][] = [
      ['gateway', 'ui'],
      ['gateway', 'api'],
      ['ui', 'api'],
      ['locustMaster', 'api'],
      ['locustWorker', 'api'],
      ['locustWorker', 'locustMaster'],
      ['prometheus', 'api'],
      ['api', 'mlflow'],
      ['scheduler', 'mlflow'],
      ['worker', 'mlflow'],
      ['scheduler', 'postgres'],
      ['worker', 'postgres'],
      ['scheduler', 'valkey'],
      ['worker', 'valkey'],
      ['mlflow', 'postgres'],
      ['mlflow', 'seaweedfs'],
      ['grafana', 'prometheus'],
    ];
    const policies = () => objects().filter((o) => o.kind === 'NetworkPolicy');

    it('the pairs that must talk can, on their port', () => {
      for (const [a, b] of ALLOWED) expect(canReach(policies(), P[a], P[b], PORT[b] as number), `${a} -> ${b}`).toBe(true);
    });
    it('every other pair cannot: MLflow, PostgreSQL and Valkey are not open to every pod; /predict only from the gateway, the UI and Locust', () => {
      const allowed = new Set(ALLOWED.map(([a, b]) => `${a}->${b}`));
      const denied: string[] = [];
      for (const a of Object.keys(P) as (keyof typeof P)[]) {
        for (const b of Object.keys(PORT) as (keyof typeof P)[]) {
          if (a === b || allowed.has(`${a}->${b}`)) continue;
          if (canReach(policies(), P[a], P[b], PORT[b] as number)) denied.push(`${a} -> ${b}`);
        }
      }
      expect(denied).toEqual([]);
    });
    it('every pod of the release resolves names (DNS egress), and nothing else leaves by default', () => {
      for (const k of ['ui', 'api', 'mlflow', 'postgres', 'valkey', 'grafana', 'scheduler'] as const) {
        expect(canReach(policies(), P[k], P.kubeDns, 53, 'UDP'), k).toBe(true);
        expect(canReach(policies(), P[k], { name: 'internet', ip: '93.184.216.34' }, 443), k).toBe(false);
      }
    });
    it('the ingress decision sets where gateway traffic comes from (an ALB reaches pods from its subnets)', () => {
      const { chart: alb, ci: albCi } = generate('aws-alb');
      const pols = render(alb, albCi[0] as string).filter((o) => o.kind === 'NetworkPolicy');
      expect(canReach(pols, { name: 'alb', ip: '10.0.3.7' }, P.api, 8000)).toBe(true);
      expect(canReach(pols, P.otherNs, P.api, 8000)).toBe(false);
    });
    it('with external S3, MLflow (and only MLflow) reaches the S3 endpoint over HTTPS', () => {
      const pols = render(chart, operator).filter((o) => o.kind === 'NetworkPolicy');
      const s3: Endpoint = { name: 's3', ip: '52.95.150.10' };
      expect(canReach(pols, P.mlflow, s3, 443)).toBe(true);
      expect(canReach(pols, P.api, s3, 443)).toBe(false);
      expect(canReach(policies(), P.mlflow, s3, 443)).toBe(false);
    });
    it('a policy the evaluator cannot follow (a named port) fails loudly instead of guessing', () => {
      const bad = [{ kind: 'NetworkPolicy', spec: { podSelector: {}, ingress: [{ ports: [{ port: 'http' }] }] } }];
      expect(() => canReach(bad, P.ui, P.api, 8000)).toThrow(/named port/);
    });
  });

  it('the Compose stage: every service builds or pulls something that exists, gets the env its app reads, waits on services that exist, and holds no password', () => {
    const compose = parseYaml(readFileSync(join(dir, 'compose.yaml'), 'utf8'));
    const services = compose.services as Record<string, K8s>;
    const names = Object.keys(services);
    expect(names).toEqual(expect.arrayContaining(['postgres', 'seaweedfs', 'seaweedfs-bucket', 'mlflow', 'inference-api', 'ui', 'airflow-init', 'airflow-apiserver', 'airflow-scheduler', 'airflow-dag-processor', 'prometheus', 'grafana']));
    for (const [name, svc] of Object.entries(services)) {
      if (svc.build) {
        const context = typeof svc.build === 'string' ? svc.build : svc.build.context;
        expect(existsSync(join(dir, context, 'Dockerfile')), `${name}: ${context}/Dockerfile`).toBe(true);
        expect(svc.image, name).toMatch(/^ml\/[a-z-]+:[\w.-]+$/);
      } else {
        expect(svc.image, name).toMatch(/^[\w./-]+:[\w][\w.-]+$/);
        expect(svc.image).not.toMatch(/:latest$|bitnami|minio/);
      }
      for (const [dep, cond] of Object.entries((svc.depends_on ?? {}) as Record<string, K8s>)) {
        expect(names, `${name} depends on ${dep}`).toContain(dep);
        expect(['service_healthy', 'service_completed_successfully'], `${name} -> ${dep}`).toContain(cond.condition);
        if (cond.condition === 'service_healthy') expect(services[dep]?.healthcheck, `${dep} has a healthcheck`).toBeTruthy();
      }
      for (const [k, value] of Object.entries((svc.environment ?? {}) as Record<string, string>)) {
        // Credentials only by reference to the .env file, which must set them (":?").
        if (/PASSWORD|SECRET|_KEY$|FERNET|JWT/.test(k)) expect(String(value), `${name} ${k}`).toMatch(/^\$\{[A-Z_]+:\?[^}]*\}$/);
        expect(String(value), `${name} ${k}`).not.toMatch(/postgresql(\+\w+)?:\/\/[^$@]*:[^$@{]+@/);
      }
    }
    const env = (svc: string) => services[svc]?.environment as Record<string, string>;
    expect(Object.keys(env('inference-api'))).toEqual(expect.arrayContaining(['MLFLOW_TRACKING_URI', 'MODEL_NAME', 'MODEL_ALIAS', 'MODEL_POLL_SECONDS', 'LOG_LEVEL']));
    expect(env('inference-api').MLFLOW_TRACKING_URI).toBe('http://mlflow:5000');
    expect(env('ui').INFERENCE_API_URL).toBe('http://inference-api:8000');
    for (const a of ['airflow-scheduler', 'airflow-dag-processor', 'airflow-apiserver']) {
      expect(services[a]?.image, a).toBe(services['airflow-init']?.image);
      expect(Object.keys(env(a)), a).toEqual(expect.arrayContaining(['MLFLOW_TRACKING_URI', 'MODEL_NAME', 'MODEL_ALIAS']));
    }
    expect(services['airflow-init']?.build?.context ?? services['airflow-init']?.build).toBe('apps/airflow');
    expect(String(env('mlflow').MLFLOW_SERVER_ALLOWED_HOSTS).split(',')).toEqual(expect.arrayContaining(['mlflow', 'mlflow:5000', 'localhost:5000']));
    expect(services.mlflow?.depends_on?.['mlflow-migrate']).toEqual({ condition: 'service_completed_successfully' });
    expect(services.prometheus?.profiles).toEqual(['monitoring']);
    expect(services.grafana?.profiles).toEqual(['monitoring']);
    // Every variable the file needs is in .env.example, empty: the user fills it.
    const text = readFileSync(join(dir, 'compose.yaml'), 'utf8');
    const needed = new Set([...text.matchAll(/\$\{([A-Z_]+):\?/g)].map((m) => m[1]));
    const example = Object.fromEntries(
      readFileSync(join(dir, '.env.example'), 'utf8').split('\n').filter((l) => /^[A-Z_]+=/.test(l)).map((l) => l.split('=') as [string, string]),
    );
    expect(needed.size).toBeGreaterThan(4);
    for (const v of needed) expect(example[v as string], v).toBe('');
    expect(readFileSync(join(dir, '.gitignore'), 'utf8')).toMatch(/^\.env$/m);
  });
});

// ---------------------------------------------------------------- MLflow itself

const noMlflow = venvGate('mlops');
const noPostgres = serviceGate('PostgreSQL on 127.0.0.1:5432', await portOpen(5432, '127.0.0.1'), 'run .ci/services.sh');

describe.skipIf(noHelm4 || noMlflow || noPostgres)('scaffold mlops-platform: the real MLflow server with the chart\'s migration, flags and env', () => {
  const { dir, chart, ci } = generate('gateway-api');
  const children: ChildProcess[] = [];
  // `mlflow server` starts uvicorn as a child: the whole process group is stopped.
  afterAll(() => {
    for (const c of children) {
      try {
        if (c.pid) process.kill(-c.pid, 'SIGKILL');
      } catch {
        // already gone
      }
    }
  });
  const db = `adrw_mlflow_${process.pid}`;

  it('db_upgrade.py migrates an empty database; the server started as the chart starts it answers its Service names and refuses other hosts', async () => {
    const deployment = one(render(chart, ci[0] as string), 'Deployment', 'ml-mlflow');
    const [init] = deployment.spec.template.spec.initContainers;
    const server = deployment.spec.template.spec.containers[0];
    const py = venvPython('mlops') as string;
    const bin = join(py, '..');
    const psql = (sql: string) => execFileSync('psql', ['-h', '127.0.0.1', '-U', 'postgres', '-d', 'postgres', '-c', sql], { env: { ...process.env, PGPASSWORD: 'postgres' }, stdio: 'pipe' });
    psql(`DROP DATABASE IF EXISTS ${db}`);
    psql(`CREATE DATABASE ${db}`);
    try {
      // The pod's env, with the Secret's values supplied and the URI pointed at this machine's PostgreSQL.
      const podEnv = (c: K8s): Record<string, string> => {
        const out: Record<string, string> = {};
        for (const e of c.env) if (typeof e.value === 'string') out[e.name] = e.value;
        out.POSTGRES_PASSWORD = 'postgres';
        out.AWS_ACCESS_KEY_ID = 'test';
        out.AWS_SECRET_ACCESS_KEY = 'test-secret';
        out.MLFLOW_BACKEND_STORE_URI = (out.MLFLOW_BACKEND_STORE_URI as string)
          .replace('$(POSTGRES_PASSWORD)', 'postgres')
          .replace('mlops:', 'postgres:')
          .replace('ml-postgres:5432/mlflow', `127.0.0.1:5432/${db}`);
        out.HOME = dir;
        return out;
      };
      const baseEnv = { PATH: `${bin}:${process.env.PATH}` };
      const [cmd, script] = init.command as [string, string];
      expect(cmd).toBe('python');
      // The image copies apps/mlflow/db_upgrade.py to /opt/mlflow/: run that file with the init container's env.
      execFileSync(py, [join(dir, 'apps/mlflow', script.split('/').pop() as string)], { env: { ...baseEnv, ...podEnv(init) }, stdio: 'pipe' });
      const version = execFileSync('psql', ['-h', '127.0.0.1', '-U', 'postgres', '-d', db, '-tAc', 'SELECT version_num FROM alembic_version'], { env: { ...process.env, PGPASSWORD: 'postgres' }, encoding: 'utf8' }).trim();
      expect(version).toMatch(/^[0-9a-f]{6,}$/);

      const port = await freePort();
      // The chart's flags, on a loopback port, with one worker to spare this machine's CPUs.
      const args = (server.command as string[])
        .slice(1)
        .map((a) => (a === '--port=5000' ? `--port=${port}` : a === '--host=0.0.0.0' ? '--host=127.0.0.1' : a.startsWith('--workers=') ? '--workers=1' : a));
      expect(args).toContain('--artifacts-destination=s3://mlflow-artifacts/');
      const proc = spawn(join(bin, 'mlflow'), args, { env: { ...baseEnv, ...podEnv(server) }, stdio: 'ignore', detached: true });
      children.push(proc);
      const once = (host: string, path: string) =>
        new Promise<number>((resolve, reject) => {
          const req = httpRequest({ host: '127.0.0.1', port, path, headers: { Host: host } }, (res) => {
            res.resume();
            resolve(res.statusCode ?? 0);
          });
          req.on('error', reject);
          req.end();
        });
      // A loaded machine may drop a connection while the worker settles: a network error is
      // retried, a status code never is.
      const get = async (host: string, path = '/api/2.0/mlflow/experiments/search?max_results=1') => {
        for (let attempt = 1; ; attempt++) {
          try {
            return await once(host, path);
          } catch (error) {
            if (attempt >= 5) throw error;
            await new Promise((r) => setTimeout(r, 1000));
          }
        }
      };
      const deadline = Date.now() + 150_000;
      for (;;) {
        try {
          if ((await get('localhost:5000', '/health')) === 200) break;
        } catch {
          // not listening yet
        }
        if (Date.now() > deadline) throw new Error('mlflow server did not answer /health in 150 s');
        await new Promise((r) => setTimeout(r, 500));
      }
      for (const host of ['ml-mlflow:5000', 'ml-mlflow', 'ml-mlflow.mlops.svc.cluster.local:5000']) expect(await get(host), host).toBe(200);
      // The probes' Host header.
      expect(await get(server.readinessProbe.httpGet.httpHeaders[0].value, server.readinessProbe.httpGet.path)).toBe(200);
      // Without the chart's list, MLflow's defaults (localhost and private IPs) refuse the Service
      // name: the setting is what makes the in-cluster clients work.
      const byDefault = execFileSync(
        py,
        ['-c', "from mlflow.server.security_utils import get_default_allowed_hosts as d, is_allowed_host_header as ok; print(ok(d(), 'ml-mlflow:5000'))"],
        { encoding: 'utf8' },
      ).trim();
      expect(byDefault).toBe('False');
      // DNS rebinding: a name MLflow was not told about.
      expect(await get('evil.example.com')).toBe(403);
      expect(await get('ml-mlflow.other-namespace:5000')).toBe(403);
      if (proc.pid) process.kill(-proc.pid, 'SIGTERM');
    } finally {
      // the server holds connections: give it a moment, then drop the database
      await new Promise((r) => setTimeout(r, 500));
      try {
        psql(`DROP DATABASE IF EXISTS ${db} WITH (FORCE)`);
      } catch {
        // left for the next run's DROP
      }
    }
  }, 420_000);
});

