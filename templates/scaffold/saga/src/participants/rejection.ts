/**
 * A definite business "no" from a participant: a declined payment, a slot someone else holds, a
 * request that was cancelled before it arrived. Asking again gives the same answer, so the caller
 * must not retry it; anything else a participant throws (a database or network error) is
 * transient, and the caller retries it with the same idempotency key.
 */
export class Rejected extends Error {
  constructor(message: string, name = 'Rejected') {
    super(message);
    this.name = name;
  }
}

/** `repeat`: the answer recorded for an earlier call with the same key (no new effect). */
export type Outcome = { ok: true; repeat?: boolean } | { ok: false; name: string; reason: string };

export const ok: Outcome = { ok: true };
export const rejected = (name: string, reason: string): Outcome => ({ ok: false, name, reason });

/** Turns a recorded outcome into the call's result: nothing, or a Rejected. */
export function raise(outcome: Outcome): void {
  if (!outcome.ok) throw new Rejected(outcome.reason, outcome.name);
}
