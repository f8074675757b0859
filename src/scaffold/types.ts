// The scaffold contract: a starter plans files (pure), `apply` is the only writer.

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

export interface StarterOptions {
  out: string;
  services: string[];
  transport: 'rabbitmq' | 'kafka';
  database: 'mongodb' | 'postgres';
  /** From the saga-coordination ADR: orchestration or choreography. */
  sagaStyle?: 'orchestration' | 'choreography';
  /** From the kubernetes-ingress ADR: aws-alb, gateway-api or nginx. */
  ingress?: string;
  /** From the kubernetes-hosting ADR (e.g. amazon-eks-auto-mode). */
  hosting?: string;
  /** Project name (defaults to the target folder's name). */
  name: string;
}

export interface Starter {
  id: string;
  description: string;
  /** Pure: the files to write for these options (template rendering happens here). */
  plan(options: StarterOptions): Promise<PlannedFile[]>;
  /** Lines printed after writing: install, run, test, deploy. */
  nextSteps(options: StarterOptions): string[];
}
