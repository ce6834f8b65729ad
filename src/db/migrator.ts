import type { SqlMigrationAwareDriverAdapterFactory } from "@prisma/driver-adapter-utils";
import { createAdapter } from "./adapter.ts";
import type { Database } from "./client.ts";
import { MIGRATIONS_DIR, readMigrations } from "./migrations-dir.ts";
import { withSchemaEngine } from "./schema-engine.ts";

export interface MigrateOptions {
  /** Defaults to prisma/migrations in this repository. */
  migrationsDir?: string;
  onLog?: (line: string) => void;
}

type MigratableDatabase = Pick<Database, "adapterFactory" | "prisma" | "config">;

/**
 * Applies every migration on disk that the database has not recorded, like
 * `prisma migrate deploy` (same `_prisma_migrations` bookkeeping), but through the
 * database's own driver adapter and the wasm schema engine. Returns the names applied.
 */
export async function applyMigrations(
  db: MigratableDatabase,
  options: MigrateOptions = {},
): Promise<string[]> {
  const migrationsList = await readMigrations(options.migrationsDir ?? MIGRATIONS_DIR);
  const output = await withMigrationFactory(db, (factory) =>
    withSchemaEngine(factory, { ...(options.onLog ? { onLog: options.onLog } : {}) }, (engine) =>
      engine.applyMigrations({
        migrationsList,
        filters: { externalTables: [], externalEnums: [] },
      }),
    ),
  );
  return output.appliedMigrationNames;
}

/**
 * The engine serialises migrators with `pg_advisory_lock` and never unlocks: it counts on
 * its connection closing. Through the app's pool the lock would stay on whichever pooled
 * connection took it, and every other migrator (another instance, `npm run db:migrate`)
 * would wait on it. So PostgreSQL migrations get one dedicated connection, closed at the
 * end. PGlite is a single in-process connection: its own factory is the only one there is.
 */
async function withMigrationFactory<T>(
  db: MigratableDatabase,
  work: (factory: SqlMigrationAwareDriverAdapterFactory) => Promise<T>,
): Promise<T> {
  if (db.config.kind !== "postgres") return work(db.adapterFactory);
  // No statement timeout: building an index on a large table may take minutes.
  const dedicated = createAdapter(db.config, { maxConnections: 1, statementTimeoutMs: 0 });
  try {
    return await work(dedicated.factory);
  } finally {
    await dedicated.close();
  }
}

export interface MigrationStatus {
  /** On disk and finished in the database. */
  applied: string[];
  /** On disk, not yet finished in the database. */
  pending: string[];
  /** Recorded as started but neither finished nor rolled back: needs a human. */
  failed: string[];
  /** Finished in the database but missing on disk (a newer deploy, or a deleted folder). */
  unknown: string[];
}

interface MigrationRow {
  migration_name: string;
  finished_at: Date | null;
  rolled_back_at: Date | null;
}

/**
 * Compares the migration folders with `_prisma_migrations` using plain queries: cheap
 * enough for a readiness probe, no schema engine involved.
 */
export async function migrationStatus(
  db: MigratableDatabase,
  options: Pick<MigrateOptions, "migrationsDir"> = {},
): Promise<MigrationStatus> {
  const { migrationDirectories } = await readMigrations(options.migrationsDir ?? MIGRATIONS_DIR);
  const onDisk = migrationDirectories.map((m) => m.path);
  const [{ present } = { present: false }] = await db.prisma.$queryRaw<{ present: boolean }[]>`
    SELECT to_regclass('_prisma_migrations') IS NOT NULL AS present`;
  const rows = present
    ? await db.prisma.$queryRaw<MigrationRow[]>`
        SELECT migration_name, finished_at, rolled_back_at FROM _prisma_migrations`
    : [];
  const finished = new Set(rows.filter((r) => r.finished_at !== null).map((r) => r.migration_name));
  const failed = rows
    .filter((r) => r.finished_at === null && r.rolled_back_at === null)
    .map((r) => r.migration_name);
  const known = new Set(onDisk);
  return {
    applied: onDisk.filter((name) => finished.has(name)),
    pending: onDisk.filter((name) => !finished.has(name)),
    failed,
    unknown: [...finished].filter((name) => !known.has(name)).sort(),
  };
}

/** Names of migrations on disk that the database has not finished applying. */
export async function pendingMigrations(
  db: MigratableDatabase,
  options: Pick<MigrateOptions, "migrationsDir"> = {},
): Promise<string[]> {
  return (await migrationStatus(db, options)).pending;
}
