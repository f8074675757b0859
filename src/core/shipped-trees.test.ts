// The shipped decisions/ pass every check; their examples run as tests; the ids other rooms and
// users rely on (DESIGN contract) exist.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DECISIONS_DIR } from '../io/paths.js';
import { formatProblem } from './errors.js';
import { lintTrees, type TreeDoc } from './lint.js';
import { parseDrivers, parseTree } from './load.js';
import { walk } from './walk.js';
import { t } from './text.js';
import { LANGS, type Question } from './types.js';

const TODAY = new Date().toISOString().slice(0, 10);
const treeFiles = readdirSync(DECISIONS_DIR).filter((f) => f.endsWith('.yaml') && f !== 'drivers.yaml').sort();
const drivers = parseDrivers(readFileSync(join(DECISIONS_DIR, 'drivers.yaml'), 'utf8'), 'decisions/drivers.yaml');
const parsed = treeFiles.map((f) => ({ name: f, ...parseTree(readFileSync(join(DECISIONS_DIR, f), 'utf8'), `decisions/${f}`) }));
const docs: TreeDoc[] = parsed.flatMap((p) => (p.tree ? [{ file: `decisions/${p.name}`, tree: p.tree, locate: p.locate }] : []));
const lint = drivers.catalog ? lintTrees(docs, drivers.catalog, { today: TODAY }) : [];

describe('decisions/drivers.yaml', () => {
  it('parses without problems', () => {
    expect(drivers.problems.map(formatProblem)).toEqual([]);
  });

  const CONTRACT: Record<string, string[]> = {
    scale: ['small', 'large'], complexity: ['low', 'high'], 'domain-boundaries': ['clear', 'unclear'],
    'team-size': ['small', 'large'], 'independent-scaling': ['yes', 'no'], 'high-resilience': ['yes', 'no'],
    'latency-sensitive': ['yes', 'no'], 'ops-maturity': ['low', 'high'], cloud: ['aws', 'azure', 'gcp', 'on-prem', 'multi-cloud'],
    'managed-preference': ['yes', 'no'], 'cost-sensitive': ['yes', 'no'], customization: ['yes', 'no'],
    'ecosystem-integrations': ['yes', 'no'], 'edge-security': ['yes', 'no'], 'complex-routing': ['yes', 'no'],
    'nginx-experience': ['yes', 'no'], 'cross-service-transaction': ['yes', 'no'], 'workflow-complexity': ['simple', 'complex'],
    'central-visibility': ['yes', 'no'], 'team-autonomy': ['yes', 'no'],
  };
  it.each(Object.entries(CONTRACT))('defines driver %s with the contract values %o', (id, values) => {
    const driver = drivers.catalog?.drivers[id];
    expect(driver, `driver ${id}`).toBeDefined();
    expect(Object.keys(driver?.values ?? {}).sort()).toEqual([...values].sort());
  });
});

describe.each(parsed.map((p) => [p.name, p] as const))('decisions/%s', (name, p) => {
  it('parses and matches the schema', () => {
    expect(p.problems.map(formatProblem)).toEqual([]);
  });

  it('passes every lint rule', () => {
    const errors = lint.filter((x) => x.file === `decisions/${name}` && x.severity === 'error');
    expect(errors.map(formatProblem)).toEqual([]);
  });

  // Shipped content is held to more than user trees: no outcome without an example, no option
  // that never wins, no asked driver that changes nothing. Only the review date may age.
  it('has no warnings except an ageing review date', () => {
    const warnings = lint.filter((x) => x.file === `decisions/${name}` && x.severity === 'warning' && x.rule !== 'review-date');
    expect(warnings.map(formatProblem)).toEqual([]);
  });

  const examples = p.tree?.examples ?? [];
  it.runIf(examples.length > 0).each(examples.map((ex, i) => [i, ex.expect, ex] as const))('example %i reaches %s', (_i, expected, ex) => {
    const result = walk(p.tree!, ex.drivers);
    expect(result.status === 'done' ? result.outcome : `needs ${result.missing.join(', ')}`).toBe(expected);
  });
});

