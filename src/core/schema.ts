// The shape of decisions/drivers.yaml and decisions/<tree>.yaml, as zod 4 schemas. The JSON
// Schemas shipped in decisions/*.schema.json are generated from these (src/core/json-schema.ts),
// so titles and descriptions here are what editors show for completion and hover.
import { z } from 'zod';

const ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

export const IdSchema = z
  .string()
  .regex(ID, { message: 'must be kebab-case: lower-case letters, digits and single dashes' });

export const TextSchema = z
  .union([
    z.string().min(1),
    z
      .strictObject({
        en: z.string().min(1).meta({ description: 'English text.' }),
        es: z.string().min(1).meta({ description: 'Spanish text.' }),
      })
      .meta({ description: 'The text in English and in Spanish.' }),
  ])
  .meta({ id: 'Text', title: 'Text', description: 'One string for every language, or {en, es}.' });

export const ConditionSchema = z
  .record(IdSchema, z.union([IdSchema, z.array(IdSchema).min(1)]))
  .meta({
    id: 'Condition',
    title: 'Condition',
    description: 'Driver id -> the value (or one of the values) it must have; every listed driver must match.',
  });

export const TextItemSchema = z
  .union([
    TextSchema,
    z
      .strictObject({
        text: TextSchema.meta({ description: 'The text.' }),
        when: ConditionSchema.optional().meta({ description: 'Shown only when the answers match.' }),
        unless: ConditionSchema.optional().meta({ description: 'Hidden when the answers match.' }),
      })
      .meta({ description: 'A text that holds only on some paths.' }),
  ])
  .meta({ id: 'TextItem', title: 'Text item', description: 'A text, or {text, when, unless} for a text that holds only on some paths.' });

const SourceSchema = z.strictObject({
  title: z.string().min(1).meta({ description: 'Title of the source.' }),
  url: z.url().meta({ description: 'Where to read it.' }),
});

const SchemaRef = z
  .string()
  .optional()
  .meta({ description: 'JSON Schema of this file (editors use it for completion).' });

// ---------------------------------------------------------------------------------------------
// Drivers

export const DriverValueSchema = z.strictObject({
  label: TextSchema.meta({ description: 'Label shown in prompts and ADRs ("Large: many users, high load").' }),
});

export const DriverSchema = z
  .strictObject({
    question: TextSchema.meta({ description: 'The question asked to learn this driver.' }),
    help: TextSchema.meta({ description: 'Help text shown under the question: what the values mean.' }),
    values: z
      .record(IdSchema, DriverValueSchema)
      .meta({ description: 'Allowed values in display order; the keys are the value ids answers use.' }),
    default: IdSchema.meta({ description: 'The value `--use-defaults` takes; one of `values`.' }),
  })
  .meta({ title: 'Driver', description: 'A fact about the project that trees branch on.' });

export const ConflictSchema = z
  .strictObject({
    id: IdSchema.meta({ description: 'Conflict id (kebab-case), unique in the file.' }),
    when: ConditionSchema.meta({ description: 'The answers that cannot all be true (at least two drivers).' }),
    reason: TextSchema.meta({ description: 'Why these answers contradict each other.' }),
    source: SourceSchema.optional().meta({ description: 'Where the argument comes from.' }),
  })
  .meta({ title: 'Conflict', description: 'Answers that cannot both be true.' });

export const DriversFileSchema = z
  .strictObject({
    $schema: SchemaRef,
    drivers: z
      .record(IdSchema, DriverSchema)
      .meta({ description: 'Driver id -> driver. The ids are a contract used by context files.' }),
    conflicts: z
      .array(ConflictSchema)
      .default([])
      .meta({ description: 'Answers that cannot both be true; the guided session asks to resolve them, other runs record a warning.' }),
  })
  .meta({
    title: 'adr-wizard drivers',
    description: 'The shared driver vocabulary: the facts about a project that decision trees ask.',
  });

