// The services chart through real Helm: `helm lint --strict` and `helm template` with Helm 4 and
// Helm 3 for every traffic outcome and every ci/*-values.yaml the chart ships; every rendered
// object validated; Helm and Kustomize compared object by object.
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { parse as parseYaml } from 'yaml';
import { afterAll, describe, expect, it } from 'vitest';
import { buildModel } from '../src/scaffold/deploy/model.js';
import { helmFiles } from '../src/scaffold/deploy/helm.js';
import { kustomizeFiles } from '../src/scaffold/deploy/kustomize.js';
import { compareObjectSets, isHelmTestHook } from './support/compare.js';
import { kustomizeBuild, objectKey, writePlanned, DEPLOY_VARIANTS } from './support/deploy.js';
import { validateAll } from './support/k8s-validate.js';
import { commandExists, serviceGate } from './support/services.js';
import { helmGate, helmLint, helmTemplate, type HelmMajor, type HelmRun } from './support/tools.js';

type K8s = Record<string, any>;
const noKubectl = serviceGate('kubectl', commandExists('kubectl'), 'apt-get install kubectl, or any kubectl >= 1.27 on PATH');
const MAJORS: HelmMajor[] = [4, 3];
const noHelm = { 4: helmGate(4), 3: helmGate(3) } as const;
const SERVICES = ['orders', 'billing', 'auth'];
// One Kubernetes version for both majors: without it Helm 3 (built by `go install`) assumes
// v1.20.0, below the chart's kubeVersion, and Helm 4 assumes its own client-go's.
const KUBE_VERSION = '1.34.0';
const template = (chart: string, run: HelmRun = {}): K8s[] => helmTemplate(chart, { kubeVersion: KUBE_VERSION, ...run });
const lint = (chart: string, run: HelmRun = {}) => helmLint(chart, { kubeVersion: KUBE_VERSION, ...run });

function chartFor(ingress: string, hosting?: string): { chart: string; kustomize: string } {
  const model = buildModel({ name: 'shop', services: SERVICES, ingress, hosting });
  return { chart: writePlanned(helmFiles(model)), kustomize: writePlanned(kustomizeFiles(model)) };
}

const ciFiles = (chart: string) => readdirSync(join(chart, 'ci')).filter((f) => f.endsWith('-values.yaml')).sort();

/** The Kustomize build a ci/ values file must equal (objects), written next to the overlays. */
function kustomizeFor(kustomize: string, ciFile: string, gatewayDefault: boolean): K8s[] {
  const ad = (name: string, component: string) =>
    kustomizeBuild(
      writePlanned(
        [{ path: 'kustomization.yaml', content: `resources: [../../base]\ncomponents: [../../components/traffic-${component}]\n` }],
        join(kustomize, 'overlays', name),
      ),
    );
  const defaultComponent = gatewayDefault ? 'gateway' : 'ingress';
  switch (ciFile) {
    case 'dev-values.yaml':
      return kustomizeBuild(join(kustomize, 'overlays', 'dev'));
    case 'prod-values.yaml':
      return kustomizeBuild(join(kustomize, 'overlays', 'prod'));
    case 'ingress-values.yaml':
      return ad('ingress-check', 'ingress');
    case 'no-networkpolicy-values.yaml':
      return ad('base-check', defaultComponent).filter((o) => o.kind !== 'NetworkPolicy');
    default:
      return ad('base-check', defaultComponent);
  }
}

const timings: string[] = [];
function timed<T>(label: string, run: () => T): T {
  const start = performance.now();
  try {
    return run();
  } finally {
    timings.push(`${label}\t${Math.round(performance.now() - start)} ms`);
  }
}
afterAll(() => {
  if (process.env.ADR_WIZARD_HELM_TIMINGS) writeFileSync(process.env.ADR_WIZARD_HELM_TIMINGS, `${timings.join('\n')}\n`);
});

const containersOf = (o: K8s): { pod: K8s; containers: K8s[] } => {
  const pod = o.kind === 'Pod' ? o.spec : o.spec.template.spec;
  return { pod, containers: [...(pod.initContainers ?? []), ...pod.containers] };
};

