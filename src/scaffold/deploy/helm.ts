// `scaffold helm`: the services chart, laid out as `helm create` does. The templates are Helm
// templates copied verbatim (never through Handlebars); values, schema and Chart.yaml are written
// from the deployment model.
import { join } from 'node:path';
import { TEMPLATES_DIR } from '../../io/paths.js';
import { copyDir } from '../templates.js';
import type { PlannedFile, Starter, StarterOptions } from '../types.js';
import { ENVIRONMENTS, modelFromOptions, type DeploymentModel } from './model.js';
import { helmEnvValues, helmValues, helmValuesSchema } from './helm-values.js';
import { deployReadme } from './readme.js';
import { yamlDoc } from './yaml-out.js';

/** The template folders store `_helpers.tpl` whose leading `_` the renderer would turn into a dot. */
export function fixHelmPartials(files: PlannedFile[]): PlannedFile[] {
  return files.map((f) => ({ ...f, path: f.path.replace(/(^|\/)templates\/\.([^/]+\.tpl)$/, '$1templates/_$2') }));
}

function valuesHeader(model: DeploymentModel): string {
  const t = model.traffic;
  const lines = [
    `# Values of the ${model.name} chart. values.schema.json rejects unknown keys and wrong types.`,
    '# Secrets: each service names an existing Secret (existingSecret); no password lives here.',
  ];
  if (t.outcome === 'aws-alb') {
    lines.push(
      `# Traffic: ${t.autoMode ? 'EKS Auto Mode' : 'AWS Load Balancer Controller v3.x'}. traffic.api "gateway" (default, Gateway API) or "ingress" (Ingress with IngressGroup).`,
    );
  } else if (t.outcome === 'nginx') {
    lines.push('# Traffic: F5 NGINX Ingress Controller (github.com/nginx/kubernetes-ingress), nginx.org/* annotations; not the retired community ingress-nginx.');
  } else {
    lines.push('# Traffic: Gateway API. Set traffic.gateway.className to your implementation\'s GatewayClass.');
  }
  return `${lines.join('\n')}\n`;
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
  const copied = fixHelmPartials(copyDir(join(TEMPLATES_DIR, 'scaffold', 'helm')));
  return [
    { path: 'Chart.yaml', content: yamlDoc(chart) },
    { path: 'values.yaml', content: valuesHeader(model) + yamlDoc(helmValues(model)) },
    ...ENVIRONMENTS.map((env) => ({
      path: `values-${env}.yaml`,
      content: `# ${env}: helm upgrade --install ${model.name} . -f values-${env}.yaml\n${yamlDoc(helmEnvValues(model, env))}`,
    })),
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
