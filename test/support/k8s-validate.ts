// Validation of Kubernetes objects offline, in three passes:
//  1. schema: the kubernetes-models class for the object's apiVersion/kind (dynamic import; an
//     apiVersion/kind pair it does not have is a "wrong kind"); custom resources (Gateway API,
//     IngressClassParams) against the vendored schema subsets in crd-schemas.ts, via ajv;
//  2. unknown fields: kubernetes-models' compiled validators do not reject unknown fields, but they
//     read every property their schema declares. Running the validator over a Proxy that records
//     which keys were read tells which keys the schema knows; a key it never read is unknown.
//     Maps (labels, data, resource lists) are enumerated by the validator and count as open;
//  3. names: DNS rules the API server applies and the schemas do not carry.
import AjvModule from 'ajv';
import { CRD_SCHEMAS } from './crd-schemas.js';

type Obj = Record<string, unknown>;
const AjvCtor = ((AjvModule as unknown as { default?: unknown }).default ?? AjvModule) as new (opts: object) => {
  compile(schema: object): ((data: unknown) => boolean) & { errors?: { instancePath: string; message?: string }[] | null };
};
const ajv = new AjvCtor({ allErrors: true, strict: false });
const crdValidators = new Map(Object.entries(CRD_SCHEMAS).map(([k, s]) => [k, ajv.compile(s)]));

interface Access {
  value: object;
  read: Set<string>;
  enumerated: boolean;
}

function track(value: unknown, path: string, seen: Map<string, Access>): unknown {
  if (value === null || typeof value !== 'object') return value;
  const rec: Access = { value, read: new Set(), enumerated: false };
  seen.set(path, rec);
  return new Proxy(value, {
    get(target, key, receiver) {
      const v = Reflect.get(target, key, receiver) as unknown;
      if (typeof key !== 'string') return v;
      rec.read.add(key);
      return Object.hasOwn(target, key) && v !== null && typeof v === 'object' ? track(v, `${path}/${key}`, seen) : v;
    },
    has(target, key) {
      if (typeof key === 'string') rec.read.add(key);
      return Reflect.has(target, key);
    },
    ownKeys(target) {
      rec.enumerated = true;
      return Reflect.ownKeys(target);
    },
  });
}

type ModelClass = { kind?: string; apiVersion?: string; prototype: { validate(this: unknown): void } };

async function modelClass(apiVersion: string, kind: string): Promise<ModelClass | undefined> {
  const [group, version] = apiVersion.includes('/') ? apiVersion.split('/') : [undefined, apiVersion];
  if (!/^[A-Z][A-Za-z0-9]*$/.test(kind) || !version) return undefined;
  const spec = group ? `kubernetes-models/${group}/${version}/${kind}` : `kubernetes-models/${version}/${kind}`;
  try {
    const mod = (await import(spec)) as Record<string, ModelClass>;
    const cls = mod[kind];
    // e.g. "DeploymentSpec" is a module too, but not a top-level kind.
    if (!cls || cls.kind !== kind || cls.apiVersion !== apiVersion) return undefined;
    return cls;
  } catch {
    return undefined;
  }
}

const DNS_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
const DNS_LABEL = /^[a-z]([-a-z0-9]*[a-z0-9])?$/;
const LABEL_VALUE = /^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$/;

function nameProblems(obj: Obj): string[] {
  const out: string[] = [];
  const meta = (obj.metadata ?? {}) as Obj;
  const name = String(meta.name ?? '');
  if (!DNS_SUBDOMAIN.test(name) || name.length > 253) out.push(`metadata.name "${name}" is not a DNS subdomain`);
  if (obj.kind === 'Service' && (!DNS_LABEL.test(name) || name.length > 63)) out.push(`Service name "${name}" is not a DNS-1035 label`);
  for (const [k, v] of Object.entries((meta.labels ?? {}) as Obj)) {
    if (typeof v !== 'string' || v.length > 63 || !LABEL_VALUE.test(v)) out.push(`label ${k}="${String(v)}" is not a valid label value`);
  }
  return out;
}

/** Every problem with one object; empty when it is valid. */
export async function validateK8sObject(obj: unknown): Promise<string[]> {
  if (obj === null || typeof obj !== 'object' || Array.isArray(obj)) return ['not an object'];
  const o = obj as Obj;
  const apiVersion = String(o.apiVersion ?? '');
  const kind = String(o.kind ?? '');
  const where = `${apiVersion} ${kind} ${String((o.metadata as Obj | undefined)?.name ?? '?')}`;
  const crd = crdValidators.get(`${apiVersion}/${kind}`);
  if (crd) {
    const problems = crd(o) ? [] : (crd.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message ?? 'invalid'}`);
    return [...problems, ...nameProblems(o)].map((p) => `${where}: ${p}`);
  }
  const cls = await modelClass(apiVersion, kind);
  if (!cls) return [`${where}: unknown apiVersion/kind (not in the Kubernetes 1.27 schemas nor the vendored custom resources)`];
  const problems: string[] = [];
  const seen = new Map<string, Access>();
  try {
    cls.prototype.validate.call(track(o, '', seen));
  } catch (error) {
    problems.push((error as Error).message);
  }
  for (const [path, rec] of seen) {
    if (Array.isArray(rec.value) || rec.enumerated) continue;
    for (const key of Object.keys(rec.value)) if (!rec.read.has(key)) problems.push(`unknown field ${path}/${key}`);
  }
  return [...problems, ...nameProblems(o)].map((p) => `${where}: ${p}`);
}

export async function validateAll(objects: unknown[]): Promise<string[]> {
  const out: string[] = [];
  for (const o of objects) out.push(...(await validateK8sObject(o)));
  return out;
}
