import type { ServiceDb } from '../storage/service-db';

/** The saga's context: what the customer asked for. Amounts are in cents. */
export interface Reservation {
  id: string;
  customerId: string;
  slotId: string;
  amountCents: number;
}

export type ReservationStatus = 'pending' | 'confirmed' | 'cancelled';

export const RESERVATION_TABLES = ['reservations'];

/** The reservation service's own records (its own schema in PostgreSQL). */
export class ReservationStore {
  constructor(private readonly db: ServiceDb) {}

  /** Idempotent: placing the same reservation again keeps its current status. */
  async place(reservation: Reservation): Promise<void> {
    await this.move(reservation.id, (current) => current ?? 'pending', reservation);
  }

  async confirm(id: string): Promise<void> {
    await this.move(id, (current) => (current === 'pending' ? 'confirmed' : current));
  }

  /** Back to pending: the undo of confirm, while earlier steps are still being undone. */
  async unconfirm(id: string): Promise<void> {
    await this.move(id, (current) => (current === 'confirmed' ? 'pending' : current));
  }

  async cancel(id: string): Promise<void> {
    await this.move(id, (current) => (current ? 'cancelled' : current));
  }

  async status(id: string): Promise<ReservationStatus | undefined> {
    return (await this.db.read<{ status: ReservationStatus }>('reservations', id))?.status;
  }

  private async move(
    id: string,
    next: (current: ReservationStatus | undefined) => ReservationStatus | undefined,
    reservation?: Reservation,
  ): Promise<void> {
    await this.db.transaction(async (tx) => {
      const row = await tx.get<{ reservation: Reservation; status: ReservationStatus }>('reservations', id);
      const status = next(row?.status);
      const value = row?.reservation ?? reservation;
      if (status && value && status !== row?.status) await tx.put('reservations', id, { reservation: value, status });
    });
  }
}
