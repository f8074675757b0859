// The decision commands end to end, through the built binary in temp folders, without a TTY.
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, tempDir } from './support/cli.js';

/** Drivers that lead architecture-style to microservices. */
const MICROSERVICES = {
  'team-size': 'large',
  'domain-boundaries': 'clear',
  'ops-maturity': 'high',
  'team-autonomy': 'yes',
  'latency-sensitive': 'no',
};

function contextFile(dir: string, drivers: Record<string, string>, extra = ''): string {
  const file = join(dir, 'context.yaml');
  const lines = Object.entries(drivers).map(([d, v]) => `  ${d}: "${v}"`);
  writeFileSync(file, `${extra}drivers:\n${lines.join('\n')}\n`);
  return file;
}

interface JsonDecision {
  tree: string;
  outcome: string;
  title: string;
  path: { driver: string; value: string; question: string }[];
  assumed: string[];
  warnings: string[];
  followUps: string[];
  drivers: Record<string, string>;
  ledBy?: { tree: string; outcome: string };
  adr?: { number: number; file: string };
}

describe('trees', () => {
  it('--json lists every tree with id, title, kind and outcome ids', async () => {
    const r = await runCli(['trees', '--json'], { cwd: tempDir() });
    expect(r.code).toBe(0);
    const trees = JSON.parse(r.stdout) as { id: string; title: string; kind: string; outcomes: string[] }[];
    const byId = new Map(trees.map((t) => [t.id, t]));
    expect([...byId.keys()]).toEqual(expect.arrayContaining(['architecture-style', 'container-orchestrator', 'saga-coordination', 'mlops-platform']));
    expect(byId.get('architecture-style')).toMatchObject({ kind: 'tree', title: expect.any(String) });
    expect(byId.get('architecture-style')!.outcomes).toEqual(expect.arrayContaining(['monolith', 'modular-monolith', 'microservices']));
    expect(byId.get('mlops-platform')!.kind).toBe('matrix');
    for (const t of trees) expect(Object.keys(t).sort()).toEqual(['id', 'kind', 'outcomes', 'title']);
  });
});

describe('show', () => {
  it('prints the problem, the questions with their branches, outcomes and sources', async () => {
    const r = await runCli(['show', 'saga-coordination'], { cwd: tempDir() });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Problem$/m);
    expect(r.stdout).toMatch(/^Questions$/m);
    expect(r.stdout).toMatch(/^Outcomes$/m);
    expect(r.stdout).toMatch(/^Sources$/m);
    expect(r.stdout).toMatch(/reviewed \d{4}-\d{2}-\d{2}/);
    expect(r.stdout).toMatch(/\[cross-service-transaction\]/);
    expect(r.stdout).toMatch(/→ /);
    expect(r.stdout).toMatch(/ {2}- .+ {2}https?:\/\//);
  });

  it('speaks Spanish with --lang es', async () => {
    const r = await runCli(['show', 'architecture-style', '--lang', 'es'], { cwd: tempDir() });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Problema$/m);
    expect(r.stdout).toMatch(/^Preguntas$/m);
    expect(r.stdout).toMatch(/^Resultados$/m);
    expect(r.stdout).toMatch(/^Fuentes$/m);
    expect(r.stdout).toMatch(/Microservicios/);
  });

  it('--json prints the tree; with --lang every text is resolved', async () => {
    const both = JSON.parse((await runCli(['show', 'architecture-style', '--json'], { cwd: tempDir() })).stdout);
    expect(both.id).toBe('architecture-style');
    expect(both.title).toMatchObject({ en: expect.any(String), es: expect.any(String) });
    const es = JSON.parse((await runCli(['show', 'architecture-style', '--json', '--lang', 'es'], { cwd: tempDir() })).stdout);
    expect(es.title).toBe(both.title.es);
  });

  it('--mermaid prints a flowchart', async () => {
    const r = await runCli(['show', 'architecture-style', '--mermaid'], { cwd: tempDir() });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^flowchart/m);
  });

  it('an unknown tree exits 2 with a suggestion and no stack trace', async () => {
    const r = await runCli(['show', 'architecture-styel'], { cwd: tempDir() });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/unknown tree "architecture-styel" \(did you mean "architecture-style"\?\)/);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });
});