/** Every container runs as a numeric non-root user, hardened (pod or container settings). */
function securityProblems(objects: K8s[]): string[] {
  const out: string[] = [];
  for (const o of objects.filter((x) => x.kind === 'Deployment' || x.kind === 'Pod')) {
    const { pod, containers } = containersOf(o);
    for (const c of containers) {
      const where = `${objectKey(o)} ${c.name}`;
      const eff = { ...(pod.securityContext ?? {}), ...(c.securityContext ?? {}) };
      if (!Number.isInteger(eff.runAsUser) || eff.runAsUser <= 0) out.push(`${where}: runAsUser ${eff.runAsUser} is not a numeric non-root user`);
      if (eff.runAsNonRoot !== true) out.push(`${where}: runAsNonRoot`);
      if (c.securityContext?.readOnlyRootFilesystem !== true) out.push(`${where}: readOnlyRootFilesystem`);
      if (c.securityContext?.allowPrivilegeEscalation !== false) out.push(`${where}: allowPrivilegeEscalation`);
      if (!c.securityContext?.capabilities?.drop?.includes('ALL')) out.push(`${where}: capabilities.drop ALL`);
      if (eff.seccompProfile?.type !== 'RuntimeDefault') out.push(`${where}: seccompProfile RuntimeDefault`);
    }
  }
  return out;
}

describe('scaffold helm: real Helm 4 and 3 render the chart to the same valid objects as the Kustomize overlays', () => {
  for (const v of DEPLOY_VARIANTS) {
    describe(v.id, () => {
      const { chart, kustomize } = chartFor(v.ingress, v.hosting);
      const gatewayDefault = v.ingress !== 'nginx';

      it('has the helm create layout and chart-testing ci/ values files', () => {
        for (const f of ['Chart.yaml', 'values.yaml', 'values.schema.json', '.helmignore', 'templates/_helpers.tpl', 'templates/NOTES.txt', 'templates/deployment.yaml', 'templates/networkpolicy.yaml', 'templates/tests/test-connection.yaml']) {
          expect(() => readFileSync(join(chart, f))).not.toThrow();
        }
        expect(parseYaml(readFileSync(join(chart, 'Chart.yaml'), 'utf8'))).toMatchObject({ apiVersion: 'v2', name: 'shop', type: 'application' });
        const expected = ['default-values.yaml', 'dev-values.yaml', 'no-networkpolicy-values.yaml', 'prod-values.yaml', ...(v.ingress === 'aws-alb' ? ['ingress-values.yaml'] : [])];
        expect(ciFiles(chart)).toEqual(expected.sort());
        // The environment files and their ci/ twins are the same values.
        for (const env of ['dev', 'prod']) {
          expect(parseYaml(readFileSync(join(chart, 'ci', `${env}-values.yaml`), 'utf8'))).toEqual(parseYaml(readFileSync(join(chart, `values-${env}.yaml`), 'utf8')));
        }
      });

      for (const ciFile of ciFiles(chart)) {
        const rendered: Partial<Record<HelmMajor, K8s[]>> = {};
        for (const major of MAJORS) {
          it.skipIf(noHelm[major])(`Helm ${major}: ci/${ciFile} lints (--strict) and renders valid, hardened objects`, async () => {
            const valuesFiles = [join(chart, 'ci', ciFile)];
            const lintOutput = timed(`${v.id}\t${ciFile}\thelm${major} lint`, () => lint(chart, { major, valuesFiles }));
            expect(lintOutput).toMatch(/1 chart\(s\) linted, 0 chart\(s\) failed/);
            const objects = timed(`${v.id}\t${ciFile}\thelm${major} template`, () =>
              template(chart, { major, release: 'shop', namespace: 'shop', valuesFiles }),
            );
            rendered[major] = objects;
            expect(await validateAll(objects)).toEqual([]);
            expect(securityProblems(objects)).toEqual([]);
            // Cluster-scoped classes are never part of a release by default.
            expect(objects.filter((o) => ['GatewayClass', 'IngressClass', 'IngressClassParams'].includes(o.kind))).toEqual([]);
          });
        }
        it.skipIf(noHelm[4] || noHelm[3])(`ci/${ciFile}: Helm 4 and Helm 3 render the same objects`, () => {
          expect(rendered[4] && rendered[3]).toBeTruthy();
          expect(isDeepStrictEqual(rendered[4], rendered[3])).toBe(true);
        });
        it.skipIf(noHelm[4] || noKubectl)(`ci/${ciFile}: the objects equal the Kustomize build, object by object`, () => {
          const objects = rendered[4] ?? template(chart, { release: 'shop', namespace: 'shop', valuesFiles: [join(chart, 'ci', ciFile)] });
          expect(compareObjectSets(objects, kustomizeFor(kustomize, ciFile, gatewayDefault))).toEqual([]);
        });
      }
    });
  }
});

