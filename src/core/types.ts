// The decision model. These shapes are what `decisions/*.yaml` parse into (after schema
// validation) and what every other room consumes. Pure data: no functions, no I/O.

export const LANGS = ['en', 'es'] as const;
export type Lang = (typeof LANGS)[number];

/** A text field: one string for every language, or one per language. */
export type Text = string | { en: string; es: string };

/**
 * A condition over answers: driver id -> the value, or one of the values, it must have. Every
 * listed driver must match (an empty condition always holds).
 */
export type Condition = Record<string, string | string[]>;

/**
 * A warning or consequence that holds only on some paths: shown when `when` matches (every driver
 * known and matching) and not hidden by `unless` (which hides only when it matches).
 */
export interface ConditionalText {
  text: Text;
  when?: Condition;
  unless?: Condition;
}

/** An item of a warnings or consequences list. */
export type TextItem = Text | ConditionalText;

/** A source a tree's facts rest on. */
export interface Source {
  title: string;
  url: string;
}

// ---------------------------------------------------------------------------------------------
// Drivers (decisions/drivers.yaml)

export interface DriverValue {
  /** Label shown in prompts and ADRs ("Large: many users, high load"). */
  label: Text;
}

export interface Driver {
  id: string;
  question: Text;
  /** A few words naming the question in diagrams ("Scale?"). */
  short?: Text;
  help: Text;
  /** Allowed values in display order; keys are the contract ids (e.g. `small`, `large`). */
  values: Record<string, DriverValue>;
  /** The value `--use-defaults` takes; must be one of `values`. */
  default: string;
}

/** Answers that cannot both be true (drivers.yaml `conflicts`). */
export interface DriverConflict {
  id: string;
  when: Condition;
  reason: Text;
  source?: Source;
}

export interface DriverCatalog {
  drivers: Record<string, Driver>;
  conflicts?: DriverConflict[];
}

/** Answers: driver id -> value id. */
export type DriverValues = Record<string, string>;

// ---------------------------------------------------------------------------------------------
// Trees (decisions/<id>.yaml)

export interface Consequences {
  positive: TextItem[];
  negative: TextItem[];
}

/** What an outcome requires of the decisions that follow it (`decide --chain`). */
export interface ChainConstraint {
  /** Driver values the follow-up trees take, whatever was answered. */
  drivers: DriverValues;
  /** Follow-up tree id -> the outcomes it may reach. */
  outcomes: Record<string, string[]>;
  reason: Text;
}

/** An expert constraint over the whole decision space of a tree. */
export interface TreeRule {
  id: string;
  when: Condition;
  /** Outcomes that must never be reached when `when` holds. */
  never?: string[];
  /** The only outcomes that may be reached when `when` holds. */
  only?: string[];
  reason: Text;
  source?: Source;
}

export interface Outcome {
  id: string;
  title: Text;
  /** The decision statement written into the ADR ("We will ..."). */
  decision: Text;
  consequences: Consequences;
  warnings: TextItem[];
  /** What this outcome requires of its follow-up trees. */
  constrains?: ChainConstraint;
  /** Tree ids worth deciding next when this outcome is chosen (decide --chain follows them). */
  followUps: string[];
  /** Starter ids this outcome enables (e.g. `nest-microservices`). */
  starters: string[];
  /** Matrix trees only: criterion id -> score (1..5). */
  scores?: Record<string, number>;
  /** Matrix trees only: the option is excluded unless every listed driver has one of the values. */
  requires?: Record<string, string[]>;
}

export interface Question {
  id: string;
  driver: string;
  /** Optional tree-specific wording; defaults to the driver's question. */
  text?: Text;
  /** A few words for diagrams; defaults to the driver's `short`. */
  short?: Text;
  /** driver value -> next node id (a question id or an outcome id). */
  branches: Record<string, string>;
}

export interface Example {
  drivers: DriverValues;
  expect: string;
  note?: string;
}

export interface Criterion {
  id: string;
  title: Text;
  /** Base weight before adjustments. */
  weight: number;
}

/** Matrix trees: when every `when` driver matches, add `weights` deltas to the criteria. */
export interface WeightAdjustment {
  when: DriverValues;
  weights: Record<string, number>;
  reason?: Text;
}

