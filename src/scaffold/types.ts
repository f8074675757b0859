// The scaffold contract: a starter is a folder with a manifest (starter.yaml, described by
// StarterManifest); its plan turns options into files (pure); `apply` is the only writer.

/** The manifest of a starter, at the top of its template folder; never written into a project. */
export const MANIFEST_FILE = 'starter.yaml';

export type FileAction = 'create' | 'overwrite' | 'skip';

/** One file a starter wants to write, relative to the target folder (posix separators). */
export interface PlannedFile {
  path: string;
  content: string | Uint8Array;
  /** e.g. 0o755 for scripts */
  mode?: number;
}

/** A planned file after comparing with what is on disk. */
export interface FileOp extends PlannedFile {
  action: FileAction;
}

// The values a manifest may allow for the options whose values the plans branch on.
export const TRANSPORTS = ['rabbitmq', 'kafka'] as const;
/** `memory`: no database, state kept in the process. */
export const DATABASES = ['mongodb', 'postgres', 'memory'] as const;
export const SAGA_STYLES = ['orchestration', 'choreography'] as const;
export type Transport = (typeof TRANSPORTS)[number];
export type Database = (typeof DATABASES)[number];
export type SagaStyle = (typeof SAGA_STYLES)[number];

/** What a starter is asked to generate; an option the starter's manifest does not declare is absent. */
export interface StarterOptions {
  out: string;
  /** Project name (defaults to the target folder's name). */
  name: string;
  /** The services the user chose, the manifest's default or its fixed list; empty when it has none. */
  services: string[];
  transport?: Transport;
  database?: Database;
  /** From the saga-coordination ADR: orchestration or choreography. */
  sagaStyle?: SagaStyle;
  /** From the kubernetes-ingress ADR (e.g. aws-alb, gateway-api, nginx). */
  ingress?: string;
  /** From the kubernetes-hosting ADR (e.g. amazon-eks-auto-mode). */
  hosting?: string;
}

/** The options a manifest can declare, each with its command-line flag. */
export const OPTION_FLAGS = {
  services: '--services',
  transport: '--transport',
  database: '--database',
  sagaStyle: '--saga-style',
  ingress: '--ingress',
  hosting: '--hosting',
} as const;
export type OptionName = keyof typeof OPTION_FLAGS;
export type ValueOptionName = Exclude<OptionName, 'services'>;

/** An option with a closed list of values; `from`: the tree whose accepted outcome sets it under --from-adrs. */
export interface ValueOption<T extends string = string> {
  values: T[];
  /** Unset (left to the plan) when absent. */
  default?: T;
  from?: string;
}

/** The user picks the services (a default list), or the starter runs a fixed set. */
export type ServicesOption = { default: string[] } | { fixed: string[] };

/** templates/scaffold/<id>/starter.yaml, checked (src/scaffold/manifest.ts) and with defaults applied. */
export interface StarterManifest {
  id: string;
  description: { en: string; es: string };
  /** Key of the plan module (src/scaffold/registry.ts); absent: the folder's templates are rendered. */
  plan?: string;
  /** When the accepted ADRs select several starters, the highest precedence is scaffolded. */
  precedence: number;
  /** Accepted tree outcomes that call for this starter under --from-adrs (no outcome: any outcome of the tree). */
  selectedBy: { tree: string; outcome?: string }[];
  options: {
    services?: ServicesOption;
    transport?: ValueOption<Transport>;
    database?: ValueOption<Database>;
    sagaStyle?: ValueOption<SagaStyle>;
    ingress?: ValueOption;
    hosting?: ValueOption;
  };
  /** Lines printed after writing; `{{out}}` is the target folder, `{{name}}` the project name. */
  nextSteps: string[];
}

/** A starter's code: the files for these options (pure; template rendering happens here). */
export interface Starter {
  plan(options: StarterOptions): Promise<PlannedFile[]>;
}
