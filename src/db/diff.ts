import { mkdir, readFile, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import type { SqlMigrationAwareDriverAdapterFactory } from "@prisma/driver-adapter-utils";
import { createPGliteAdapter } from "./adapter.ts";
import {
  LOCKFILE_CONTENT,
  LOCKFILE_NAME,
  MIGRATIONS_DIR,
  readMigrations,
  SCHEMA_PATH,
} from "./migrations-dir.ts";
import { withSchemaEngine } from "./schema-engine.ts";

export interface DiffOptions {
  migrationsDir?: string;
  schemaPath?: string;
  onLog?: (line: string) => void;
}

/**
 * The SQL that takes a database from the state the migrations on disk produce to the one
 * prisma/schema.prisma describes, or null when they already match. Fully offline: the
 * engine replays the migrations into a throwaway in-memory PGlite (its "shadow database").
 */
export async function diffSchema(options: DiffOptions = {}): Promise<string | null> {
  const schemaPath = options.schemaPath ?? SCHEMA_PATH;
  const schema = await readFile(schemaPath, "utf8");
  const migrations = await readMigrations(options.migrationsDir ?? MIGRATIONS_DIR);
  // The engine refuses a history without a lockfile; a first migration has none yet.
  migrations.lockfile.content ??= LOCKFILE_CONTENT;
  const files = [{ path: schemaPath, content: schema }];
  const scratch = createPGliteAdapter(null);
  // Diffing never queries the main connection, so one empty PGlite serves as both it and the
  // shadow database: starting a second one would cost as much as the diff itself.
  const factory: SqlMigrationAwareDriverAdapterFactory = {
    provider: scratch.factory.provider,
    adapterName: scratch.factory.adapterName,
    connect: () => scratch.factory.connect(),
    connectToShadowDb: () => scratch.factory.connect(),
  };
  try {
    const result = await withSchemaEngine(
      factory,
      { datamodels: [[schemaPath, schema]], ...(options.onLog ? { onLog: options.onLog } : {}) },
      (engine) =>
        engine.diff({
          from: { tag: "migrations", ...migrations },
          to: { tag: "schemaDatamodel", files },
          script: true,
          // exitCode 2 is the engine's own "the diff is not empty" signal.
          exitCode: true,
          filters: { externalTables: [], externalEnums: [] },
        }),
    );
    return result.exitCode === 2 && result.stdout ? result.stdout : null;
  } finally {
    await scratch.close();
  }
}

export interface CreatedMigration {
  name: string;
  file: string;
  sql: string;
}

/**
 * Writes prisma/migrations/<UTC timestamp>_<name>/migration.sql from diffSchema(), plus
 * migration_lock.toml when missing. Returns null, writing nothing, when there is no change.
 */
export async function createMigration(
  name: string,
  options: DiffOptions & { now?: Date } = {},
): Promise<CreatedMigration | null> {
  const slug = migrationSlug(name);
  const sql = await diffSchema(options);
  if (sql === null) return null;
  const dir = options.migrationsDir ?? MIGRATIONS_DIR;
  const folder = `${timestamp(options.now ?? new Date())}_${slug}`;
  const file = path.join(dir, folder, "migration.sql");
  await mkdir(path.dirname(file), { recursive: true });
  // "wx": two runs within the same second must not overwrite each other.
  await writeFile(file, sql, { flag: "wx" });
  const lockfile = path.join(dir, LOCKFILE_NAME);
  if (!(await exists(lockfile))) await writeFile(lockfile, LOCKFILE_CONTENT);
  return { name: folder, file, sql };
}

export class MigrationNameError extends Error {
  override name = "MigrationNameError";
}

/** Same shape as Prisma's names: lower snake case, so folders sort and read alike. */
export function migrationSlug(name: string): string {
  const slug = name
    .trim()
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "_")
    .replace(/^_+|_+$/g, "")
    .slice(0, 200);
  if (slug === "") {
    throw new MigrationNameError(
      `Migration name "${name}" has no letters or digits: ` +
        "pass one like `npm run db:diff -- add_sources`.",
    );
  }
  return slug;
}

function timestamp(date: Date): string {
  return date.toISOString().replace(/\D/g, "").slice(0, 14);
}

async function exists(file: string): Promise<boolean> {
  return stat(file).then(
    () => true,
    () => false,
  );
}
