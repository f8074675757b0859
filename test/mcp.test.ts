// `adr-wizard mcp` through the SDK's own client over stdio, spawning the built binary: what an
// assistant sees. A whole decision (questions -> answers -> decisions -> preview -> write), the
// log read back and changed, and every way out of the working folder tried.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, runCli, tempDir } from './support/cli.js';
import { decideWithUser, readText, startMcp } from './support/mcp.js';

const MICROSERVICES = { 'team-size': 'large', complexity: 'high', 'domain-boundaries': 'clear', 'ops-maturity': 'high', 'team-autonomy': 'yes', 'latency-sensitive': 'no' };

describe('adr-wizard mcp: what an assistant is offered', () => {
  it('lists every tool with input and output schemas, the resources and the prompt', async () => {
    const mcp = await startMcp(tempDir());
    const { tools } = await mcp.client.listTools();
    expect(tools.map((t) => t.name).sort()).toEqual(
      ['decide', 'doctor', 'link', 'list_adrs', 'list_trees', 'read_adr', 'scaffold', 'scaffold_plan', 'search_adrs', 'set_status', 'show_tree', 'supersede', 'validate_tree', 'write_adrs'].sort(),
    );
    for (const tool of tools) {
      expect(tool.description, tool.name).toBeTruthy();
      expect(tool.inputSchema.type, tool.name).toBe('object');
      expect(tool.outputSchema?.type, tool.name).toBe('object');
    }
    // Only the tools that change files say so.
    const readOnly = tools.filter((t) => t.annotations?.readOnlyHint).map((t) => t.name).sort();
    expect(readOnly).toEqual(['decide', 'list_adrs', 'list_trees', 'read_adr', 'scaffold_plan', 'search_adrs', 'show_tree', 'validate_tree']);
    const decide = tools.find((t) => t.name === 'decide')!;
    expect(Object.keys(decide.inputSchema.properties ?? {})).toEqual(expect.arrayContaining(['trees', 'drivers', 'chain', 'lang', 'all']));

    const { resourceTemplates } = await mcp.client.listResourceTemplates();
    expect(resourceTemplates.map((r) => r.uriTemplate).sort()).toEqual(['adr://{number}', 'tree://{id}']);
    const { resources } = await mcp.client.listResources();
    expect(resources.map((r) => r.uri)).toContain('tree://architecture-style');
    const tree = JSON.parse(await readText(mcp, 'tree://kubernetes-ingress'));
    expect(tree.outcomes.map((o: { id: string }) => o.id)).toEqual(expect.arrayContaining(['aws-alb', 'gateway-api', 'nginx']));

    const { prompts } = await mcp.client.listPrompts();
    expect(prompts.map((p) => p.name)).toEqual(['make-decision']);
    const prompt = await mcp.client.getPrompt({ name: 'make-decision', arguments: { about: 'the ingress', lang: 'es' } });
    const text = (prompt.messages[0]!.content as { text: string }).text;
    expect(text).toContain('The decision: the ingress.');
    expect(text).toMatch(/decide[\s\S]*needs-answers[\s\S]*write_adrs[\s\S]*write: true/);
    expect(text).toContain('lang "es"');
  });

  it('shows a tree with its questions, values, outcomes, sources and review date, in Spanish too', async () => {
    const mcp = await startMcp(tempDir());
    const list = await mcp.call('list_trees');
    expect(list.data.trees.map((t: { id: string }) => t.id)).toEqual(expect.arrayContaining(['architecture-style', 'saga-coordination', 'mlops-platform']));
    const en = await mcp.call('show_tree', { tree: 'architecture-style' });
    expect(en.data.reviewed).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(en.data.sources.length).toBeGreaterThan(0);
    const team = en.data.questions.find((q: { driver: string }) => q.driver === 'team-size');
    expect(team.values.map((v: { value: string }) => v.value)).toEqual(['small', 'large']);
    expect(team.help).not.toBe('');
    const es = await mcp.call('show_tree', { tree: 'architecture-style', lang: 'es' });
    expect(es.data.title).not.toBe(en.data.title);
    expect(es.data.questions.find((q: { driver: string }) => q.driver === 'team-size').question).toMatch(/equipos/i);
  });
});

