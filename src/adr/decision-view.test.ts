import { describe, expect, it } from 'vitest';
import { catalog, decide, mlopsTree, styleTree } from '../../test/adr/fixtures.js';
import { decisionView } from './decision-view.js';

const META = { style: 'madr4' as const, number: 1, date: '2026-12-01', status: 'accepted', deciders: [], consulted: [], informed: [], links: [], mermaid: null, image: null };

describe('what would change the decision, in words', () => {
  it('names the close runner-up and the criteria that decided, in both languages', () => {
    // aws, not cost-sensitive: MLflow 3*5 + 2*5 + 2*2 = 29, SageMaker AI 3*4 + 2*2 + 2*5 = 26.
    const d = decide(mlopsTree, { cloud: 'aws', 'cost-sensitive': 'no' }, 'en');
    expect(d.closeCall).toBeUndefined(); // 3 of 29 is more than 5 %
    const close = { ...d, closeCall: { runnerUp: 'sagemaker', margin: 1, decidedBy: [{ criterion: 'cost', difference: 6 }, { criterion: 'tracking', difference: 3 }] } };
    expect(decisionView(mlopsTree, close, catalog, 'en', META).closeCall).toBe(
      'Close call: SageMaker AI trails by 1 point; what decided it: Cost (+6), Experiment tracking (+3).',
    );
    expect(decisionView(mlopsTree, close, catalog, 'es', META).closeCall).toBe(
      'Decisión ajustada: SageMaker AI queda a 1 punto; lo que decidió: Coste (+6), Seguimiento de experimentos (+3).',
    );
  });

  it('writes each flip as the option and the answer that leads to it', () => {
    const d = decide(styleTree, { scale: 'small' }, 'en');
    const view = decisionView(styleTree, d, catalog, 'en', META);
    expect(view.revisit).toHaveLength(d.flips.length);
    expect(view.revisit[0]).toMatch(/^\*\*.+\*\* .*if: .+ → .+$/);
  });
});
