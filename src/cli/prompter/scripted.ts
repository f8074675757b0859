// Answers prompts from a map keyed by question id. Any question it was not given is a failure,
// never a silent default: a test then shows exactly which question appeared unexpectedly.
import { InternalError } from '../../core/errors.js';
import {
  BACK,
  type CheckboxQuestion,
  type ConfirmQuestion,
  type InputQuestion,
  type Prompter,
  type SelectQuestion,
} from './types.js';

/** Marks a queue of answers for a question asked more than once (e.g. after going back). */
export class Answers {
  constructor(readonly queue: unknown[]) {}
}

/** The answer that picks "← back" in a select. */
export const SCRIPTED_BACK = '<back>';

export class ScriptedPrompter implements Prompter {
  /** Every question asked, in order: `id`, the choices shown (select, checkbox) and the answer given. */
  readonly asked: { id: string; message: string; answer: unknown; choices?: { value: unknown; name: string }[] }[] = [];
  private readonly answers: Map<string, unknown>;

  constructor(answers: Record<string, unknown>) {
    this.answers = new Map(Object.entries(answers));
  }

  private take(id: string, message: string, choices?: readonly { value: unknown; name?: string }[]): unknown {
    if (!this.answers.has(id)) throw new InternalError(`unexpected question "${id}": ${message}`);
    let answer = this.answers.get(id);
    if (answer instanceof Answers) {
      if (answer.queue.length === 0) throw new InternalError(`question "${id}" asked more often than scripted: ${message}`);
      answer = answer.queue.shift();
    }
    this.asked.push({ id, message, answer, ...(choices ? { choices: choices.map((c) => ({ value: c.value, name: c.name ?? String(c.value) })) } : {}) });
    return answer;
  }

  select<T>(q: SelectQuestion<T> & { back: true }): Promise<T | typeof BACK>;
  select<T>(q: SelectQuestion<T>): Promise<T>;
  async select<T>(q: SelectQuestion<T>): Promise<T | typeof BACK> {
    const answer = this.take(q.id, q.message, q.choices);
    if (answer === SCRIPTED_BACK) {
      if (!q.back) throw new InternalError(`question "${q.id}" offers no way back`);
      return BACK;
    }
    const choice = q.choices.find((c) => c.value === answer);
    if (!choice) {
      const offered = q.choices.map((c) => String(c.value)).join(', ');
      throw new InternalError(`question "${q.id}": "${String(answer)}" is not a choice (offered: ${offered})`);
    }
    return choice.value;
  }

  async checkbox<T>(q: CheckboxQuestion<T>): Promise<T[]> {
    const answer = this.take(q.id, q.message, q.choices);
    if (!Array.isArray(answer)) throw new InternalError(`question "${q.id}" needs a list of answers`);
    const picked = answer.map((a: unknown) => {
      const choice = q.choices.find((c) => c.value === a);
      if (!choice) throw new InternalError(`question "${q.id}": "${String(a)}" is not a choice`);
      return choice.value;
    });
    if (q.required && picked.length === 0) throw new InternalError(`question "${q.id}" needs at least one choice`);
    return picked;
  }

  async confirm(q: ConfirmQuestion): Promise<boolean> {
    const answer = this.take(q.id, q.message);
    if (typeof answer !== 'boolean') throw new InternalError(`question "${q.id}" needs true or false`);
    return answer;
  }

  async input(q: InputQuestion): Promise<string> {
    const answer = this.take(q.id, q.message);
    const value = answer === undefined ? (q.default ?? '') : String(answer);
    const valid = q.validate?.(value) ?? true;
    if (valid !== true) throw new InternalError(`question "${q.id}": "${value}" rejected: ${valid}`);
    return value;
  }
}
