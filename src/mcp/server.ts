// `adr-wizard mcp`: the decision trees, the ADR log and the starters as Model Context Protocol
// tools, resources and a prompt, over stdio. Only protocol messages go to stdout; every path stays
// inside the working folder; a user's mistake is an error result with the CLI's own message.
// What each tool does lives in the modules it imports when called: start-up loads the protocol
// and the schemas only.
import { McpServer, ResourceTemplate } from '@modelcontextprotocol/sdk/server/mcp.js';
import { StdioServerTransport } from '@modelcontextprotocol/sdk/server/stdio.js';
import { ErrorCode, McpError } from '@modelcontextprotocol/sdk/types.js';
import * as z from '../core/zod.js';
import { LANGS } from '../core/types.js';
import { isUsageError } from '../core/errors.js';
import { answer, errorText } from './results.js';
import { openProject, type Project } from './root.js';

// Replaced at build time with package.json's version (tsup `define`).
declare const __ADR_WIZARD_VERSION__: string | undefined;

const about = <T extends z.ZodMiniType>(schema: T, text: string): T => schema.check(z.describe(text)) as T;
const lang = z.optional(about(z.enum(LANGS), 'language of every text in the answer: en (default) or es'));
const adrNumber = (what = 'the ADR number') => about(z.int().check(z.minimum(1), z.maximum(999_999_999)), what);
const names = (text: string) => z.optional(about(z.array(z.string()), text));

const filters = {
  status: z.optional(about(z.string(), 'only ADRs with this status: proposed, accepted, rejected, deprecated or superseded')),
  tag: names('only ADRs with one of these tags, or adr-wizard decisions with one of these tree or outcome ids'),
  tree: names('only adr-wizard decisions from one of these trees'),
};

const decideInput = {
  trees: names('tree ids to decide (list_trees lists them); or all: true'),
  all: z.optional(about(z.boolean(), 'every decision that applies to the project, following the chains')),
  drivers: z.optional(
    about(z.record(z.string(), z.string()), 'the answers known so far, driver id -> value id (e.g. {"scale": "large"}); never guess one: decide returns the questions to ask'),
  ),
  context: z.optional(about(z.string(), 'a context file (YAML, inside the working folder) with driver values, lang and deciders')),
  chain: z.optional(about(z.boolean(), 'follow each outcome to its follow-up trees')),
  useDefaults: z.optional(about(z.boolean(), 'take each missing driver from its default and record it as assumed (only when the user asks for it)')),
  lang,
};

const scaffoldInput = {
  starter: z.optional(about(z.string(), 'starter id, as decide names them in `starters` (an unknown id answers with the list); or fromAdrs: true')),
  out: z.optional(about(z.string(), 'target folder inside the working folder (default: the starter id); must be new or empty')),
  fromAdrs: z.optional(about(z.boolean(), 'choose the starter and its options from the accepted ADRs')),
  options: z.optional(
    about(
      z.object({
        services: z.optional(z.string()),
        transport: z.optional(z.string()),
        database: z.optional(z.string()),
        sagaStyle: z.optional(z.string()),
        ingress: z.optional(z.string()),
        hosting: z.optional(z.string()),
      }),
      "the starter's options, as its manifest declares them (services is a comma-separated list)",
    ),
  ),
};

const list = z.array(z.looseObject({}));

const INSTRUCTIONS = `adr-wizard walks expert architecture decision trees with the user and records each decision as an ADR.
To make a decision: list_trees (or show_tree), then decide with the answers the user has given. When decide
returns status "needs-answers", ask the user its questions (offer the listed values) and call decide again
with the answers added; never invent an answer. When it returns the decisions, explain them, then
write_adrs (a preview) and, once the user agrees, write_adrs with write: true. Paths are relative to the
working folder; nothing outside it is read or written.`;

export async function serve(cwd: string): Promise<void> {
  const project = await openProject(cwd);
  // stdout carries the protocol: anything a library logs goes to stderr.
  console.log = console.info = console.debug = (...args: unknown[]) => console.error(...args);

  const server = new McpServer(
    { name: 'adr-wizard', version: typeof __ADR_WIZARD_VERSION__ === 'string' ? __ADR_WIZARD_VERSION__ : 'dev' },
    { instructions: INSTRUCTIONS, capabilities: { tools: {}, resources: {}, prompts: {}, completions: {} } },
  );
  register(server, project);
  await server.connect(new StdioServerTransport());
  process.stderr.write(`adr-wizard mcp: serving ${project.root}\n`);
}

const READ = { readOnlyHint: true, openWorldHint: false } as const;
const WRITE = { readOnlyHint: false, destructiveHint: false, openWorldHint: false } as const;

