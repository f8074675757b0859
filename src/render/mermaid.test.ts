import { describe, expect, it } from 'vitest';
import type { BranchingTree, DriverCatalog, MatrixTree, Outcome } from '../core/types.js';
import { mermaidSyntaxError } from '../../test/support/mermaid-parse.js';
import { lastClassOf, readFlowchart } from '../../test/support/mermaid-source.js';
import { mermaidCompatProblems } from '../../test/support/mermaid-compat.js';
import { logToMermaid, mermaidLabel, treeNodeTitles, treeToMermaid } from './mermaid.js';

function outcome(id: string, title: Outcome['title']): Outcome {
  return { id, title, decision: 'x', consequences: { positive: [], negative: [] }, warnings: [], followUps: [], starters: [] };
}

const HOSTILE = 'Is it "big" [really] (x) {y} #1 <b>bold</b> & ¿ñá? 🚀 end --> x | `tick` %%{init: {}}%% style:C#;';

const tree: BranchingTree = {
  kind: 'tree',
  id: 'sample',
  title: 'Sample',
  problem: 'p',
  reviewed: '2026-01-01',
  sources: [],
  examples: [],
  start: 'q-scale',
  questions: {
    'q-scale': { id: 'q-scale', driver: 'scale', branches: { small: 'end', large: 'q-cloud' } },
    'q-cloud': {
      id: 'q-cloud',
      driver: 'cloud',
      text: { en: 'Which cloud will the system run on?', es: '¿Qué nube usáis? ñandú' },
      short: { en: HOSTILE, es: '¿Nube? ñandú' },
      branches: { aws: 'graph', gcp: 'graph', azure: 'end' },
    },
  },
  // Outcome ids that are Mermaid keywords: ids in the source must never come from user text.
  outcomes: {
    end: outcome('end', { en: 'end', es: 'fin' }),
    graph: outcome('graph', { en: 'Micro "services" <script>', es: 'Microservicios ¿sí? 🚀' }),
  },
};

const catalog: DriverCatalog = {
  drivers: {
    scale: {
      id: 'scale',
      question: { en: 'How large is the load?', es: '¿Qué carga esperáis?' },
      short: { en: 'Load?', es: '¿Carga?' },
      help: 'h',
      default: 'small',
      values: { small: { label: { en: 'Small: a few users', es: 'Pequeña' } }, large: { label: { en: 'Large', es: 'Grande' } } },
    },
    cloud: { id: 'cloud', question: 'Cloud?', help: 'h', default: 'aws', values: { aws: { label: 'AWS' }, gcp: { label: 'GCP' }, azure: { label: 'Azure' } } },
  },
};