describe.skipIf(noHelm[4])('the services chart, rendered by Helm', () => {
  const render = (chart: string, set: string[] = [], valuesFiles: string[] = []) => template(chart, { release: 'shop', namespace: 'shop', set, valuesFiles });
  const byKind = (objects: K8s[], kind: string) => objects.filter((o) => o.kind === kind && !isHelmTestHook(o));

  it('a config change changes the pod template checksum of that service only, so its pods roll', () => {
    const { chart } = chartFor('gateway-api');
    const checksums = (objects: K8s[]) =>
      Object.fromEntries(byKind(objects, 'Deployment').map((d) => [d.metadata.name, d.spec.template.metadata.annotations?.['checksum/config']]));
    const before = checksums(render(chart));
    expect(Object.values(before).every((c) => /^[0-9a-f]{64}$/.test(String(c)))).toBe(true);
    const oneService = checksums(render(chart, ['services.orders.env.FEATURE_X=on']));
    expect(oneService['shop-orders']).not.toBe(before['shop-orders']);
    expect(oneService['shop-billing']).toBe(before['shop-billing']);
    const everyService = checksums(render(chart, ['logLevel=warn']));
    for (const name of Object.keys(before)) expect(everyService[name]).not.toBe(before[name]);
  });

  it.skipIf(noKubectl)('Kustomize: a config change in an overlay changes the ConfigMap name the Deployment reads', () => {
    const model = buildModel({ name: 'shop', services: SERVICES });
    const dir = writePlanned(kustomizeFiles(model));
    const configMapRef = () => {
      const d = kustomizeBuild(join(dir, 'overlays', 'dev')).find((o) => objectKey(o) === 'Deployment/shop-orders') as K8s;
      return d.spec.template.spec.containers[0].envFrom[0].configMapRef.name as string;
    };
    const before = configMapRef();
    expect(before).toMatch(/^shop-orders-[a-z0-9]{10}$/);
    const file = join(dir, 'overlays', 'dev', 'kustomization.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace('LOG_LEVEL=debug', 'LOG_LEVEL=warn'));
    expect(configMapRef()).not.toBe(before);
  });

  it('probes, preStop, LOG_LEVEL and the scheduling values reach every pod', () => {
    const { chart } = chartFor('nginx');
    const extra = writePlanned([
      {
        path: 'scheduling.yaml',
        content: [
          'logLevel: verbose',
          'imagePullSecrets: [{ name: registry }]',
          'nodeSelector: { kubernetes.io/arch: arm64 }',
          'tolerations: [{ key: dedicated, operator: Equal, value: apps, effect: NoSchedule }]',
          'affinity: { nodeAffinity: { preferredDuringSchedulingIgnoredDuringExecution: [{ weight: 1, preference: { matchExpressions: [{ key: tier, operator: In, values: [apps] }] } }] } }',
          'topologySpreadConstraints: [{ maxSkew: 1, topologyKey: topology.kubernetes.io/zone, whenUnsatisfiable: ScheduleAnyway }]',
          '',
        ].join('\n'),
      },
    ]);
    const objects = render(chart, [], [join(extra, 'scheduling.yaml')]);
    for (const d of byKind(objects, 'Deployment')) {
      const pod = d.spec.template.spec;
      const [c] = pod.containers;
      expect(c.startupProbe.httpGet.path).toBe('/health/live');
      expect(c.livenessProbe.httpGet.path).toBe('/health/live');
      expect(c.readinessProbe.httpGet.path).toBe('/health/ready');
      expect(c.lifecycle.preStop.exec.command).toEqual(['sleep', '5']);
      expect(pod.terminationGracePeriodSeconds).toBeGreaterThan(5);
      expect(pod.imagePullSecrets).toEqual([{ name: 'registry' }]);
      expect(pod.nodeSelector).toEqual({ 'kubernetes.io/arch': 'arm64' });
      expect(pod.tolerations[0]).toMatchObject({ key: 'dedicated', effect: 'NoSchedule' });
      expect(pod.affinity.nodeAffinity).toBeDefined();
      // A constraint without a labelSelector spreads the service's own pods.
      expect(pod.topologySpreadConstraints).toEqual([
        { maxSkew: 1, topologyKey: 'topology.kubernetes.io/zone', whenUnsatisfiable: 'ScheduleAnyway', labelSelector: { matchLabels: d.spec.selector.matchLabels } },
      ]);
    }
    for (const cm of byKind(objects, 'ConfigMap')) expect(cm.data.LOG_LEVEL).toBe('verbose');
    expect(render(chart, ['preStopSleepSeconds=0']).filter((o) => o.kind === 'Deployment').every((d) => !d.spec.template.spec.containers[0].lifecycle)).toBe(true);
  });

  it('the helm test pods are not endpoints of the Services, and get a hook NetworkPolicy to reach them', () => {
    const { chart } = chartFor('gateway-api');
    const objects = render(chart);
    const hooks = objects.filter(isHelmTestHook);
    const services = byKind(objects, 'Service');
    for (const pod of hooks.filter((o) => o.kind === 'Pod')) {
      for (const s of services) {
        const selects = Object.entries(s.spec.selector).every(([k, val]) => pod.metadata.labels[k] === val);
        expect(selects, `${s.metadata.name} selects ${pod.metadata.name}`).toBe(false);
      }
      expect(pod.spec.containers[0].command.at(-1)).toMatch(/^http:\/\/shop-\w+:80\/health\/ready$/);
    }
    expect(hooks.filter((o) => o.kind === 'NetworkPolicy')).toHaveLength(SERVICES.length);
  });
});

/** Peers allowed to reach the services, per outcome, as documented in docs/deploy.md. */
const EXPECTED_PEERS: Record<string, unknown[] | undefined> = {
  nginx: [{ namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'nginx-ingress' } } }],
  traefik: [{ namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'traefik' } } }],
  'gke-gateway': [{ ipBlock: { cidr: '35.191.0.0/16' } }, { ipBlock: { cidr: '130.211.0.0/22' } }],
};

