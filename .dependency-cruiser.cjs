// Rooms and arrows (docs/architecture.md), checked by `npm test`:
//   (cli, mcp) -> (adr, scaffold) -> (render, io) -> core;  build -> (scaffold, io, core);  core is pure.
//   The CLI starts the MCP server (`adr-wizard mcp`); the server never uses the CLI.
// Tests sit beside what they test and may reach anything; these rules are about shipped code.
const TESTS = '\\.test\\.ts$|/__fixtures__/';
const room = (name) => `^src/${name}/`;

module.exports = {
  forbidden: [
    {
      name: 'core-is-pure',
      comment: 'core is the decision model: no filesystem, no process, no other room. It imports only core and pure libraries.',
      severity: 'error',
      from: { path: room('core'), pathNot: TESTS },
      to: { pathNot: [room('core'), '^node_modules/(yaml|zod|fastest-levenshtein)/'] },
    },
    {
      name: 'render-is-strings',
      comment: 'render is string in, string out: no filesystem, no browser; it builds on core only.',
      severity: 'error',
      from: { path: room('render'), pathNot: TESTS },
      to: { pathNot: [room('render'), room('core')] },
    },
    {
      name: 'io-builds-on-core',
      comment: 'io (files, package data, the browser) serves the rooms above it and knows only core.',
      severity: 'error',
      from: { path: room('io'), pathNot: TESTS },
      to: { path: [room('adr'), room('cli'), room('render'), room('scaffold'), room('build')] },
    },
    {
      name: 'adr-below-cli',
      comment: 'ADR records use core, render (diagrams in records) and io (files); never the CLI or the starters.',
      severity: 'error',
      from: { path: room('adr'), pathNot: TESTS },
      to: { path: [room('cli'), room('scaffold'), room('build')] },
    },
    {
      name: 'scaffold-below-cli',
      comment: 'Starters use core, render, io and the ADR types (--from-adrs); never the CLI.',
      severity: 'error',
      from: { path: room('scaffold'), pathNot: TESTS },
      to: { path: [room('cli'), room('build')] },
    },
    {
      name: 'mcp-beside-cli',
      comment: 'The MCP server is a second surface over the same rooms: it never imports the CLI (its messages, prompts, colour, exit codes).',
      severity: 'error',
      from: { path: room('mcp'), pathNot: TESTS },
      to: { path: [room('cli'), room('build')] },
    },
    {
      name: 'mcp-started-by-its-command',
      comment: 'Only `adr-wizard mcp` starts the server; nothing else in the CLI reaches into it.',
      severity: 'error',
      from: { path: room('(adr|scaffold|render|io|core|build|cli)'), pathNot: [TESTS, '^src/cli/commands/mcp\\.ts$'] },
      to: { path: room('mcp') },
    },
    {
      name: 'build-is-not-shipped-code',
      comment: 'The build step (checks and compiles shipped data and templates) is never imported at run time.',
      severity: 'error',
      from: { path: '^src/', pathNot: [room('build'), TESTS] },
      to: { path: room('build') },
    },
    {
      name: 'build-below-cli',
      comment: 'The build checks shipped data with the same code the CLI uses, never through the CLI.',
      severity: 'error',
      from: { path: room('build') },
      to: { path: [room('cli'), room('adr')] },
    },
    {
      name: 'no-test-code-in-src',
      comment: 'Shipped code never imports tests, fixtures or test support.',
      severity: 'error',
      from: { path: '^src/', pathNot: TESTS },
      to: { path: ['^test/', TESTS] },
    },
    {
      name: 'no-circular',
      comment: 'A cycle means two modules are one thing or an arrow runs backwards.',
      severity: 'error',
      from: { path: '^src/' },
      to: { circular: true },
    },
    {
      name: 'no-unresolvable',
      severity: 'error',
      from: {},
      to: { couldNotResolve: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(dist|templates|node_modules)/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      extensions: ['.ts', '.js', '.mjs', '.cjs', '.json'],
    },
    // `.js` specifiers in TypeScript sources name the `.ts` files (NodeNext resolution).
    extraExtensionsToScan: [],
  },
};
