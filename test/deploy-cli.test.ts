import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, runCli, tempDir } from './support/cli.js';
import { kustomizeBuild } from './support/deploy.js';
import { validateAll } from './support/k8s-validate.js';
import { commandExists, serviceGate } from './support/services.js';
import { helmGate, helmTemplate } from './support/tools.js';

const noKubectl = serviceGate('kubectl', commandExists('kubectl'), 'apt-get install kubectl, or any kubectl >= 1.27 on PATH');

describe('adr-wizard scaffold helm | kustomize | mlops-platform', () => {
  it.skipIf(helmGate(4))('scaffold helm writes a chart whose traffic entry follows --ingress', async () => {
    const cwd = tempDir();
    const r = await runCli(['scaffold', 'helm', '--out', 'shop', '--ingress', 'nginx', '--services', 'orders,billing'], { cwd });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('templates/_helpers.tpl');
    const chart = join(cwd, 'shop');
    // Helm templates are copied verbatim, byte for byte, never through Handlebars.
    for (const f of ['_helpers.tpl', 'deployment.yaml', 'gateway.yaml', 'ingress.yaml', 'networkpolicy.yaml', 'NOTES.txt', 'tests/test-connection.yaml']) {
      expect(readFileSync(join(chart, 'templates', f), 'utf8')).toBe(readFileSync(join(ROOT, 'templates/scaffold/helm/templates', f), 'utf8'));
    }
    expect(readFileSync(join(chart, 'templates/deployment.yaml'), 'utf8')).toContain('{{- range $name, $svc := .Values.services }}');
    const objects = helmTemplate(chart, { release: 'shop' });
    expect(await validateAll(objects)).toEqual([]);
    expect(objects.find((o) => o.kind === 'Ingress')).toMatchObject({ spec: { ingressClassName: 'nginx' } });
    expect(objects.filter((o) => o.kind === 'Deployment').map((o) => (o.metadata as { name: string }).name)).toEqual(['shop-billing', 'shop-orders']);
  });

  it.skipIf(noKubectl)('scaffold kustomize on EKS Auto Mode builds with kubectl kustomize', async () => {
    const cwd = tempDir();
    const r = await runCli(['scaffold', 'kustomize', '--out', 'k8s', '--ingress', 'aws-alb', '--hosting', 'amazon-eks-auto-mode', '--json'], { cwd });
    expect(r.code).toBe(0);
    const plan = JSON.parse(r.stdout) as { files: { path: string }[] };
    expect(plan.files.map((f) => f.path)).toContain('overlays/prod/kustomization.yaml');
    const objects = kustomizeBuild(join(cwd, 'k8s', 'overlays', 'prod'));
    expect(await validateAll(objects)).toEqual([]);
    expect(objects.find((o) => o.kind === 'GatewayClass')).toBeUndefined();
    const cluster = kustomizeBuild(join(cwd, 'k8s', 'cluster'));
    expect(cluster.find((o) => o.kind === 'GatewayClass')).toMatchObject({ spec: { controllerName: 'eks.amazonaws.com/gateway-alb' } });
  });

  it('scaffold mlops-platform writes the chart, the apps and the DAG', async () => {
    const cwd = tempDir();
    const r = await runCli(['scaffold', 'mlops-platform', '--out', 'ml', '--dry-run', '--json'], { cwd });
    expect(r.code).toBe(0);
    const paths = (JSON.parse(r.stdout) as { files: { path: string }[] }).files.map((f) => f.path);
    for (const p of ['chart/Chart.yaml', 'chart/values.schema.json', 'chart/templates/_helpers.tpl', 'chart/dashboards/inference-api.json', 'apps/inference-api/app/main.py', 'apps/ui/ui_logic.py', 'apps/loadtest/locustfile.py', 'dags/train_register.py']) {
      expect(paths).toContain(p);
    }
    expect(existsSync(join(cwd, 'ml'))).toBe(false);
  });

  it('a wrong --ingress is a usage error (exit 2) naming the choices', async () => {
    const r = await runCli(['scaffold', 'kustomize', '--out', 'x', '--ingress', 'ingress-nginx'], { cwd: tempDir() });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--ingress "ingress-nginx" is not one of aws-alb, gateway-api, nginx, traefik, alb-in-front-of-gateway/);
  });
});