interface TreeBase {
  id: string;
  title: Text;
  /** A few words naming the decision, for ADR titles ("Container platform"); defaults to `title`. */
  shortTitle?: Text;
  /** The tree applies only to projects whose answers match ("all that apply" skips it otherwise). */
  appliesWhen?: Condition;
  rules?: TreeRule[];
  problem: Text;
  /** ISO date (YYYY-MM-DD) the facts were last reviewed. */
  reviewed: string;
  sources: Source[];
  outcomes: Record<string, Outcome>;
  examples: Example[];
  /** Where the tree was loaded from (absolute path), set by the loader. */
  file?: string;
  /** Set by the loader: shipped with adr-wizard, from the repository's own folder, or named on the command line. */
  origin?: 'shipped' | 'user' | 'given';
  /** Set by the loader when this tree replaces the shipped tree of the same id (the shipped file). */
  overrides?: string;
}

export interface BranchingTree extends TreeBase {
  kind: 'tree';
  start: string;
  questions: Record<string, Question>;
}

export interface MatrixTree extends TreeBase {
  kind: 'matrix';
  /** Drivers asked, in order; they gate options (`requires`) and adjust weights. */
  asks: string[];
  criteria: Criterion[];
  adjustments: WeightAdjustment[];
}

export type Tree = BranchingTree | MatrixTree;

// ---------------------------------------------------------------------------------------------
// Walking

export interface PathStep {
  /** Question id (branching trees) or the driver id (matrix trees). */
  question: string;
  driver: string;
  value: string;
}

export interface ScoreRow {
  option: string;
  eligible: boolean;
  /** When not eligible: the driver and value that excluded it. */
  excludedBy?: { driver: string; value: string };
  /** criterion id -> raw score */
  scores: Record<string, number>;
  /** Sum of weight * score over criteria. */
  total: number;
  /** 1-based rank among eligible options (ineligible options have no rank). */
  rank?: number;
}

export interface ScoreTable {
  /** criterion id -> effective weight after adjustments */
  weights: Record<string, number>;
  rows: ScoreRow[];
  /** Eligible option ids, best first. */
  ranking: string[];
}

export type WalkResult =
  | { status: 'done'; tree: string; outcome: string; path: PathStep[]; scores?: ScoreTable }
  | {
      status: 'needs';
      tree: string;
      path: PathStep[];
      /** The driver the walk stopped at, then every other unanswered driver it may still ask. */
      missing: string[];
      /** Branching trees: the question node the walk stopped at (its own wording may differ from the driver's). */
      question?: string;
    };

/** A single answer change that leads to another outcome. */
export interface Flip {
  driver: string;
  from: string;
  to: string;
  /** The outcome reached; when it depends on drivers not answered yet, the possible outcomes. */
  outcome?: string;
  outcomes?: string[];
}

/** Matrix trees: a criterion weight change that makes another option win. */
export interface WeightFlip {
  criterion: string;
  from: number;
  to: number;
  outcome: string;
}

/** Matrix trees: the runner-up was within a small margin of the winner. */
export interface CloseCall {
  runnerUp: string;
  /** Winner's total minus the runner-up's. */
  margin: number;
  /** The criteria that decided it, largest weighted difference first. */
  decidedBy: { criterion: string; difference: number }[];
}

/** A note on a decision: answers that contradict each other, a constraint from the chain. */
export interface DecisionNote {
  kind: 'conflict' | 'chain';
  id: string;
  message: string;
}

/** One decision as `decide --json` prints it and the ADR writer consumes it. */
export interface Decision {
  tree: string;
  outcome: string;
  title: string;
  path: { driver: string; value: string; question: string }[];
  /** Drivers whose value came from defaults rather than from the user. */
  assumed: string[];
  warnings: string[];
  followUps: string[];
  /** All driver values used by this decision (answered or assumed). */
  drivers: DriverValues;
  /** The tree that led to this one in a chain, if any. */
  ledBy?: { tree: string; outcome: string };
  scores?: ScoreTable;
  /** Single answer changes that would lead to another outcome ("Revisit when"). */
  flips: Flip[];
  /** Matrix trees: weight changes that would make another option win. */
  weightFlips?: WeightFlip[];
  closeCall?: CloseCall;
  /** Drivers implied by the outcome that led here (chain constraints), driver -> value. */
  implied?: DriverValues;
  /** Contradictory answers and chain constraints that shaped this decision. */
  notes: DecisionNote[];
}
