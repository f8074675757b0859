// What the MCP SDK loads for features `adr-wizard mcp` never uses, left out of its build (an
// esbuild plugin, for tsup.config.ts and the start-up bench): JSON Schema validation of elicitation
// answers (Ajv: the server never asks the user for input) and Zod 3 schemas (every schema here is
// Zod 4). Each stand-in fails loudly if it is ever reached.
const STAND_INS = {
  'ajv-provider':
    "export class AjvJsonSchemaValidator { getValidator() { throw new Error('adr-wizard mcp does not validate elicitation answers'); } }",
  'zod-to-json-schema': "export function zodToJsonSchema() { throw new Error('adr-wizard mcp has no Zod 3 schemas'); }",
  'zod-v3': "export function object() { throw new Error('adr-wizard mcp has no Zod 3 schemas'); }",
};

/** @type {import('esbuild').Plugin} */
export const sdkUnused = {
  name: 'mcp-sdk-unused',
  setup(build) {
    build.onResolve({ filter: /\/validation\/ajv-provider\.js$/ }, () => ({ path: 'ajv-provider', namespace: 'unused' }));
    build.onResolve({ filter: /^zod-to-json-schema$/ }, () => ({ path: 'zod-to-json-schema', namespace: 'unused' }));
    build.onResolve({ filter: /^zod\/v3$/ }, () => ({ path: 'zod-v3', namespace: 'unused' }));
    build.onLoad({ filter: /.*/, namespace: 'unused' }, (args) => ({ contents: STAND_INS[args.path], loader: 'js' }));
  },
};
