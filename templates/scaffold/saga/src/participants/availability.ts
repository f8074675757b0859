/** The slot is held or booked by another reservation. */
export class SlotUnavailable extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SlotUnavailable';
  }
}

export interface SlotRequest {
  reservationId: string;
  slotId: string;
}

type Slot = { state: 'held' | 'booked'; reservationId: string };

/**
 * The availability participant: a slot is free, held for one reservation while the saga runs,
 * or booked. Operations are idempotent per reservation, so repeating one is harmless.
 */
export class AvailabilityService {
  private readonly slots = new Map<string, Slot>();

  async reserve(request: SlotRequest): Promise<void> {
    const slot = this.slots.get(request.slotId);
    if (slot && slot.reservationId !== request.reservationId) {
      throw new SlotUnavailable(`slot ${request.slotId} is ${slot.state}`);
    }
    if (!slot) this.slots.set(request.slotId, { state: 'held', reservationId: request.reservationId });
  }

  async confirm(request: SlotRequest): Promise<void> {
    const slot = this.slots.get(request.slotId);
    if (!slot || slot.reservationId !== request.reservationId) {
      throw new SlotUnavailable(`slot ${request.slotId} is not held for reservation ${request.reservationId}`);
    }
    slot.state = 'booked';
  }

  /** Frees the slot if this reservation holds it; releasing twice, or a slot never held, is a no-op. */
  async release(request: SlotRequest): Promise<void> {
    if (this.slots.get(request.slotId)?.reservationId === request.reservationId) this.slots.delete(request.slotId);
  }

  state(slotId: string): 'free' | Slot['state'] {
    return this.slots.get(slotId)?.state ?? 'free';
  }
}
