// `scaffold helm`: the services chart, laid out as `helm create` does. The templates are Helm
// templates copied verbatim (never through Handlebars); values, schema and Chart.yaml are written
// from the deployment model.
import { join } from 'node:path';
import { TEMPLATES_DIR } from '../../io/paths.js';
import { copyDir } from '../templates.js';
import type { PlannedFile, Starter, StarterOptions } from '../types.js';
import { ENVIRONMENTS, modelFromOptions, type DeploymentModel, type EnvironmentName } from './model.js';
import { helmEnvValues, helmValues, helmValuesSchema } from './helm-values.js';
import { deployReadme } from './readme.js';
import { yamlDoc } from './yaml-out.js';

/** The template folders store `_helpers.tpl` whose leading `_` the renderer would turn into a dot. */
export function fixHelmPartials(files: PlannedFile[]): PlannedFile[] {
  return files.map((f) => ({ ...f, path: f.path.replace(/(^|\/)templates\/\.([^/]+\.tpl)$/, '$1templates/_$2') }));
}

/**
 * The named templates both charts render their traffic entry with (templates/scaffold/chart-shared:
 * the Gateway, the AWS Load Balancer Controller's objects), under `prefix` (the chart's folder).
 */
export function sharedChartFiles(prefix = ''): PlannedFile[] {
  return fixHelmPartials(copyDir(join(TEMPLATES_DIR, 'scaffold', 'chart-shared'))).map((f) => ({ ...f, path: prefix + f.path }));
}

function valuesHeader(model: DeploymentModel): string {
  const t = model.traffic;
  const lines = [
    `# Values of the ${model.name} chart. values.schema.json rejects unknown keys and wrong types.`,
    '# Secrets: each service names an existing Secret (existingSecret) and the keys it reads from it (secretEnv); no password lives here.',
  ];
  if (t.outcome === 'aws-alb') {
    lines.push(
      `# Traffic: ${t.autoMode ? 'EKS Auto Mode' : 'AWS Load Balancer Controller v3.x'}. traffic.api "gateway" (default, Gateway API) or "ingress" (Ingress with IngressGroup).`,
      '# The GatewayClass / IngressClass belong to the cluster: create them once (gatewayClass.create / ingressClass.create make this release own them).',
    );
  } else if (t.outcome === 'nginx') {
    lines.push('# Traffic: F5 NGINX Ingress Controller (github.com/nginx/kubernetes-ingress), nginx.org/* annotations; not the retired community ingress-nginx.');
  } else {
    lines.push('# Traffic: Gateway API. Set traffic.gateway.className to your implementation\'s GatewayClass.');
  }
  return `${lines.join('\n')}\n`;
}

/** The note an environment's values file carries above its values (the example certificate to replace). */
export function envValuesNote(model: DeploymentModel, env: EnvironmentName): string {
  return model.environments[env].https ? '# Replace the example certificate ARN (account 111122223333) with your ACM certificate\'s.\n' : '';
}

/**
 * ci/*-values.yaml, chart-testing's convention: `ct lint` and `ct install` run the chart once per
 * file. default: the chart's own values; dev and prod: the environment files; aws-alb adds the
 * Ingress form; every chart adds a run without NetworkPolicies.
 */
function ciValuesFiles(model: DeploymentModel): PlannedFile[] {
  const ci = (name: string, why: string, values: Record<string, unknown>) => ({
    path: `ci/${name}-values.yaml`,
    content: `# chart-testing: ${why}\n${yamlDoc(values)}`,
  });
  const files = [
    ci('default', 'the chart\'s defaults (values.yaml)', {}),
    ...ENVIRONMENTS.map((env) => ci(env, `values-${env}.yaml`, helmEnvValues(model, env))),
    ci('no-networkpolicy', 'networkPolicy.enabled: false', { networkPolicy: { enabled: false } }),
  ];
  if (model.traffic.apis.includes('ingress') && model.traffic.api !== 'ingress') {
    files.push(ci('ingress', 'the Ingress form of the traffic entry', { traffic: { api: 'ingress' } }));
  }
  return files;
}

export function helmFiles(model: DeploymentModel, prefix = ''): PlannedFile[] {
  const chart = {
    apiVersion: 'v2',
    name: model.name,
    description: `Services of ${model.name}: ${model.services.map((s) => s.name).join(', ')}`,
    type: 'application',
    version: model.version,
    appVersion: model.version,
    kubeVersion: '>=1.27.0-0',
  };
  const copied = [...fixHelmPartials(copyDir(join(TEMPLATES_DIR, 'scaffold', 'helm'))), ...sharedChartFiles()];
  return [
    { path: 'Chart.yaml', content: yamlDoc(chart) },
    { path: 'values.yaml', content: valuesHeader(model) + yamlDoc(helmValues(model)) },
    ...ENVIRONMENTS.map((env) => ({
      path: `values-${env}.yaml`,
      content: `# ${env}: helm upgrade --install ${model.name} . -f values-${env}.yaml\n${envValuesNote(model, env)}${yamlDoc(helmEnvValues(model, env))}`,
    })),
    ...ciValuesFiles(model),
    { path: 'values.schema.json', content: `${JSON.stringify(helmValuesSchema(model), null, 2)}\n` },
    ...copied,
  ].map((f) => ({ ...f, path: prefix + f.path }));
}

export const starter: Starter = {
  async plan(options: StarterOptions): Promise<PlannedFile[]> {
    const model = modelFromOptions(options);
    return [...helmFiles(model), { path: 'README.md', content: deployReadme(model, 'helm') }];
  },
};
