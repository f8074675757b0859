/**
 * A service's own data: named tables of JSON rows keyed by id, changed in transactions. Each
 * service owns its tables and nobody else touches them (database per service). Rows may carry a
 * due time, which is how timeouts and other timers are found again after a restart.
 */
export interface Tx {
  /** Reads a row and locks it (and the key, when there is no row yet) until the transaction ends. */
  get<T>(table: string, key: string): Promise<T | undefined>;
  put<T>(table: string, key: string, value: T, dueAt?: Date | null): Promise<void>;
  remove(table: string, key: string): Promise<void>;
}

export interface ServiceDb {
  readonly service: string;
  /** Runs `fn` in one transaction: all its writes commit together, or none when it throws. */
  transaction<T>(fn: (tx: Tx) => Promise<T>): Promise<T>;
  /** A read outside any transaction. */
  read<T>(table: string, key: string): Promise<T | undefined>;
  /** Keys whose due time has passed, oldest first. */
  due(table: string, now: Date, limit: number): Promise<string[]>;
  count(table: string): Promise<number>;
}

interface Row {
  value: unknown;
  dueAt: Date | null;
}

/**
 * In memory, for tests and the single-process demo. Transactions run one at a time and write to a
 * draft that is applied only when `fn` returns, so a throw leaves nothing behind.
 */
export class InMemoryServiceDb implements ServiceDb {
  private readonly tables = new Map<string, Map<string, Row>>();
  private queue: Promise<unknown> = Promise.resolve();

  constructor(readonly service: string) {}

  transaction<T>(fn: (tx: Tx) => Promise<T>): Promise<T> {
    const run = async (): Promise<T> => {
      const draft = new Map<string, Row | undefined>();
      const id = (table: string, key: string) => `${table}\u0000${key}`;
      const result = await fn({
        get: async <V>(table: string, key: string) => {
          const k = id(table, key);
          const row = draft.has(k) ? draft.get(k) : this.table(table).get(key);
          return row ? (structuredClone(row.value) as V) : undefined;
        },
        put: async (table, key, value, dueAt) => {
          const k = id(table, key);
          const current = draft.has(k) ? draft.get(k) : this.table(table).get(key);
          draft.set(k, { value: structuredClone(value), dueAt: dueAt === undefined ? (current?.dueAt ?? null) : dueAt });
        },
        remove: async (table, key) => {
          draft.set(id(table, key), undefined);
        },
      });
      for (const [k, row] of draft) {
        const [table, key] = k.split('\u0000') as [string, string];
        if (row) this.table(table).set(key, row);
        else this.table(table).delete(key);
      }
      return result;
    };
    const next = this.queue.then(run, run);
    this.queue = next.catch(() => undefined);
    return next;
  }

  async read<T>(table: string, key: string): Promise<T | undefined> {
    const row = this.table(table).get(key);
    return row ? (structuredClone(row.value) as T) : undefined;
  }

  async due(table: string, now: Date, limit: number): Promise<string[]> {
    return [...this.table(table)]
      .filter(([, row]) => row.dueAt !== null && row.dueAt <= now)
      .sort(([, a], [, b]) => (a.dueAt as Date).getTime() - (b.dueAt as Date).getTime())
      .slice(0, limit)
      .map(([key]) => key);
  }

  async count(table: string): Promise<number> {
    return this.table(table).size;
  }

  /** Every row of a table (a scan: fine in memory, which is all this class is for). */
  rows<T>(table: string): [string, T][] {
    return [...this.table(table)].map(([key, row]) => [key, structuredClone(row.value) as T]);
  }

  private table(name: string): Map<string, Row> {
    let table = this.tables.get(name);
    if (!table) this.tables.set(name, (table = new Map()));
    return table;
  }
}
