// The shape of decisions/drivers.yaml and decisions/<tree>.yaml, as zod 4 schemas. The JSON
// Schemas shipped in decisions/*.schema.json are generated from these (src/core/json-schema.ts),
// so titles and descriptions here are what editors show for completion and hover.
import * as z from './zod.js';

/**
 * Classic zod's `schema.meta(data)`: a copy of `schema` with `data` registered for toJSONSchema.
 * The copy inherits the metadata of `schema` (its parent) but its id, and `schema` itself is left
 * alone. zod/mini's own ways fall short here: `schema.register()` annotates a shared schema such
 * as IdSchema in place, and a `z.meta()` check is copied by every later `.check()`, so the id of
 * Text would be registered again on each described use (toJSONSchema: "Duplicate schema id").
 */
function meta<T extends z.ZodMiniType>(schema: T, data: z.core.GlobalMeta): T {
  const copy = schema.clone();
  z.globalRegistry.add(copy as z.ZodMiniType, data);
  return copy;
}

const ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** A non-empty string. */
const nonEmpty = () => z.string().check(z.minLength(1));

/** A non-empty array. */
const nonEmptyArray = <T extends z.core.SomeType>(item: T) => z.array(item).check(z.minLength(1));

export const IdSchema = z
  .string()
  .check(z.regex(ID, { message: 'must be kebab-case: lower-case letters, digits and single dashes' }));

export const TextSchema = meta(
  z.union([
    nonEmpty(),
    meta(
      z.strictObject({
        en: meta(nonEmpty(), { description: 'English text.' }),
        es: meta(nonEmpty(), { description: 'Spanish text.' }),
      }),
      { description: 'The text in English and in Spanish.' },
    ),
  ]),
  { id: 'Text', title: 'Text', description: 'One string for every language, or {en, es}.' },
);

export const ConditionSchema = meta(z.record(IdSchema, z.union([IdSchema, nonEmptyArray(IdSchema)])), {
  id: 'Condition',
  title: 'Condition',
  description: 'Driver id -> the value (or one of the values) it must have; every listed driver must match.',
});

export const TextItemSchema = meta(
  z.union([
    TextSchema,
    meta(
      z.strictObject({
        text: meta(TextSchema, { description: 'The text.' }),
        when: meta(z.optional(ConditionSchema), { description: 'Shown only when the answers match.' }),
        unless: meta(z.optional(ConditionSchema), { description: 'Hidden when the answers match.' }),
      }),
      { description: 'A text that holds only on some paths.' },
    ),
  ]),
  { id: 'TextItem', title: 'Text item', description: 'A text, or {text, when, unless} for a text that holds only on some paths.' },
);

const SourceSchema = z.strictObject({
  title: meta(nonEmpty(), { description: 'Title of the source.' }),
  url: meta(z.url(), { description: 'Where to read it.' }),
});

const SchemaRef = meta(z.optional(z.string()), { description: 'JSON Schema of this file (editors use it for completion).' });

// ---------------------------------------------------------------------------------------------
// Drivers

export const DriverValueSchema = z.strictObject({
  label: meta(TextSchema, { description: 'Label shown in prompts and ADRs ("Large: many users, high load").' }),
});

export const DriverSchema = meta(
  z.strictObject({
    question: meta(TextSchema, { description: 'The question asked to learn this driver.' }),
    short: meta(z.optional(TextSchema), {
      description: 'A few words naming the question, shown in diagrams ("Scale?"); the full question stays in prompts and ADRs.',
    }),
    help: meta(TextSchema, { description: 'Help text shown under the question: what the values mean.' }),
    values: meta(z.record(IdSchema, DriverValueSchema), {
      description: 'Allowed values in display order; the keys are the value ids answers use.',
    }),
    default: meta(IdSchema, { description: 'The value `--use-defaults` takes; one of `values`.' }),
  }),
  { title: 'Driver', description: 'A fact about the project that trees branch on.' },
);

export const ConflictSchema = meta(
  z.strictObject({
    id: meta(IdSchema, { description: 'Conflict id (kebab-case), unique in the file.' }),
    when: meta(ConditionSchema, { description: 'The answers that cannot all be true (at least two drivers).' }),
    reason: meta(TextSchema, { description: 'Why these answers contradict each other.' }),
    source: meta(z.optional(SourceSchema), { description: 'Where the argument comes from.' }),
  }),
  { title: 'Conflict', description: 'Answers that cannot both be true.' },
);