function register(server: McpServer, project: Project): void {
  const trees = () => import('./trees.js');
  const decisions = () => import('./decide.js');
  const log = () => import('./log.js');
  const starters = () => import('./scaffold.js');

  server.registerTool(
    'list_trees',
    {
      title: 'List decision trees',
      description: 'The decision trees: id, title, kind (branching tree or scored matrix), review date and outcomes.',
      inputSchema: { lang },
      outputSchema: z.looseObject({ trees: list }),
      annotations: READ,
    },
    (a) => answer(async () => (await trees()).listTrees(project, a.lang ?? 'en')),
  );

  server.registerTool(
    'show_tree',
    {
      title: 'Show a decision tree',
      description: 'One tree: its problem, the questions (driver, values with labels and help), the outcomes with their consequences, the sources and the review date.',
      inputSchema: { tree: about(z.string(), 'tree id'), lang },
      outputSchema: z.looseObject({ id: z.string(), title: z.string(), questions: list, outcomes: list, sources: list }),
      annotations: READ,
    },
    (a) => answer(async () => (await trees()).showTree(project, a.tree, a.lang ?? 'en')),
  );

  server.registerTool(
    'decide',
    {
      title: 'Walk decision trees',
      description:
        'Walks trees with the answers known so far. Missing answers are never guessed: the result is status "needs-answers" with the next questions to put to the user (driver, question, help, values with labels). With every answer, status "decided": each outcome, the path taken, the options considered and why not, warnings, what would change the decision, follow-ups and starters. Writes nothing.',
      inputSchema: decideInput,
      outputSchema: z.looseObject({ status: z.enum(['needs-answers', 'decided']), questions: z.optional(list), decisions: z.optional(list), drivers: z.record(z.string(), z.string()) }),
      annotations: READ,
    },
    (a) => answer(async () => (await decisions()).decide(project, a)),
  );

  server.registerTool(
    'write_adrs',
    {
      title: 'Record decisions as ADRs',
      description:
        'Records the decisions of a complete decide call (same arguments) as ADRs, numbered after the log and in its style. A preview by default: returns the Markdown and the files it would write. Writes only with write: true, and never overwrites a file.',
      inputSchema: {
        ...decideInput,
        write: z.optional(about(z.boolean(), 'write the files (default false: preview only)')),
        template: z.optional(about(z.string(), "ADR style: madr, madr3, madr2, nygard, log4brains, or a .hbs file inside the working folder (default: the log's own style)")),
        status: z.optional(about(z.string(), 'status of the ADRs (default accepted)')),
      },
      outputSchema: z.looseObject({ written: z.boolean(), adrs: list }),
      annotations: WRITE,
    },
    (a) => answer(async () => (await decisions()).writeAdrs(project, a)),
  );

  server.registerTool(
    'list_adrs',
    {
      title: 'List ADRs',
      description: 'Every ADR in the log, whatever tool wrote it (adr-tools, MADR, log4brains, adr-wizard): number, title, status, date, links, tags, tree and outcome.',
      inputSchema: { ...filters, since: z.optional(about(z.string(), 'only ADRs dated on or after this day (YYYY-MM-DD)')) },
      outputSchema: z.looseObject({ adrs: list }),
      annotations: READ,
    },
    (a) => answer(async () => (await log()).listAdrs(project, a)),
  );

  server.registerTool(
    'read_adr',
    {
      title: 'Read an ADR',
      description: 'One ADR: its Markdown and what adr-wizard reads from it (status, links, tags, decision).',
      inputSchema: { number: adrNumber() },
      outputSchema: z.looseObject({ number: z.number(), title: z.string(), content: z.string() }),
      annotations: READ,
    },
    (a) => answer(async () => (await log()).readAdrTool(project, a.number)),
  );

  server.registerTool(
    'search_adrs',
    {
      title: 'Search ADRs',
      description: 'The ADRs whose title and text hold every word (an item with spaces is a phrase), case and accents ignored, with the matching lines.',
      inputSchema: {
        words: about(z.array(z.string()).check(z.minLength(1)), 'words or phrases, all of which must appear'),
        ...filters,
        since: z.optional(about(z.string(), 'only ADRs dated on or after this day (YYYY-MM-DD)')),
      },
      outputSchema: z.looseObject({ adrs: list }),
      annotations: READ,
    },
    (a) => answer(async () => (await log()).searchAdrs(project, a)),
  );

  server.registerTool(
    'set_status',
    {
      title: "Change an ADR's status",
      description: "Sets an ADR's status in that file's own style (front matter, status section or bullet).",
      inputSchema: { number: adrNumber(), status: about(z.string(), 'proposed, accepted, rejected, deprecated, superseded, or "superseded by ADR-0009"') },
      outputSchema: z.looseObject({ number: z.number(), file: z.string(), from: z.string(), to: z.string() }),
      annotations: { ...WRITE, idempotentHint: true },
    },
    (a) => answer(async () => (await log()).setStatusTool(project, a.number, a.status)),
  );

  server.registerTool(
    'supersede',
    {
      title: 'Supersede an ADR',
      description: 'Writes a new ADR with the given title that supersedes ADR `number`, and marks that one superseded with a link back.',
      inputSchema: {
        number: adrNumber('the ADR to supersede'),
        title: about(z.string(), 'title of the new ADR'),
        status: z.optional(about(z.string(), 'status of the new ADR (default proposed)')),
        template: z.optional(about(z.string(), "madr, madr3, madr2, nygard or log4brains (default: the log's own style)")),
        lang,
      },
      outputSchema: z.looseObject({ number: z.number(), title: z.string(), file: z.string(), supersedes: z.array(z.number()) }),
      annotations: WRITE,
    },
    (a) => answer(async () => (await log()).supersedeTool(project, a)),
  );

  server.registerTool(
    'link',
    {
      title: 'Link two ADRs',
      description: 'Links ADR `from` to ADR `to` ("Amends"), and `to` back to `from` (its reverse, "Amended by", or `reverse`), as adr-tools does.',
      inputSchema: {
        from: adrNumber('the source ADR'),
        type: about(z.string(), 'link type, words only, e.g. "Amends" or "Clarifies"'),
        to: adrNumber('the target ADR'),
        reverse: z.optional(about(z.string(), 'link type written on the target')),
      },
      outputSchema: z.looseObject({ links: list }),
      annotations: { ...WRITE, idempotentHint: true },
    },
    (a) => answer(async () => (await log()).linkTool(project, a)),
  );

  server.registerTool(
    'doctor',
    {
      title: 'Check the ADR log',
      description: "The log's health under named rules: broken links, duplicate numbers, supersede chains, decisions whose advice has changed since they were recorded. fix: true renumbers duplicates and updates every reference.",
      inputSchema: { fix: z.optional(about(z.boolean(), 'renumber duplicate numbers (writes files)')) },
      outputSchema: z.looseObject({ count: z.number(), errors: z.number(), findings: list, fixed: list }),
      annotations: { ...WRITE, destructiveHint: false },
    },
    (a) => answer(async () => (await log()).doctorTool(project, a.fix === true)),
  );

  server.registerTool(
    'validate_tree',
    {
      title: 'Validate a decision tree file',
      description: "Checks one of the repository's own tree files (.adr-wizard/decisions/*.yaml): schema, references, reachability, rules over every combination of answers, examples. Problems come with file:line:col.",
      inputSchema: { file: about(z.string(), 'the tree file, inside the working folder') },
      outputSchema: z.looseObject({ valid: z.boolean(), errors: z.number(), warnings: z.number(), problems: list }),
      annotations: READ,
    },
    (a) => answer(async () => (await trees()).validateTree(project, a.file)),
  );

  server.registerTool(
    'scaffold_plan',
    {
      title: 'Plan a starter',
      description: 'The files a starter would write (path, create or unchanged, size) and the next steps. Never writes.',
      inputSchema: scaffoldInput,
      outputSchema: z.looseObject({ starter: z.string(), out: z.string(), files: list, nextSteps: z.array(z.string()) }),
      annotations: READ,
    },
    (a) => answer(async () => (await starters()).scaffoldTool(project, a, false)),
  );

  server.registerTool(
    'scaffold',
    {
      title: 'Write a starter',
      description: 'Writes a starter into a new or empty folder inside the working folder, only with write: true (otherwise the plan). Never overwrites a file.',
      inputSchema: { ...scaffoldInput, write: z.optional(about(z.boolean(), 'write the files (default false: plan only)')) },
      outputSchema: z.looseObject({ starter: z.string(), out: z.string(), written: z.boolean(), files: list, nextSteps: z.array(z.string()) }),
      annotations: WRITE,
    },
    (a) => answer(async () => (await starters()).scaffoldTool(project, a, true)),
  );

  registerResources(server, project);
  registerPrompt(server);
}

