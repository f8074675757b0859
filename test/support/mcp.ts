// A real MCP client (the SDK's Client over stdio) talking to the built `adr-wizard mcp`, as an
// assistant would: one server process per test, stopped when the test finishes.
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { onTestFinished } from 'vitest';
import { BIN } from './cli.js';

export interface ToolAnswer {
  text: string;
  isError: boolean;
  data: Record<string, any>;
}

export interface McpSession {
  client: Client;
  call(name: string, args?: Record<string, unknown>): Promise<ToolAnswer>;
  /** What the server wrote on stderr so far. */
  stderr(): string;
}

export async function startMcp(cwd: string, extraArgs: string[] = [], env: Record<string, string> = {}): Promise<McpSession> {
  const transport = new StdioClientTransport({
    command: process.execPath,
    args: [BIN, 'mcp', '--cwd', cwd, ...extraArgs],
    cwd,
    env: { ...process.env, NO_COLOR: '1', ...env } as Record<string, string>,
    stderr: 'pipe',
  });
  let err = '';
  transport.stderr?.on('data', (d: Buffer) => (err += d.toString()));
  const client = new Client({ name: 'adr-wizard-tests', version: '1.0.0' });
  await client.connect(transport);
  onTestFinished(() => client.close());
  return {
    client,
    async call(name, args = {}) {
      const r = (await client.callTool({ name, arguments: args })) as { content: { type: string; text: string }[]; isError?: boolean; structuredContent?: Record<string, any> };
      return { text: r.content.map((c) => c.text).join('\n'), isError: r.isError === true, data: r.structuredContent ?? {} };
    },
    stderr: () => err,
  };
}

/**
 * Plays the user: while `decide` asks, answers each question from `answers` (failing on a
 * question the script did not expect), then returns the decided answer and every question seen.
 */
export async function decideWithUser(
  mcp: McpSession,
  args: Record<string, unknown>,
  answers: Record<string, string>,
): Promise<{ result: ToolAnswer; asked: string[]; wording: Record<string, string>; turns: ToolAnswer[] }> {
  const drivers: Record<string, string> = {};
  const asked: string[] = [];
  const wording: Record<string, string> = {};
  const turns: ToolAnswer[] = [];
  for (let turn = 0; turn < 20; turn++) {
    const result = await mcp.call('decide', { ...args, drivers });
    turns.push(result);
    if (result.isError) throw new Error(`decide failed: ${result.text}`);
    if (result.data.status === 'decided') return { result, asked, wording, turns };
    for (const q of result.data.questions as { driver: string; question: string; values: { value: string }[] }[]) {
      const value = answers[q.driver];
      if (value === undefined) throw new Error(`decide asked ${q.driver}, which the script does not answer`);
      if (!q.values.some((v) => v.value === value)) throw new Error(`${value} is not among the values offered for ${q.driver}`);
      asked.push(q.driver);
      wording[q.driver] = q.question;
      drivers[q.driver] = value;
    }
  }
  throw new Error('decide never finished');
}

/** A text resource's content. */
export async function readText(mcp: McpSession, uri: string): Promise<string> {
  const { contents } = await mcp.client.readResource({ uri });
  const first = contents[0];
  if (!first || !('text' in first)) throw new Error(`${uri} has no text content`);
  return first.text;
}
