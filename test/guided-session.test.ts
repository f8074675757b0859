// The guided session's flow with a scripted prompter: which questions come, in which order, and
// what is written. (test/guided.test.ts drives the real terminal session.)
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { guidedSession } from '../src/cli/commands/guided.js';
import { Answers, SCRIPTED_BACK, ScriptedPrompter } from '../src/cli/prompter/scripted.js';
import type { DriverCatalog, Tree } from '../src/core/types.js';
import { loadDecisionSet } from '../src/io/trees.js';
import { tempDir } from './support/cli.js';

let catalog: DriverCatalog;
let trees: Map<string, Tree>;
beforeAll(async () => {
  ({ catalog, trees } = await loadDecisionSet({ cwd: process.cwd() }));
});

function quiet(): void {
  vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
}

describe('guidedSession', () => {
  it('asks only what the chosen tree needs, goes back on request, and writes after confirming', async () => {
    quiet();
    const cwd = tempDir();
    const prompter = new ScriptedPrompter({
      trees: ['architecture-style'],
      chain: false,
      // one team, then back from complexity to answer the team size again...
      'driver:team-size': new Answers(['small', 'small']),
      'driver:complexity': new Answers([SCRIPTED_BACK, 'high']),
      'driver:domain-boundaries': 'unclear',
      'driver:dedicated-runtime': 'no',
      'confirm-write': 'write',
      starter: 'modular-monolith',
      'starter-dir': 'app',
    });
    const { decisions, written } = await guidedSession({ prompter, catalog, trees, lang: 'en', cwd });
    expect(prompter.asked.map((q) => q.id)).toEqual([
      'trees',
      'chain',
      'driver:team-size',
      'driver:complexity',
      'driver:team-size',
      'driver:complexity',
      'driver:domain-boundaries',
      'driver:dedicated-runtime',
      'confirm-write',
      'starter',
      'starter-dir',
    ]);
    expect(decisions.map((d) => [d.tree, d.outcome])).toEqual([['architecture-style', 'modular-monolith']]);
    expect(written).toHaveLength(1);
    expect(readdirSync(join(cwd, 'doc/adr')).filter((f) => /^\d{4}-/.test(f))).toHaveLength(1);
    // The starter the outcome calls for, scaffolded where the user said.
    expect(readdirSync(join(cwd, 'app'))).toContain('package.json');
  });

  it('asks a driver shared by chained trees once, and offers the starter the outcomes call for', async () => {
    quiet();
    const cwd = tempDir();
    const prompter = new ScriptedPrompter({
      trees: ['*'],
      areas: ['ml-workload'],
      'driver:team-size': 'large',
      'driver:domain-boundaries': 'clear',
      'driver:ops-maturity': 'high',
      'driver:team-autonomy': 'yes',
      'driver:latency-sensitive': 'no',
      'driver:high-resilience': 'no',
      'driver:ecosystem-integrations': 'no',
      'driver:scale': 'small',
      'driver:cross-service-transaction': 'no',
      'driver:cloud': 'on-prem',
      'driver:managed-preference': 'no',
      'driver:cost-sensitive': 'yes',
      'confirm-write': 'write',
      starter: '',
    });
    const { decisions } = await guidedSession({ prompter, catalog, trees, lang: 'es', cwd });
    const ids = prompter.asked.map((q) => q.id);
    expect(new Set(ids).size).toBe(ids.length); // every question once (scale and team-autonomy are shared)
    expect(decisions.map((d) => d.tree)).toEqual(
      expect.arrayContaining(['architecture-style', 'mlops-platform', 'container-orchestrator', 'saga-coordination']),
    );
    expect(decisions.find((d) => d.tree === 'container-orchestrator')).toMatchObject({
      outcome: 'docker-compose',
      ledBy: { tree: 'architecture-style', outcome: 'microservices' },
    });
    expect(prompter.asked.find((q) => q.id === 'trees')!.message).toBe('¿Qué decisiones quieren tomar?');
    // The areas come first, before any driver.
    expect(ids.slice(0, 2)).toEqual(['trees', 'areas']);
    expect(ids).toContain('starter');
  });

  it('"all that apply" skips the ML platform when the project has no ML', async () => {
    quiet();
    const prompter = new ScriptedPrompter({
      trees: ['*'],
      areas: [],
      'driver:team-size': 'small',
      'driver:complexity': 'low',
      'driver:dedicated-runtime': 'no',
      'driver:ecosystem-integrations': 'no',
      'driver:high-resilience': 'no',
      'driver:scale': 'small',
      'confirm-write': 'quit',
    });
    const { decisions } = await guidedSession({ prompter, catalog, trees, lang: 'en', cwd: tempDir() });
    expect(decisions.map((d) => d.tree)).toEqual(['architecture-style', 'container-orchestrator']);
    expect(prompter.asked.map((q) => q.id)).not.toContain('driver:cloud');
  });

  const CONTRADICTION = {
    trees: ['*'],
    areas: [],
    'driver:team-size': 'small',
    'driver:complexity': 'high',
    'driver:domain-boundaries': 'clear',
    'driver:ops-maturity': 'high',
    'driver:dedicated-runtime': 'yes',
    'driver:ecosystem-integrations': 'no',
    'driver:high-resilience': 'no',
    'driver:scale': 'small',
    'driver:cross-service-transaction': 'yes',
    'driver:workflow-complexity': 'simple',
    'driver:central-visibility': 'no',
    'confirm-write': 'quit',
  };

  it('answers that contradict each other are asked again: change one of them', async () => {
    quiet();
    const prompter = new ScriptedPrompter({
      ...CONTRADICTION,
      // "several teams held back" from a team of one: change that answer
      'driver:team-autonomy': new Answers(['yes', 'no']),
      'conflict:small-team-several-teams': 'team-autonomy',
      'driver:workflow-engine-allowed': 'no',
    });
    const { decisions } = await guidedSession({ prompter, catalog, trees, lang: 'en', cwd: tempDir() });
    const ids = prompter.asked.map((q) => q.id);
    expect(ids.filter((id) => id === 'conflict:small-team-several-teams')).toHaveLength(1);
    expect(ids.slice(ids.indexOf('conflict:small-team-several-teams') + 1)[0]).toBe('driver:team-autonomy');
    const conflict = prompter.asked.find((q) => q.id === 'conflict:small-team-several-teams')!;
    expect(conflict.message).toMatch(/^These answers contradict each other: A small team/);
    expect(conflict.choices!.map((c) => c.value)).toEqual(['team-size', 'team-autonomy', '']);
    expect(decisions.flatMap((d) => d.notes)).toEqual([]);
  });

  it('answers that contradict each other can be kept: the decisions record the contradiction', async () => {
    quiet();
    const prompter = new ScriptedPrompter({ ...CONTRADICTION, 'driver:team-autonomy': 'yes', 'conflict:small-team-several-teams': '' });
    const { decisions } = await guidedSession({ prompter, catalog, trees, lang: 'en', cwd: tempDir() });
    const saga = decisions.find((d) => d.tree === 'saga-coordination')!;
    expect(saga.notes.map((n) => n.id)).toEqual(['small-team-several-teams']);
    expect(saga.warnings[0]).toMatch(/^team-size=small, team-autonomy=yes: A small team/);
  });

  it('quitting at the summary writes nothing', async () => {
    quiet();
    const cwd = tempDir();
    const prompter = new ScriptedPrompter({
      trees: ['saga-coordination'],
      chain: true,
      'driver:cross-service-transaction': 'no',
      'confirm-write': 'quit',
    });
    const { written } = await guidedSession({ prompter, catalog, trees, lang: 'en', cwd });
    expect(written).toEqual([]);
    expect(readdirSync(cwd)).toEqual([]);
  });

  it('a question the script does not expect fails loudly', async () => {
    quiet();
    const prompter = new ScriptedPrompter({ trees: ['architecture-style'], chain: false });
    await expect(guidedSession({ prompter, catalog, trees, lang: 'en', cwd: tempDir() })).rejects.toThrow(
      /unexpected question "driver:team-size"/,
    );
  });
});