// The protocol's code for a resource that does not exist (MCP specification, "Resources: Error Handling").
const RESOURCE_NOT_FOUND = -32002;

/** Resource reads report a user's mistake (no such ADR or tree) as "not found" with the CLI's message. */
async function resource<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (err: unknown) {
    const error = new McpError(isUsageError(err) ? RESOURCE_NOT_FOUND : ErrorCode.InternalError, '');
    // McpError prefixes its code to the message, and the client prefixes it again: the message
    // sent is the CLI's line alone.
    error.message = errorText(err);
    throw error;
  }
}

function registerResources(server: McpServer, project: Project): void {
  const log = () => import('./log.js');
  const trees = () => import('./trees.js');
  const pad = (n: number) => String(n).padStart(4, '0');

  server.registerResource(
    'adr',
    new ResourceTemplate('adr://{number}', {
      list: async () => {
        const { listAdrs } = await log();
        const { data } = await listAdrs(project, {});
        return {
          resources: (data.adrs as { number: number; title: string; status: string }[]).map((a) => ({
            uri: `adr://${pad(a.number)}`,
            name: `ADR ${pad(a.number)}`,
            title: a.title,
            description: `${a.status}: ${a.title}`,
            mimeType: 'text/markdown',
          })),
        };
      },
      complete: {
        number: async (prefix) => {
          const numbers = await (await log()).adrNumbers(project);
          // "7" and "0007" both complete to 0007.
          return [...new Set(numbers)].sort((a, b) => a - b).filter((n) => pad(n).startsWith(prefix) || String(n).startsWith(prefix)).map(pad);
        },
      },
    }),
    { title: 'ADR', description: 'An ADR of the log, by number: adr://0007', mimeType: 'text/markdown' },
    (uri, vars) =>
      resource(async () => {
        const { parseAdrNumber } = await import('../adr/lookup.js');
        const { content } = await (await log()).readAdrText(project, parseAdrNumber(String(vars.number)));
        return { contents: [{ uri: uri.href, mimeType: 'text/markdown', text: content }] };
      }),
  );

  server.registerResource(
    'tree',
    new ResourceTemplate('tree://{id}', {
      list: async () => {
        const { data } = await (await trees()).listTrees(project, 'en');
        return {
          resources: (data.trees as { id: string; title: string }[]).map((t) => ({
            uri: `tree://${t.id}`,
            name: t.id,
            title: t.title,
            mimeType: 'application/json',
          })),
        };
      },
      complete: {
        id: async (prefix) => {
          const { data } = await (await trees()).listTrees(project, 'en');
          return (data.trees as { id: string }[]).map((t) => t.id).filter((id) => id.startsWith(prefix));
        },
      },
    }),
    { title: 'Decision tree', description: 'A decision tree in English, as show_tree returns it: tree://architecture-style', mimeType: 'application/json' },
    (uri, vars) =>
      resource(async () => {
        const { data } = await (await trees()).showTree(project, String(vars.id), 'en');
        return { contents: [{ uri: uri.href, mimeType: 'application/json', text: JSON.stringify(data, null, 2) }] };
      }),
  );
}

