// A NetworkPolicy evaluator for tests: given the rendered NetworkPolicies of one namespace, answers
// "can A reach B on port P" the way the Kubernetes API defines it (a CNI that enforces
// NetworkPolicy does the same):
//  - a pod no policy selects for a direction is open in that direction;
//  - a pod some policy selects for Ingress (or Egress) only accepts (or sends) what one of those
//    policies' rules allows; policies add up, never subtract;
//  - a connection needs both the source's egress and the destination's ingress to allow it;
//  - a peer is a podSelector (this namespace), a namespaceSelector (any pod there), both (those
//    pods in those namespaces) or an ipBlock (addresses outside the cluster's pods).
// Ports are matched by number (and protocol, TCP by default); the charts use numeric ports in
// their policies, and a named port fails the evaluation loudly instead of guessing.

type Labels = Record<string, string>;
type Obj = Record<string, any>;

/** A traffic endpoint: a pod of the policies' namespace, a pod of another namespace, or an address. */
export interface Endpoint {
  name: string;
  labels?: Labels;
  /** Labels of the endpoint's namespace; undefined: the policies' own namespace. */
  namespaceLabels?: Labels;
  /** An address outside the cluster's pods (a cloud load balancer, the API server). */
  ip?: string;
}

interface Selector {
  matchLabels?: Labels;
  matchExpressions?: { key: string; operator: string; values?: string[] }[];
}

export function selects(selector: Selector | undefined, labels: Labels): boolean {
  if (!selector) return false;
  for (const [k, v] of Object.entries(selector.matchLabels ?? {})) if (labels[k] !== v) return false;
  for (const e of selector.matchExpressions ?? []) {
    const has = Object.hasOwn(labels, e.key);
    const value = labels[e.key];
    const ok =
      e.operator === 'In' ? has && (e.values ?? []).includes(value as string)
      : e.operator === 'NotIn' ? !has || !(e.values ?? []).includes(value as string)
      : e.operator === 'Exists' ? has
      : e.operator === 'DoesNotExist' ? !has
      : (() => { throw new Error(`unknown selector operator ${e.operator}`); })();
    if (!ok) return false;
  }
  return true;
}

function ipToInt(ip: string): number {
  const parts = ip.split('.').map(Number);
  if (parts.length !== 4 || parts.some((p) => !Number.isInteger(p) || p < 0 || p > 255)) throw new Error(`not an IPv4 address: ${ip}`);
  return parts.reduce((acc, p) => acc * 256 + p, 0);
}

function inCidr(ip: string, cidr: string): boolean {
  const [base, bits] = cidr.split('/');
  const n = Number(bits);
  const size = 2 ** (32 - n);
  const start = Math.floor(ipToInt(base as string) / size) * size;
  const value = ipToInt(ip);
  return value >= start && value < start + size;
}

const OWN_NAMESPACE: Labels = { 'kubernetes.io/metadata.name': '<own>' };

function peerMatches(peer: Obj, ep: Endpoint): boolean {
  if (peer.ipBlock) {
    if (!ep.ip) return false;
    return inCidr(ep.ip, peer.ipBlock.cidr) && !(peer.ipBlock.except ?? []).some((c: string) => inCidr(ep.ip as string, c));
  }
  if (ep.ip) return false;
  const inOwn = ep.namespaceLabels === undefined;
  const nsOk = peer.namespaceSelector ? selects(peer.namespaceSelector, ep.namespaceLabels ?? OWN_NAMESPACE) : inOwn;
  const podOk = peer.podSelector ? selects(peer.podSelector, ep.labels ?? {}) : true;
  return nsOk && podOk;
}

function portMatches(ports: Obj[] | undefined, port: number, protocol: string): boolean {
  if (!ports || ports.length === 0) return true;
  return ports.some((p) => {
    if ((p.protocol ?? 'TCP') !== protocol) return false;
    if (p.port === undefined) return true;
    if (typeof p.port !== 'number') throw new Error(`named port ${String(p.port)} in a NetworkPolicy: the evaluator matches numbers only`);
    return port >= p.port && port <= (p.endPort ?? p.port);
  });
}

function policyTypes(policy: Obj): string[] {
  const spec = policy.spec ?? {};
  return spec.policyTypes ?? (spec.egress ? ['Ingress', 'Egress'] : ['Ingress']);
}

function directionAllows(policies: Obj[], pod: Endpoint, direction: 'Ingress' | 'Egress', peer: Endpoint, port: number, protocol: string): boolean {
  // Only pods of the policies' namespace are governed by them.
  if (pod.ip || pod.namespaceLabels !== undefined) return true;
  const selecting = policies.filter((p) => policyTypes(p).includes(direction) && selects(p.spec.podSelector ?? {}, pod.labels ?? {}));
  if (selecting.length === 0) return true;
  const key = direction === 'Ingress' ? 'ingress' : 'egress';
  const peersKey = direction === 'Ingress' ? 'from' : 'to';
  return selecting.some((p) =>
    (p.spec[key] ?? []).some((rule: Obj) => {
      const peers: Obj[] | undefined = rule[peersKey];
      const peerOk = !peers || peers.length === 0 || peers.some((x) => peerMatches(x, peer));
      return peerOk && portMatches(rule.ports, port, protocol);
    }),
  );
}

/** Whether `from` can open a connection to `to` on `port` under `policies` (NetworkPolicy objects). */
export function canReach(policies: Obj[], from: Endpoint, to: Endpoint, port: number, protocol = 'TCP'): boolean {
  const netpols = policies.filter((p) => p.kind === 'NetworkPolicy');
  return directionAllows(netpols, from, 'Egress', to, port, protocol) && directionAllows(netpols, to, 'Ingress', from, port, protocol);
}
