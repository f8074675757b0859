import { randomBytes } from 'node:crypto';
import { Client } from 'pg';

// Tests that need PostgreSQL run when DATABASE_URL is set and are skipped, with the reason
// printed, when it is not. When it is set, a server that does not answer fails them: a CI run
// that was meant to test against PostgreSQL cannot pass by skipping.

export const DATABASE_URL = process.env.DATABASE_URL;

export const databaseSkip: string | false = DATABASE_URL
  ? false
  : 'DATABASE_URL is not set (e.g. DATABASE_URL=postgres://postgres:postgres@127.0.0.1:5432/postgres npm test)';

// Written straight to stderr: one line per test file, without the console's code frame.
if (databaseSkip) process.stderr.write(`skipping PostgreSQL tests: ${databaseSkip}\n`);

export interface TestDatabase {
  /** DATABASE_URL with the throw-away database in place of the original one. */
  url: string;
  drop(): Promise<void>;
}

/**
 * A throw-away database per test file, so tests never touch real data and can run in parallel.
 * The DATABASE_URL user needs the CREATEDB privilege.
 */
export async function createTestDatabase(label: string): Promise<TestDatabase> {
  if (!DATABASE_URL) throw new Error('DATABASE_URL is not set');
  const name = `test_${label}_${process.pid}_${randomBytes(3).toString('hex')}`.toLowerCase();
  const admin = async (statement: string): Promise<void> => {
    const client = new Client({ connectionString: DATABASE_URL, connectionTimeoutMillis: 5_000 });
    await client.connect();
    try {
      await client.query(statement);
    } finally {
      await client.end();
    }
  };
  await admin(`CREATE DATABASE "${name}"`);
  const url = new URL(DATABASE_URL);
  url.pathname = `/${name}`;
  return { url: url.toString(), drop: () => admin(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`) };
}
