// Shell completion as a user meets it: the script `adr-wizard completion <shell>` prints, loaded into
// the real shell, asked for the completions of a command line, with the built adr-wizard on PATH
// in a project holding an ADR log and a repository tree.
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BIN, ROOT, runCli, tempDir } from './support/cli.js';
import { commandExists, serviceGate } from './support/services.js';

const run = promisify(execFile);

let project: string;
let scripts: Record<'bash' | 'zsh' | 'fish', string>;
let env: NodeJS.ProcessEnv;

let dir: string;
afterAll(() => rmSync(dir, { recursive: true, force: true }));

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'adr-wizard-completion-'));
  // adr-wizard on PATH, as a global install puts it.
  const bin = join(dir, 'bin');
  mkdirSync(bin);
  symlinkSync(BIN, join(bin, 'adr-wizard'));
  env = { ...process.env, PATH: [bin, dirname(process.execPath), process.env.PATH].join(delimiter), NO_COLOR: '1', HOME: dir };

  // A repository with its own tree and an ADR log of three records.
  project = join(dir, 'project');
  mkdirSync(join(project, '.git'), { recursive: true });
  mkdirSync(join(project, '.adr-wizard/decisions'), { recursive: true });
  const tree = readFileSync(join(ROOT, 'src/core/__fixtures__/good-tree.yaml'), 'utf8')
    .replace(/^id: good-tree$/m, 'id: payments-style')
    .replace(/^\s*followUps: \[good-matrix\]\n/m, '');
  writeFileSync(join(project, '.adr-wizard/decisions/payments-style.yaml'), tree);
  for (const args of [['init'], ['new', 'Use PostgreSQL for orders'], ['new', 'Publish events on Kafka']]) {
    const r = await runCli(args, { cwd: project });
    expect(r.code, r.stderr).toBe(0);
  }

  scripts = { bash: '', zsh: '', fish: '' };
  for (const shell of ['bash', 'zsh', 'fish'] as const) {
    const r = await runCli(['completion', shell], { cwd: project });
    expect(r.code, r.stderr).toBe(0);
    scripts[shell] = join(dir, `completion.${shell}`);
    writeFileSync(scripts[shell], r.stdout);
  }
});

const TREES = ['architecture-style', 'container-orchestrator', 'saga-coordination', 'payments-style'];

/** The command lines asked in every shell, and what must (and must not) be offered. */
const CASES: { line: string; offers: string[]; not?: string[] }[] = [
  { line: 'adr-wizard ', offers: ['decide', 'show', 'status', 'scaffold', 'completion'], not: ['complete'] },
  { line: 'adr-wizard dec', offers: ['decide'] },
  { line: 'adr-wizard decide ', offers: TREES },
  { line: 'adr-wizard decide payments-style ', offers: ['architecture-style'], not: ['payments-style'] },
  { line: 'adr-wizard decide --set ', offers: ['scale=', 'team-size=', 'cloud='] },
  { line: 'adr-wizard decide --set sc', offers: ['scale='] },
  { line: 'adr-wizard decide -s scale=small --set ', offers: ['team-size='], not: ['scale='] },
  { line: 'adr-wizard decide --set scale=', offers: ['small', 'large'] },
  { line: 'adr-wizard decide --set team-size=', offers: ['small', 'large'] },
  { line: 'adr-wizard decide --lang=', offers: ['en', 'es'] },
  { line: 'adr-wizard decide --', offers: ['--set', '--use-defaults', '--dry-run', '--help'] },
  { line: 'adr-wizard revisit 1 -s ', offers: ['scale='] },
  { line: 'adr-wizard scaffold ', offers: ['modular-monolith', 'nest-microservices', 'saga'] },
  { line: 'adr-wizard scaffold saga --transport ', offers: ['rabbitmq', 'kafka'] },
  { line: 'adr-wizard status ', offers: ['1', '2', '3'] },
  { line: 'adr-wizard status 2 ', offers: ['proposed', 'accepted', 'rejected', 'deprecated', 'superseded'] },
  { line: 'adr-wizard link 2 ', offers: ['Amends', 'Supersedes'] },
  { line: 'adr-wizard new --link ', offers: ['Amends:', 'Supersedes:'] },
  { line: 'adr-wizard new Cache orders --link Amends:', offers: ['1', '2', '3'] },
  { line: 'adr-wizard list --tree ', offers: TREES },
  { line: 'adr-wizard list --tag ', offers: ['payments-style', 'microservices', 'modular-monolith'] },
  { line: 'adr-wizard doctor --format ', offers: ['text', 'json', 'github'] },
  { line: 'adr-wizard export --format ', offers: ['md', 'html', 'json', 'site'] },
  { line: 'adr-wizard new --template ', offers: ['madr', 'nygard', 'log4brains'] },
  { line: 'adr-wizard completion ', offers: ['bash', 'zsh', 'fish', 'powershell'] },
];