export const DriversFileSchema = meta(
  z.strictObject({
    $schema: SchemaRef,
    drivers: meta(z.record(IdSchema, DriverSchema), {
      description: 'Driver id -> driver. The ids are a contract used by context files.',
    }),
    conflicts: meta(z._default(z.array(ConflictSchema), []), {
      description: 'Answers that cannot both be true; the guided session asks to resolve them, other runs record a warning.',
    }),
  }),
  {
    title: 'adr-wizard drivers',
    description: 'The shared driver vocabulary: the facts about a project that decision trees ask.',
  },
);

// ---------------------------------------------------------------------------------------------
// Trees

const ConsequencesSchema = z.strictObject({
  positive: meta(z.array(TextItemSchema), { description: 'Good consequences (at least two that always hold).' }),
  negative: meta(z.array(TextItemSchema), { description: 'Costs and risks (at least two that always hold).' }),
});

const ChainConstraintSchema = meta(
  z.strictObject({
    drivers: meta(z._default(z.record(IdSchema, IdSchema), {}), {
      description: 'Driver values the follow-up trees take, whatever was answered.',
    }),
    outcomes: meta(z._default(z.record(IdSchema, nonEmptyArray(IdSchema)), {}), {
      description: 'Follow-up tree id -> the outcomes it may reach.',
    }),
    reason: meta(TextSchema, { description: 'Why (shown in the follow-up ADR).' }),
  }),
  { title: 'Chain constraint', description: 'What this outcome requires of the decisions that follow it.' },
);

export const TreeRuleSchema = meta(
  z.strictObject({
    id: meta(IdSchema, { description: 'Rule id (kebab-case), unique in the tree.' }),
    when: meta(z._default(ConditionSchema, {}), { description: 'The answers the rule is about; {} for every answer.' }),
    never: meta(z.optional(nonEmptyArray(IdSchema)), { description: 'Outcomes that must never be reached when `when` holds.' }),
    only: meta(z.optional(nonEmptyArray(IdSchema)), { description: 'The only outcomes allowed when `when` holds.' }),
    reason: meta(TextSchema, { description: 'Why the rule holds (en/es).' }),
    source: meta(z.optional(SourceSchema), { description: 'Where the rule comes from.' }),
  }),
  {
    title: 'Rule',
    description: '`validate` checks it over every combination of answers: give `never` or `only`.',
  },
);

const outcomeFields = {
  title: meta(TextSchema, { description: 'Short name of the option ("Monolith").' }),
  decision: meta(TextSchema, { description: 'The decision statement written into the ADR ("We will ...").' }),
  consequences: meta(ConsequencesSchema, { description: 'What follows from the decision, good and bad.' }),
  warnings: meta(z._default(z.array(TextItemSchema), []), {
    description: 'Warnings shown with the decision (a retired project, a pricing trap).',
  }),
  followUps: meta(z._default(z.array(IdSchema), []), {
    description: 'Tree ids worth deciding next when this outcome is chosen (`decide --chain`).',
  }),
  constrains: z.optional(ChainConstraintSchema),
  starters: meta(z._default(z.array(IdSchema), []), {
    description: 'Starter ids this outcome enables (`adr-wizard scaffold <starter>`).',
  }),
};

export const OutcomeSchema = meta(z.strictObject(outcomeFields), {
  title: 'Outcome',
  description: 'An option the tree can recommend.',
});

export const MatrixOutcomeSchema = meta(
  z.strictObject({
    ...outcomeFields,
    scores: meta(z.record(IdSchema, z.number().check(z.int(), z.gte(1), z.lte(5))), {
      description: 'Criterion id -> score from 1 (poor) to 5 (excellent), for every criterion.',
    }),
    requires: meta(z.optional(z.record(IdSchema, nonEmptyArray(IdSchema))), {
      description: 'Gate: the option is excluded unless each listed driver has one of these values.',
    }),
  }),
  { title: 'Matrix option', description: 'An option scored against the criteria.' },
);

export const QuestionSchema = meta(
  z.strictObject({
    driver: meta(IdSchema, { description: 'The driver asked (an id from drivers.yaml).' }),
    text: meta(z.optional(TextSchema), { description: 'Tree-specific wording; defaults to the driver question.' }),
    short: meta(z.optional(TextSchema), {
      description: 'A few words for this question in diagrams ("Self-run cluster?"); defaults to the driver\'s `short`.',
    }),
    branches: meta(z.record(IdSchema, IdSchema), {
      description: 'One branch per driver value: value id -> next question or outcome id.',
    }),
  }),
  { title: 'Question', description: 'A node that asks one driver and branches on its value.' },
);