describe.skipIf(noHelm[4])('NetworkPolicy: default deny, and exactly the flows each service needs', () => {
  const selects = (policy: K8s, labels: Record<string, string>) =>
    Object.entries(policy.spec.podSelector.matchLabels ?? {}).every(([k, val]) => labels[k] === val);
  for (const v of DEPLOY_VARIANTS) {
    it(v.id, () => {
      const { chart } = chartFor(v.ingress, v.hosting);
      const objects = template(chart, { release: 'shop' }).filter((o) => !isHelmTestHook(o));
      const policies = objects.filter((o) => o.kind === 'NetworkPolicy');
      const deployments = objects.filter((o) => o.kind === 'Deployment');
      expect(deployments).toHaveLength(SERVICES.length);
      for (const d of deployments) {
        const podLabels = d.spec.template.metadata.labels as Record<string, string>;
        const mine = policies.filter((p) => selects(p, podLabels));
        expect(mine.every((p) => isDeepStrictEqual(p.spec.policyTypes, ['Ingress']))).toBe(true);
        // A policy with no ingress rule selects the pod: everything not allowed below is denied.
        expect(mine.some((p) => (p.spec.ingress ?? []).length === 0)).toBe(true);
        const flows = mine.flatMap((p) => p.spec.ingress ?? []);
        const port = d.spec.template.spec.containers[0].ports[0].containerPort;
        const peers = EXPECTED_PEERS[v.ingress];
        expect(flows).toEqual([{ ports: [{ protocol: 'TCP', port }], ...(peers ? { from: peers } : {}) }]);
      }
      const off = template(chart, { release: 'shop', set: ['networkPolicy.enabled=false'] });
      expect(off.filter((o) => o.kind === 'NetworkPolicy')).toEqual([]);
    });
  }
});

