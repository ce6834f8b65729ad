import { randomBytes } from "node:crypto";
import pg from "pg";

export interface TestDatabase {
  /** Connection string of the new, empty database. */
  url: string;
  name: string;
  /** Drops the database, closing any connection still open on it. */
  drop(): Promise<void>;
}

/** The server tests may create databases on; unset means PostgreSQL tests are skipped. */
export function testServerUrl(): string | undefined {
  const url = process.env.TEST_DATABASE_URL?.trim();
  return url === "" ? undefined : url;
}

/**
 * Creates a uniquely named database on the server of `serverUrl` (default
 * TEST_DATABASE_URL), so test files can run in parallel and leave nothing behind.
 */
export async function createTestDatabase(
  serverUrl: string | undefined = testServerUrl(),
): Promise<TestDatabase> {
  if (serverUrl === undefined) {
    throw new Error(
      "createTestDatabase needs TEST_DATABASE_URL " +
        "(e.g. postgres://postgres@127.0.0.1:5432/postgres).",
    );
  }
  const name = `newsgraph_test_${process.pid}_${randomBytes(4).toString("hex")}`;
  await admin(serverUrl, `CREATE DATABASE "${name}"`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  let dropped: Promise<void> | undefined;
  return {
    url: url.toString(),
    name,
    // WITH (FORCE) (PostgreSQL 13+): a test that forgot to close its pool must not make
    // the drop fail and leak the database.
    drop: () => (dropped ??= admin(serverUrl, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)),
  };
}

async function admin(serverUrl: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}