export const ExampleSchema = meta(
  z.strictObject({
    drivers: meta(z.record(IdSchema, IdSchema), { description: 'Driver values of the example: driver id -> value id.' }),
    expect: meta(IdSchema, { description: 'The outcome id these values must reach.' }),
    note: meta(z.optional(z.string()), { description: 'Why this example matters.' }),
  }),
  { title: 'Example', description: 'Driver values and the outcome they must reach; run as a test.' },
);

const treeFields = {
  $schema: SchemaRef,
  id: meta(IdSchema, { description: 'Tree id (kebab-case); the file is usually named <id>.yaml.' }),
  title: meta(TextSchema, { description: 'Title of the decision ("Application architecture style").' }),
  shortTitle: meta(z.optional(TextSchema), {
    description: 'A few words naming the decision, used in ADR titles ("Container platform: Docker Compose on a single host").',
  }),
  appliesWhen: meta(z.optional(ConditionSchema), {
    description: 'The tree applies only to projects whose answers match (the guided session skips it otherwise).',
  }),
  rules: meta(z._default(z.array(TreeRuleSchema), []), {
    description: 'Expert constraints checked over every combination of answers by `validate`.',
  }),
  problem: meta(TextSchema, { description: 'The problem statement: what is being decided and why.' }),
  reviewed: meta(z.iso.date({ message: 'must be a date written YYYY-MM-DD' }), {
    description: 'Date (YYYY-MM-DD) the facts were last reviewed; older than 12 months -> warning.',
  }),
  sources: meta(z.array(SourceSchema), { description: 'Sources the facts rest on (title + URL).' }),
  examples: meta(z.array(ExampleSchema), {
    description: 'Driver values -> expected outcome; `validate` and `npm test` run them.',
  }),
};

export const BranchingTreeSchema = meta(
  z.strictObject({
    ...treeFields,
    kind: meta(z.literal('tree'), { description: 'A branching tree of questions.' }),
    start: meta(IdSchema, { description: 'Id of the first question.' }),
    questions: meta(z.record(IdSchema, QuestionSchema), {
      description: 'Question id -> question. Question and outcome ids share one namespace.',
    }),
    outcomes: meta(z.record(IdSchema, OutcomeSchema), { description: 'Outcome id -> outcome.' }),
  }),
  { title: 'Branching tree' },
);

export const CriterionSchema = z.strictObject({
  id: meta(IdSchema, { description: 'Criterion id, used as a key in each option\'s `scores`.' }),
  title: meta(TextSchema, { description: 'Name of the criterion.' }),
  weight: meta(z.number().check(z.gte(0)), { description: 'Base weight before adjustments.' }),
});

export const AdjustmentSchema = z.strictObject({
  when: meta(z.record(IdSchema, IdSchema), { description: 'Applies when every listed driver has this value.' }),
  weights: meta(z.record(IdSchema, z.number()), {
    description: 'Criterion id -> weight delta added when the adjustment applies.',
  }),
  reason: meta(z.optional(TextSchema), { description: 'Why the weights change.' }),
});

export const MatrixTreeSchema = meta(
  z.strictObject({
    ...treeFields,
    kind: meta(z.literal('matrix'), { description: 'A weighted scoring matrix.' }),
    asks: meta(z.array(IdSchema), { description: 'Drivers asked, in order; they gate options and adjust weights.' }),
    criteria: meta(nonEmptyArray(CriterionSchema), { description: 'Weighted criteria the options are scored on.' }),
    adjustments: meta(z._default(z.array(AdjustmentSchema), []), {
      description: 'Weight changes that apply when drivers have given values.',
    }),
    outcomes: meta(z.record(IdSchema, MatrixOutcomeSchema), { description: 'Option id -> option.' }),
  }),
  { title: 'Weighted matrix' },
);

export const TreeFileSchema = meta(z.discriminatedUnion('kind', [BranchingTreeSchema, MatrixTreeSchema]), {
  title: 'adr-wizard decision tree',
  description: 'One architecture decision: questions that branch on drivers (kind: tree) or a weighted matrix (kind: matrix).',
});

/** Every field name the schemas know, for "did you mean" on a misspelt field. */
export const KNOWN_FIELDS = [
  'id', 'kind', 'title', 'problem', 'reviewed', 'sources', 'start', 'questions', 'outcomes', 'examples',
  'driver', 'text', 'branches', 'decision', 'consequences', 'positive', 'negative', 'warnings',
  'followUps', 'starters', 'scores', 'requires', 'asks', 'criteria', 'adjustments', 'when', 'weights',
  'reason', 'weight', 'drivers', 'expect', 'note', 'url', 'label', 'question', 'help', 'values',
  'default', 'en', 'es', 'shortTitle', 'appliesWhen', 'rules', 'never', 'only', 'source', 'unless',
  'constrains', 'conflicts', 'short',
];