// ---------------------------------------------------------------------------------------------
// Trees

const ConsequencesSchema = z.strictObject({
  positive: z.array(TextItemSchema).meta({ description: 'Good consequences (at least two that always hold).' }),
  negative: z.array(TextItemSchema).meta({ description: 'Costs and risks (at least two that always hold).' }),
});

const ChainConstraintSchema = z
  .strictObject({
    drivers: z
      .record(IdSchema, IdSchema)
      .default({})
      .meta({ description: 'Driver values the follow-up trees take, whatever was answered.' }),
    outcomes: z
      .record(IdSchema, z.array(IdSchema).min(1))
      .default({})
      .meta({ description: 'Follow-up tree id -> the outcomes it may reach.' }),
    reason: TextSchema.meta({ description: 'Why (shown in the follow-up ADR).' }),
  })
  .meta({ title: 'Chain constraint', description: 'What this outcome requires of the decisions that follow it.' });

export const TreeRuleSchema = z
  .strictObject({
    id: IdSchema.meta({ description: 'Rule id (kebab-case), unique in the tree.' }),
    when: ConditionSchema.default({}).meta({ description: 'The answers the rule is about; {} for every answer.' }),
    never: z.array(IdSchema).min(1).optional().meta({ description: 'Outcomes that must never be reached when `when` holds.' }),
    only: z.array(IdSchema).min(1).optional().meta({ description: 'The only outcomes allowed when `when` holds.' }),
    reason: TextSchema.meta({ description: 'Why the rule holds (en/es).' }),
    source: SourceSchema.optional().meta({ description: 'Where the rule comes from.' }),
  })
  .meta({
    title: 'Rule',
    description: '`validate` checks it over every combination of answers: give `never` or `only`.',
  });

const outcomeFields = {
  title: TextSchema.meta({ description: 'Short name of the option ("Monolith").' }),
  decision: TextSchema.meta({ description: 'The decision statement written into the ADR ("We will ...").' }),
  consequences: ConsequencesSchema.meta({ description: 'What follows from the decision, good and bad.' }),
  warnings: z
    .array(TextItemSchema)
    .default([])
    .meta({ description: 'Warnings shown with the decision (a retired project, a pricing trap).' }),
  followUps: z
    .array(IdSchema)
    .default([])
    .meta({ description: 'Tree ids worth deciding next when this outcome is chosen (`decide --chain`).' }),
  constrains: ChainConstraintSchema.optional(),
  starters: z
    .array(IdSchema)
    .default([])
    .meta({ description: 'Starter ids this outcome enables (`adr-wizard scaffold <starter>`).' }),
};

export const OutcomeSchema = z
  .strictObject(outcomeFields)
  .meta({ title: 'Outcome', description: 'An option the tree can recommend.' });

export const MatrixOutcomeSchema = z
  .strictObject({
    ...outcomeFields,
    scores: z
      .record(IdSchema, z.number().int().min(1).max(5))
      .meta({ description: 'Criterion id -> score from 1 (poor) to 5 (excellent), for every criterion.' }),
    requires: z
      .record(IdSchema, z.array(IdSchema).min(1))
      .optional()
      .meta({ description: 'Gate: the option is excluded unless each listed driver has one of these values.' }),
  })
  .meta({ title: 'Matrix option', description: 'An option scored against the criteria.' });

export const QuestionSchema = z
  .strictObject({
    driver: IdSchema.meta({ description: 'The driver asked (an id from drivers.yaml).' }),
    text: TextSchema.optional().meta({ description: 'Tree-specific wording; defaults to the driver question.' }),
    branches: z
      .record(IdSchema, IdSchema)
      .meta({ description: 'One branch per driver value: value id -> next question or outcome id.' }),
  })
  .meta({ title: 'Question', description: 'A node that asks one driver and branches on its value.' });