// A plain string is allowed by the format (one text for every language), but shipped content is
// written in both languages everywhere.
const TEXT_KEYS = new Set(['title', 'problem', 'decision', 'positive', 'negative', 'warnings', 'text', 'reason', 'question', 'help', 'label', 'short']);
function plainTexts(node: unknown, where: string, out: string[]): string[] {
  if (Array.isArray(node)) node.forEach((n, i) => plainTexts(n, `${where}[${i}]`, out));
  else if (typeof node === 'object' && node !== null) {
    for (const [key, value] of Object.entries(node)) {
      if (key === 'sources' || key === 'source') continue; // source titles are names, not translated text
      const here = `${where}.${key}`;
      if (TEXT_KEYS.has(key) && typeof value === 'string') out.push(here);
      else if (TEXT_KEYS.has(key) && Array.isArray(value)) value.forEach((v, i) => typeof v === 'string' && out.push(`${here}[${i}]`));
      plainTexts(value, here, out);
    }
  }
  return out;
}

describe('bilingual content', () => {
  it('gives every shipped text in English and Spanish', () => {
    const found = [...docs.map((d) => plainTexts(d.tree, d.tree.id, [])), plainTexts(drivers.catalog, 'drivers', [])].flat();
    expect(found).toEqual([]);
  });
});

// Diagrams show each question in a few words. A user's tree may leave them out (the driver id
// stands in); a shipped tree may not: every question of every shipped tree has a short form, its
// own or its driver's, in both languages, short enough for a diagram node.
describe('short question labels for diagrams', () => {
  const SHORT_MAX = 32;
  const shortOf = (q: Question) => q.short ?? drivers.catalog?.drivers[q.driver]?.short;

  it('every driver has a short form in English and Spanish, shorter than its question', () => {
    const bad = Object.values(drivers.catalog?.drivers ?? {}).flatMap((d) => {
      const short = d.short;
      if (typeof short !== 'object') return [`${d.id}: no short {en, es}`];
      return LANGS.flatMap((lang) =>
        short[lang].length > SHORT_MAX || short[lang].length >= t(d.question, lang).length ? [`${d.id}.short.${lang}: "${short[lang]}" is not short`] : [],
      );
    });
    expect(bad).toEqual([]);
  });

  it.each(docs.map((d) => [d.tree.id, d.tree] as const))('%s: every question has a short form in both languages', (_id, tree) => {
    if (tree.kind !== 'tree') return;
    const bad = Object.values(tree.questions).flatMap((q) => {
      const short = shortOf(q);
      if (typeof short !== 'object') return [`${q.id}: no short form (its own or driver "${q.driver}"'s)`];
      return LANGS.flatMap((lang) => (short[lang].length > SHORT_MAX ? [`${q.id}.short.${lang}: "${short[lang]}" is longer than ${SHORT_MAX}`] : []));
    });
    expect(bad).toEqual([]);
  });
});

describe('the contract trees and outcomes', () => {
  const CONTRACT: Record<string, string[]> = {
    'architecture-style': ['monolith', 'modular-monolith', 'microservices'],
    'container-orchestrator': ['kubernetes', 'docker-swarm', 'docker-compose', 'managed-containers'],
    'kubernetes-hosting': ['amazon-eks', 'amazon-eks-auto-mode', 'managed-kubernetes', 'self-managed', 'lightweight-kubernetes'],
    'kubernetes-ingress': ['aws-alb', 'gateway-api', 'nginx'],
    'mlops-platform': ['mlflow', 'sagemaker', 'azure-ml', 'vertex-ai', 'kubeflow'],
    'saga-coordination': ['orchestration', 'choreography', 'local-transaction'],
    'saga-engine': ['hand-written', 'azure-durable-functions', 'aws-step-functions', 'temporal'],
  };
  const trees = new Map(docs.map((d) => [d.tree.id, d.tree]));
  it.each(Object.entries(CONTRACT))('%s exists with outcomes %o', (id, outcomes) => {
    const tree = trees.get(id);
    expect(tree, `tree ${id}`).toBeDefined();
    expect(Object.keys(tree?.outcomes ?? {})).toEqual(expect.arrayContaining(outcomes));
  });

  it('mlops-platform is a weighted matrix', () => {
    expect(trees.get('mlops-platform')?.kind).toBe('matrix');
  });

  it.each([
    ['architecture-style', 'microservices', 'container-orchestrator'],
    ['container-orchestrator', 'kubernetes', 'kubernetes-hosting'],
    ['kubernetes-hosting', 'amazon-eks', 'kubernetes-ingress'],
    ['architecture-style', 'microservices', 'saga-coordination'],
    ['saga-coordination', 'orchestration', 'saga-engine'],
  ])('%s/%s follows up with %s', (tree, outcome, next) => {
    expect(trees.get(tree)?.outcomes[outcome]?.followUps).toContain(next);
  });
});
