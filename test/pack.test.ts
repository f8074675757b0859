// The package as users get it: `npm pack`, install the tarball in an empty folder, run the bin.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, tempDir } from './support/cli.js';

const npm = (args: string[], cwd: string) =>
  execFileSync('npm', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, NO_COLOR: '1' } });
const npx = (args: string[], cwd: string) =>
  execFileSync('npx', ['--no-install', ...args], {
    cwd,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, NO_COLOR: '1' },
  });

describe('the packed tarball', () => {
  it('installs in an empty folder and runs --help and a non-interactive decide', { timeout: 600_000 }, () => {
    const packDir = tempDir('adr-wizard-pack-');
    // --ignore-scripts: `prepare` would rebuild dist/ (tsup cleans it first) while other test files
    // run the binary from it; `npm test` builds dist/ before any test starts.
    npm(['pack', '--ignore-scripts', '--pack-destination', packDir, '--silent'], ROOT);
    const tarball = readdirSync(packDir).find((f) => f.endsWith('.tgz'));
    expect(tarball).toBeDefined();

    const app = tempDir('adr-wizard-app-');
    writeFileSync(join(app, 'package.json'), JSON.stringify({ name: 'app', version: '1.0.0', private: true }));
    npm(['install', '--prefer-offline', '--no-audit', '--no-fund', join(packDir, tarball!)], app);

    const installed = JSON.parse(readFileSync(join(app, 'node_modules/adr-wizard/package.json'), 'utf8')) as {
      version: string;
    };
    const help = npx(['adr-wizard', '--help'], app);
    expect(help).toMatch(/Usage: adr-wizard/);
    expect(help).toMatch(/decide/);
    expect(npx(['adr-wizard', '--version'], app).trim()).toBe(installed.version);

    writeFileSync(join(app, 'context.yaml'), 'drivers:\n  complexity: low\n  team-size: small\n  dedicated-runtime: "no"\n');
    const out = npx(['adr-wizard', 'decide', 'architecture-style', '--context', 'context.yaml', '--json'], app);
    const { decisions } = JSON.parse(out) as { decisions: { tree: string; outcome: string; adr?: { file: string } }[] };
    expect(decisions[0]).toMatchObject({ tree: 'architecture-style', outcome: 'monolith' });
    // The ADR lands in the user's folder, written with the templates shipped in the tarball.
    expect(readFileSync(join(app, decisions[0]!.adr!.file), 'utf8')).toMatch(/monolith/i);

    // Rendering's optional peers are not installed: one line with the command that brings them,
    // exit 2, and no browser download on the way (puppeteer's would land in ~/.cache/puppeteer).
    const home = tempDir('adr-wizard-home-');
    const render = spawnSync('npx', ['--no-install', 'adr-wizard', 'diagram', 'architecture-style', '--format', 'svg', '--out', 'x.svg'], {
      cwd: app,
      encoding: 'utf8',
      env: { ...process.env, NO_COLOR: '1', HOME: home, npm_config_cache: join(home, '.npm') },
    });
    expect(render.stderr.trim()).toBe(
      'error rendering needs mermaid and puppeteer-core: npx -y -p adr-wizard -p mermaid@11 -p puppeteer-core@24 adr-wizard ... (or in a project: npm install -D mermaid@11 puppeteer-core@24)',
    );
    expect(render.status).toBe(2);
    expect(existsSync(join(app, 'x.svg'))).toBe(false);
    expect(existsSync(join(home, '.cache', 'puppeteer'))).toBe(false);
  });
});
