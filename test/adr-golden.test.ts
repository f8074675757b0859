// Golden ADRs: the whole written record for several decisions, in English and Spanish, in every
// style adr-wizard writes (MADR 4, 3 and 2, Nygard, log4brains), compared with reviewed files
// under test/golden/adr/. After a deliberate change of the
// templates, regenerate with `UPDATE_GOLDEN=1 npx vitest run test/adr-golden.test.ts`, then read
// the diff.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordDecisions } from '../src/adr/record-decisions.js';
import { treeToMermaid } from '../src/render/mermaid.js';
import { readLog } from '../src/adr/log.js';
import type { Decision, Lang } from '../src/core/types.js';
import { ROOT, tempDir } from './support/cli.js';
import { catalog, decide, mlopsTree, styleTree, trees } from './adr/fixtures.js';

const GOLDEN = join(ROOT, 'test/golden/adr');
const UPDATE = process.env.UPDATE_GOLDEN === '1';

let savedDate: string | undefined;
beforeAll(() => {
  savedDate = process.env.ADR_DATE;
  process.env.ADR_DATE = '2026-03-04';
});
afterAll(() => {
  if (savedDate === undefined) delete process.env.ADR_DATE;
  else process.env.ADR_DATE = savedDate;
});

/** The date of writing is the only thing that may differ from run to run. */
function normalise(text: string): string {
  return text
    .replace(/^date: \d{4}-\d{2}-\d{2}$/m, 'date: DATE')
    .replace(/^([-*] Date|Date|Fecha): \d{4}-\d{2}-\d{2}$/m, '$1: DATE');
}

const MERMAID_BLOCK = /```mermaid\n[\s\S]*?\n```/;

/**
 * Compares with the golden file. The diagram is Mermaid's business (src/render, its own tests):
 * here it must be exactly what treeToMermaid draws for this walk, and the rest of the ADR must
 * match the golden text.
 */
function golden(name: string, actual: string, decision?: Decision, lang?: Lang): void {
  const file = join(GOLDEN, name);
  const got = normalise(actual);
  if (decision && lang) {
    const tree = trees.get(decision.tree)!;
    const walk = { path: decision.path, outcome: decision.outcome, ...(decision.scores ? { scores: decision.scores } : {}) };
    const expected = treeToMermaid(tree, lang, walk, { catalog }).trimEnd();
    expect(MERMAID_BLOCK.exec(got)?.[0]).toBe(`\`\`\`mermaid\n${expected}\n\`\`\``);
  }
  if (UPDATE) {
    mkdirSync(GOLDEN, { recursive: true });
    writeFileSync(file, got);
    return;
  }
  if (!existsSync(file)) throw new Error(`missing golden file ${file}; run with UPDATE_GOLDEN=1 and review it`);
  const mask = (s: string) => s.replace(MERMAID_BLOCK, '```mermaid\n(diagram)\n```');
  expect(mask(got)).toBe(mask(readFileSync(file, 'utf8')));
}

interface Case {
  name: string;
  decisions: (lang: Lang) => Decision[];
}

const CASES: Case[] = [
  {
    name: 'microservices-assumed',
    decisions: (lang) => [
      decide(styleTree, { scale: 'large', 'domain-boundaries': 'clear', 'team-size': 'large' }, lang, ['team-size']),
    ],
  },
  { name: 'monolith', decisions: (lang) => [decide(styleTree, { scale: 'small' }, lang)] },
  {
    name: 'mlops-matrix',
    decisions: (lang) => [decide(mlopsTree, { cloud: 'aws', 'cost-sensitive': 'yes' }, lang)],
  },
];

