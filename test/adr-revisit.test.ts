// revisit through the built binary, against the shipped trees: a changed outcome supersedes the
// old ADR (both files rewritten), an unchanged one says the decision stands and what changed.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { recordDecisions } from '../src/adr/record-decisions.js';
import { toDecision } from '../src/core/decision.js';
import type { DriverCatalog, Tree } from '../src/core/types.js';
import { walk } from '../src/core/walk.js';
import { loadDecisionSet } from '../src/io/trees.js';
import { ROOT, runCli, tempDir } from './support/cli.js';
import { promptChanges } from '../src/cli/commands/revisit.js';
import { ScriptedPrompter } from '../src/cli/prompter/scripted.js';

const ENV = { ADR_DATE: '2026-02-03' };
let catalog: DriverCatalog;
let trees: Map<string, Tree>;

beforeAll(async () => {
  ({ catalog, trees } = await loadDecisionSet({ cwd: ROOT }));
});

async function decided(cwd: string, values: Record<string, string>, template: 'madr' | 'nygard', lang: 'en' | 'es' = 'en') {
  const tree = trees.get('architecture-style')!;
  const result = walk(tree, values);
  if (result.status !== 'done') throw new Error('incomplete walk');
  const decision = toDecision(tree, result, { lang, values, assumed: [], catalog });
  const [written] = await recordDecisions({ decisions: [decision], trees, catalog, cwd, lang, template });
  return written!;
}

describe('revisit', () => {
  it.each(['madr', 'nygard'] as const)('a different outcome writes a new ADR that supersedes the old one (%s)', async (template) => {
    const cwd = tempDir();
    const first = await decided(cwd, { complexity: 'low', 'team-size': 'small', 'dedicated-runtime': 'no' }, template);
    expect(first.content).toContain('outcome: monolith');
    const r = await runCli(['revisit', '1', '--set', 'team-size=large', '--set', 'domain-boundaries=unclear'], { cwd, env: ENV });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/monolith -> modular-monolith: doc\/adr\/0002-.*\.md supersedes ADR 1/);
    const files = readdirSync(join(cwd, 'doc/adr')).sort();
    expect(files).toHaveLength(2);
    const list = JSON.parse((await runCli(['list', '--json'], { cwd })).stdout) as { number: number; status: string; links: unknown[] }[];
    expect(list.map((e) => [e.number, e.status, e.links])).toEqual([
      [1, 'superseded', [{ type: 'Superseded by', number: 2 }]],
      [2, 'accepted', [{ type: 'Supersedes', number: 1 }]],
    ]);
    const old = readFileSync(join(cwd, 'doc/adr', files[0]!), 'utf8');
    if (template === 'madr') expect(old).toMatch(/^---\nstatus: superseded by ADR-0002\n/);
    else expect(old).toMatch(/## Status\n\nSuperseded by \[2\. .*\]\(0002-.*\.md\)\n\n## Context/);
    const fresh = readFileSync(join(cwd, 'doc/adr', files[1]!), 'utf8');
    // The new ADR stores every driver value its path used, the changed ones included (a large
    // team is not asked about the domain's complexity).
    expect(fresh).toMatch(/dedicated-runtime: "no"/);
    expect(fresh).not.toMatch(/complexity: /);
    expect(fresh).toMatch(/team-size: large/);
    expect(fresh).toMatch(/domain-boundaries: unclear/);
  });

  it('the same outcome says the decision stands and which values changed', async () => {
    const cwd = tempDir();
    await decided(cwd, { 'team-size': 'small', complexity: 'high', 'domain-boundaries': 'unclear', 'dedicated-runtime': 'no' }, 'madr');
    const r = await runCli(['revisit', '1', '--set', 'complexity=low', '--set', 'team-size=large'], { cwd, env: ENV });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^ADR 1 stands: /);
    expect(r.stdout).toMatch(/changed: .* -> /);
    expect(readdirSync(join(cwd, 'doc/adr'))).toHaveLength(1);
    const json = await runCli(['revisit', '1', '--set', 'complexity=low', '--set', 'team-size=large', '--json'], { cwd, env: ENV });
    expect(JSON.parse(json.stdout)).toMatchObject({
      number: 1,
      stands: true,
      outcome: 'modular-monolith',
      changes: [
        { driver: 'complexity', from: 'high', to: 'low' },
        { driver: 'team-size', from: 'small', to: 'large' },
      ],
    });
  });

  it('names the drivers a changed path now needs, and refuses ADRs it did not write', async () => {
    const cwd = tempDir();
    await decided(cwd, { complexity: 'low', 'team-size': 'small', 'dedicated-runtime': 'no' }, 'madr');
    const r = await runCli(['revisit', '1', '--set', 'team-size=large'], { cwd, env: ENV });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/needs "domain-boundaries"/);
    const bad = await runCli(['revisit', '1', '--set', 'team-size=huge'], { cwd, env: ENV });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/unknown value "huge"/);
    await runCli(['new', 'Plain'], { cwd, env: ENV });
    const plain = await runCli(['revisit', '2'], { cwd, env: ENV });
    expect(plain.code).toBe(2);
    expect(plain.stderr).toMatch(/no adr-wizard block/);
    expect(readdirSync(join(cwd, 'doc/adr'))).toHaveLength(2);
  });

  it('--dry-run shows the superseding ADR and writes nothing', async () => {
    const cwd = tempDir();
    await decided(cwd, { complexity: 'low', 'team-size': 'small', 'dedicated-runtime': 'no' }, 'nygard', 'es');
    const before = readFileSync(join(cwd, 'doc/adr', readdirSync(join(cwd, 'doc/adr'))[0]!), 'utf8');
    const r = await runCli(['revisit', '1', '--dry-run', '--set', 'team-size=large', '--set', 'domain-boundaries=unclear'], { cwd, env: ENV });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/Reemplaza a \[1\. /);
    expect(readdirSync(join(cwd, 'doc/adr'))).toHaveLength(1);
    expect(readFileSync(join(cwd, 'doc/adr', readdirSync(join(cwd, 'doc/adr'))[0]!), 'utf8')).toBe(before);
  });
});

