// Object-by-object comparison of two renderings of the same deployment (Helm chart vs Kustomize),
// after removing the differences that are documented and expected:
//   - labels helm.sh/chart and app.kubernetes.io/managed-by (Helm vs kustomize);
//   - metadata.namespace (Helm takes it from --namespace, the overlays from `-n`);
//   - Helm test hooks (`helm.sh/hook: test` pods run by `helm test`, not part of the release);
//   - how a config change rolls the pods: Helm hashes the ConfigMap data into the pod template's
//     `checksum/config` annotation, Kustomize's configMapGenerator into the ConfigMap's name
//     (`<name>-<hash>`, and every reference to it).
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

const CONFIG_CHECKSUM = 'checksum/config';

function withoutConfigChecksum(o: Record<string, unknown>): Record<string, unknown> {
  const template = (o.spec as { template?: { metadata?: { annotations?: Record<string, string> } } } | undefined)?.template;
  const annotations = template?.metadata?.annotations;
  if (!template?.metadata || !annotations || !(CONFIG_CHECKSUM in annotations)) return o;
  const rest = Object.fromEntries(Object.entries(annotations).filter(([k]) => k !== CONFIG_CHECKSUM));
  const metadata = { ...template.metadata } as Record<string, unknown>;
  if (Object.keys(rest).length > 0) metadata.annotations = rest;
  else delete metadata.annotations;
  return structuredClone({ ...o, spec: { ...(o.spec as object), template: { ...template, metadata } } });
}

/** Kustomize's generated ConfigMap names (`<name>-<10 character hash>`) back to `<name>`, everywhere. */
function unhashConfigMapNames(objects: Record<string, unknown>[]): Record<string, unknown>[] {
  const renames = new Map<string, string>();
  for (const o of objects) {
    const name = (o.metadata as { name?: string } | undefined)?.name ?? '';
    const m = /^(.*)-[a-z0-9]{10}$/.exec(name);
    if (o.kind === 'ConfigMap' && m?.[1]) renames.set(name, m[1]);
  }
  const rename = (v: unknown): unknown => {
    if (typeof v === 'string') return renames.get(v) ?? v;
    if (Array.isArray(v)) return v.map(rename);
    if (v !== null && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, w]) => [k, rename(w)]));
    return v;
  };
  return objects.map((o) => rename(o) as Record<string, unknown>);
}

export function normalizeObject(o: Record<string, unknown>): Record<string, unknown> {
  const n = normalize(withoutConfigChecksum(o)) as Record<string, unknown>;
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
  const left = unhashConfigMapNames(allLeft.filter((o) => !isHelmTestHook(o)));
  const rightSet = unhashConfigMapNames(right);
  const l = new Map(left.map((o) => [objectKey(o), normalizeObject(o)]));
  const r = new Map(rightSet.map((o) => [objectKey(o), normalizeObject(o)]));
  const out: string[] = [];
  for (const k of l.keys()) if (!r.has(k)) out.push(`${k}: only in ${names[0]}`);
  for (const k of r.keys()) if (!l.has(k)) out.push(`${k}: only in ${names[1]}`);
  for (const [k, v] of l) {
    const w = r.get(k);
    if (w && !isDeepStrictEqual(v, w)) out.push(`${k}: differs\n${names[0]}: ${JSON.stringify(v)}\n${names[1]}: ${JSON.stringify(w)}`);
  }
  if (left.length !== l.size || rightSet.length !== r.size) out.push('duplicate kind/name pairs');
  return out;
}