/**
 * What bash shows: COMP_WORDS split as readline splits a line (blanks, and `=`/`:` as words of
 * their own), the function `complete -p` names called as bash calls it, COMPREPLY printed.
 */
async function bashComplete(line: string, withBashCompletion: boolean): Promise<string[]> {
  const words = line.split(/[ \t]+/).flatMap((w) => w.split(/([=:]+)/).filter((p) => p !== ''));
  if (/\s$/.test(line)) words.push('');
  const quote = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;
  const program = [
    withBashCompletion ? 'source /usr/share/bash-completion/bash_completion' : '',
    `source ${quote(scripts.bash)}`,
    `fn=$(complete -p adr-wizard | sed -E 's/.*-F ([^ ]+).*/\\1/')`,
    `COMP_WORDS=(${words.map(quote).join(' ')})`,
    'COMP_CWORD=$(( ${#COMP_WORDS[@]} - 1 ))',
    `COMP_LINE=${quote(line)}`,
    'COMP_POINT=${#COMP_LINE}',
    'COMP_TYPE=9',
    '"$fn" adr-wizard "${COMP_WORDS[COMP_CWORD]}" "${COMP_WORDS[COMP_CWORD-1]}" 2>/dev/null',
    `printf '%s\\n' "\${COMPREPLY[@]}"`,
  ].join('\n');
  const { stdout } = await run('bash', ['--norc', '--noprofile', '-c', program], { cwd: project, env });
  return stdout.split('\n').filter((l) => l !== '');
}

/** What fish offers: `complete -C` on the line, values without their descriptions. */
async function fishComplete(line: string): Promise<string[]> {
  const { stdout } = await run('fish', ['--no-config', '-c', `source ${scripts.fish}; complete -C ${JSON.stringify(line)}`], { cwd: project, env });
  return stdout.split('\n').filter((l) => l !== '').map((l) => l.split('\t')[0]!);
}

/**
 * What zsh hands to `_describe` (which lists and inserts them): the generated function called as
 * the completion system calls it, `words` and `CURRENT` set, `_describe` replaced by a printer.
 * Values are printed with any `-P` prefix zsh would insert before them.
 */
async function zshComplete(line: string): Promise<string[]> {
  const words = line.split(/[ \t]+/);
  const program = [
    'autoload -U compinit && compinit -u -D',
    `source ${scripts.zsh}`,
    // eval'd as `_describe [-V] completions completions -Q [-P prefix] [-S '']`
    '_describe() { local prefix=""; [[ "$*" =~ "-P ([^ ]+)" ]] && prefix=${BASH_REMATCH[2]}; for c in "${completions[@]}"; do print -r -- "$prefix$c"; done; }',
    `words=(${words.map((w) => `'${w}'`).join(' ')})`,
    'CURRENT=${#words}',
    '_adr-wizard',
  ].join('\n');
  const { stdout } = await run('zsh', ['-f', '-c', program], { cwd: project, env });
  // `value:description`, a colon inside the value escaped as `\:`.
  return stdout
    .split('\n')
    .filter((l) => l !== '')
    .map((l) => l.split(/(?<!\\):/)[0]!.replace(/\\(.)/g, '$1'));
}

/** Every value of the case is offered (as the shell shows it), and none of those it must not offer. */
function expectOffers(got: string[], c: (typeof CASES)[number], shownAs: (value: string) => string = (v) => v): void {
  for (const v of c.offers) expect(got, `${c.line}: ${v}`).toContain(shownAs(v));
  for (const v of c.not ?? []) expect(got, `${c.line}: not ${v}`).not.toContain(shownAs(v));
}

describe.skipIf(serviceGate('bash with bash-completion', commandExists('bash') && existsSync('/usr/share/bash-completion/bash_completion'), 'apt-get install bash-completion'))(
  'bash',
  () => {
    it.each(CASES)('$line', async (c) => {
      expectOffers(await bashComplete(c.line, true), c);
    });

    it.each(CASES)('without the bash-completion package: $line', async (c) => {
      expectOffers(await bashComplete(c.line, false), c);
    });

    it('offers nothing where the command takes free text, and no file names', async () => {
      expect(await bashComplete('adr-wizard new ', true)).toEqual([]);
    });
  },
);