describe.skipIf(noHelm[4])('aws-alb: the controller gets an internet-facing ALB with ip targets', () => {
  const { chart } = chartFor('aws-alb');
  it('LoadBalancerConfiguration attached to the Gateway, one TargetGroupConfiguration per Service', () => {
    const objects = template(chart, { release: 'shop' });
    const gw = objects.find((o) => o.kind === 'Gateway') as K8s;
    const lb = objects.find((o) => o.kind === 'LoadBalancerConfiguration') as K8s;
    expect(gw.spec.infrastructure.parametersRef).toEqual({ group: 'gateway.k8s.aws', kind: 'LoadBalancerConfiguration', name: lb.metadata.name });
    expect(lb.apiVersion).toBe('gateway.k8s.aws/v1');
    expect(lb.spec).toEqual({ scheme: 'internet-facing' });
    const tgcs = objects.filter((o) => o.kind === 'TargetGroupConfiguration');
    const services = objects.filter((o) => o.kind === 'Service');
    expect(tgcs.map((t) => t.spec.targetReference.name).sort()).toEqual(services.map((s) => s.metadata.name).sort());
    for (const t of tgcs) expect(t.spec.defaultConfiguration).toEqual({ targetType: 'ip', healthCheckConfig: { healthCheckPath: '/health/ready', healthCheckProtocol: 'HTTP' } });
    expect(gw.spec.listeners.map((l: K8s) => l.protocol)).toEqual(['HTTP']);
  });
  it('prod values add the HTTPS listener and its certificate', () => {
    const objects = template(chart, { release: 'shop', valuesFiles: [join(chart, 'values-prod.yaml')] });
    const gw = objects.find((o) => o.kind === 'Gateway') as K8s;
    expect(gw.spec.listeners.map((l: K8s) => `${l.protocol}:${l.port}`)).toEqual(['HTTP:80', 'HTTPS:443']);
    const lb = objects.find((o) => o.kind === 'LoadBalancerConfiguration') as K8s;
    expect(lb.spec.listenerConfigurations).toEqual([{ protocolPort: 'HTTPS:443', defaultCertificate: expect.stringMatching(/^arn:aws:acm:/) }]);
  });
  it('the GatewayClass is the cluster\'s: rendered only when a value asks for it', () => {
    expect(template(chart, { release: 'shop' }).filter((o) => o.kind === 'GatewayClass')).toEqual([]);
    const owned = template(chart, { release: 'shop', set: ['traffic.gateway.gatewayClass.create=true'] }).filter((o) => o.kind === 'GatewayClass');
    expect(owned.map((o) => o.spec.controllerName)).toEqual(['gateway.k8s.aws/alb']);
  });
  it('EKS Auto Mode and the other outcomes get no controller objects', () => {
    const auto = template(chartFor('aws-alb', 'amazon-eks-auto-mode').chart, { release: 'shop' });
    expect(auto.filter((o) => o.apiVersion.startsWith('gateway.k8s.aws/'))).toEqual([]);
  });
});