describe('validate', () => {
  it('passes on the shipped trees', async () => {
    const r = await runCli(['validate'], { cwd: tempDir() });
    expect(r.stdout).toMatch(/files checked: 0 errors/);
    expect(r.code).toBe(0);
  });

  it('prints every problem of a broken file as file:line:col and exits 2', async () => {
    const dir = tempDir();
    const shipped = readFileSync(join(process.cwd(), 'decisions/saga-coordination.yaml'), 'utf8');
    // A misspelt outcome reference on one branch.
    const broken = shipped.replace(/^(\s+"?no"?: )local-transaction[ \t]*$/m, '$1local-transactoin');
    expect(broken).not.toBe(shipped);
    const file = join(dir, 'my-tree.yaml');
    writeFileSync(file, broken.replace(/^id: saga-coordination$/m, 'id: my-saga'));
    const line = broken.split('\n').findIndex((l) => l.includes('local-transactoin')) + 1;
    const r = await runCli(['validate', 'my-tree.yaml'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stdout).toMatch(new RegExp(`^my-tree\\.yaml:${line}:\\d+  \\S+  .*"local-transactoin".*did you mean "local-transaction"`, 'm'));
    expect(r.stdout).toMatch(/1 file checked: [1-9]\d* errors?/);
  });

  it('warnings alone (a stale review date) are printed but exit 0', async () => {
    const dir = tempDir();
    const shipped = readFileSync(join(process.cwd(), 'decisions/saga-coordination.yaml'), 'utf8');
    const stale = shipped.replace(/^id: saga-coordination$/m, 'id: my-saga').replace(/^reviewed: .*$/m, 'reviewed: 2020-01-15');
    writeFileSync(join(dir, 'my-saga.yaml'), stale);
    const line = stale.split('\n').findIndex((l) => l.startsWith('reviewed:')) + 1;
    const r = await runCli(['validate', 'my-saga.yaml'], { cwd: dir });
    expect(r.stdout).toMatch(new RegExp(`^my-saga\\.yaml:${line}:\\d+  reviewed  warning: `, 'm'));
    expect(r.stdout).toMatch(/1 file checked: 0 errors, 1 warning/);
    expect(r.code).toBe(0);
  });

  it('--json prints the problems with the counts', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'bad.yaml'), 'id: bad\nkind: tree\ntitle: [oops\n');
    const r = await runCli(['validate', 'bad.yaml', '--json'], { cwd: dir });
    expect(r.code).toBe(2);
    const out = JSON.parse(r.stdout);
    expect(out.errors).toBeGreaterThan(0);
    expect(out.problems[0]).toMatchObject({ file: 'bad.yaml', line: expect.any(Number), col: expect.any(Number) });
  });

  it('checks the trees of .adr-wizard/decisions/ by default', async () => {
    const dir = tempDir();
    mkdirSync(join(dir, '.git'));
    mkdirSync(join(dir, '.adr-wizard/decisions'), { recursive: true });
    writeFileSync(join(dir, '.adr-wizard/decisions/ours.yaml'), 'id: ours\nkind: tree\n');
    const r = await runCli(['validate'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stdout).toMatch(/^\.adr-wizard\/decisions\/ours\.yaml:\d+:\d+/m);
  });
});

