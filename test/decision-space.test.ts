// Advice that holds across the whole decision space, end to end through the built binary: the
// corrections of the 2026-12 review (each as a rule in the shipped tree and as a walk), chains
// that keep their promises, contradictory answers, "what would change this decision", areas, and
// a repository's own copy of a shipped tree.
import { cpSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { loadDecisionSet } from '../src/io/trees.js';
import type { DriverCatalog, Tree } from '../src/core/types.js';
import { DECISIONS_DIR } from '../src/io/paths.js';
import { ROOT, runCli, tempDir } from './support/cli.js';

interface JsonDecision {
  tree: string;
  outcome: string;
  warnings: string[];
  flips: { driver: string; from: string; to: string; outcome?: string; outcomes?: string[] }[];
  notes: { kind: string; id: string; message: string }[];
  implied?: Record<string, string>;
  closeCall?: { runnerUp: string; margin: number };
  ledBy?: { tree: string; outcome: string };
}

let trees: Map<string, Tree>;
let catalog: DriverCatalog;
beforeAll(async () => {
  ({ trees, catalog } = await loadDecisionSet({ cwd: ROOT }));
});

async function decide(args: string[], sets: Record<string, string>, cwd = tempDir()): Promise<JsonDecision[]> {
  const flags = Object.entries(sets).flatMap(([d, v]) => ['--set', `${d}=${v}`]);
  const r = await runCli(['decide', ...args, ...flags, '--use-defaults', '--json', '--no-write'], { cwd });
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  return (JSON.parse(r.stdout) as { decisions: JsonDecision[] }).decisions;
}

// Each correction of the review: the rule that encodes it in the shipped tree, and a walk that
// shows it (the other drivers take their defaults).
const CORRECTIONS: { finding: string; tree: string; rule: string; sets: Record<string, string>; outcome: string; text?: RegExp; not?: string[] }[] = [
  {
    finding: '1: small, cost-sensitive teams on Azure get the managed service on its free tier',
    tree: 'kubernetes-hosting',
    rule: 'azure-gcp-cost-is-no-reason-for-k3s',
    sets: { cloud: 'azure', 'cost-sensitive': 'yes', scale: 'small', 'ops-maturity': 'high' },
    outcome: 'managed-kubernetes',
    text: /Free tier/,
  },
  {
    finding: '1: the same on GCP',
    tree: 'kubernetes-hosting',
    rule: 'azure-gcp-cost-is-no-reason-for-k3s',
    sets: { cloud: 'gcp', 'cost-sensitive': 'yes', scale: 'small', 'ops-maturity': 'high' },
    outcome: 'managed-kubernetes',
    text: /free tier/i,
  },
  {
    finding: '2: a low-ops AWS team never runs its own cluster, even cost-sensitive and asking for customization',
    tree: 'kubernetes-hosting',
    rule: 'low-ops-never-runs-its-own-cluster',
    sets: { cloud: 'aws', 'ops-maturity': 'low', 'cost-sensitive': 'yes', scale: 'small', customization: 'yes' },
    outcome: 'amazon-eks-auto-mode',
    not: ['self-managed', 'lightweight-kubernetes'],
  },
  {
    finding: '3: one small team with a complex domain never gets microservices',
    tree: 'architecture-style',
    rule: 'small-team-no-microservices',
    sets: { 'team-size': 'small', complexity: 'high', 'domain-boundaries': 'clear', 'ops-maturity': 'high', 'team-autonomy': 'yes', 'latency-sensitive': 'no' },
    outcome: 'modular-monolith',
    not: ['microservices'],
  },
  {
    finding: '4: a part that needs a GPU is extracted even at small scale',
    tree: 'architecture-style',
    rule: 'dedicated-runtime-is-extracted',
    sets: { 'team-size': 'small', scale: 'small', 'dedicated-runtime': 'yes', 'ops-maturity': 'high' },
    outcome: 'modular-monolith-with-extracted-services',
  },
  {
    finding: '5: AKS gets the application routing add-on (Gateway API) and the NGINX deadline',
    tree: 'kubernetes-ingress',
    rule: 'aks-new-routes-use-the-platform',
    sets: { cloud: 'azure' },
    outcome: 'aks-application-routing',
    text: /November 2026/,
  },
  {
    finding: '5: GKE gets the GKE Gateway controller',
    tree: 'kubernetes-ingress',
    rule: 'gke-new-routes-use-gke-gateway',
    sets: { cloud: 'gcp' },
    outcome: 'gke-gateway',
  },
  {
    finding: '6: keeping existing Ingress manifests with little change is Traefik, not an annotation rewrite',
    tree: 'kubernetes-ingress',
    rule: 'little-change-is-not-an-annotation-rewrite',
    sets: { cloud: 'on-prem', 'existing-ingress-manifests': 'yes' },
    outcome: 'traefik',
    not: ['nginx'],
  },
  {
    finding: '7: managed preference on multi-cloud is managed MLflow, never Kubeflow',
    tree: 'mlops-platform',
    rule: 'multi-cloud-managed-mlflow',
    sets: { cloud: 'multi-cloud', 'managed-preference': 'yes', scale: 'large', 'ops-maturity': 'high', 'cost-sensitive': 'no' },
    outcome: 'managed-mlflow',
    not: ['kubeflow'],
  },
  {
    finding: '7: a small, low-ops team gets MLflow without Kubernetes and Airflow',
    tree: 'mlops-platform',
    rule: 'low-ops-never-kubeflow',
    sets: { cloud: 'on-prem', 'managed-preference': 'no', scale: 'small', 'ops-maturity': 'low', 'cost-sensitive': 'yes' },
    outcome: 'mlflow',
    text: /Docker Compose/,
  },
  {
    finding: '8: managed preference on GCP is Google Cloud Workflows, as it is Step Functions on AWS',
    tree: 'saga-engine',
    rule: 'managed-on-a-cloud-gets-its-engine',
    sets: { cloud: 'gcp', 'managed-preference': 'yes', 'workflow-complexity': 'complex' },
    outcome: 'google-cloud-workflows',
  },
  {
    finding: '8: an air-gapped, low-ops site never self-hosts Temporal',
    tree: 'saga-engine',
    rule: 'low-ops-no-self-hosted-temporal',
    sets: { cloud: 'on-prem', 'ops-maturity': 'low', 'workflow-complexity': 'complex', 'saas-allowed': 'no' },
    outcome: 'hand-written',
    not: ['temporal'],
  },
];

describe('the corrections of the 2026-12 review', () => {
  it.each(CORRECTIONS)('finding $finding', async ({ tree, rule, sets, outcome, text, not }) => {
    expect((trees.get(tree)?.rules ?? []).map((r) => r.id)).toContain(rule);
    const [d] = await decide([tree], sets);
    expect(d!.outcome).toBe(outcome);
    for (const n of not ?? []) expect(d!.outcome).not.toBe(n);
    if (text) {
      const r = await runCli(['decide', tree, ...Object.entries(sets).flatMap(([k, v]) => ['--set', `${k}=${v}`]), '--use-defaults', '--dry-run'], { cwd: tempDir() });
      expect(r.stdout).toMatch(text);
    }
  });

  it('finding 9: the managed Kubernetes outcome names AKS Automatic next to GKE Autopilot', () => {
    const o = JSON.stringify(trees.get('kubernetes-hosting')!.outcomes['managed-kubernetes']);
    expect(o).toMatch(/AKS Automatic/);
    expect(o).toMatch(/GKE Autopilot/);
  });

  it('finding 10: Spanish text uses one neutral register (no vosotros, no voseo, no tú imperatives)', () => {
    const spanish: string[] = [];
    const collect = (node: unknown): void => {
      if (Array.isArray(node)) node.forEach(collect);
      else if (node && typeof node === 'object') {
        for (const [k, v] of Object.entries(node)) {
          if (k === 'es' && typeof v === 'string') spanish.push(v);
          else collect(v);
        }
      }
    };
    for (const f of readdirSync(DECISIONS_DIR).filter((n) => n.endsWith('.yaml'))) collect(parseYaml(readFileSync(join(DECISIONS_DIR, f), 'utf8')));
    // Forms that only vosotros, voseo or tú take (many tú imperatives equal the third person, so
    // the test looks for the unambiguous ones: pronouns, second-person verbs, enclitic imperatives).
    const VOSOTROS = /(?<![\p{L}])(\p{L}+(áis|éis)|vuestr[oa]s?|vosotros|os parece|preferís|podéis|sabéis)(?![\p{L}])/iu;
    const TU = /(?<![\p{L}])(tu|tus|vos|quieres|puedes|tienes|necesitas|debes|prefieres|asegúrate|fíjate|elígelo|mantén|no copies|no uses|no instales)(?![\p{L}])/iu;
    const bad = spanish.filter((s) => VOSOTROS.test(s) || TU.test(s));
    expect(bad).toEqual([]);
  });
});


describe('validate over the whole space', () => {
  it('--json reports, per tree, the combinations walked and where they lead, and the chains checked', async () => {
    const r = await runCli(['validate', '--json'], { cwd: tempDir() });
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as { errors: number; trees: { id: string; combinations: number; outcomes: Record<string, number>; chains: { outcome: string; followUp: string; combinations: number }[] }[] };
    expect(out.errors).toBe(0);
    expect(out.trees.map((t) => t.id).sort()).toEqual([...trees.keys()].sort());
    for (const t of out.trees) {
      // Every combination reaches an outcome, and every outcome is reached by some combination.
      expect(Object.values(t.outcomes).reduce((a, b) => a + b, 0), t.id).toBe(t.combinations);
      expect(Object.entries(t.outcomes).filter(([, n]) => n === 0), t.id).toEqual([]);
    }
    const mlops = out.trees.find((t) => t.id === 'mlops-platform')!;
    expect(mlops.combinations).toBe(5 * 2 * 2 * 2 * 2);
    expect(mlops.chains).toContainEqual(expect.objectContaining({ outcome: 'kubeflow', followUp: 'container-orchestrator' }));
  });

  it('rejects a repository tree whose rule the tree breaks, at the rule line, with the combination', async () => {
    const dir = tempDir();
    const copy = readFileSync(join(DECISIONS_DIR, 'architecture-style.yaml'), 'utf8').replace(
      /^rules:\n/m,
      'rules:\n  - id: never-a-monolith\n    when: {}\n    never: [monolith]\n    reason: {en: Broken on purpose., es: Rota a propósito.}\n',
    );
    writeFileSync(join(dir, 'architecture-style.yaml'), copy);
    const r = await runCli(['validate', 'architecture-style.yaml'], { cwd: dir });
    expect(r.code).toBe(2);
    const line = copy.split('\n').findIndex((l) => l.includes('id: never-a-monolith')) + 1;
    expect(r.stdout).toMatch(new RegExp(`^architecture-style\\.yaml:${line}:5  rules\\[0\\]  rule "never-a-monolith" \\(never monolith\\) is broken: .+ reaches "monolith"$`, 'm'));
  });
});

describe('chains keep their promises', () => {
  // Answers for which the ML platform is Kubeflow, from a team that said it needs no Kubernetes ecosystem.
  const KUBEFLOW = {
    cloud: 'aws',
    'managed-preference': 'no',
    'ops-maturity': 'high',
    scale: 'large',
    'cost-sensitive': 'no',
    'ecosystem-integrations': 'no',
  };

  it('Kubeflow leads to Kubernetes even when the answers said the ecosystem is not needed, and says so', async () => {
    const ds = await decide(['mlops-platform', '--chain'], KUBEFLOW);
    expect(ds.map((d) => `${d.tree}:${d.outcome}`).slice(0, 2)).toEqual(['mlops-platform:kubeflow', 'container-orchestrator:kubernetes']);
    const co = ds[1]!;
    expect(co.implied).toEqual({ 'ecosystem-integrations': 'yes' });
    expect(co.notes).toContainEqual(expect.objectContaining({ kind: 'chain', message: expect.stringMatching(/^ecosystem-integrations=yes \(answered no\): /) }));
    // The implied answer is settled by the decision before: not something to revisit here.
    expect(co.flips.map((f) => f.driver)).not.toContain('ecosystem-integrations');
  });

  it('the follow-up ADR says which answer the chain settled, and why', async () => {
    const dir = tempDir();
    const flags = Object.entries(KUBEFLOW).flatMap(([d, v]) => ['--set', `${d}=${v}`]);
    const r = await runCli(['decide', 'mlops-platform', '--chain', ...flags, '--use-defaults'], { cwd: dir, env: { ADR_DATE: '2026-12-01' } });
    expect(r.code).toBe(0);
    const files = readdirSync(join(dir, 'doc', 'adr')).sort();
    expect(files.slice(0, 2)).toEqual(['0001-ml-platform-kubeflow-on-kubernetes.md', '0002-container-platform-kubernetes.md']);
    const adr = readFileSync(join(dir, 'doc', 'adr', files[1]!), 'utf8');
    expect(adr).toMatch(/### Notes on the answers\n\n\* ecosystem-integrations=yes \(answered no\): Kubeflow runs only on Kubernetes/);
  });

  it('a constraint applies even when the follow-up was reached first by another tree', async () => {
    const ds = await decide(['--all'], { ...KUBEFLOW, 'ml-workload': 'yes', 'team-size': 'small', complexity: 'low' });
    const outcome = (id: string) => ds.find((d) => d.tree === id)?.outcome;
    expect(outcome('mlops-platform')).toBe('kubeflow');
    expect(outcome('container-orchestrator')).toBe('kubernetes');
  });
});

describe('areas', () => {
  it('--all skips the ML platform for a project without ML, and asks for the area when unknown', async () => {
    const ds = await decide(['--all'], { 'ml-workload': 'no', 'team-size': 'small', complexity: 'low' });
    expect(ds.map((d) => d.tree)).not.toContain('mlops-platform');
    const r = await runCli(['decide', '--all', '--json', '--no-write'], { cwd: tempDir() });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/mlops-platform: ml-workload/);
  });
});

describe('contradictory answers', () => {
  it('a non-interactive run proceeds and records the contradiction in --json and in the ADR', async () => {
    const dir = tempDir();
    const sets = { 'team-size': 'small', 'team-autonomy': 'yes', complexity: 'high', 'domain-boundaries': 'clear', 'ops-maturity': 'high' };
    const flags = Object.entries(sets).flatMap(([d, v]) => ['--set', `${d}=${v}`]);
    const r = await runCli(['decide', 'architecture-style', ...flags, '--use-defaults', '--json'], { cwd: dir, env: { ADR_DATE: '2026-12-01' } });
    expect(r.code).toBe(0);
    const [d] = (JSON.parse(r.stdout) as { decisions: JsonDecision[] }).decisions;
    const reason = catalog.conflicts!.find((c) => c.id === 'small-team-several-teams')!.reason as { en: string };
    expect(d!.warnings[0]).toBe(`team-size=small, team-autonomy=yes: ${reason.en.replace(/\s+/g, ' ')}`);
    const adr = readFileSync(join(dir, 'doc', 'adr', readdirSync(join(dir, 'doc', 'adr')).find((f) => f.startsWith('0001'))!), 'utf8');
    expect(adr).toContain('team-size=small, team-autonomy=yes');
  });
});

describe('a repository copy of a shipped tree', () => {
  it('replaces the shipped tree: trees, show, validate and the ADR say which file it came from', async () => {
    const dir = tempDir();
    mkdirSync(join(dir, '.adr-wizard', 'decisions'), { recursive: true });
    const mine = join(dir, '.adr-wizard', 'decisions', 'architecture-style.yaml');
    cpSync(join(DECISIONS_DIR, 'architecture-style.yaml'), mine);
    writeFileSync(mine, readFileSync(mine, 'utf8').replace('en: Simple layered monolith', 'en: Our house monolith'));
    writeFileSync(join(dir, '.git'), ''); // the repository root

    const list = await runCli(['trees'], { cwd: dir });
    expect(list.stdout).toMatch(/from \.adr-wizard\/decisions\/architecture-style\.yaml; replaces the shipped architecture-style/);
    const show = await runCli(['show', 'architecture-style', '--json'], { cwd: dir });
    expect(JSON.parse(show.stdout).source).toEqual({ file: '.adr-wizard/decisions/architecture-style.yaml', overrides: true });
    const v = await runCli(['validate'], { cwd: dir });
    expect(v.code).toBe(0);
    expect(v.stdout).toMatch(/^architecture-style \(from \.adr-wizard\/decisions\/architecture-style\.yaml; replaces the shipped architecture-style\): \d+ combinations walked/m);
    const elsewhere = tempDir();
    cpSync(mine, join(elsewhere, 'copy.yaml'));
    expect((await runCli(['validate', 'copy.yaml'], { cwd: elsewhere })).code).toBe(0);

    const r = await runCli(['decide', 'architecture-style', '--set', 'team-size=small', '--set', 'complexity=low', '--use-defaults'], { cwd: dir, env: { ADR_DATE: '2026-12-01' } });
    expect(r.code).toBe(0);
    const file = readdirSync(join(dir, 'doc', 'adr')).find((f) => f.startsWith('0001'))!;
    expect(file).toBe('0001-architecture-style-our-house-monolith.md');
    const adr = readFileSync(join(dir, 'doc', 'adr', file), 'utf8');
    expect(adr).toMatch(/^# Architecture style: Our house monolith$/m);
    expect(adr).toContain('Decision tree: `.adr-wizard/decisions/architecture-style.yaml`.');
  });
});
