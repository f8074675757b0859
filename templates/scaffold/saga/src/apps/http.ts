import type { IncomingMessage, ServerResponse } from 'node:http';

export async function readJson(req: IncomingMessage, limitBytes = 64 * 1024): Promise<unknown> {
  let size = 0;
  const chunks: Buffer[] = [];
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > limitBytes) throw new Error('request body too large');
    chunks.push(chunk as Buffer);
  }
  return JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}');
}

export function send(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
}

/** Validates the body of POST /reservations; returns a message for the first bad field. */
export function parseReservationRequest(
  body: unknown,
): { customerId: string; slotId: string; amountCents: number } | { error: string } {
  const b = (body ?? {}) as Record<string, unknown>;
  if (typeof b.customerId !== 'string' || b.customerId.trim() === '') return { error: 'customerId must be a non-empty string' };
  if (typeof b.slotId !== 'string' || b.slotId.trim() === '') return { error: 'slotId must be a non-empty string' };
  if (typeof b.amountCents !== 'number' || !Number.isInteger(b.amountCents) || b.amountCents <= 0) {
    return { error: 'amountCents must be a positive integer' };
  }
  return { customerId: b.customerId, slotId: b.slotId, amountCents: b.amountCents };
}

/**
 * The client's Idempotency-Key header: the same key returns the same reservation instead of
 * starting a second saga. Optional; when absent every request is new.
 */
export function idempotencyKey(req: IncomingMessage): string | undefined | { error: string } {
  const raw = req.headers['idempotency-key'];
  if (raw === undefined) return undefined;
  const key = Array.isArray(raw) ? raw[0] : raw;
  if (key === undefined || !/^[\x21-\x7e]{1,255}$/.test(key)) return { error: 'Idempotency-Key must be 1 to 255 visible ASCII characters' };
  return key;
}