/**
 * fish and zsh keep the whole word: after `--lang=` they offer `--lang=en`, after `scale=`,
 * `scale=small`, after `Amends:`, `Amends:2` (bash, whose readline replaces only the text after
 * `=` or `:`, offers `en`, `small`, `2`).
 */
const whole = (line: string) => (value: string) => {
  const word = line.split(' ').at(-1)!;
  const cut = Math.max(word.lastIndexOf('='), word.lastIndexOf(':'));
  return cut >= 0 && !/[=:]/.test(value) ? word.slice(0, cut + 1) + value : value;
};

describe.skipIf(serviceGate('fish', commandExists('fish'), 'apt-get install fish'))('fish', () => {
  it.each(CASES)('$line', async (c) => {
    expectOffers(await fishComplete(c.line), c, whole(c.line));
  });

  it('shows each ADR title beside its number', async () => {
    const { stdout } = await run('fish', ['--no-config', '-c', `source ${scripts.fish}; complete -C "adr-wizard status "`], { cwd: project, env });
    expect(stdout).toMatch(/^2\tUse PostgreSQL for orders$/m);
  });
});

describe.skipIf(serviceGate('zsh', commandExists('zsh'), 'apt-get install zsh'))('zsh', () => {
  it.each(CASES)('$line', async (c) => {
    expectOffers(await zshComplete(c.line), c, whole(c.line));
  });
});

/** The files a build loads before running anything: its static imports, followed, dynamic `import()`s left out. */
function staticClosure(entry: string): string[] {
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    for (const m of readFileSync(file, 'utf8').matchAll(/^import\s+(?:[^'"]*?\s+from\s+)?["'](\.[^"']+)["']/gm)) visit(join(dirname(file), m[1]!));
  };
  visit(entry);
  return [...seen];
}

describe('adr-wizard completion and complete', () => {
  it('loads no prompt, template, Markdown, colour or diagram library on a TAB', () => {
    // What `adr-wizard complete` loads: the program, then the command's build.
    const files = [...staticClosure(join(ROOT, 'dist/main.js')), ...staticClosure(join(ROOT, 'dist/commands/complete/index.js'))];
    expect(files.length).toBeGreaterThan(2);
    for (const file of files) {
      const text = readFileSync(file, 'utf8');
      expect(text, file).not.toMatch(/node_modules\/(@inquirer|handlebars|marked|chalk|mermaid|@mermaid-js)\//);
      expect(text, file).not.toMatch(/^import[^;]*["'](@inquirer\/|handlebars|marked|chalk|mermaid|puppeteer)/m);
    }
  });

  it('refuses an unknown shell in one line, naming the shells', async () => {
    const r = await runCli(['completion', 'nosuchshell']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/nosuchshell.*bash, zsh, fish or powershell/);
  });

  it('shows how to install the script in its help', async () => {
    const r = await runCli(['completion', '--help']);
    expect(r.code).toBe(0);
    for (const shell of ['bash', 'zsh', 'fish', 'powershell']) expect(r.stdout).toContain(`adr-wizard completion ${shell}`);
  });

  it('answers in tab\'s protocol: value, tab, description; the directive last', async () => {
    const r = await runCli(['complete', '--', 'decide', '--set', 'scale='], { cwd: project });
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe('scale=small\tSmall: one machine could carry the load\nscale=large\tLarge: needs several machines or varies strongly\n:4\n');
    const ids = await runCli(['complete', '--', 'decide', '--set', ''], { cwd: project });
    expect(ids.stdout).toMatch(/^scale=\t.*\n(.*\n)*:6\n$/); // 6: no space after `scale=`, no file names
  });

  it('describes in Spanish when the line says --lang es', async () => {
    const r = await runCli(['complete', '--', 'decide', '--lang', 'es', '--set', 'scale='], { cwd: project });
    expect(r.stdout).toContain('scale=small\tEscala pequeña');
  });

  it('prints no error for a broken tree file or a folder without a log: fewer suggestions only', async () => {
    const dir = tempDir();
    mkdirSync(join(dir, '.git'));
    mkdirSync(join(dir, '.adr-wizard/decisions'), { recursive: true });
    writeFileSync(join(dir, '.adr-wizard/decisions/broken.yaml'), 'id: broken\nkind: [tree\n  title: :\n');
    const trees = await runCli(['complete', '--', 'decide', ''], { cwd: dir });
    expect(trees).toMatchObject({ code: 0, stderr: '' });
    expect(trees.stdout).toMatch(/^architecture-style\t/m);
    expect(trees.stdout).not.toMatch(/broken/);
    const adrs = await runCli(['complete', '--', 'status', ''], { cwd: dir });
    expect(adrs).toEqual({ code: 0, stdout: ':4\n', stderr: '' });
  });
});
