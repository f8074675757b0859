// `adr-wizard diagram` through the built binary, as a user runs it.
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadDecisionSet } from '../src/io/trees.js';
import { treeNodeTitles } from '../src/render/mermaid.js';
import { BIN, ROOT, runCli, tempDir } from './support/cli.js';
import { mermaidSyntaxError } from './support/mermaid-parse.js';
import { lastClassOf, readFlowchart } from './support/mermaid-source.js';
import { commandExists, findChromium, serviceGate } from './support/services.js';

const gate = serviceGate('chromium', !!findChromium(), 'apt-get install chromium');
const SHIPPED = readdirSync(new URL('../decisions/', import.meta.url))
  .filter((f) => f.endsWith('.yaml') && f !== 'drivers.yaml')
  .map((f) => f.replace(/\.yaml$/, ''));

/** A project folder with an ADR log holding two decisions written by `decide`. */
async function projectWithDecisions(): Promise<string> {
  const cwd = tempDir();
  execFileSync('git', ['init', '-q', cwd]);
  for (const args of [
    ['init'],
    ['decide', 'architecture-style', '--set', 'complexity=high', '--set', 'domain-boundaries=unclear', '--use-defaults'],
    ['decide', 'mlops-platform', '--use-defaults'],
  ]) {
    const r = await runCli(args, { cwd });
    expect(r.code, `${args.join(' ')}: ${r.stderr}`).toBe(0);
  }
  return cwd;
}

describe('diagram (Mermaid source)', () => {
  it('prints a tree as Mermaid on stdout, in English or Spanish', async () => {
    const en = await runCli(['diagram', 'architecture-style']);
    expect(en.code).toBe(0);
    expect(en.stderr).toBe('');
    expect(en.stdout).toMatch(/^flowchart TD\n/);
    expect(en.stdout).toContain('Microservices');
    expect(await mermaidSyntaxError(en.stdout)).toBeUndefined();
    const es = await runCli(['diagram', 'architecture-style', '--lang', 'es']);
    expect(es.stdout).toContain('Microservicios');
    expect(es.stdout).toMatch(/¿/);
  });

  it('names an unknown tree with a suggestion, exit 2', async () => {
    const r = await runCli(['diagram', 'architecture-styel']);
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toContain('did you mean "architecture-style"');
  });

  it('rejects no target, two targets, --all without --out and an unknown format', async () => {
    for (const args of [['diagram'], ['diagram', 'saga-engine', '--graph'], ['diagram', '--all'], ['diagram', 'saga-engine', '--format', 'gif']]) {
      const r = await runCli(args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr.trim().split('\n'), args.join(' ')).toHaveLength(1);
    }
  });

  it('writes --out files and never overwrites one without --force', async () => {
    const cwd = tempDir();
    const first = await runCli(['diagram', 'saga-engine', '--out', 'engine.mmd'], { cwd });
    expect(first.code).toBe(0);
    const file = join(cwd, 'engine.mmd');
    expect(readFileSync(file, 'utf8')).toMatch(/^flowchart TD/);
    writeFileSync(file, 'mine');
    const again = await runCli(['diagram', 'saga-engine', '--out', 'engine.mmd'], { cwd });
    expect(again.code).toBe(2);
    expect(again.stderr).toContain('already exists');
    expect(readFileSync(file, 'utf8')).toBe('mine');
    const forced = await runCli(['diagram', 'saga-engine', '--out', 'engine.mmd', '--force'], { cwd });
    expect(forced.code).toBe(0);
    expect(readFileSync(file, 'utf8')).toMatch(/^flowchart TD/);
  });

  it('--adr N draws the recorded decision with its path highlighted; --graph draws the log', async () => {
    const cwd = await projectWithDecisions();
    const adr = await runCli(['diagram', '--adr', '2'], { cwd });
    expect(adr.code, adr.stderr).toBe(0);
    expect(await mermaidSyntaxError(adr.stdout)).toBeUndefined();
    const chart = readFlowchart(adr.stdout);
    const chosen = chart.classes.get('chosen') ?? [];
    expect(chosen.map((id) => chart.nodes.get(id)?.label)).toEqual(['Modular monolith']);
    // team-size (default: small), complexity=high, domain-boundaries=unclear, dedicated-runtime
    // (default: no): four highlighted edges, the last ending at the outcome.
    const styled = chart.styledEdges.map((i) => chart.edges[i]!);
    expect(styled).toHaveLength(4);
    expect(styled.map((e) => e.to)).toContain(chosen[0]);
    expect(lastClassOf(chart, 'n0')).toBe('taken');

    const matrix = await runCli(['diagram', '--adr', '3'], { cwd });
    expect(matrix.code, matrix.stderr).toBe(0);
    expect(await mermaidSyntaxError(matrix.stdout)).toBeUndefined();
    expect(matrix.stdout).toMatch(/rank 1 · \d+ points/);

    const plain = await runCli(['diagram', '--adr', '1'], { cwd });
    expect(plain.code).toBe(2);
    expect(plain.stderr).toContain('has no adr-wizard block');

    const graph = await runCli(['diagram', '--graph'], { cwd });
    expect(graph.code).toBe(0);
    expect(await mermaidSyntaxError(graph.stdout)).toBeUndefined();
    expect(graph.stdout).toContain('1. Record architecture decisions');
    expect(graph.stdout).toContain('2. Architecture style');
  });

  it('without a browser, rendering is one line saying how to get one, exit 2', async () => {
    const cwd = tempDir();
    const r = await runCli(['diagram', 'saga-engine', '--format', 'svg'], {
      cwd,
      env: { PUPPETEER_EXECUTABLE_PATH: '/nonexistent/chromium', PATH: '/nonexistent-bin' },
    });
    expect(r.code).toBe(2);
    const lines = r.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/apt-get install chromium|PUPPETEER_EXECUTABLE_PATH/);
    expect(existsSync(join(cwd, 'saga-engine.svg'))).toBe(false);
  });
});

