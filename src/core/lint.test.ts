import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { formatProblem } from './errors.js';
import { lintTrees, type TreeDoc } from './lint.js';
import { parseDrivers, parseTree } from './load.js';
import { RULES } from './rules/index.js';
import type { DriverCatalog } from './types.js';

const FIXTURES = join(dirname(fileURLToPath(import.meta.url)), '__fixtures__');
const TODAY = '2026-11-24';

function doc(name: string): TreeDoc {
  const file = name;
  const { tree, problems, locate } = parseTree(readFileSync(join(FIXTURES, name), 'utf8'), file);
  if (!tree) throw new Error(`fixture ${name} does not parse: ${problems.map(formatProblem).join('; ')}`);
  return { file, tree, locate };
}

const catalog: DriverCatalog = parseDrivers(readFileSync(join(FIXTURES, 'drivers.yaml'), 'utf8'), 'drivers.yaml').catalog!;
const base = [doc('good-tree.yaml'), doc('good-matrix.yaml')];

// Each fixture is a good tree with one defect; the table lists every problem lint finds in it,
// located exactly (rule | file:line:col  path  message).
const CASES: [string, string[]][] = [
  [
    'consequences',
    [
      "consequences | rules/consequences.yaml:46:17  outcomes.microservices.consequences.negative  outcome \"microservices\" has 1 negative consequence that always holds; give at least two"
    ],
  ],
  [
    'cycle',
    [
      "cycle | rules/cycle.yaml:25:16  questions.q-boundaries.branches.unclear  cycle: q-teams -> q-boundaries -> q-teams"
    ],
  ],
  [
    'dangling-reference',
    [
      "dangling-reference | rules/dangling-reference.yaml:19:14  questions.q-teams.branches.small  unknown node \"modular-monolit\" (did you mean \"modular-monolith\"?)"
    ],
  ],
  [
    'duplicate-id',
    [
      "duplicate-id | rules/duplicate-id.yaml:1:5  id  tree id \"good-tree\" is already used by good-tree.yaml",
      "file-name | rules/duplicate-id.yaml:1:5  id  warning: tree \"good-tree\" should live in a file named good-tree.yaml",
      "duplicate-id | rules/duplicate-id.yaml:21:3  questions.monolith  \"monolith\" is both a question and an outcome"
    ],
  ],
  [
    'examples',
    [
      "examples | rules/examples.yaml:52:13  examples[1].expect  example expects \"microservices\" but reaches \"modular-monolith\" via scale=large -> team-size=small",
      "examples | rules/examples.yaml:53:5  examples[2]  example stops before an outcome: it does not set \"team-size\", \"domain-boundaries\" (after scale=large)"
    ],
  ],
  [
    'follow-up',
    [
      "dangling-reference | rules/follow-up.yaml:47:17  outcomes.microservices.followUps[0]  unknown tree \"good-matrx\" (did you mean \"good-matrix\"?)"
    ],
  ],
  [
    'matrix-adjustment',
    [
      "pointless-question | rules/matrix-adjustment.yaml:8:35  asks[2]  warning: driver \"cost-sensitive\" never changes which option wins; drop it from asks or give it a weight that matters",
      "matrix-scores | rules/matrix-adjustment.yaml:15:15  adjustments[0].weights.costs  unknown criterion \"costs\" (did you mean \"cost\"?)",
      "examples | rules/matrix-adjustment.yaml:45:13  examples[3].expect  example expects \"open-source\" but reaches \"managed-aws\" via cloud=aws -> managed-preference=yes -> cost-sensitive=yes"
    ],
  ],
  [
    'matrix-asks',
    [
      "matrix-asks | rules/matrix-asks.yaml:8:31  asks[2]  driver \"scale\" is asked but no gate or adjustment uses it",
      "pointless-question | rules/matrix-asks.yaml:8:31  asks[2]  warning: driver \"scale\" never changes which option wins; drop it from asks or give it a weight that matters",
      "matrix-asks | rules/matrix-asks.yaml:17:12  adjustments[1].when.managed-preference  adjustment on driver \"managed-preference\", which the tree does not ask (add it to asks)",
      "matrix-asks | rules/matrix-asks.yaml:25:30  outcomes.managed-aws.requires.managed-preference  gate on driver \"managed-preference\", which the tree does not ask (add it to asks)",
      "matrix-asks | rules/matrix-asks.yaml:31:32  outcomes.managed-azure.requires.managed-preference  gate on driver \"managed-preference\", which the tree does not ask (add it to asks)",
      "examples | rules/matrix-asks.yaml:38:5  examples[0]  example stops before an outcome: it does not set \"scale\" (after cloud=aws -> cost-sensitive=no)",
      "examples | rules/matrix-asks.yaml:40:5  examples[1]  example stops before an outcome: it does not set \"scale\" (after cloud=azure -> cost-sensitive=no)",
      "examples | rules/matrix-asks.yaml:42:5  examples[2]  example stops before an outcome: it does not set \"scale\" (after cloud=on-prem -> cost-sensitive=no)",
      "examples | rules/matrix-asks.yaml:44:5  examples[3]  example stops before an outcome: it does not set \"scale\" (after cloud=aws -> cost-sensitive=yes)"
    ],
  ],
  [
    'matrix-eligible',
    [
      "matrix-eligible | rules/matrix-eligible.yaml:8:7  asks  no option is eligible when cloud=on-prem, managed-preference=yes, cost-sensitive=yes (and 3 more contexts)"
    ],
  ],
  [
    'matrix-gate-value',
    [
      "unreachable | rules/matrix-gate-value.yaml:26:3  outcomes.managed-azure  warning: option \"managed-azure\" never ranks first in any context",
      "unknown-value | rules/matrix-gate-value.yaml:31:24  outcomes.managed-azure.requires.cloud[0]  \"azur\" is not a value of driver \"cloud\" (aws, azure, on-prem) (did you mean \"azure\"?)",
      "examples | rules/matrix-gate-value.yaml:41:13  examples[1].expect  example expects \"managed-azure\" but reaches \"open-source\" via cloud=azure -> managed-preference=yes -> cost-sensitive=no"
    ],
  ],
  [
    'matrix-scores',
    [
      "pointless-question | rules/matrix-scores.yaml:8:35  asks[2]  warning: driver \"cost-sensitive\" never changes which option wins; drop it from asks or give it a weight that matters",
      "matrix-scores | rules/matrix-scores.yaml:36:13  outcomes.open-source.scores  option \"open-source\" has no score for \"ease\"",
      "matrix-scores | rules/matrix-scores.yaml:36:27  outcomes.open-source.scores.eas  unknown criterion \"eas\" (did you mean \"ease\"?)",
      "examples | rules/matrix-scores.yaml:45:13  examples[3].expect  example expects \"open-source\" but reaches \"managed-aws\" via cloud=aws -> managed-preference=yes -> cost-sensitive=yes"
    ],
  ],
  [
    'missing-branch',
    [
      "missing-branch | rules/missing-branch.yaml:13:5  questions.q-scale.branches  no branch for value \"small\" of driver \"scale\"",
      "unreachable | rules/missing-branch.yaml:26:3  outcomes.monolith  outcome \"monolith\" cannot be reached from start \"q-scale\"",
      "examples | rules/missing-branch.yaml:48:5  examples[0]  example stops before an outcome: value \"small\" of driver \"scale\" has no branch"
    ],
  ],
  [
    'pointless-question',
    [
      "pointless-question | rules/pointless-question.yaml:16:3  questions.q-teams  every answer to \"q-teams\" (team-size) leads to outcome \"modular-monolith\": the question changes nothing",
      "pointless-question | rules/pointless-question.yaml:21:3  questions.q-boundaries  every answer to \"q-boundaries\" (domain-boundaries) leads to outcome \"modular-monolith\": the question changes nothing",
      "unreachable | rules/pointless-question.yaml:41:3  outcomes.microservices  outcome \"microservices\" cannot be reached from start \"q-scale\"",
      "examples | rules/pointless-question.yaml:54:13  examples[2].expect  example expects \"microservices\" but reaches \"modular-monolith\" via scale=large -> team-size=large -> domain-boundaries=clear"
    ],
  ],
  [
    'repeated-driver',
    [
      "repeated-driver | rules/repeated-driver.yaml:27:13  questions.q-scale-again.driver  driver \"scale\" is already asked by \"q-scale\" on the way here, so only one branch can ever be taken"
    ],
  ],
  [
    'retired-product',
    [
      "retired-product | rules/retired-product.yaml:43:15  outcomes.microservices.decision  recommends a retired product (\"kubernetes/ingress-nginx\"): the community ingress-nginx controller is retired (March 2026); recommend Gateway API, the F5 NGINX Ingress Controller or the cloud load balancer controller"
    ],
  ],
  [
    'review-date',
    [
      "review-date | rules/review-date.yaml:5:11  reviewed  warning: last reviewed 2025-06-01, more than 12 months ago: check the facts and sources, then update the date"
    ],
  ],
  [
    'sources',
    [
      "sources | rules/sources.yaml:6:10  sources  the tree cites no sources; add at least one (title + url)"
    ],
  ],
  [
    'unknown-driver',
    [
      "unknown-driver | rules/unknown-driver.yaml:17:13  questions.q-teams.driver  unknown driver \"team-sise\" (did you mean \"team-size\"?)",
      "examples | rules/unknown-driver.yaml:51:5  examples[1]  example stops before an outcome: it does not set \"team-sise\", \"domain-boundaries\" (after scale=large)",
      "examples | rules/unknown-driver.yaml:53:5  examples[2]  example stops before an outcome: it does not set \"team-sise\" (after scale=large)"
    ],
  ],
  [
    'unknown-value',
    [
      "unknown-value | rules/unknown-value.yaml:24:7  questions.q-boundaries.branches.clean  \"clean\" is not a value of driver \"domain-boundaries\" (clear, unclear) (did you mean \"clear\"?)"
    ],
  ],
  [
    'tree-rule',
    [
      "tree-rule | rules/tree-rule.yaml:56:5  rules[0]  rule \"one-team-modular\" (only modular-monolith when team-size=small) is broken: scale=small, team-size=small reaches \"monolith\"",
      "dangling-reference | rules/tree-rule.yaml:67:13  rules[2].never[0]  rule \"typo\" names \"microservice\", which is not an outcome of this tree (did you mean \"microservices\"?)",
      "rule-shape | rules/tree-rule.yaml:69:5  rules[3]  rule \"both-kinds\" needs exactly one of \"never\" or \"only\"",
      "duplicate-id | rules/tree-rule.yaml:74:9  rules[4].id  rule id \"large-never-monolith\" is used twice in this tree"
    ],
  ],
  [
    'chain',
    [
      "chain | rules/chain.yaml:42:16  outcomes.modular-monolith.constrains.drivers  \"modular-monolith\" implies driver values but has no follow-ups to apply them to",
      "chain | rules/chain.yaml:54:22  outcomes.microservices.constrains.outcomes.good-matrix  chain broken: scale=large, team-size=large, domain-boundaries=clear, cloud=aws, cost-sensitive=yes reaches \"microservices\", then \"good-matrix\" reaches \"open-source\" (allowed: managed-aws, managed-azure, managed-gcp); imply the drivers that lead there",
      "chain | rules/chain.yaml:54:51  outcomes.microservices.constrains.outcomes.good-matrix[2]  \"managed-gcp\" is not an outcome of \"good-matrix\" (did you mean \"managed-aws\"?)",
      "chain | rules/chain.yaml:55:9  outcomes.microservices.constrains.outcomes.good-tree  \"good-tree\" is not a follow-up of \"microservices\"; add it to followUps or drop the constraint"
    ],
  ],
  [
    'dead-text',
    [
      "dead-text | rules/dead-text.yaml:37:9  outcomes.monolith.warnings[2]  warning: this conditional text is never shown: no answers that reach \"monolith\" match its condition",
      "dead-text | rules/dead-text.yaml:39:9  outcomes.monolith.warnings[3]  warning: this conditional text is never shown: no answers that reach \"monolith\" match its condition"
    ],
  ],
  [
    'unreachable',
    [
      "unreachable | rules/unreachable.yaml:27:3  outcomes.serverless  outcome \"serverless\" cannot be reached from start \"q-scale\"",
      "uncovered-outcome | rules/unreachable.yaml:27:3  outcomes.serverless  warning: no example reaches outcome \"serverless\""
    ],
  ]
];