describe('values.schema.json: Helm itself refuses wrong values, with the schema\'s message', () => {
  const { chart } = chartFor('aws-alb');
  const cases: [string, string, RegExp][] = [
    ['an unknown top-level key', 'replicaCount: 3\n', /additional propert(y|ies).*replicaCount|replicaCount/],
    ['a misspelt service key', 'services:\n  orders:\n    helthPath: /health\n', /helthPath/],
    ['a port as a string', 'services:\n  orders:\n    port: "3000"\n', /port[\s\S]*(integer|string)/],
    ['an unknown traffic API', 'traffic:\n  api: loadbalancer\n', /api[\s\S]*(gateway|enum|value must be one of)/],
    ['running as root', 'podSecurityContext:\n  runAsUser: 0\n', /runAsUser[\s\S]*(minimum|>= 1|must be >=)/],
    ['a named user instead of a numeric one', 'securityContext:\n  runAsUser: node\n', /runAsUser[\s\S]*(integer|string)/],
    ['a bad memory quantity', 'services:\n  billing:\n    resources:\n      limits:\n        memory: 256 MB\n', /memory/],
    ['a password instead of a Secret name', 'services:\n  orders:\n    existingSecret: hunter2!\n', /existingSecret/],
    ['LOG_LEVEL set in env instead of logLevel', 'services:\n  orders:\n    env:\n      LOG_LEVEL: debug\n', /LOG_LEVEL|env/],
    ['an unknown log level', 'logLevel: info\n', /logLevel/],
    ['an HTTPS listener without a certificate', 'traffic:\n  aws:\n    https:\n      enabled: true\n', /certificateArn/],
  ];
  for (const major of MAJORS) {
    describe.skipIf(noHelm[major])(`Helm ${major}`, () => {
      for (const [what, values, message] of cases) {
        it(what, () => {
          const file = writePlanned([{ path: 'bad.yaml', content: values }]);
          let error = '';
          try {
            template(chart, { major, valuesFiles: [join(file, 'bad.yaml')] });
          } catch (e) {
            error = (e as Error).message;
          }
          expect(error).toMatch(/values don't meet the specifications of the schema/);
          expect(error).toMatch(message);
        });
      }
    });
  }
  it.skipIf(noHelm[4])('a GatewayClass the release is asked to create must name its controller', () => {
    const gatewayApi = chartFor('gateway-api').chart;
    expect(() => template(gatewayApi, { set: ['traffic.gateway.gatewayClass.create=true'] })).toThrow(/controllerName/);
    const owned = template(gatewayApi, { set: ['traffic.gateway.gatewayClass.create=true', 'traffic.gateway.gatewayClass.controllerName=example.net/gateway'] });
    expect(owned.filter((o) => o.kind === 'GatewayClass').map((o) => o.spec.controllerName)).toEqual(['example.net/gateway']);
  });
  it.skipIf(noHelm[4])('gateway-api charts offer only the Gateway API, nginx charts only the Ingress', () => {
    expect(() => template(chartFor('gateway-api').chart, { set: ['traffic.api=ingress'] })).toThrow(/schema[\s\S]*api/);
    expect(() => template(chartFor('nginx').chart, { set: ['traffic.api=gateway'] })).toThrow(/schema[\s\S]*api/);
  });
});

/**
 * The variables a generated nest-microservices service validates at start-up, read from its env
 * classes (apps/<service>/src/env.ts extends BaseEnv or DatabaseEnv of libs/common): required are
 * the fields declared `NAME!:` that no class in the chain gives a default.
 */
function nestRequiredEnv(project: string, service: string): { required: string[]; declared: string[]; nodeEnvs: string[] } {
  const classes = new Map<string, { parent?: string; fields: Map<string, boolean> }>();
  const read = (file: string) => {
    const text = readFileSync(join(project, file), 'utf8');
    for (const m of text.matchAll(/export class (\w+)(?: extends (\w+))? \{([\s\S]*?)\n\}/g)) {
      const fields = new Map<string, boolean>();
      for (const f of (m[3] ?? '').matchAll(/^\s+(?:override\s+)?([A-Z][A-Z0-9_]*)(!?)\s*:[^=;\n]*(=)?/gm)) fields.set(f[1]!, f[3] === '=');
      classes.set(m[1]!, { parent: m[2], fields });
    }
    return text;
  };
  const base = read('libs/common/src/config/base-env.ts');
  const own = read(`apps/${service}/src/env.ts`);
  const top = /export class (\w+)/.exec(own)?.[1];
  const hasDefault = new Map<string, boolean>();
  const chain: string[] = [];
  for (let c = top; c && classes.has(c); c = classes.get(c)!.parent) chain.push(c);
  for (const c of chain.reverse()) for (const [k, d] of classes.get(c)!.fields) hasDefault.set(k, d || (hasDefault.get(k) ?? false));
  const nodeEnvs = [...(/NODE_ENV/.test(base) ? (/@IsIn\(\[([^\]]*)\]\)\s*NODE_ENV/.exec(base)?.[1] ?? '') : '').matchAll(/'([^']+)'/g)].map((m) => m[1]!);
  return { required: [...hasDefault].filter(([, d]) => !d).map(([k]) => k).sort(), declared: [...hasDefault.keys()].sort(), nodeEnvs };
}