describe('adr-wizard mcp: a whole decision', () => {
  it('asks instead of guessing, decides, previews without writing, writes, reads back and supersedes', async () => {
    const project = tempDir();
    const mcp = await startMcp(project);

    // Nothing known: the answer is questions, never a decision.
    const first = await mcp.call('decide', { trees: ['architecture-style'] });
    expect(first.isError).toBe(false);
    expect(first.data.status).toBe('needs-answers');
    const q = first.data.questions[0];
    expect(q).toMatchObject({ driver: expect.any(String), question: expect.any(String), trees: ['architecture-style'] });
    expect(q.values.length).toBeGreaterThanOrEqual(2);
    expect(q.values[0]).toMatchObject({ value: expect.any(String), label: expect.any(String) });
    expect(first.text).toContain(q.question);
    expect(first.data.decided).toEqual([]);

    const { result, asked, wording } = await decideWithUser(mcp, { trees: ['architecture-style'] }, MICROSERVICES);
    expect(asked.length).toBeGreaterThan(2);
    expect(new Set(asked).size).toBe(asked.length); // each driver asked once
    const decision = result.data.decisions[0];
    expect(decision).toMatchObject({ tree: 'architecture-style', outcome: 'microservices' });
    expect(decision.path.map((p: { driver: string }) => p.driver)).toEqual(asked);
    // Each question was put in the words of the node that asked it, as the ADR's path records it.
    for (const p of decision.path as { driver: string; question: string }[]) expect(wording[p.driver]).toBe(p.question);
    const monolith = decision.considered.find((o: { id: string }) => o.id === 'monolith');
    expect(monolith.why).not.toBe('');
    expect(decision.revisitWhen.length).toBeGreaterThan(0);
    expect(decision.starters).toContain('nest-microservices');
    // The CLI decides the same with the same answers.
    const cli = await runCli(['decide', 'architecture-style', ...Object.entries(result.data.drivers).flatMap(([d, v]) => ['--set', `${d}=${v}`]), '--json', '--no-write'], { cwd: project });
    expect(JSON.parse(cli.stdout).decisions[0].outcome).toBe('microservices');

    // Preview: the Markdown and the file name, nothing on disk.
    const drivers = result.data.drivers;
    const preview = await mcp.call('write_adrs', { trees: ['architecture-style'], drivers });
    expect(preview.data.written).toBe(false);
    const [planned] = preview.data.adrs;
    expect(planned.file).toBe('doc/adr/0001-architecture-style-microservices.md');
    expect(planned.content).toMatch(/^---\n[\s\S]*status: accepted[\s\S]*# Architecture style: Microservices/);
    expect(existsSync(join(project, 'doc'))).toBe(false);

    const written = await mcp.call('write_adrs', { trees: ['architecture-style'], drivers, write: true });
    expect(written.data).toMatchObject({ written: true, adrs: [{ number: 1, file: planned.file }] });
    const onDisk = readFileSync(join(project, planned.file), 'utf8');
    expect(onDisk).toBe(planned.content);

    // Read back: the tool, the resource and the list agree with the file.
    const read = await mcp.call('read_adr', { number: 1 });
    expect(read.data).toMatchObject({ number: 1, status: 'accepted', tree: 'architecture-style', outcome: 'microservices', content: onDisk });
    expect(await readText(mcp, 'adr://0001')).toBe(onDisk);
    expect((await mcp.client.listResources()).resources.map((r) => r.uri)).toContain('adr://0001');
    const listed = await mcp.call('list_adrs');
    expect(listed.data.adrs).toMatchObject([{ number: 1, status: 'accepted', file: planned.file }]);
    const found = await mcp.call('search_adrs', { words: ['independent releases'] });
    expect(found.data.adrs.map((a: { number: number }) => a.number)).toEqual([1]);
    expect(found.data.adrs[0].matches[0].line).toBeGreaterThan(1);

    // Supersede with a hostile title: one heading line, as `adr-wizard new` writes it.
    const hostile = 'Back to a monolith\n# Injected heading\r\n<script>alert(1)</script> | ../../etc';
    const sup = await mcp.call('supersede', { number: 1, title: hostile });
    expect(sup.isError).toBe(false);
    expect(sup.data).toMatchObject({ number: 2, supersedes: [1] });
    expect(sup.data.file).toMatch(/^doc\/adr\/0002-[a-z0-9-]+\.md$/);
    const supersedingText = readFileSync(join(project, sup.data.file), 'utf8');
    expect(supersedingText).not.toMatch(/^# Injected heading/m);
    const twin = tempDir();
    mkdirSync(join(twin, 'doc/adr'), { recursive: true });
    writeFileSync(join(twin, 'doc/adr', '0001-architecture-style-microservices.md'), onDisk);
    const cliNew = await runCli(['new', '--supersedes', '1', hostile], { cwd: twin });
    expect(cliNew.code, cliNew.stderr).toBe(0);
    expect(readFileSync(join(twin, cliNew.stdout.trim()), 'utf8')).toBe(supersedingText);
    expect(cliNew.stdout.trim()).toBe(sup.data.file);
    expect((await mcp.call('read_adr', { number: 1 })).data.status).toBe('superseded');

    // Status and links, then a clean bill of health.
    const status = await mcp.call('set_status', { number: 2, status: 'accepted' });
    expect(status.data).toMatchObject({ from: 'proposed', to: 'accepted', file: sup.data.file });
    const link = await mcp.call('link', { from: 2, type: 'Amends', to: 1 });
    expect(link.data.links).toEqual([
      { file: sup.data.file, type: 'Amends', number: 1 },
      { file: planned.file, type: 'Amended by', number: 2 },
    ]);
    const doctor = await mcp.call('doctor');
    expect(doctor.data).toMatchObject({ count: 2, errors: 0 });
    expect(readdirSync(join(project, 'doc/adr')).sort()).toEqual([planned.file.split('/').pop(), sup.data.file.split('/').pop()].sort());
  });

  it('decides a chain and in Spanish, and refuses to write while answers are missing', async () => {
    const project = tempDir();
    const mcp = await startMcp(project);
    const es = await mcp.call('decide', { trees: ['architecture-style'], lang: 'es' });
    expect(es.data.questions[0].question).toMatch(/[¿áéíóúñ]/);
    const missing = await mcp.call('write_adrs', { trees: ['architecture-style'], drivers: { 'team-size': 'large' }, write: true });
    expect(missing.isError).toBe(true);
    expect(missing.text).toMatch(/^missing drivers for architecture-style: .+ \(call decide to get the questions to ask/);
    expect(existsSync(join(project, 'doc'))).toBe(false);
    // useDefaults, only when asked: every assumption recorded.
    const assumed = await mcp.call('decide', { trees: ['kubernetes-ingress'], useDefaults: true });
    expect(assumed.data.status).toBe('decided');
    expect(assumed.data.decisions[0].assumed.length).toBeGreaterThan(0);
    const chain = await mcp.call('decide', { trees: ['architecture-style'], drivers: MICROSERVICES, chain: true, useDefaults: true });
    expect(chain.data.decisions.map((d: { tree: string }) => d.tree)).toEqual(expect.arrayContaining(['architecture-style', 'container-orchestrator']));
  });
});

describe('adr-wizard mcp: a context file', () => {
  it('takes the answers and the people from a context file of the project, and a template only from inside it', async () => {
    const project = tempDir();
    writeFileSync(
      join(project, 'context.yaml'),
      `drivers:\n${Object.entries(MICROSERVICES).map(([d, v]) => `  ${d}: "${v}"`).join('\n')}\ndeciders: [Ana García, Bo Chen]\nlang: es\n`,
    );
    const mcp = await startMcp(project);
    const decided = await mcp.call('decide', { trees: ['architecture-style'], context: 'context.yaml' });
    expect(decided.data.status).toBe('decided');
    expect(decided.data.decisions[0].title).toBe('Microservicios');
    const preview = await mcp.call('write_adrs', { trees: ['architecture-style'], context: 'context.yaml' });
    expect(preview.data.adrs[0].content).toMatch(/^decision-makers: \[Ana García, Bo Chen\]$/m);
    const evil = await mcp.call('write_adrs', { trees: ['architecture-style'], context: 'context.yaml', template: '../evil.hbs' });
    expect(evil.text).toBe(`template "../evil.hbs": outside the working folder ${project}; give a path inside it`);
    const missing = await mcp.call('decide', { trees: ['architecture-style'], context: 'nope.yaml' });
    expect(missing.text).toBe('--context nope.yaml: no such file');
  });
});

describe('adr-wizard mcp: one numbering with the CLI', () => {
  it('writes ADRs while `adr-wizard new` runs in the same folder: distinct numbers, whole files', async () => {
    const project = tempDir();
    const mcp = await startMcp(project);
    const [cli, written] = await Promise.all([
      Promise.all(Array.from({ length: 5 }, (_, i) => runCli(['new', `Decision ${i}`], { cwd: project }))),
      mcp.call('write_adrs', { trees: ['architecture-style'], drivers: MICROSERVICES, write: true }),
    ]);
    for (const r of cli) expect(r.code, r.stderr).toBe(0);
    expect(written.isError, written.text).toBe(false);
    const names = readdirSync(join(project, 'doc/adr')).filter((n) => n.endsWith('.md')).sort();
    expect(names.map((n) => n.slice(0, 4))).toEqual(['0001', '0002', '0003', '0004', '0005', '0006']);
    expect(names).toContain(written.data.adrs[0].file.split('/').pop());
    const completions = await mcp.client.complete({ ref: { type: 'ref/resource', uri: 'adr://{number}' }, argument: { name: 'number', value: '6' } });
    expect(completions.completion.values).toEqual(['0006']);
  });
});

describe('adr-wizard mcp: starters', () => {
  it('plans without writing, writes only when asked, and never overwrites', async () => {
    const project = tempDir();
    const mcp = await startMcp(project);
    const plan = await mcp.call('scaffold_plan', { starter: 'helm', out: 'deploy/chart' });
    expect(plan.isError, plan.text).toBe(false);
    expect(plan.data.files.map((f: { path: string }) => f.path)).toEqual(expect.arrayContaining(['Chart.yaml', 'values.yaml', 'templates/deployment.yaml']));
    expect(plan.data.out).toBe('deploy/chart');
    expect(existsSync(join(project, 'deploy'))).toBe(false);
    const notYet = await mcp.call('scaffold', { starter: 'helm', out: 'deploy/chart' });
    expect(notYet.data.written).toBe(false);
    expect(existsSync(join(project, 'deploy'))).toBe(false);

    const wrote = await mcp.call('scaffold', { starter: 'helm', out: 'deploy/chart', write: true });
    expect(wrote.data.written).toBe(true);
    const chart = join(project, 'deploy/chart/Chart.yaml');
    writeFileSync(chart, 'mine\n');
    const again = await mcp.call('scaffold', { starter: 'helm', out: 'deploy/chart', write: true });
    expect(again.isError).toBe(true);
    expect(again.text).toMatch(/deploy\/chart is not empty/);
    expect(readFileSync(chart, 'utf8')).toBe('mine\n');

    const badOption = await mcp.call('scaffold_plan', { starter: 'helm', options: { transport: 'kafka' } });
    expect(badOption.isError).toBe(true);
    expect(badOption.text).toBe('--transport: the helm starter does not take --transport (its options: --services, --ingress, --hosting)');
    const unknown = await mcp.call('scaffold_plan', { starter: 'nest' });
    expect(unknown.text).toMatch(/^unknown starter "nest" \(did you mean "nest-microservices"\?\); starters: helm, /);
  });
});

describe('adr-wizard mcp: nothing outside the working folder', () => {
  it('refuses paths that leave it by name, by absolute path or through a symlink', async () => {
    const outside = tempDir('adr-wizard-outside-');
    writeFileSync(join(outside, 'tree.yaml'), 'id: x\n');
    const project = tempDir();
    symlinkSync(outside, join(project, 'escape'));
    const mcp = await startMcp(project);
    for (const file of ['../tree.yaml', join(outside, 'tree.yaml'), 'escape/tree.yaml', '/etc/passwd']) {
      const r = await mcp.call('validate_tree', { file });
      expect(r.isError, file).toBe(true);
      expect(r.text, file).toBe(`file "${file}": outside the working folder ${project}; give a path inside it`);
    }
    for (const out of ['..', '../sibling', 'escape/app', outside]) {
      const r = await mcp.call('scaffold', { starter: 'helm', out, write: true });
      expect(r.isError, out).toBe(true);
      expect(r.text, out).toMatch(/^out ".*": outside the working folder/);
    }
    expect(readdirSync(outside)).toEqual(['tree.yaml']);
    const context = await mcp.call('decide', { trees: ['architecture-style'], context: 'escape/tree.yaml' });
    expect(context.text).toMatch(/^context "escape\/tree.yaml": outside the working folder/);
    // The server is still there.
    expect((await mcp.call('list_trees')).isError).toBe(false);
  });

  it('refuses an ADR folder or an ADR file that lies outside', async () => {
    const outside = tempDir('adr-wizard-outside-');
    writeFileSync(join(outside, '0001-secret.md'), '# 1. Secret\n\nDate: 2026-01-01\n\n## Status\n\nAccepted\n');
    const project = tempDir();
    writeFileSync(join(project, '.adr-dir'), '../' + outside.split('/').pop() + '\n');
    const viaAdrDir = await startMcp(project);
    const r = await viaAdrDir.call('list_adrs');
    expect(r.isError).toBe(true);
    expect(r.text).toMatch(/^the ADR folder .* \(from .*\.adr-dir\) is outside the working folder .*; start the server with --cwd at the repository root$/);
    const write = await viaAdrDir.call('supersede', { number: 1, title: 'x' });
    expect(write.isError).toBe(true);
    expect(readdirSync(outside)).toEqual(['0001-secret.md']);

    const project2 = tempDir();
    mkdirSync(join(project2, 'doc/adr'), { recursive: true });
    symlinkSync(join(outside, '0001-secret.md'), join(project2, 'doc/adr/0001-secret.md'));
    const viaLink = await startMcp(project2);
    for (const [tool, args] of [['list_adrs', {}], ['read_adr', { number: 1 }], ['search_adrs', { words: ['secret'] }]] as const) {
      const res = await viaLink.call(tool, args);
      expect(res.isError, tool).toBe(true);
      expect(res.text, tool).toBe(`doc/adr/0001-secret.md: a link to ${join(outside, '0001-secret.md')}, outside the working folder; the server does not read it`);
      expect(res.text).not.toContain('Secret');
    }
    await expect(viaLink.client.readResource({ uri: 'adr://0001' })).rejects.toThrow(/outside the working folder/);
  });
});

describe('adr-wizard mcp: bad input', () => {
  it('answers every mistake with the CLI\'s one-line message, and keeps serving', async () => {
    const project = tempDir();
    const mcp = await startMcp(project);
    const cases: [string, Record<string, unknown>, string[]][] = [
      ['decide', { trees: ['architecture-styl'] }, ['decide', 'architecture-styl']],
      ['show_tree', { tree: 'nope' }, ['show', 'nope']],
      ['read_adr', { number: 7 }, ['status', '7', 'accepted']],
      ['search_adrs', { words: ['  '] }, ['search', '  ']],
      ['list_adrs', { status: 'maybe' }, ['list', '--status', 'maybe']],
      ['list_adrs', { since: '2026-02-30' }, ['search', 'x', '--since', '2026-02-30']],
    ];
    for (const [tool, args, cliArgs] of cases) {
      const r = await mcp.call(tool, args);
      const cli = await runCli(cliArgs, { cwd: project });
      expect(cli.code, cliArgs.join(' ')).toBe(2);
      expect(r.isError, tool).toBe(true);
      expect(`error ${r.text}\n`, tool).toBe(cli.stderr);
    }
    // A driver value is named by its argument; the message after it is the CLI's.
    const value = await mcp.call('decide', { trees: ['architecture-style'], drivers: { 'team-size': 'huge' } });
    const cli = await runCli(['decide', 'architecture-style', '--set', 'team-size=huge'], { cwd: project });
    expect(value.text).toBe('drivers.team-size: unknown value "huge" for driver "team-size"; values: small, large');
    expect(cli.stderr).toBe('error --set team-size=huge: unknown value "huge" for driver "team-size"; values: small, large\n');
    const two = await mcp.call('decide', { trees: ['architecture-style'], drivers: { 'team-size': 'huge', sclae: 'large' } });
    expect(two.text.split('\n')).toEqual([
      'drivers.team-size  unknown value "huge" for driver "team-size"; values: small, large',
      'drivers.sclae  unknown driver "sclae" (did you mean "scale"?)',
      '2 driver values are not valid',
    ]);

    // Arguments that do not match the schema: an error result, not a crash.
    const malformed = await mcp.call('read_adr', { number: 'one' });
    expect(malformed.isError).toBe(true);
    expect(malformed.text).toMatch(/Invalid arguments for tool read_adr/);
    const negative = await mcp.call('set_status', { number: -1, status: 'accepted' });
    expect(negative.isError).toBe(true);
    await expect(mcp.client.callTool({ name: 'drop_tables', arguments: {} })).resolves.toMatchObject({ isError: true });
    await expect(mcp.client.readResource({ uri: 'adr://0042' })).rejects.toThrow('there is no ADR 42 (the log is empty)');
    await expect(mcp.client.readResource({ uri: 'tree://nope' })).rejects.toThrow(/unknown tree "nope"/);
    expect((await mcp.call('list_trees')).isError).toBe(false);
    expect(mcp.stderr()).not.toMatch(/Internal error|at .*\.js:\d+/);
  });

  it('validates a repository tree file with file:line:col', async () => {
    const project = tempDir();
    mkdirSync(join(project, '.adr-wizard/decisions'), { recursive: true });
    const tree = join(project, '.adr-wizard/decisions/queue.yaml');
    writeFileSync(tree, 'id: queue\ntitle: Queue\nkind: tree\nstart: q1\nquestions:\n  q1:\n    driver: scale\n    branches: {small: a, large: nowhere}\noutcomes: {}\n');
    const mcp = await startMcp(project);
    const r = await mcp.call('validate_tree', { file: '.adr-wizard/decisions/queue.yaml' });
    expect(r.isError).toBe(false);
    expect(r.data.valid).toBe(false);
    expect(r.data.errors).toBeGreaterThan(0);
    expect(r.data.problems[0]).toMatchObject({ file: '.adr-wizard/decisions/queue.yaml', line: expect.any(Number), severity: 'error' });
    const cli = await runCli(['validate', tree, '--json'], { cwd: project });
    expect(r.data.errors).toBe(JSON.parse(cli.stdout).errors);
  });

  it('refuses a --cwd that is not a folder, in one line with exit code 2', async () => {
    const r = await runCli(['mcp', '--cwd', '/no/such/folder']);
    expect(r).toMatchObject({ code: 2, stdout: '', stderr: 'error --cwd /no/such/folder: no such folder\n' });
  });
});

describe('adr-wizard mcp: stdout is the protocol', () => {
  it('writes nothing but JSON-RPC messages on stdout, whatever the tools do', async () => {
    const project = tempDir();
    const child = spawn(process.execPath, [BIN, 'mcp'], { cwd: project, stdio: ['pipe', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (out += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (err += d));
    const send = (m: object) => child.stdin.write(`${JSON.stringify({ jsonrpc: '2.0', ...m })}\n`);
    send({ id: 1, method: 'initialize', params: { protocolVersion: '2025-06-18', capabilities: {}, clientInfo: { name: 't', version: '1' } } });
    send({ method: 'notifications/initialized' });
    const calls: [string, object][] = [
      ['decide', { trees: ['architecture-style'], drivers: MICROSERVICES }],
      ['write_adrs', { trees: ['architecture-style'], drivers: MICROSERVICES, write: true }],
      ['doctor', { fix: true }],
      ['scaffold', { starter: 'saga', out: 'svc', write: true }],
      ['validate_tree', { file: '../x' }],
      ['decide', { trees: 'not-a-list' }],
    ];
    calls.forEach(([name, args], i) => send({ id: i + 2, method: 'tools/call', params: { name, arguments: args } }));
    send({ id: 99, method: 'no/such/method' });
    child.stdin.write('this is not json\n');
    send({ id: 100, method: 'tools/list' });
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no answer to tools/list\n${out}\n${err}`)), 30_000);
      const check = setInterval(() => {
        if (out.includes('"id":100')) {
          clearInterval(check);
          clearTimeout(timer);
          resolve();
        }
      }, 20);
    });
    child.stdin.end();
    await new Promise((r) => child.on('close', r));
    const lines = out.trimEnd().split('\n');
    const messages = lines.map((line) => JSON.parse(line) as { jsonrpc: string; id?: number; result?: { isError?: boolean }; error?: { code: number } });
    for (const m of messages) expect(m.jsonrpc).toBe('2.0');
    const byId = new Map(messages.map((m) => [m.id, m]));
    expect(byId.get(3)?.result?.isError).toBeUndefined(); // the ADR was written
    expect(byId.get(5)?.result?.isError).toBeUndefined(); // the starter was written
    expect(byId.get(6)?.result?.isError).toBe(true);
    expect(byId.get(7)?.result?.isError).toBe(true);
    expect(byId.get(99)?.error?.code).toBe(-32601);
    expect(existsSync(join(project, 'svc/package.json'))).toBe(true);
    expect(err).toContain(`adr-wizard mcp: serving ${project}`);
  });
});