// Word for word: a user copies the command from it.
const INSTALL_HINT =
  'rendering needs mermaid and puppeteer-core: npx -y -p adr-wizard -p mermaid@11 -p puppeteer-core@24 adr-wizard ... (or in a project: npm install -D mermaid@11 puppeteer-core@24)';

describe('without mermaid and puppeteer-core installed (optional peer dependencies)', () => {
  // A copy of the package whose node_modules lacks the given packages, as after a plain
  // `npm install adr-wizard` (or one next to mermaid-cli alone).
  function bareInstall(without: string[]): string {
    const pkg = tempDir('adr-wizard-bare-');
    cpSync(join(ROOT, 'bin'), join(pkg, 'bin'), { recursive: true });
    cpSync(join(ROOT, 'dist'), join(pkg, 'dist'), { recursive: true });
    for (const f of ['package.json', 'decisions', 'templates']) symlinkSync(join(ROOT, f), join(pkg, f));
    mkdirSync(join(pkg, 'node_modules'));
    for (const m of readdirSync(join(ROOT, 'node_modules'))) {
      if (without.includes(m)) continue;
      symlinkSync(join(ROOT, 'node_modules', m), join(pkg, 'node_modules', m));
    }
    return pkg;
  }
  const runIn = (pkg: string, cwd: string, args: string[]) =>
    spawnSync(process.execPath, [join(pkg, 'bin', 'adr-wizard.js'), ...args], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });

  it('prints Mermaid source as usual; rendering says how to install them (exit 2); export html falls back to source', () => {
    const pkg = bareInstall(['@mermaid-js', 'mermaid', 'puppeteer', 'puppeteer-core']);
    const cwd = tempDir();
    const run = (args: string[]) => runIn(pkg, cwd, args);
    const source = run(['diagram', 'saga-engine']);
    expect(source.status).toBe(0);
    expect(source.stdout).toMatch(/^flowchart TD/);
    const svg = run(['diagram', 'saga-engine', '--format', 'svg']);
    expect(svg.status).toBe(2);
    expect(svg.stderr.trim()).toBe(`error ${INSTALL_HINT}`);
    mkdirSync(join(cwd, 'doc', 'adr'), { recursive: true });
    writeFileSync(join(cwd, 'doc', 'adr', '0001-use-sagas.md'), '# 1. Use sagas\n\n## Status\n\nAccepted\n\n```mermaid\nflowchart TD\n  a --> b\n```\n');
    const html = run(['export', '--format', 'html']);
    expect(html.status).toBe(0);
    expect(html.stderr).toContain(`diagrams are shown as Mermaid source: ${INSTALL_HINT}`);
    expect(html.stdout).toContain('<pre class="mermaid-source"><code>flowchart TD\n  a --&gt; b');
  });

  it.skipIf(gate)('with only @mermaid-js/mermaid-cli installed, renders through the mermaid and puppeteer it brings', () => {
    const pkg = bareInstall(['mermaid', 'puppeteer', 'puppeteer-core']);
    const cwd = tempDir();
    const r = runIn(pkg, cwd, ['diagram', 'saga-engine', '--format', 'svg']);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(readFileSync(join(cwd, 'saga-engine.svg'), 'utf8')).toMatch(/^<svg id="my-svg"[\s\S]*Temporal/);
  }, 120_000);
});