/** Every `config.getOrThrow('X')` key in a generated project's sources. */
function keysRead(project: string): string[] {
  const walk = (d: string): string[] =>
    readdirSync(join(project, d), { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(join(d, e.name)) : e.name.endsWith('.ts') && !e.name.endsWith('.spec.ts') ? [join(d, e.name)] : []));
  const keys = new Set<string>();
  for (const f of [...walk('apps'), ...walk('libs')]) {
    for (const m of readFileSync(join(project, f), 'utf8').matchAll(/getOrThrow<[^>]*>\('([A-Z][A-Z0-9_]*)'\)/g)) keys.add(m[1]!);
  }
  return [...keys].sort();
}

describe.skipIf(noHelm[4] || noKubectl)('the chart and the overlays give each Nest service exactly the variables its code reads', async () => {
  const { starter: nest } = await import('../src/scaffold/starters/nest-microservices.js');
  for (const transport of ['rabbitmq', 'kafka'] as const) {
    for (const database of ['mongodb', 'postgres'] as const) {
      it(`${transport} + ${database}`, async () => {
        const options = { out: 'shop', name: 'shop', services: SERVICES, transport, database };
        const project = writePlanned(await nest.plan(options));
        const model = buildModel({ name: 'shop', services: SERVICES, transport, database });
        const chart = writePlanned(helmFiles(model));
        const kustomize = writePlanned(kustomizeFiles(model));
        const renderings = { helm: template(chart, { release: 'shop', valuesFiles: [join(chart, 'values-prod.yaml')] }), kustomize: kustomizeBuild(join(kustomize, 'overlays', 'prod')) as K8s[] };
        for (const svc of SERVICES) {
          const { required, declared, nodeEnvs } = nestRequiredEnv(project, svc);
          // The parse found the variables: every key the code reads is declared in the env classes.
          expect(declared).toEqual(expect.arrayContaining(['NODE_ENV', 'PORT']));
          expect(required.length).toBeGreaterThan(0);
          for (const k of keysRead(project)) if (['MONGODB_URI', 'DATABASE_URL', 'JWT_SECRET', 'RABBITMQ_URL', 'KAFKA_BROKERS'].includes(k) && declared.includes(k)) expect(required).toContain(k);
          for (const [tool, objects] of Object.entries(renderings)) {
            const d = objects.find((o) => o.kind === 'Deployment' && o.metadata.name === `shop-${svc}`) as K8s;
            const c = d.spec.template.spec.containers[0];
            const cm = objects.find((o) => o.kind === 'ConfigMap' && o.metadata.name === c.envFrom[0].configMapRef.name) as K8s;
            const fromSecret = (c.env ?? []) as K8s[];
            const provided = [...Object.keys(cm.data), ...fromSecret.map((e) => e.name)].sort();
            const missing = required.filter((k) => !provided.includes(k));
            expect(missing, `${tool} ${svc}`).toEqual([]);
            // Secrets come from the service's Secret, each key named as the variable it sets.
            for (const e of fromSecret) expect(e.valueFrom.secretKeyRef).toEqual({ name: `shop-${svc}-secrets`, key: e.name });
            // Connection strings and signing keys never sit in a ConfigMap.
            expect(Object.keys(cm.data).filter((k) => ['RABBITMQ_URL', 'MONGODB_URI', 'DATABASE_URL', 'JWT_SECRET'].includes(k))).toEqual([]);
            expect(nodeEnvs).toContain(cm.data.NODE_ENV);
            expect(String(cm.data.PORT)).toBe(String(c.ports[0].containerPort));
          }
        }
      });
    }
  }
});