describe('decide', () => {
  it('walks a tree from a context file and prints JSON without writing', async () => {
    const dir = tempDir();
    const ctx = contextFile(dir, MICROSERVICES);
    const r = await runCli(['decide', 'architecture-style', '--context', ctx, '--json', '--no-write'], { cwd: dir });
    expect(r.code).toBe(0);
    const { decisions } = JSON.parse(r.stdout) as { decisions: JsonDecision[] };
    expect(decisions).toHaveLength(1);
    const d = decisions[0]!;
    expect(d).toMatchObject({ tree: 'architecture-style', outcome: 'microservices', assumed: [] });
    expect(d.path.map((s) => s.driver)).toEqual(expect.arrayContaining(['team-size', 'domain-boundaries']));
    for (const step of d.path) expect(step).toEqual({ driver: step.driver, value: MICROSERVICES[step.driver as keyof typeof MICROSERVICES], question: expect.any(String) });
    expect(d.followUps).toEqual(expect.arrayContaining(['container-orchestrator', 'saga-coordination']));
    expect(d.adr).toBeUndefined();
    expect(existsSync(join(dir, 'doc'))).toBe(false);
  });

  it('writes an ADR and reports it, in JSON and in words', async () => {
    const dir = tempDir();
    const ctx = contextFile(dir, MICROSERVICES);
    const json = await runCli(['decide', 'architecture-style', '--context', ctx, '--json'], { cwd: dir });
    expect(json.code).toBe(0);
    const [d] = (JSON.parse(json.stdout) as { decisions: JsonDecision[] }).decisions;
    expect(d!.adr).toMatchObject({ number: 1, file: expect.stringMatching(/^doc\/adr\/0001-.+\.md$/) });
    expect(readFileSync(join(dir, d!.adr!.file), 'utf8')).toMatch(/microservices/i);

    const human = await runCli(['decide', 'saga-coordination', '--set', 'cross-service-transaction=no'], { cwd: dir });
    expect(human.code).toBe(0);
    expect(human.stdout).toMatch(/→ local-transaction/);
    expect(human.stdout).toMatch(/ADR 0002 written: doc\/adr\/0002-.+\.md/);
    expect(human.stdout).toMatch(/Next steps/);
    expect(readdirSync(join(dir, 'doc/adr')).filter((f) => /^\d{4}-/.test(f))).toHaveLength(2);
  });

  it('--dry-run shows the ADR it would write and writes nothing', async () => {
    const dir = tempDir();
    const r = await runCli(['decide', 'architecture-style', '--use-defaults', '--dry-run'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/ADR 0001 would be written: doc\/adr\/0001-/);
    expect(r.stdout).toMatch(/^---$/m);
    expect(existsSync(join(dir, 'doc'))).toBe(false);
  });

  it('--set overrides the context file', async () => {
    const dir = tempDir();
    const ctx = contextFile(dir, { ...MICROSERVICES, complexity: 'high' });
    const r = await runCli(
      ['decide', 'architecture-style', '--context', ctx, '--set', 'complexity=low', '--set', 'team-size=small', '--set', 'dedicated-runtime=no', '--json', '--no-write'],
      { cwd: dir },
    );
    expect(r.code).toBe(0);
    const [d] = (JSON.parse(r.stdout) as { decisions: JsonDecision[] }).decisions;
    expect(d!.outcome).toBe('monolith');
    expect(d!.drivers).toMatchObject({ complexity: 'low', 'team-size': 'small' });
  });

  it('without a TTY, missing drivers exit 2 naming every one of them, for every tree', async () => {
    const r = await runCli(['decide', 'architecture-style', 'saga-coordination', '--set', 'complexity=high'], { cwd: tempDir() });
    expect(r.code).toBe(2);
    const lines = r.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/missing drivers for architecture-style: team-size, domain-boundaries, .+; saga-coordination: cross-service-transaction, /);
    for (const d of ['ops-maturity', 'team-autonomy', 'workflow-complexity']) expect(lines[0]).toContain(d);
    expect(lines[0]).not.toMatch(/architecture-style: [^;]*complexity, /); // already answered
    expect(lines[0]).toMatch(/--set driver=value, a --context file, or --use-defaults/);
  });

  it('--use-defaults takes the defaults and lists them as assumed', async () => {
    const r = await runCli(['decide', 'architecture-style', '--use-defaults', '--set', 'complexity=low', '--json', '--no-write'], {
      cwd: tempDir(),
    });
    expect(r.code).toBe(0);
    const [d] = (JSON.parse(r.stdout) as { decisions: JsonDecision[] }).decisions;
    expect(d!.assumed.length).toBeGreaterThan(0);
    expect(d!.assumed).not.toContain('complexity');
    for (const a of d!.assumed) expect(d!.path.map((s) => s.driver)).toContain(a);

    const human = await runCli(['decide', 'architecture-style', '--use-defaults', '--no-write'], { cwd: tempDir() });
    expect(human.stdout).toMatch(/assumed: the default/);
  });

  it('--chain follows the follow-ups breadth-first, each tree once, recording what led to each', async () => {
    const dir = tempDir();
    const ctx = contextFile(dir, {
      ...MICROSERVICES,
      'high-resilience': 'yes',
      'ecosystem-integrations': 'yes',
      cloud: 'aws',
      'cross-service-transaction': 'yes',
      'workflow-complexity': 'complex',
    });
    const r = await runCli(['decide', 'architecture-style', '--context', ctx, '--chain', '--use-defaults', '--json', '--no-write'], {
      cwd: dir,
    });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const { decisions } = JSON.parse(r.stdout) as { decisions: JsonDecision[] };
    const by = new Map(decisions.map((d) => [d.tree, d]));
    expect(decisions.map((d) => d.tree)).toEqual([
      'architecture-style',
      'container-orchestrator',
      'saga-coordination',
      'kubernetes-hosting',
      'saga-engine',
      'kubernetes-ingress',
    ]);
    expect(by.get('architecture-style')).toMatchObject({ outcome: 'microservices' });
    expect(by.get('architecture-style')!.ledBy).toBeUndefined();
    expect(by.get('container-orchestrator')).toMatchObject({ outcome: 'kubernetes', ledBy: { tree: 'architecture-style', outcome: 'microservices' } });
    expect(by.get('kubernetes-hosting')!.ledBy).toEqual({ tree: 'container-orchestrator', outcome: 'kubernetes' });
    expect(by.get('kubernetes-ingress')!.ledBy).toMatchObject({ tree: 'kubernetes-hosting', outcome: by.get('kubernetes-hosting')!.outcome });
    expect(by.get('saga-coordination')).toMatchObject({ outcome: 'orchestration', ledBy: { tree: 'architecture-style', outcome: 'microservices' } });
    expect(by.get('saga-engine')!.ledBy).toEqual({ tree: 'saga-coordination', outcome: 'orchestration' });
  });

  it('speaks Spanish with --lang es (and with lang: es in the context file)', async () => {
    const dir = tempDir();
    const flag = await runCli(['decide', 'architecture-style', '--use-defaults', '--no-write', '--lang', 'es'], { cwd: dir });
    expect(flag.code).toBe(0);
    expect(flag.stdout).toMatch(/Estilo de arquitectura/);
    expect(flag.stdout).toMatch(/supuesto: valor por defecto/);
    expect(flag.stdout).toMatch(/Siguientes pasos/);
    const ctx = contextFile(dir, { complexity: 'low', 'team-size': 'small', 'dedicated-runtime': 'no' }, 'lang: es\n');
    const fromFile = await runCli(['decide', 'architecture-style', '--context', ctx, '--json', '--no-write'], { cwd: dir });
    const [d] = (JSON.parse(fromFile.stdout) as { decisions: JsonDecision[] }).decisions;
    expect(d!.title).toMatch(/[Mm]onolito/);
  });

  it('an unknown driver or value in --set exits 2 with did-you-mean', async () => {
    const driver = await runCli(['decide', 'architecture-style', '--set', 'complexty=high'], { cwd: tempDir() });
    expect(driver.code).toBe(2);
    expect(driver.stderr).toMatch(/--set complexty=high: unknown driver "complexty" \(did you mean "complexity"\?\)/);
    const value = await runCli(['decide', 'architecture-style', '--set', 'complexity=hihg'], { cwd: tempDir() });
    expect(value.code).toBe(2);
    expect(value.stderr).toMatch(/--set complexity=hihg: unknown value "hihg" for driver "complexity" \(did you mean "high"\?\); values: low, high/);
  });

  it('a bad context file exits 2 naming file:line:col and the field', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'ctx.yaml'), 'drivers:\n  complexity: high\n  scael: large\n  team-size: hueg\n');
    const r = await runCli(['decide', 'architecture-style', '--context', 'ctx.yaml'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/ctx\.yaml:3:3 {2}drivers\.scael {2}unknown driver "scael" \(did you mean "scale"\?\)/);
    expect(r.stderr).toMatch(/ctx\.yaml:4:14 {2}drivers\.team-size {2}unknown value "hueg"/);
    expect(r.stderr).not.toMatch(/\n\s+at /);

    writeFileSync(join(dir, 'broken.yaml'), 'drivers:\n  complexity: high\n   scale: large\n');
    const yaml = await runCli(['decide', 'architecture-style', '--context', 'broken.yaml'], { cwd: dir });
    expect(yaml.code).toBe(2);
    expect(yaml.stderr).toMatch(/broken\.yaml:\d+:\d+ {2}YAML syntax/);

    const missing = await runCli(['decide', 'architecture-style', '--context', 'nope.yaml'], { cwd: dir });
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/--context nope\.yaml: no such file/);
  });

  it('an unknown tree or language exits 2 with a suggestion', async () => {
    const tree = await runCli(['decide', 'sagacoordination'], { cwd: tempDir() });
    expect(tree.code).toBe(2);
    expect(tree.stderr).toMatch(/unknown tree "sagacoordination" \(did you mean "saga-coordination"\?\)/);
    const lang = await runCli(['decide', 'saga-coordination', '--lang', 'fr'], { cwd: tempDir() });
    expect(lang.code).toBe(2);
    expect(lang.stderr).toMatch(/--lang fr: unknown language/);
  });
});

describe('the program', () => {
  it('a misspelt command exits 2 with a suggestion', async () => {
    const r = await runCli(['tress'], { cwd: tempDir() });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/unknown command "tress" \(did you mean "trees"\?\)/);
  });

  it('NO_COLOR leaves no escape codes; FORCE_COLOR colours', async () => {
    const plain = await runCli(['decide', 'architecture-style', '--use-defaults', '--no-write'], { cwd: tempDir() });
    expect(plain.stdout).not.toMatch(/\u001b\[/);
    const coloured = await runCli(['decide', 'architecture-style', '--use-defaults', '--no-write'], {
      cwd: tempDir(),
      env: { NO_COLOR: undefined, FORCE_COLOR: '1' },
    });
    expect(coloured.stdout).toMatch(/\u001b\[/);
  });
});

describe('the guided session', () => {
  it('without a terminal exits 2 and points to decide', async () => {
    const r = await runCli([], { cwd: tempDir() });
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/the guided session needs a terminal; .*decide.*--context.*--set/);
  });
});