describe('golden decision ADRs', () => {
  for (const c of CASES) {
    for (const lang of ['en', 'es'] as const) {
      for (const template of ['madr', 'nygard', 'madr3', 'madr2', 'log4brains'] as const) {
        it(`${c.name} (${lang}, ${template})`, async () => {
          const cwd = tempDir();
          const decisions = c.decisions(lang);
          const [written] = await recordDecisions({
            decisions,
            trees,
            catalog,
            cwd,
            lang,
            template,
            deciders: ['Ana Pérez', 'Bob: "the architect"'],
          });
          expect(written!.written).toBe(true);
          expect(readFileSync(written!.file, 'utf8')).toBe(written!.content);
          golden(`${c.name}.${lang}.${template}.md`, written!.content, decisions[0], lang);
          // What was written reads back: number, status, the adr-wizard block for revisit.
          const [rec] = await readLog(join(cwd, 'doc/adr'));
          expect(rec).toMatchObject({ number: 1, status: 'accepted', style: template === 'madr' ? 'madr4' : template });
          expect(rec!.wizard).toEqual({
            tree: c.decisions(lang)[0]!.tree,
            reviewed: trees.get(c.decisions(lang)[0]!.tree)!.reviewed,
            outcome: c.decisions(lang)[0]!.outcome,
            drivers: c.decisions(lang)[0]!.drivers,
            assumed: c.decisions(lang)[0]!.assumed,
            lang,
          });
          if (template !== 'nygard') expect(rec!.deciders).toEqual(['Ana Pérez', 'Bob: "the architect"']);
          if (template === 'log4brains') expect(rec!.tags).toEqual([decisions[0]!.tree]);
        });
      }
    }
  }

  it('a chain links the follow-up to the decision that led to it, both ways', async () => {
    const cwd = tempDir();
    const parent = decide(styleTree, { scale: 'large', 'domain-boundaries': 'clear', 'team-size': 'large' }, 'en');
    const child = decide(mlopsTree, { cloud: 'azure', 'cost-sensitive': 'no' }, 'en', [], {
      tree: 'architecture-style',
      outcome: 'microservices',
    });
    const written = await recordDecisions({ decisions: [parent, child], trees, catalog, cwd, lang: 'en' });
    expect(written.map((w) => w.number)).toEqual([1, 2]);
    golden('chain-parent.en.madr.md', written[0]!.content, parent, 'en');
    golden('chain-child.en.madr.md', written[1]!.content, child, 'en');
    const log = await readLog(join(cwd, 'doc/adr'));
    expect(log.map((r) => r.links.map(({ type, number }) => ({ type, number })))).toEqual([[{ type: 'Led to', number: 2 }], [{ type: 'Follows from', number: 1 }]]);
  });

  it('a chain in log4brains and MADR 2 style links by file name, in a Links section at the end', async () => {
    for (const template of ['log4brains', 'madr2'] as const) {
      const cwd = tempDir();
      const parent = decide(styleTree, { scale: 'large', 'domain-boundaries': 'clear', 'team-size': 'large' }, 'en');
      const child = decide(mlopsTree, { cloud: 'azure', 'cost-sensitive': 'no' }, 'en', [], {
        tree: 'architecture-style',
        outcome: 'microservices',
      });
      const written = await recordDecisions({ decisions: [parent, child], trees, catalog, cwd, lang: 'en', template });
      const names = written.map((w) => basename(w.file));
      expect(names).toEqual(
        template === 'log4brains'
          ? ['20260304-application-architecture-style-microservices.md', '20260304-mlops-platform-mlflow-self-hosted.md']
          : ['0001-application-architecture-style-microservices.md', '0002-mlops-platform-mlflow-self-hosted.md'],
      );
      golden(`chain-parent.en.${template}.md`, written[0]!.content, parent, 'en');
      golden(`chain-child.en.${template}.md`, written[1]!.content, child, 'en');
      const log = await readLog(join(cwd, 'doc/adr'));
      expect(log.map((r) => r.links.map(({ type, number }) => ({ type, number })))).toEqual([[{ type: 'Led to', number: 2 }], [{ type: 'Follows from', number: 1 }]]);
    }
  });

  it('a follow-up decided later links to the parent already in the log', async () => {
    const cwd = tempDir();
    const parent = decide(styleTree, { scale: 'large', 'domain-boundaries': 'clear', 'team-size': 'large' }, 'es');
    await recordDecisions({ decisions: [parent], trees, catalog, cwd, lang: 'es', template: 'nygard' });
    const child = decide(mlopsTree, { cloud: 'aws', 'cost-sensitive': 'no' }, 'es', [], {
      tree: 'architecture-style',
      outcome: 'microservices',
    });
    await recordDecisions({ decisions: [child], trees, catalog, cwd, lang: 'es', template: 'nygard' });
    const log = await readLog(join(cwd, 'doc/adr'));
    expect(log.map((r) => r.links.map(({ type, number }) => ({ type, number })))).toEqual([[{ type: 'Dio lugar a', number: 2 }], [{ type: 'Se deriva de', number: 1 }]]);
    expect(log[0]!.body).toContain('## Estado\n\nAceptada\n\nDio lugar a [2. Plataforma MLOps: MLflow (autoalojado)](0002-plataforma-mlops-mlflow-autoalojado.md)\n\n## Contexto');
  });

  it("a repository's own template (.adr-wizard.yaml) overrides the shipped ones", async () => {
    const cwd = tempDir();
    writeFileSync(join(cwd, '.adr-wizard.yaml'), 'template: adr/ours.hbs\nlang: es\n');
    mkdirSync(join(cwd, 'adr'));
    writeFileSync(
      join(cwd, 'adr/ours.hbs'),
      '# {{number}} {{title}}\n\n{{#each options}}- {{title}}{{#if chosen}} ✓{{/if}}\n{{/each}}\n| {{cell outcome.title}} |\n',
    );
    const [written] = await recordDecisions({
      decisions: [decide(styleTree, { scale: 'small' }, 'es')],
      trees,
      catalog,
      cwd,
      lang: 'es',
    });
    expect(written!.content).toBe('# 1 Estilo de arquitectura de la aplicación: Monolito\n\n- Monolito ✓\n- Monolito modular\n- Microservicios\n| Monolito |\n');

    writeFileSync(join(cwd, '.adr-wizard.yaml'), 'template: adr/typo.hbs\n');
    writeFileSync(join(cwd, 'adr/typo.hbs'), '# {{titel}}\n');
    await expect(
      recordDecisions({ decisions: [decide(styleTree, { scale: 'small' }, 'es')], trees, catalog, cwd, lang: 'es', dryRun: true }),
    ).rejects.toThrow(/typo\.hbs.*"titel" not defined/);
  });

  it('dry-run returns the content and writes nothing', async () => {
    const cwd = tempDir();
    const written = await recordDecisions({
      decisions: [decide(styleTree, { scale: 'small' }, 'en')],
      trees,
      catalog,
      cwd,
      lang: 'en',
      dryRun: true,
    });
    expect(written[0]).toMatchObject({ number: 1, written: false });
    expect(written[0]!.content).toContain('# Application architecture style: Monolith');
    expect(existsSync(join(cwd, 'doc/adr'))).toBe(false);
  });
});