describe.skipIf(gate)('diagram (rendered with Chromium)', () => {
  it('--all --format svg --out DIR renders every shipped tree in one run', async () => {
    const cwd = tempDir();
    const r = await runCli(['diagram', '--all', '--format', 'svg', '--out', 'pictures'], { cwd, timeoutMs: 120_000 });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toBe('');
    const files = readdirSync(join(cwd, 'pictures')).sort();
    expect(files).toEqual(SHIPPED.map((id) => `${id}.svg`).sort());
    expect(readFileSync(join(cwd, 'pictures', 'saga-engine.svg'), 'utf8')).toContain('Temporal');
  }, 150_000);

  it.skipIf(!commandExists('script'))('shows a progress line in a terminal, and only there', async () => {
    const cwd = tempDir();
    // `script` gives the command a pseudo-terminal, as a user's shell would.
    const out = execFileSync(
      'script',
      ['-qec', `${process.execPath} ${BIN} diagram --all --format svg --out pictures`, '/dev/null'],
      { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' }, timeout: 120_000 },
    );
    expect(out).toMatch(/rendering 1\/\d+ /);
    expect(out).toMatch(new RegExp(`rendering ${SHIPPED.length}/${SHIPPED.length} `));
  }, 150_000);

  it('renders one decision to PNG, and decide --render links the picture from the ADR', async () => {
    const cwd = await projectWithDecisions();
    const r = await runCli(['diagram', '--adr', '2', '--format', 'png'], { cwd, timeoutMs: 60_000 });
    expect(r.code, r.stderr).toBe(0);
    const png = readFileSync(join(cwd, 'adr-0002.png'));
    expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');

    const d = await runCli(['decide', 'saga-engine', '--use-defaults', '--render', 'svg'], { cwd, timeoutMs: 60_000 });
    expect(d.code, d.stderr).toBe(0);
    const dir = join(cwd, 'doc', 'adr');
    const svg = readdirSync(dir).find((f) => f.startsWith('0004-') && f.endsWith('.svg'));
    expect(svg).toBeDefined();
    const md = readdirSync(dir).find((f) => f.startsWith('0004-') && f.endsWith('.md'))!;
    expect(readFileSync(join(dir, md), 'utf8')).toContain(`(${svg})`);
    expect(readFileSync(join(dir, svg!), 'utf8')).toMatch(/^<svg/);
  }, 150_000);

  it('an SVG shows each whole question as the tooltip of its short label: trees, --adr and decide --render', async () => {
    const cwd = await projectWithDecisions();
    const { trees, catalog } = await loadDecisionSet({ cwd });
    /** Each question node's tooltip in a rendered SVG, by node id. */
    const tooltips = (file: string) =>
      new Map([...readFileSync(file, 'utf8').matchAll(/<g\b[^>]*\bid="[^"]*-flowchart-(n\d+)-\d+"[^>]*><title>([^<]*)<\/title>/g)].map((m) => [m[1]!, m[2]!]));
    const unescape = (map: Map<string, string>) => new Map([...map].map(([k, v]) => [k, v.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&')]));
    const tree = trees.get('architecture-style')!;
    for (const lang of ['en', 'es'] as const) {
      const r = await runCli(['diagram', 'architecture-style', '--lang', lang, '--format', 'svg', '--out', `tree-${lang}.svg`], { cwd, timeoutMs: 60_000 });
      expect(r.code, r.stderr).toBe(0);
      const expected = treeNodeTitles(tree, lang, { catalog });
      expect(expected.size).toBeGreaterThan(5);
      expect(unescape(tooltips(join(cwd, `tree-${lang}.svg`)))).toEqual(expected);
    }
    // ADR 2 was decided in English: the same questions on the recorded decision's picture.
    const adr = await runCli(['diagram', '--adr', '2', '--format', 'svg', '--out', 'adr.svg'], { cwd, timeoutMs: 60_000 });
    expect(adr.code, adr.stderr).toBe(0);
    expect(unescape(tooltips(join(cwd, 'adr.svg')))).toEqual(treeNodeTitles(tree, 'en', { catalog }));
    const d = await runCli(['decide', 'saga-engine', '--use-defaults', '--render', 'svg'], { cwd, timeoutMs: 60_000 });
    expect(d.code, d.stderr).toBe(0);
    const dir = join(cwd, 'doc', 'adr');
    const rendered = readdirSync(dir).find((f) => f.endsWith('.svg'))!;
    expect(unescape(tooltips(join(dir, rendered)))).toEqual(treeNodeTitles(trees.get('saga-engine')!, 'en', { catalog }));
  }, 150_000);
});
