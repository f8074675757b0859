/** The saga's context: what the customer asked for. Amounts are in cents. */
export interface Reservation {
  id: string;
  customerId: string;
  slotId: string;
  amountCents: number;
}

export type ReservationStatus = 'pending' | 'confirmed' | 'cancelled';

/** The reservation service's own records. */
export class ReservationStore {
  private readonly statuses = new Map<string, ReservationStatus>();

  /** Idempotent: placing the same reservation again keeps its current status. */
  place(reservation: Reservation): void {
    if (!this.statuses.has(reservation.id)) this.statuses.set(reservation.id, 'pending');
  }

  confirm(id: string): void {
    if (this.statuses.get(id) === 'pending') this.statuses.set(id, 'confirmed');
  }

  /** Back to pending: the undo of confirm, while earlier steps are still being undone. */
  unconfirm(id: string): void {
    if (this.statuses.get(id) === 'confirmed') this.statuses.set(id, 'pending');
  }

  cancel(id: string): void {
    if (this.statuses.has(id)) this.statuses.set(id, 'cancelled');
  }

  status(id: string): ReservationStatus | undefined {
    return this.statuses.get(id);
  }
}