export const ExampleSchema = z
  .strictObject({
    drivers: z
      .record(IdSchema, IdSchema)
      .meta({ description: 'Driver values of the example: driver id -> value id.' }),
    expect: IdSchema.meta({ description: 'The outcome id these values must reach.' }),
    note: z.string().optional().meta({ description: 'Why this example matters.' }),
  })
  .meta({ title: 'Example', description: 'Driver values and the outcome they must reach; run as a test.' });

const treeFields = {
  $schema: SchemaRef,
  id: IdSchema.meta({ description: 'Tree id (kebab-case); the file is usually named <id>.yaml.' }),
  title: TextSchema.meta({ description: 'Title of the decision ("Application architecture style").' }),
  shortTitle: TextSchema.optional().meta({
    description: 'A few words naming the decision, used in ADR titles ("Container platform: Docker Compose on a single host").',
  }),
  appliesWhen: ConditionSchema.optional().meta({
    description: 'The tree applies only to projects whose answers match (the guided session skips it otherwise).',
  }),
  rules: z
    .array(TreeRuleSchema)
    .default([])
    .meta({ description: 'Expert constraints checked over every combination of answers by `validate`.' }),
  problem: TextSchema.meta({ description: 'The problem statement: what is being decided and why.' }),
  reviewed: z.iso
    .date({ message: 'must be a date written YYYY-MM-DD' })
    .meta({ description: 'Date (YYYY-MM-DD) the facts were last reviewed; older than 12 months -> warning.' }),
  sources: z.array(SourceSchema).meta({ description: 'Sources the facts rest on (title + URL).' }),
  examples: z
    .array(ExampleSchema)
    .meta({ description: 'Driver values -> expected outcome; `validate` and `npm test` run them.' }),
};

export const BranchingTreeSchema = z
  .strictObject({
    ...treeFields,
    kind: z.literal('tree').meta({ description: 'A branching tree of questions.' }),
    start: IdSchema.meta({ description: 'Id of the first question.' }),
    questions: z
      .record(IdSchema, QuestionSchema)
      .meta({ description: 'Question id -> question. Question and outcome ids share one namespace.' }),
    outcomes: z.record(IdSchema, OutcomeSchema).meta({ description: 'Outcome id -> outcome.' }),
  })
  .meta({ title: 'Branching tree' });

export const CriterionSchema = z.strictObject({
  id: IdSchema.meta({ description: 'Criterion id, used as a key in each option\'s `scores`.' }),
  title: TextSchema.meta({ description: 'Name of the criterion.' }),
  weight: z.number().min(0).meta({ description: 'Base weight before adjustments.' }),
});

export const AdjustmentSchema = z.strictObject({
  when: z
    .record(IdSchema, IdSchema)
    .meta({ description: 'Applies when every listed driver has this value.' }),
  weights: z
    .record(IdSchema, z.number())
    .meta({ description: 'Criterion id -> weight delta added when the adjustment applies.' }),
  reason: TextSchema.optional().meta({ description: 'Why the weights change.' }),
});

export const MatrixTreeSchema = z
  .strictObject({
    ...treeFields,
    kind: z.literal('matrix').meta({ description: 'A weighted scoring matrix.' }),
    asks: z.array(IdSchema).meta({ description: 'Drivers asked, in order; they gate options and adjust weights.' }),
    criteria: z.array(CriterionSchema).min(1).meta({ description: 'Weighted criteria the options are scored on.' }),
    adjustments: z
      .array(AdjustmentSchema)
      .default([])
      .meta({ description: 'Weight changes that apply when drivers have given values.' }),
    outcomes: z.record(IdSchema, MatrixOutcomeSchema).meta({ description: 'Option id -> option.' }),
  })
  .meta({ title: 'Weighted matrix' });

export const TreeFileSchema = z
  .discriminatedUnion('kind', [BranchingTreeSchema, MatrixTreeSchema])
  .meta({
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
  'constrains', 'conflicts',
];
