// `adr-wizard mcp [--cwd DIR]`: serves the trees, the ADR log and the starters to an AI assistant
// over the Model Context Protocol (stdio). From here on stdout belongs to the protocol.
interface McpOptions {
  cwd?: string;
}

export async function run(opts: McpOptions): Promise<void> {
  const { serve } = await import('../../mcp/server.js');
  await serve(opts.cwd ?? process.cwd());
}
