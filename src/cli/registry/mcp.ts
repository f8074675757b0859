import type { Command } from '@commander-js/extra-typings';

// The MCP server: the same trees, log and starters, served to an AI assistant (docs/mcp.md).
export function registerMcpCommand(program: Command): void {
  program
    .command('mcp')
    .description('serve the decision trees, the ADR log and the starters to an AI assistant (Model Context Protocol over stdio)')
    .option('--cwd <dir>', 'the project folder (default: the current folder); nothing outside it is read or written')
    .addHelpText(
      'after',
      '\nIn the assistant\'s configuration (Claude Desktop, VS Code mcp.json, Cursor):\n  { "command": "npx", "args": ["-y", "adr-wizard", "mcp", "--cwd", "/path/to/project"] }\nSee docs/mcp.md.',
    )
    .action(async (opts) => {
      const { run } = await import('../commands/mcp.js');
      await run(opts);
    });
}
