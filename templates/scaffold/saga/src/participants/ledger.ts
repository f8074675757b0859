import type { Tx } from '../storage/service-db';
import { type Outcome, rejected } from './rejection';

/**
 * What a participant did for each idempotency key:
 * - done / rejected: the request ran once; a repeat gets the same answer and no second effect;
 * - undone: it ran and was compensated; a late repeat is refused;
 * - cancelled: a tombstone. The compensation arrived for a request never seen (its reply was lost,
 *   or it is still on its way). If the request turns up later, it is refused rather than applied
 *   after the saga has already been rolled back.
 */
export type LedgerEntry =
  | { state: 'done' }
  | { state: 'rejected'; name: string; reason: string }
  | { state: 'undone' }
  | { state: 'cancelled' };

export const LEDGER_TABLE = 'idempotency';

const cancelled = (key: string) => rejected('RequestCancelled', `request ${key} was cancelled before it arrived`);

/** Runs `operation` at most once per key, inside the caller's transaction, and records its outcome. */
export async function once(tx: Tx, key: string, operation: () => Promise<Outcome>): Promise<Outcome> {
  const seen = await tx.get<LedgerEntry>(LEDGER_TABLE, key);
  if (seen?.state === 'done') return { ok: true, repeat: true };
  if (seen?.state === 'rejected') return rejected(seen.name, seen.reason);
  if (seen) return cancelled(key);
  const outcome = await operation();
  await tx.put<LedgerEntry>(LEDGER_TABLE, key, outcome.ok ? { state: 'done' } : { state: 'rejected', name: outcome.name, reason: outcome.reason });
  return outcome;
}

/**
 * Undoes what the request with `invokeKey` did. Safe to repeat, safe when the request was
 * rejected, and safe when it never arrived: then a tombstone refuses it should it come late.
 */
export async function undo(tx: Tx, invokeKey: string, compensation: () => Promise<void>): Promise<'undone' | 'tombstoned' | 'nothing to undo'> {
  const seen = await tx.get<LedgerEntry>(LEDGER_TABLE, invokeKey);
  if (!seen) {
    await tx.put<LedgerEntry>(LEDGER_TABLE, invokeKey, { state: 'cancelled' });
    return 'tombstoned';
  }
  if (seen.state !== 'done') return 'nothing to undo';
  await compensation();
  await tx.put<LedgerEntry>(LEDGER_TABLE, invokeKey, { state: 'undone' });
  return 'undone';
}
