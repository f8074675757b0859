// Object-by-object comparison of two renderings of the same deployment (Helm chart vs Kustomize),
// after removing the differences that are documented and expected:
//   - labels helm.sh/chart and app.kubernetes.io/managed-by (Helm vs kustomize);
//   - metadata.namespace (Helm takes it from --namespace, the overlays from `-n`);
//   - Helm test hooks (`helm.sh/hook: test` pods run by `helm test`, not part of the release).
// Object names agree when the release name equals the project name.
import { isDeepStrictEqual } from 'node:util';
import { objectKey } from './deploy.js';

const IGNORED_LABELS = ['helm.sh/chart', 'app.kubernetes.io/managed-by'];

function normalize(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(normalize);
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) {
    if (k === 'labels' && v && typeof v === 'object') {
      out[k] = Object.fromEntries(Object.entries(v).filter(([l]) => !IGNORED_LABELS.includes(l)));
    } else out[k] = normalize(v);
  }
  return out;
}

export function normalizeObject(o: Record<string, unknown>): Record<string, unknown> {
  const n = normalize(o) as Record<string, unknown>;
  const meta = { ...(n.metadata as Record<string, unknown>) };
  delete meta.namespace;
  return { ...n, metadata: meta };
}

/** Differences, one line each; empty when both sets hold the same objects. */
export function isHelmTestHook(o: Record<string, unknown>): boolean {
  const annotations = (o.metadata as { annotations?: Record<string, string> } | undefined)?.annotations;
  return annotations?.['helm.sh/hook'] === 'test';
}

export function compareObjectSets(allLeft: Record<string, unknown>[], right: Record<string, unknown>[], names = ['helm', 'kustomize']): string[] {
  const left = allLeft.filter((o) => !isHelmTestHook(o));
  const l = new Map(left.map((o) => [objectKey(o), normalizeObject(o)]));
  const r = new Map(right.map((o) => [objectKey(o), normalizeObject(o)]));
  const out: string[] = [];
  for (const k of l.keys()) if (!r.has(k)) out.push(`${k}: only in ${names[0]}`);
  for (const k of r.keys()) if (!l.has(k)) out.push(`${k}: only in ${names[1]}`);
  for (const [k, v] of l) {
    const w = r.get(k);
    if (w && !isDeepStrictEqual(v, w)) out.push(`${k}: differs\n${names[0]}: ${JSON.stringify(v)}\n${names[1]}: ${JSON.stringify(w)}`);
  }
  if (left.length !== l.size || right.length !== r.size) out.push('duplicate kind/name pairs');
  return out;
}