describe('treeToMermaid', () => {
  it('draws questions as short hexagons, outcomes as stadiums and answers on the edges, in en and es', async () => {
    for (const lang of ['en', 'es'] as const) {
      const source = treeToMermaid(tree, lang, undefined, { catalog });
      expect(await mermaidSyntaxError(source)).toBeUndefined();
      // Hostile labels stay inside what GitLab's Mermaid 10 and GitHub's 11 both read.
      expect(mermaidCompatProblems(source)).toEqual([]);
      const chart = readFlowchart(source);
      const labels = [...chart.nodes.values()].map((n) => `${n.shape}${n.label}`);
      expect(labels).toContain(lang === 'en' ? '{{Load?' : '{{¿Carga?');
      expect(labels).toContain(lang === 'en' ? `{{${HOSTILE.replace(/\r?\n/g, ' ')}` : '{{¿Nube? ñandú');
      // The whole question is not in the picture: the ADR's path and the node titles carry it.
      expect(source).not.toContain(lang === 'en' ? 'How large is the load?' : '¿Qué carga esperáis?');
      expect(labels).toContain(lang === 'en' ? '([Micro "services" <script>' : '([Microservicios ¿sí? 🚀');
      expect(chart.edges.map((e) => e.label)).toEqual(
        lang === 'en' ? ['Small', 'Large', 'AWS / GCP', 'Azure'] : ['Pequeña', 'Grande', 'AWS / GCP', 'Azure'],
      );
    }
  });

  it('generates every node id; no id comes from a tree, question or outcome id', () => {
    const source = treeToMermaid(tree, 'en');
    const chart = readFlowchart(source);
    expect([...chart.nodes.keys()].every((id) => /^n\d+$/.test(id))).toBe(true);
    expect(source).not.toMatch(/^\s*(end|graph|q-scale)\b/m);
  });

  it('without a short form, a question reads as its driver in words, never as the whole question', () => {
    const { short: _short, ...bare } = tree.questions['q-cloud']!;
    const plain: BranchingTree = { ...tree, questions: { ...tree.questions, 'q-cloud': bare } };
    const { short: _driverShort, ...scale } = catalog.drivers['scale']!;
    const noShort: DriverCatalog = { drivers: { ...catalog.drivers, scale } };
    for (const lang of ['en', 'es'] as const) {
      const labels = [...readFlowchart(treeToMermaid(plain, lang, undefined, { catalog: noShort })).nodes.values()].map((n) => n.label);
      expect(labels).toContain('Scale?');
      expect(labels).toContain('Cloud?');
      expect(labels.join('\n')).not.toMatch(/Which cloud|¿Qué nube|How large|¿Qué carga/);
    }
  });

  it('gives the whole question of every question node by node id, for tooltips', () => {
    const source = treeToMermaid(tree, 'es', undefined, { catalog });
    const chart = readFlowchart(source);
    const titles = treeNodeTitles(tree, 'es', { catalog });
    expect([...titles.keys()].map((id) => chart.nodes.get(id)?.label)).toEqual(['¿Carga?', '¿Nube? ñandú']);
    expect([...titles.values()]).toEqual(['¿Qué carga esperáis?', '¿Qué nube usáis? ñandú']);
  });

  it('without a catalog, falls back to driver and value ids', () => {
    const chart = readFlowchart(treeToMermaid(tree, 'en'));
    expect([...chart.nodes.values()].map((n) => n.label)).toContain('Scale?');
    expect(chart.edges.map((e) => e.label)).toEqual(['small', 'large', 'aws / gcp', 'azure']);
  });

  it('highlights a walk: taken questions, the taken edges, the chosen outcome; the others stay, dimmed', async () => {
    const source = treeToMermaid(
      tree,
      'en',
      {
        path: [
          { question: 'q-scale', driver: 'scale', value: 'large' },
          { question: 'q-cloud', driver: 'cloud', value: 'gcp' },
        ],
        outcome: 'graph',
      },
      { catalog },
    );
    expect(await mermaidSyntaxError(source)).toBeUndefined();
    const chart = readFlowchart(source);
    const idOf = (label: string) => [...chart.nodes.values()].find((n) => n.label === label)?.id;
    const scale = idOf('Load?')!;
    const cloud = idOf(HOSTILE)!;
    const chosen = idOf('Micro "services" <script>')!;
    const other = idOf('end')!;
    expect(lastClassOf(chart, scale)).toBe('taken');
    expect(lastClassOf(chart, cloud)).toBe('taken');
    expect(lastClassOf(chart, chosen)).toBe('chosen');
    expect(lastClassOf(chart, other)).toBe('dimmed');
    expect(chart.nodes.has(other)).toBe(true);
    const styled = chart.styledEdges.map((i) => chart.edges[i]);
    expect(styled).toEqual([
      { from: scale, to: cloud, label: 'Large' },
      { from: cloud, to: chosen, label: 'AWS / GCP' },
    ]);
    expect(source).toMatch(/classDef chosen .*font-weight:bold/);
  });

  it('draws a matrix tree as criteria scoring the options; the winner stands out, excluded options are marked', async () => {
    const matrix: MatrixTree = {
      kind: 'matrix',
      id: 'm',
      title: 'M',
      problem: 'p',
      reviewed: '2026-01-01',
      sources: [],
      examples: [],
      asks: ['cloud'],
      adjustments: [],
      criteria: [
        { id: 'cost', title: { en: 'Cost', es: 'Coste' }, weight: 3 },
        { id: 'ops', title: 'Ops & <effort>', weight: 2 },
      ],
      outcomes: {
        mlflow: { ...outcome('mlflow', 'MLflow'), scores: { cost: 5, ops: 2 } },
        sagemaker: { ...outcome('sagemaker', 'SageMaker AI'), scores: { cost: 2, ops: 5 }, requires: { cloud: ['aws'] } },
      },
    };
    const plain = treeToMermaid(matrix, 'es', undefined, { catalog });
    expect(await mermaidSyntaxError(plain)).toBeUndefined();
    expect(plain).toContain('3 × Coste');
    expect(plain).toContain('requiere cloud = AWS');

    const source = treeToMermaid(
      matrix,
      'en',
      {
        path: [{ question: 'cloud', driver: 'cloud', value: 'gcp' }],
        outcome: 'mlflow',
        scores: {
          weights: { cost: 3, ops: 2 },
          ranking: ['mlflow'],
          rows: [
            { option: 'mlflow', eligible: true, scores: { cost: 5, ops: 2 }, total: 19, rank: 1 },
            { option: 'sagemaker', eligible: false, excludedBy: { driver: 'cloud', value: 'gcp' }, scores: { cost: 2, ops: 5 }, total: 16 },
          ],
        },
      },
      { catalog },
    );
    expect(await mermaidSyntaxError(source)).toBeUndefined();
    const chart = readFlowchart(source);
    const winner = [...chart.nodes.values()].find((n) => n.label.includes('MLflow'))!;
    const loser = [...chart.nodes.values()].find((n) => n.label.includes('SageMaker'))!;
    expect(winner.label).toContain('rank 1 · 19 points');
    expect(loser.label).toContain('excluded: cloud = GCP');
    expect(lastClassOf(chart, winner.id)).toBe('chosen');
    expect(lastClassOf(chart, loser.id)).toBe('excluded');
    expect(chart.styledEdges.map((i) => chart.edges[i]?.to)).toContain(winner.id);
    expect(source).toContain('2 × Ops #amp; #lt;effort#gt;');
  });
});

