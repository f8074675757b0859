// Shipped templates run precompiled: the build writes them to dist/templates/ as code and a run
// needs only the Handlebars runtime. What users get must not depend on that: the output is always
// what the template's current source gives, also after a template is edited without rebuilding.
import { execFile } from 'node:child_process';
import { appendFileSync, cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sourceHash } from '../src/io/source-hash.js';
import { templateGroup, type CompiledGroup } from '../src/io/template-layout.js';
import { ROOT, tempDir } from './support/cli.js';

const run = promisify(execFile);
const COMPILED = join(ROOT, 'dist', 'templates');
const ENV = {
  ...process.env,
  NO_COLOR: '1',
  FORCE_COLOR: undefined,
  ADR_DATE: '2026-02-03',
  // No browser: the HTML export shows each diagram as its Mermaid source (fast, and the same bytes).
  PUPPETEER_EXECUTABLE_PATH: '/nonexistent/chromium',
};

/** The package as installed (bin, dist, decisions, templates), optionally without dist/templates/. */
function packageCopy(precompiled: boolean, dir = tempDir('adr-wizard-package-')): string {
  for (const name of ['bin', 'decisions', 'templates', 'package.json']) cpSync(join(ROOT, name), join(dir, name), { recursive: true });
  cpSync(join(ROOT, 'dist'), join(dir, 'dist'), { recursive: true, filter: (src) => precompiled || !`${src}${sep}`.startsWith(`${COMPILED}${sep}`) });
  symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'), 'dir');
  return dir;
}

/** Runs each command of `script` in a fresh folder with the package at `pkg`; returns the folder. */
async function runScript(pkg: string, script: string[][]): Promise<string> {
  const cwd = tempDir('adr-wizard-run-');
  for (const args of script) {
    await run(process.execPath, [join(pkg, 'bin', 'adr-wizard.js'), ...args], { cwd, env: ENV }).catch((err: Error & { stderr?: string }) => {
      throw new Error(`adr-wizard ${args.join(' ')} failed in ${pkg}: ${err.stderr ?? err.message}`);
    });
  }
  return cwd;
}

/** Every file under `dir` with its content. */
function files(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const abs = join(entry.parentPath, entry.name);
    out[abs.slice(dir.length + 1).split(sep).join('/')] = readFileSync(abs, 'utf8');
  }
  return out;
}

const hbsFiles = (readdirSync(join(ROOT, 'templates'), { recursive: true }) as string[])
  .map((f) => f.split(sep).join('/'))
  .filter((f) => f.endsWith('.hbs'))
  .sort();

describe('the build', () => {
  it.each(hbsFiles)('precompiled templates/%s from its current source', async (rel) => {
    const module = join(COMPILED, `${templateGroup(rel)}.js`);
    expect(existsSync(module), `${module} is written by \`npm run build\``).toBe(true);
    const { templates } = (await import(pathToFileURL(module).href)) as CompiledGroup;
    expect(templates[rel]?.hash).toBe(sourceHash(readFileSync(join(ROOT, 'templates', rel), 'utf8')));
  });
});

// Each script renders a set of the shipped templates through the commands that use them. It runs
// twice: with the package as built, and with a copy without dist/templates/ (every template then
// compiled from its source); both must write the same files.
const SCRIPTS: Record<string, string[][]> = {
  'ADR log in MADR (init, new, decide, index, export html)': [
    ['init'],
    ['new', 'Use <caché> & "quotes" | pipes #1'],
    ['decide', 'architecture-style', '--use-defaults'],
    ['decide', 'saga-coordination', '--use-defaults'],
    ['index'],
    ['export', '--format', 'html', '--out', 'log.html'],
  ],
  'ADR log in Nygard': [
    ['init', '--template', 'nygard'],
    ['new', '--template', 'nygard', 'Use <caché> & "quotes"'],
    ['decide', 'container-orchestrator', '--use-defaults', '--template', 'nygard'],
  ],
  'starters, every variant': [
    ['scaffold', 'nest-microservices', '--out', 'nest-a'],
    ['scaffold', 'nest-microservices', '--out', 'nest-b', '--transport', 'kafka', '--database', 'postgres', '--services', 'users,orders-items,payments'],
    ['scaffold', 'saga', '--out', 'saga-a'],
    ['scaffold', 'saga', '--out', 'saga-b', '--saga-style', 'choreography', '--database', 'postgres'],
    ['scaffold', 'modular-monolith', '--out', 'mono', '--services', 'catalog,orders,billing'],
  ],
};

describe('built templates render exactly what their sources render', () => {
  let fromSource = '';
  beforeAll(() => {
    fromSource = packageCopy(false, mkdtempSync(join(tmpdir(), 'adr-wizard-package-')));
  });
  afterAll(() => rmSync(fromSource, { recursive: true, force: true }));
  it.each(Object.entries(SCRIPTS))('%s', { timeout: 120_000 }, async (_name, script) => {
    const [built, compiled] = await Promise.all([runScript(ROOT, script), runScript(fromSource, script)]);
    const written = files(built);
    expect(Object.keys(written).length).toBeGreaterThan(script.length);
    expect(files(compiled)).toEqual(written);
  });
});

describe('a template edited after the build', () => {
  it('is rendered from its new source, by `new` and by `scaffold`', { timeout: 60_000 }, async () => {
    const pkg = packageCopy(true);
    appendFileSync(join(pkg, 'templates/adr/new-madr.md.hbs'), '\nEdited after the build: {{line title}}\n');
    const readme = join(pkg, 'templates/scaffold/saga/README.md.hbs');
    writeFileSync(readme, `Edited after the build: {{name}}\n${readFileSync(readme, 'utf8')}`);
    const cwd = await runScript(pkg, [['init'], ['new', 'Cache the catalog'], ['scaffold', 'saga', '--out', 'shop']]);
    expect(readFileSync(join(cwd, 'doc/adr/0002-cache-the-catalog.md'), 'utf8')).toContain('\nEdited after the build: Cache the catalog\n');
    expect(readFileSync(join(cwd, 'shop/README.md'), 'utf8')).toMatch(/^Edited after the build: shop\n/);
  });
});

describe('`adr-wizard new`', () => {
  it('writes the ADR with the Handlebars runtime alone: the template compiler is never loaded', { timeout: 60_000 }, async () => {
    const cwd = await runScript(ROOT, [['init']]);
    const list = join(cwd, 'loaded.json');
    // At exit, every CommonJS file the process loaded (Handlebars is CommonJS).
    const hook = `import Module from 'node:module'; import { writeFileSync } from 'node:fs';
process.on('exit', () => writeFileSync(${JSON.stringify(list)}, JSON.stringify(Object.keys(Module._cache))));`;
    await run(process.execPath, ['--import', `data:text/javascript,${encodeURIComponent(hook)}`, join(ROOT, 'bin', 'adr-wizard.js'), 'new', 'Title'], { cwd, env: ENV });
    expect(readFileSync(join(cwd, 'doc/adr/0002-title.md'), 'utf8')).toMatch(/^# Title$/m);
    // The list exists, so the hook ran. The runtime is bundled into the CLI; the compiler is only
    // ever loaded from the package, as CommonJS, so it would be in this list.
    const loaded = (JSON.parse(readFileSync(list, 'utf8')) as string[]).map((f) => f.split(sep).join('/'));
    expect(loaded.filter((f) => /\/handlebars\/(lib\/index\.js|dist\/cjs\/handlebars\.js|dist\/cjs\/handlebars\/compiler\/)|\/source-map\//.test(f))).toEqual([]);
  });
});
