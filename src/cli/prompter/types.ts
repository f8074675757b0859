// The prompt seam: commands ask through this interface, so the guided session runs against
// @inquirer/prompts in a terminal and against a scripted prompter in tests.

/** Returned by a prompt that offers "← back" when the user picks it. */
export const BACK: unique symbol = Symbol('back');
export type Back = typeof BACK;

export interface Choice<T> {
  value: T;
  name: string;
  /** Shown under the list while this choice is highlighted (help text). */
  description?: string;
}

interface Question {
  /** Stable id: scripted answers are keyed by it (e.g. `driver:scale`, `trees`, `confirm-write`). */
  id: string;
  message: string;
}

export interface SelectQuestion<T> extends Question {
  choices: Choice<T>[];
  default?: T;
  /** Adds a "← back" choice; picking it returns BACK. */
  back?: boolean;
}

export interface CheckboxQuestion<T> extends Question {
  choices: (Choice<T> & { checked?: boolean })[];
  /** At least one choice must be ticked. */
  required?: boolean;
}

export interface ConfirmQuestion extends Question {
  default?: boolean;
}

export interface InputQuestion extends Question {
  default?: string;
  /** Returns an error message, or true when the answer is acceptable. */
  validate?: (value: string) => true | string;
}

export interface Prompter {
  select<T>(q: SelectQuestion<T> & { back: true }): Promise<T | Back>;
  select<T>(q: SelectQuestion<T>): Promise<T>;
  checkbox<T>(q: CheckboxQuestion<T>): Promise<T[]>;
  confirm(q: ConfirmQuestion): Promise<boolean>;
  input(q: InputQuestion): Promise<string>;
}
