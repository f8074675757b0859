import { PipeTransform } from '@nestjs/common';
import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';

/** An event this consumer cannot process however often it is redelivered: it goes to the dead letters. */
export class InvalidEventError extends Error {}

/**
 * Tolerant reader for broker messages (the opposite of the strict HTTP validation): fields the
 * consumer does not know are dropped, so producers can add fields without breaking it; the fields it
 * needs are checked, and a contract version newer than it understands is refused.
 */
export function readEvent<T extends { version: number }>(type: new () => T, raw: unknown, maxVersion: number): T {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    throw new InvalidEventError(`${type.name}: the payload is not an object`);
  }
  const event = plainToInstance(type, raw);
  const errors = validateSync(event, { whitelist: true, forbidNonWhitelisted: false });
  if (errors.length > 0) {
    const details = errors.map((e) => `${e.property}: ${Object.values(e.constraints ?? {}).join(', ')}`).join('; ');
    throw new InvalidEventError(`${type.name}: ${details}`);
  }
  if (event.version > maxVersion) {
    throw new InvalidEventError(`${type.name}: version ${event.version} is newer than the supported ${maxVersion}`);
  }
  return event;
}

/** `@Payload(new EventPipe(SomethingHappenedEvent, 1))`: readEvent as a parameter pipe. */
export class EventPipe<T extends { version: number }> implements PipeTransform<unknown, T> {
  constructor(
    private readonly type: new () => T,
    private readonly maxVersion: number,
  ) {}

  transform(value: unknown): T {
    return readEvent(this.type, value, this.maxVersion);
  }
}