describe('revisit in a terminal', () => {
  it('asks which drivers changed, then their new values', async () => {
    const tree = trees.get('architecture-style')!;
    const prompter = new ScriptedPrompter({ 'revisit-drivers': ['team-size'], 'driver:team-size': 'large' });
    const changes = await promptChanges(prompter, tree, catalog, { complexity: 'low', 'team-size': 'small', 'dedicated-runtime': 'no' }, 'en');
    expect(changes).toEqual({ 'team-size': 'large' });
    expect(prompter.asked.map((a) => a.id)).toEqual(['revisit-drivers', 'driver:team-size']);
    // Every driver the tree asks is offered, with its current value.
    expect(prompter.asked[0]!.message).toMatch(/Which drivers changed/);
    // Next to each driver: the answers that would change the decision, and to what.
    const choices = prompter.asked[0]!.choices!;
    const teamSize = choices.find((c) => c.value === 'team-size')!.name;
    expect(teamSize).toMatch(/\(Small: one team\).*Large: several teams → /);
    const dedicated = choices.find((c) => c.value === 'dedicated-runtime')!.name;
    expect(dedicated).toMatch(/Yes: own hardware, runtime or isolation → Modular monolith with a few extracted services/);
    const scale = choices.find((c) => c.value === 'scale')!.name;
    expect(scale).not.toMatch(/→/); // not on this path: changing it changes nothing
  });

  it('changes nothing when nothing is picked', async () => {
    const tree = trees.get('architecture-style')!;
    const prompter = new ScriptedPrompter({ 'revisit-drivers': [] });
    expect(await promptChanges(prompter, tree, catalog, { complexity: 'low' }, 'es')).toEqual({});
  });
});
