// Interoperability with the real adr-tools (Debian's adr-tools 3): a log it writes reads right in
// adr-wizard, and the Nygard files adr-wizard writes keep working with adr-tools.
import { execFileSync } from 'node:child_process';
import { accessSync, constants, readFileSync } from 'node:fs';
import { delimiter, join, sep } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, tempDir } from './support/cli.js';
import { serviceGate } from './support/services.js';

// npm puts node_modules/.bin first on PATH, and the benchmark's peer (@meza/adr-tools, a
// devDependency) has an `adr` there too: these tests are about Nat Pryce's adr-tools, so its `adr`
// is looked for past node_modules.
function findAdrTools(): string | undefined {
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    if (dir === '' || dir.split(sep).includes('node_modules')) continue;
    try {
      accessSync(join(dir, 'adr'), constants.X_OK);
      return join(dir, 'adr');
    } catch {
      // not in this folder
    }
  }
  return undefined;
}

const ADR_TOOLS = findAdrTools();
const gate = serviceGate('adr-tools', ADR_TOOLS !== undefined, 'apt-get install adr-tools');
const ENV = { ADR_DATE: '2026-02-03', EDITOR: 'true', VISUAL: 'true' };

function adr(cwd: string, ...args: string[]): string {
  return execFileSync(ADR_TOOLS!, args, { cwd, env: { ...process.env, ...ENV }, encoding: 'utf8' });
}

interface Entry {
  number: number;
  title: string;
  status: string;
  links: { type: string; number: number }[];
}

async function list(cwd: string): Promise<Entry[]> {
  const r = await runCli(['list', '--json'], { cwd, env: ENV });
  expect(r.code).toBe(0);
  return JSON.parse(r.stdout) as Entry[];
}

describe.skipIf(gate)('adr-tools', () => {
  it('a log adr-tools wrote lists right, supersedes and links included', async () => {
    const cwd = tempDir();
    adr(cwd, 'init');
    adr(cwd, 'new', 'Use', 'PostgreSQL');
    adr(cwd, 'new', '-s', '2', 'Use', 'MySQL');
    adr(cwd, 'new', '-l', '1:Amends:Amended by', 'Keep', 'a', 'changelog');
    expect((await list(cwd)).map((e) => [e.number, e.title, e.status, e.links])).toEqual([
      [1, 'Record architecture decisions', 'accepted', [{ type: 'Amended by', number: 4 }]],
      [2, 'Use PostgreSQL', 'superseded', [{ type: 'Superseded by', number: 3 }]],
      [3, 'Use MySQL', 'accepted', [{ type: 'Supersedes', number: 2 }]],
      [4, 'Keep a changelog', 'accepted', [{ type: 'Amends', number: 1 }]],
    ]);
    // adr-wizard continues the numbering and supersedes an adr-tools file in its own style.
    const r = await runCli(['new', '--supersedes', '3', 'Use', 'SQLite'], { cwd, env: ENV });
    expect(r.stdout.trim()).toBe('doc/adr/0005-use-sqlite.md');
    expect(readFileSync(join(cwd, 'doc/adr/0003-use-mysql.md'), 'utf8')).toContain(
      '## Status\n\nSupersedes [2. Use PostgreSQL](0002-use-postgresql.md)\n\nSuperseded by [5. Use SQLite](0005-use-sqlite.md)\n\n## Context',
    );
    expect((await list(cwd)).map((e) => [e.number, e.status])).toEqual([
      [1, 'accepted'],
      [2, 'superseded'],
      [3, 'superseded'],
      [4, 'accepted'],
      [5, 'proposed'],
    ]);
  });

  it('adr-tools works on the Nygard files adr-wizard writes', async () => {
    const cwd = tempDir();
    expect((await runCli(['init', '--template', 'nygard'], { cwd, env: ENV })).code).toBe(0);
    expect((await runCli(['new', 'Use', 'Kafka'], { cwd, env: ENV })).code).toBe(0);
    expect((await runCli(['decide', 'architecture-style', '--use-defaults', '--template', 'nygard'], { cwd, env: ENV })).code).toBe(0);
    expect(adr(cwd, 'list').trim().split('\n')).toHaveLength(3);
    const toc = adr(cwd, 'generate', 'toc');
    expect(toc).toContain('* [1. Record architecture decisions](0001-record-architecture-decisions.md)');
    expect(toc).toContain('* [2. Use Kafka](0002-use-kafka.md)');
    expect(toc).toMatch(/\* \[3\. Architecture style: .*\]\(0003-.*\.md\)/);
    // adr-tools links and supersedes adr-wizard files; adr-wizard reads what it wrote.
    adr(cwd, 'link', '3', 'Amends', '2', 'Amended by');
    adr(cwd, 'new', '-s', '2', 'Use', 'RabbitMQ');
    const entries = await list(cwd);
    expect(entries.map((e) => [e.number, e.status, e.links])).toEqual([
      [1, 'accepted', []],
      // adr-tools removes only an "Accepted" line: "Proposed" stays beside the link, which wins.
      [2, 'superseded', [{ type: 'Amended by', number: 3 }, { type: 'Superseded by', number: 4 }]],
      [3, 'accepted', [{ type: 'Amends', number: 2 }]],
      [4, 'accepted', [{ type: 'Supersedes', number: 2 }]],
    ]);
  });
});