describe('lintTrees', () => {
  it('finds nothing wrong in the good fixtures', () => {
    expect(lintTrees(base, catalog, { today: TODAY })).toEqual([]);
  });

  it('has a fixture for every rule', () => {
    const fired = new Set(CASES.flatMap(([, lines]) => lines.map((l) => l.split(' | ')[0])));
    for (const [id] of RULES) expect(fired, id).toContain(id);
    expect(readdirSync(join(FIXTURES, 'rules')).sort()).toEqual(CASES.map(([n]) => `${n}.yaml`).sort());
  });

  it.each(CASES)('rules/%s.yaml: reports the defect at its line and column', (name, expected) => {
    const d = doc(`rules/${name}.yaml`);
    const problems = lintTrees([...base, d], catalog, { today: TODAY }).filter((p) => p.file === d.file);
    expect(problems.map((p) => `${p.rule} | ${formatProblem(p)}`)).toEqual(expected);
  });

  it('reports a stale review date as a warning only, and nothing for a recent one', () => {
    const d = doc('rules/review-date.yaml');
    const at = (today: string) => lintTrees([...base, d], catalog, { today }).filter((p) => p.file === d.file);
    expect(at('2026-06-01')).toEqual([]);
    expect(at('2026-06-02').map((p) => [p.rule, p.severity])).toEqual([['review-date', 'warning']]);
  });

  it('reports unknown starters when the starter list is given', () => {
    const problems = lintTrees(base, catalog, { today: TODAY, starters: ['nest-microservices'] });
    expect(problems.map(formatProblem)).toEqual([
      'good-tree.yaml:40:16  outcomes.modular-monolith.starters[0]  unknown starter "modular-monolith"',
    ]);
  });

  it('sorts problems by file, then line', () => {
    const docs = ['rules/unknown-driver.yaml', 'rules/consequences.yaml', 'rules/cycle.yaml'].map(doc);
    const problems = lintTrees([...base, ...docs], catalog, { today: TODAY });
    const keys = problems.map((p) => [p.file, p.line]);
    expect(keys).toEqual([...keys].sort((a, b) => String(a[0]).localeCompare(String(b[0])) || Number(a[1]) - Number(b[1])));
    expect(new Set(problems.map((p) => p.file)).size).toBe(3);
  });
});

describe('retired-product patterns', () => {
  it.each([
    ['helm install ingress-nginx ingress-nginx/ingress-nginx', true],
    ['the kubernetes/ingress-nginx controller', true],
    ['Google AI Platform Training', true],
    ['image: bitnami/postgresql:16', true],
    ['image: minio/minio:latest', true],
    ['Amazon SageMaker pipelines', true],
    ['Amazon SageMaker AI pipelines', false],
    ['the F5 NGINX Ingress Controller (nginx/kubernetes-ingress)', false],
    ['Vertex AI, now part of Gemini Enterprise Agent Platform', false],
    ['bitnami/charts sources', false],
    ['Amazon SageMaker AI (the ML service formerly called Amazon SageMaker)', false],
  ])('%s -> flagged: %s', async (text, flagged) => {
    const { RETIRED } = await import('./rules/retired-product.js');
    expect(RETIRED.some((r) => r.pattern.test(text) && !(r.unless?.test(text) ?? false))).toBe(flagged);
  });
});