describe('mermaidLabel', () => {
  it('escapes what Mermaid would read as syntax and keeps Spanish characters and emoji', () => {
    expect(mermaidLabel('a "b" #c <d> & e | `f` %g {h}: ¿ñá? 🚀')).toBe(
      'a #quot;b#quot; #35;c #lt;d#gt; #amp; e #124; #96;f#96; #37;g #123;h#125;: ¿ñá? 🚀',
    );
    // Next to `style`, a colon would let the renderer cut the label's last entity short.
    expect(mermaidLabel('Code style: C#')).toBe('Code style#58; C#35;');
    expect(mermaidLabel('line\nbreak')).toBe('line break');
  });
});

describe('logToMermaid', () => {
  const records = [
    { number: 1, title: 'Record decisions', status: 'superseded', statusText: 'Superseded by 2', links: [{ type: 'Superseded by', number: 2 }] },
    { number: 2, title: 'Use "MADR" #templates <b>', status: 'accepted', statusText: 'accepted', links: [{ type: 'Supersedes', number: 1 }] },
    { number: 3, title: 'Usar PostgreSQL ¿sí? 🐘', status: 'rejected', statusText: 'Rejected', links: [{ type: 'Amends', number: 2 }, { type: 'relates-to', number: 9 }] },
    { number: 4, title: 'end', status: 'deprecated', statusText: 'Deprecated', links: [] },
  ];

  it('draws one node per ADR with number, title and status, and one edge per link (a pair recorded twice draws once)', async () => {
    const source = logToMermaid(records);
    expect(await mermaidSyntaxError(source)).toBeUndefined();
    const chart = readFlowchart(source);
    const labels = [...chart.nodes.values()].map((n) => n.label);
    expect(labels).toContain('1. Record decisions<br/><i>superseded</i>');
    expect(labels).toContain('2. Use "MADR" #templates <b><br/><i>accepted</i>');
    expect(labels).toContain('3. Usar PostgreSQL ¿sí? 🐘<br/><i>rejected</i>');
    expect(labels).toContain('9. ?');
    const byLabel = (prefix: string) => [...chart.nodes.values()].find((n) => n.label.startsWith(prefix))!.id;
    expect(chart.edges).toEqual([
      { from: byLabel('2.'), to: byLabel('1.'), label: 'supersedes' },
      { from: byLabel('3.'), to: byLabel('2.'), label: 'amends' },
      { from: byLabel('3.'), to: byLabel('9.'), label: 'relates to' },
    ]);
  });

  it('styles superseded, deprecated and rejected ADRs differently from accepted ones', () => {
    const chart = readFlowchart(logToMermaid(records));
    const id = (n: number) => [...chart.nodes.values()].find((x) => x.label.startsWith(`${n}.`))!.id;
    expect(lastClassOf(chart, id(1))).toBe('superseded');
    expect(lastClassOf(chart, id(2))).toBe('accepted');
    expect(lastClassOf(chart, id(3))).toBe('rejected');
    expect(lastClassOf(chart, id(4))).toBe('deprecated');
    const source = logToMermaid(records);
    expect(source).toMatch(/classDef superseded .*stroke-dasharray/);
    expect(source).not.toMatch(/classDef accepted .*stroke-dasharray/);
  });

  it('an empty log is still a valid diagram', async () => {
    expect(await mermaidSyntaxError(logToMermaid([]))).toBeUndefined();
  });
});
