import type { SqlMigrationAwareDriverAdapterFactory } from "@prisma/driver-adapter-utils";
import { PrismaClient } from "../generated/prisma/client.ts";
import { createAdapter, type PoolStats } from "./adapter.ts";
import { type DatabaseConfig, parseDatabaseUrl } from "./config.ts";
import { withDefaultRelationLoadStrategy } from "./relation-load-strategy.ts";
import { traceSqlBatches, traceSqlFactory } from "./sql-trace.ts";

export interface Database {
  prisma: PrismaClient;
  /** The factory the client runs on; on PGlite the migrator drives the schema engine with it. */
  adapterFactory: SqlMigrationAwareDriverAdapterFactory;
  kind: DatabaseConfig["kind"];
  /** Where the data lives, password masked: fit for logs. */
  describe: string;
  config: DatabaseConfig;
  /** The connection pool right now (total, idle, waiting, max), for metrics. */
  poolStats(): PoolStats;
  /** Disconnects Prisma, then closes the PGlite instance or ends the pg pool. */
  close(): Promise<void>;
}

/**
 * Builds a client for `url` (default: DATABASE_URL). Nothing connects yet: PGlite starts
 * and the pool dials on the first query, so a bad server surfaces there.
 */
export function createDatabase(url: string | undefined = process.env.DATABASE_URL): Database {
  const config = parseDatabaseUrl(url);
  const adapter = createAdapter(config);
  // Traced: statements count into the current SQL trace (src/db/sql-trace.ts), if there is one.
  const base = new PrismaClient({ adapter: traceSqlFactory(adapter.factory) });
  traceSqlBatches(base);
  // "query" unless a read asks for "join" (src/db/relation-load-strategy.ts says why).
  const prisma = withDefaultRelationLoadStrategy(base, "query");
  let closing: Promise<void> | undefined;
  return {
    prisma,
    adapterFactory: adapter.factory,
    kind: config.kind,
    describe: config.describe,
    config,
    poolStats: () => adapter.stats(),
    close: () =>
      (closing ??= (async () => {
        try {
          await prisma.$disconnect();
        } finally {
          await adapter.close();
        }
      })()),
  };
}

let shared: Database | undefined;

/** The process-wide database that the GraphQL schema, the server and the scripts share. */
export function getDb(): Database {
  if (shared === undefined) {
    const db = createDatabase();
    const close = db.close;
    // Closing the shared database forgets it, so a later getDb() (tests, a restarted server)
    // starts a fresh one instead of returning a closed client.
    db.close = () => {
      if (shared === db) shared = undefined;
      return close();
    };
    shared = db;
  }
  return shared;
}

/** The shared database if one is open, without creating one (metrics must not open it). */
export function openDb(): Database | undefined {
  return shared;
}

/** Closes the shared database if one was created. */
export async function closeDb(): Promise<void> {
  await shared?.close();
}