function registerPrompt(server: McpServer): void {
  server.registerPrompt(
    'make-decision',
    {
      title: 'Make an architecture decision',
      description: 'Walks the user through a decision tree with decide, then records it with write_adrs.',
      argsSchema: {
        about: z.optional(about(z.string(), 'what to decide, in the user\'s words or a tree id (e.g. "architecture style" or kubernetes-ingress)')),
        lang: z.optional(about(z.string(), 'en or es: the language of the questions and the ADR')),
      },
    },
    (a) => {
      const language = a.lang === 'es' ? 'es' : 'en';
      const topic = a.about?.trim() ? `The decision: ${a.about.trim()}.` : 'First ask the user what they need to decide.';
      const text = [
        `Help me make an architecture decision with adr-wizard and record it as an ADR. ${topic}`,
        '',
        `1. Call list_trees (lang "${language}") and pick the tree that fits; if unsure, show the user the candidates.`,
        '2. Call decide with that tree and the answers you already know from our conversation, as drivers.',
        '3. While decide answers "needs-answers", ask me its questions one at a time, offering the listed values with their labels and help. Never answer for me; if I do not know, say that the default would be assumed and recorded, and use useDefaults only if I agree.',
        '4. When decide answers "decided", explain the outcome, the path, the options it ruled out and why, the warnings and what would change the decision.',
        '5. Call write_adrs with the same arguments to preview the ADR, show it to me, and write it (write: true) only when I agree.',
        '6. Offer the follow-up decisions and, if the outcome calls for a starter, show its scaffold_plan.',
        `Use lang "${language}" throughout.`,
      ].join('\n');
      return { description: 'Make an architecture decision', messages: [{ role: 'user', content: { type: 'text', text } }] };
    },
  );
}
