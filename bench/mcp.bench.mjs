// The MCP server's start-up: from spawning `adr-wizard mcp` to the answer to `tools/list`, the
// first thing an assistant asks, against the same exchange with a bare Node process that answers
// `initialize` and `tools/list` by hand (node start-up plus the handshake). Run interleaved, as
// cli.bench.mjs does, so a change in machine load hits both sides of the ratio alike.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as esbuild from 'esbuild';
import { sdkUnused } from '../scripts/mcp-sdk-unused.mjs';
import * as lib from './lib.mjs';

const ROUNDS = 15;

// The least a stdio MCP server can do: answer initialize and tools/list, one JSON line each.
const BARE = `
let buf = '';
process.stdin.on('data', (d) => {
  buf += d;
  let i;
  while ((i = buf.indexOf('\\n')) >= 0) {
    const msg = JSON.parse(buf.slice(0, i));
    buf = buf.slice(i + 1);
    if (msg.id === undefined) continue;
    const result = msg.method === 'initialize'
      ? { protocolVersion: msg.params.protocolVersion, capabilities: { tools: {} }, serverInfo: { name: 'bare', version: '0' } }
      : { tools: [] };
    process.stdout.write(JSON.stringify({ jsonrpc: '2.0', id: msg.id, result }) + '\\n');
  }
});`;

// The least a server on the official SDK can do: McpServer over stdio with no tools, bundled as
// adr-wizard's server is (tsup.config.ts), so that the difference is adr-wizard's own.
const FLOOR = `
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { StdioServerTransport } from '@modelcontextprotocol/sdk/server/stdio.js';
const server = new McpServer({ name: 'floor', version: '0' }, { capabilities: { tools: {} } });
await server.connect(new StdioServerTransport());`;

async function buildFloor(dir) {
  const outfile = join(dir, 'floor.mjs');
  await esbuild.build({
    stdin: { contents: FLOOR, resolveDir: lib.ROOT, loader: 'js' },
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    outfile,
    plugins: [sdkUnused],
    banner: { js: "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);" },
    logLevel: 'error',
  });
  return outfile;
}

/** Milliseconds from spawn to the tools/list answer. */
function handshake(args, cwd) {
  return new Promise((resolve, reject) => {
    const t0 = process.hrtime.bigint();
    const child = spawn(process.execPath, args, { cwd, stdio: ['pipe', 'pipe', 'ignore'] });
    let out = '';
    const send = (m) => child.stdin.write(`${JSON.stringify({ jsonrpc: '2.0', ...m })}\n`);
    child.stdout.on('data', (d) => {
      out += d;
      let i;
      while ((i = out.indexOf('\n')) >= 0) {
        const msg = JSON.parse(out.slice(0, i));
        out = out.slice(i + 1);
        if (msg.id === 1) {
          send({ method: 'notifications/initialized' });
          send({ id: 2, method: 'tools/list', params: {} });
        } else if (msg.id === 2) {
          const ms = Number(process.hrtime.bigint() - t0) / 1e6;
          if (!Array.isArray(msg.result?.tools)) reject(new Error(`tools/list answered ${JSON.stringify(msg)}`));
          child.stdin.end();
          child.on('close', () => resolve(ms));
        }
      }
    });
    child.on('error', reject);
    send({ id: 1, method: 'initialize', params: { protocolVersion: '2025-06-18', capabilities: {}, clientInfo: { name: 'bench', version: '0' } } });
  });
}

export async function bench() {
  const dir = mkdtempSync(join(tmpdir(), 'adr-wizard-bench-'));
  try {
    const cases = { bare: ['-e', BARE], floor: [await buildFloor(dir)], mcp: [lib.BIN, 'mcp'] };
    const times = { bare: [], floor: [], mcp: [] };
    for (const args of Object.values(cases)) await handshake(args, dir); // warm the file cache
    for (let i = 0; i < ROUNDS; i++) for (const [name, args] of Object.entries(cases)) times[name].push(await handshake(args, dir));
    const [bare, floor, mcp] = [lib.median(times.bare), lib.median(times.floor), lib.median(times.mcp)];
    const line = (name, ms, base, target) => ({
      name,
      ms: Math.round(ms * 10) / 10,
      ratio: Math.round((ms / base) * 100) / 100,
      target: target === undefined ? '' : `<= ${target}x ${base === bare ? 'bare' : 'SDK floor'}`,
      result: target === undefined ? '' : ms / base <= target ? 'ok' : 'MISSED',
    });
    return [
      line('bare node: initialize + tools/list', bare, bare),
      line('SDK floor (McpServer, stdio, no tools), vs bare', floor, bare),
      line('adr-wizard mcp, vs bare', mcp, bare),
      line('adr-wizard mcp, vs the SDK floor', mcp, floor, 1.3),
    ];
  }
  finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
