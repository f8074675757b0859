// The ADR log as a graph, read from logs as teams write them: a relation is one edge however its
// two records state it (one side or both, English or Spanish, adr-tools, MADR or log4brains
// spelling, a link by file name or a number), with its label in one language.
import { describe, expect, it } from 'vitest';
import { MIXED, RELATIONS_BOTH_WAYS, STYLED_LOGS, writeLog, type FixtureLog } from './support/adr-logs.js';
import { runCli, tempDir } from './support/cli.js';
import { readFlowchart } from './support/mermaid-source.js';

async function graphOf(log: FixtureLog) {
  const root = tempDir();
  writeLog(root, log);
  const result = await runCli(['diagram', '--graph'], { cwd: root });
  expect(result.code, result.stderr).toBe(0);
  const chart = readFlowchart(result.stdout);
  const number = (id: string) => Number(/^(\d+)\./.exec(chart.nodes.get(id)?.label ?? '')?.[1]);
  return { source: result.stdout, edges: chart.edges.map((e) => `${number(e.from)} ${e.label} ${number(e.to)}`) };
}

describe('the log graph draws each relation once', () => {
  it('when both records state it, each in its own language and spelling', async () => {
    const { source, edges } = await graphOf(RELATIONS_BOTH_WAYS);
    expect(edges.sort()).toEqual([
      '3 supersedes 2', // "Superseded by" in English on 2, "Reemplaza a" in Spanish on 3
      '4 follows from 2', // "Led to" on 2, "Se deriva de" on 4
      '5 amends 1', // adr-tools "Amended by" on 1, a MADR "Modifica" bullet on 5
      '7 supersedes 6', // a MADR status naming ADR-0007 by number, a link to the file on 7
      '8 relates to 9', // "Relates to" on 8, "Se relaciona con" on 9
    ]);
    // Superseding stands out, whichever side wrote it.
    expect(source.match(/==>/g)).toHaveLength(2);
  });

  it.each(Object.entries({ ...STYLED_LOGS, mixed: MIXED }))('in a %s log, no two records are joined twice by one relation', async (_name, log) => {
    const { edges } = await graphOf(log);
    const pairs = edges.map((e) => {
      const [from, ...rest] = e.split(' ');
      const to = rest.pop()!;
      return `${[from, to].sort().join('-')} ${rest.join(' ')}`;
    });
    expect(pairs.length).toBe(new Set(pairs).size);
  });
});
