// Shared steps of the deployment-starter tests: write planned files, build with kubectl kustomize.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { parseAllDocuments } from 'yaml';
import { INGRESS_CHOICES } from '../../src/scaffold/deploy/model.js';
import type { PlannedFile } from '../../src/scaffold/types.js';

export function writePlanned(files: PlannedFile[], dir = mkdtempSync(join(tmpdir(), 'adrw-deploy-'))): string {
  for (const f of files) {
    const p = join(dir, f.path);
    mkdirSync(dirname(p), { recursive: true });
    writeFileSync(p, f.content, f.mode ? { mode: f.mode } : undefined);
  }
  return dir;
}

export function parseYamlObjects(text: string): Record<string, unknown>[] {
  return parseAllDocuments(text)
    .map((d) => {
      if (d.errors.length > 0) throw new Error(`YAML: ${d.errors[0]?.message}`);
      return d.toJS() as unknown;
    })
    .filter((o): o is Record<string, unknown> => o !== null && typeof o === 'object');
}

/** `kubectl kustomize <dir>`, parsed. */
export function kustomizeBuild(dir: string): Record<string, unknown>[] {
  const out = execFileSync('kubectl', ['kustomize', dir], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  return parseYamlObjects(out);
}

export function objectKey(o: Record<string, unknown>): string {
  return `${String(o.kind)}/${String((o.metadata as { name?: string } | undefined)?.name)}`;
}

/**
 * The deployment variants every chart test covers: each ingress outcome the starters support
 * (derived, so a new outcome is covered without touching the tests), plus EKS Auto Mode, whose ALB
 * comes from the cluster itself.
 */
export const DEPLOY_VARIANTS: readonly { id: string; ingress: string; hosting?: string }[] = [
  ...INGRESS_CHOICES.map((ingress) => ({ id: ingress, ingress })),
  { id: 'aws-alb on EKS Auto Mode', ingress: 'aws-alb', hosting: 'amazon-eks-auto-mode' },
];
