import { createHash } from "node:crypto";
import { mkdtempSync, writeFileSync } from "node:fs";
import { cp, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { closeDb, createDatabase, type Database, getDb } from "../src/db/client.ts";
import {
  DatabaseConfigError,
  DEFAULT_PGLITE_DIR,
  maskPassword,
  parseDatabaseUrl,
} from "../src/db/config.ts";
import { createMigration, diffSchema, MigrationNameError, migrationSlug } from "../src/db/diff.ts";
import { describeConnectionError } from "../src/db/errors.ts";
import {
  LOCKFILE_CONTENT,
  LOCKFILE_NAME,
  MIGRATIONS_DIR,
  SCHEMA_PATH,
} from "../src/db/migrations-dir.ts";
import { applyMigrations, migrationStatus, pendingMigrations } from "../src/db/migrator.ts";
import { SchemaEngineError } from "../src/db/schema-engine.ts";
import { Prisma } from "../src/generated/prisma/client.ts";
import { createTestDatabase, type TestDatabase, testServerUrl } from "./support/postgres.ts";

async function migrationNamesOnDisk(): Promise<string[]> {
  const entries = await readdir(MIGRATIONS_DIR, { withFileTypes: true });
  return entries
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort();
}

async function tableNames(db: Database): Promise<string[]> {
  const rows = await db.prisma.$queryRaw<{ table_name: string }[]>`
    SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema()`;
  return rows.map((r) => r.table_name);
}

async function makeTempDir(): Promise<string> {
  return mkdtemp(path.join(tmpdir(), "newsgraph-db-"));
}

/** A history whose first migration is fine (a ";" in a comment) and whose second fails halfway. */
async function writeBrokenHistory(dir: string): Promise<void> {
  await writeFile(path.join(dir, LOCKFILE_NAME), LOCKFILE_CONTENT);
  await mkdir(path.join(dir, "001_good"));
  await writeFile(
    path.join(dir, "001_good", "migration.sql"),
    '-- a comment; with a semicolon\nCREATE TABLE "good" ("id" INTEGER);\n',
  );
  await mkdir(path.join(dir, "002_bad"));
  await writeFile(
    path.join(dir, "002_bad", "migration.sql"),
    'CREATE TABLE "half" ("id" INTEGER);\nSELECT 1 / 0;\n',
  );
}

describe("parseDatabaseUrl", () => {
  const cwd = path.resolve("/srv/newsgraph");

  it("defaults to PGlite in .data/pglite under the working directory", () => {
    for (const value of [undefined, "", "  "]) {
      const config = parseDatabaseUrl(value, cwd);
      expect(config).toMatchObject({ kind: "pglite", dataDir: path.join(cwd, DEFAULT_PGLITE_DIR) });
    }
  });

  it("reads pglite:<dir> relative to the working directory, or absolute", () => {
    expect(parseDatabaseUrl("pglite:./tmp/db", cwd)).toMatchObject({
      kind: "pglite",
      dataDir: path.join(cwd, "tmp/db"),
    });
    const absolute = path.resolve("/var/lib/newsgraph");
    expect(parseDatabaseUrl(`pglite:${absolute}`, cwd)).toMatchObject({ dataDir: absolute });
  });

  it("reads pglite:memory as an in-memory database", () => {
    expect(parseDatabaseUrl("pglite:memory", cwd)).toMatchObject({ kind: "pglite", dataDir: null });
  });

  it("accepts postgres:// and postgresql:// URLs and masks their password", () => {
    for (const scheme of ["postgres", "postgresql"]) {
      const url = `${scheme}://app:s3cret@db.internal:5433/news`;
      const config = parseDatabaseUrl(url, cwd);
      expect(config).toMatchObject({ kind: "postgres", url });
      expect(config.describe).toContain("db.internal:5433");
      expect(config.describe).not.toContain("s3cret");
    }
  });

  it("rejects anything else in one sentence: DATABASE_URL, masked value, allowed forms", () => {
    for (const bad of [
      "mysql://root:hunter2@localhost/news",
      "pglite:",
      "file:./dev.db",
      "postgres://",
    ]) {
      let error: unknown;
      try {
        parseDatabaseUrl(bad, cwd);
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(DatabaseConfigError);
      const message = (error as Error).message;
      expect(message).toContain("DATABASE_URL");
      expect(message).not.toContain("hunter2");
      expect(message).toContain("pglite:memory");
      expect(message).toContain("postgres://");
      expect(message).not.toContain("\n");
    }
  });

  it("masks passwords in URLs and in strings that are not URLs", () => {
    expect(maskPassword("postgres://u:pw@h/db")).not.toContain("pw@");
    expect(maskPassword("postgres://h/db?password=pw")).not.toContain("=pw");
    expect(maskPassword("::not a url//u:pw@h")).not.toContain(":pw@");
    expect(maskPassword("postgres://u@h/db")).toBe("postgres://u@h/db");
  });
});

describe("getDb", () => {
  it("shares one database per process until it is closed", async () => {
    vi.stubEnv("DATABASE_URL", "pglite:memory");
    try {
      const first = getDb();
      expect(getDb()).toBe(first);
      expect(first.kind).toBe("pglite");
      await first.close();
      const second = getDb();
      expect(second).not.toBe(first);
      await closeDb();
      expect(getDb()).not.toBe(second);
      await closeDb();
    } finally {
      vi.unstubAllEnvs();
    }
  });
});

describe("migrations on pglite:memory", () => {
  let db: Database;
  beforeAll(() => {
    db = createDatabase("pglite:memory");
  });
  afterAll(async () => {
    await db?.close();
  });

  it("reports every migration on disk as pending before the first run", async () => {
    expect(await pendingMigrations(db)).toEqual(await migrationNamesOnDisk());
  });

  it("applies every migration, creating a table per model", async () => {
    const onDisk = await migrationNamesOnDisk();
    expect(onDisk.length).toBeGreaterThan(0);
    expect(await applyMigrations(db)).toEqual(onDisk);
    const tables = await tableNames(db);
    for (const model of Object.values(Prisma.ModelName)) expect(tables).toContain(model);
  });

  it("records them in _prisma_migrations with Prisma's checksum", async () => {
    const rows = await db.prisma.$queryRaw<
      {
        migration_name: string;
        checksum: string;
        finished_at: Date | null;
        applied_steps_count: number;
      }[]
    >`SELECT migration_name, checksum, finished_at, applied_steps_count
        FROM _prisma_migrations ORDER BY migration_name`;
    const onDisk = await migrationNamesOnDisk();
    expect(rows.map((r) => r.migration_name)).toEqual(onDisk);
    for (const row of rows) {
      expect(row.finished_at).not.toBeNull();
      const sql = await readFile(path.join(MIGRATIONS_DIR, row.migration_name, "migration.sql"));
      // `prisma migrate deploy` compares this checksum: it must be sha256 of the file.
      expect(row.checksum).toBe(createHash("sha256").update(sql).digest("hex"));
    }
    expect(await migrationStatus(db)).toEqual({
      applied: onDisk,
      pending: [],
      failed: [],
      unknown: [],
    });
  });

  it("applies nothing the second time", async () => {
    expect(await applyMigrations(db)).toEqual([]);
    const [{ n } = { n: -1 }] = await db.prisma.$queryRaw<{ n: number }[]>`
      SELECT count(*)::int AS n FROM _prisma_migrations`;
    expect(n).toBe((await migrationNamesOnDisk()).length);
  });

  it("enforces the hand-written CHECK constraints on spans and date ranges", async () => {
    const document = await db.prisma.document.create({
      data: { slug: "check-doc", title: "t", body: "Some body text", contentHash: "check-hash" },
    });
    const actor = await db.prisma.actor.create({
      data: { name: "A", nameKey: "a", kind: "PERSON" },
    });
    await db.prisma.documentActor.create({ data: { documentId: document.id, actorId: actor.id } });
    const mention = (start: number, end: number) =>
      db.prisma.actorMention.create({
        data: { documentId: document.id, actorId: actor.id, start, end, text: "x" },
      });
    await expect(mention(3, 3)).rejects.toThrow();
    await expect(mention(-1, 2)).rejects.toThrow();
    await expect(mention(0, 4)).resolves.toMatchObject({ start: 0, end: 4 });
    await expect(
      db.prisma.event.create({
        data: {
          slug: "reversed",
          title: "t",
          kind: "OTHER",
          status: "OCCURRED",
          dateStart: new Date("2025-02-01"),
          dateEnd: new Date("2025-01-01"),
        },
      }),
    ).rejects.toThrow();
  });
});

describe("a failing migration on PGlite", () => {
  it("is rolled back as a whole, recorded as failed, and blocks later runs", async () => {
    const dir = await makeTempDir();
    const db = createDatabase("pglite:memory");
    try {
      await writeBrokenHistory(dir);
      await expect(applyMigrations(db, { migrationsDir: dir })).rejects.toBeInstanceOf(
        SchemaEngineError,
      );
      const tables = await tableNames(db);
      expect(tables).toContain("good");
      expect(tables).not.toContain("half");
      expect(await migrationStatus(db, { migrationsDir: dir })).toMatchObject({
        applied: ["001_good"],
        failed: ["002_bad"],
      });
      await expect(applyMigrations(db, { migrationsDir: dir })).rejects.toMatchObject({
        code: "P3009",
      });
    } finally {
      await db.close();
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe("db:diff", () => {
  it("finds no difference between prisma/schema.prisma and the migrations", async () => {
    // Fails when the schema changed without `npm run db:diff -- <name>`.
    expect(await diffSchema()).toBeNull();
  });

  it("writes a timestamped migration for a schema change, then sees no difference", async () => {
    const dir = await makeTempDir();
    try {
      const migrationsDir = path.join(dir, "migrations");
      await cp(MIGRATIONS_DIR, migrationsDir, { recursive: true });
      const schemaPath = path.join(dir, "schema.prisma");
      const schema = await readFile(SCHEMA_PATH, "utf8");
      await writeFile(
        schemaPath,
        schema.replace(/model Document \{/, "model Document {\n  summary String?"),
      );

      const now = new Date(Date.UTC(2031, 0, 2, 3, 4, 5));
      const created = await createMigration("Add summary!", { migrationsDir, schemaPath, now });
      expect(created?.name).toBe("20310102030405_add_summary");
      expect(created?.sql).toMatch(/ALTER TABLE "Document" ADD COLUMN\s+"summary" TEXT/);
      expect(
        await readFile(path.join(migrationsDir, created?.name ?? "", "migration.sql"), "utf8"),
      ).toBe(created?.sql);
      expect(await diffSchema({ migrationsDir, schemaPath })).toBeNull();
      expect(await createMigration("again", { migrationsDir, schemaPath })).toBeNull();
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it("starts a history from nothing, writing the lockfile", async () => {
    const migrationsDir = await makeTempDir();
    try {
      const created = await createMigration("init", { migrationsDir });
      expect(created?.sql).toContain('CREATE TABLE "Document"');
      expect(await readFile(path.join(migrationsDir, LOCKFILE_NAME), "utf8")).toContain(
        'provider = "postgresql"',
      );
    } finally {
      await rm(migrationsDir, { recursive: true, force: true });
    }
  });

  it("refuses a name without letters or digits", () => {
    expect(() => migrationSlug(" !! ")).toThrow(MigrationNameError);
  });
});

describe("connection errors", () => {
  const unreachable = "postgres://postgres@127.0.0.1:1/x";

  it("turns an unreachable server into one sentence, from client and migrator", async () => {
    const db = createDatabase(unreachable);
    try {
      const fromClient = await db.prisma.$queryRaw`SELECT 1`.then(
        () => undefined,
        (e: unknown) => e,
      );
      const fromMigrator = await applyMigrations(db).then(
        () => undefined,
        (e: unknown) => e,
      );
      for (const error of [fromClient, fromMigrator]) {
        expect(error).toBeDefined();
        const sentence = describeConnectionError(error);
        expect(sentence).toContain("Cannot reach the database server at 127.0.0.1:1");
        expect(sentence).not.toContain("\n");
      }
    } finally {
      await db.close();
    }
  });

  it("describes refused connections, failed logins and missing databases", () => {
    const refused = Object.assign(new Error("connect ECONNREFUSED 10.0.0.9:5432"), {
      code: "ECONNREFUSED",
      address: "10.0.0.9",
      port: 5432,
    });
    expect(describeConnectionError(refused)).toContain("10.0.0.9:5432 (connection refused)");
    const bothAddresses = Object.assign(new AggregateError([refused], ""), {
      code: "ECONNREFUSED",
    });
    expect(describeConnectionError(bothAddresses)).toContain("10.0.0.9:5432 (connection refused)");
    expect(describeConnectionError(undefined)).not.toContain("\n");
    const login = Object.assign(new Error('password authentication failed for user "app"'), {
      code: "28P01",
      severity: "FATAL",
    });
    expect(describeConnectionError(login)).toContain("refused the login");
    const missing = Object.assign(new Error('database "gone" does not exist'), { code: "3D000" });
    expect(describeConnectionError(missing)).toContain('"gone" does not exist');
  });

  it("passes a configuration error through unchanged", () => {
    const error = new DatabaseConfigError("DATABASE_URL is wrong.");
    expect(describeConnectionError(error)).toBe(error.message);
  });
});

describe.skipIf(testServerUrl() === undefined)(
  "migrations on PostgreSQL (TEST_DATABASE_URL)",
  () => {
    let target: TestDatabase;
    let db: Database;
    beforeAll(async () => {
      target = await createTestDatabase();
      db = createDatabase(target.url);
    });
    afterAll(async () => {
      await db?.close();
      await target?.drop();
    });

    it("applies every migration once and records it", async () => {
      const onDisk = await migrationNamesOnDisk();
      expect(await pendingMigrations(db)).toEqual(onDisk);
      expect(await applyMigrations(db)).toEqual(onDisk);
      const tables = await tableNames(db);
      for (const model of Object.values(Prisma.ModelName)) expect(tables).toContain(model);
      expect(await migrationStatus(db)).toEqual({
        applied: onDisk,
        pending: [],
        failed: [],
        unknown: [],
      });
      expect(await applyMigrations(db)).toEqual([]);
    });

    it("leaves no advisory lock behind for the next migrator", async () => {
      const [{ n } = { n: -1 }] = await db.prisma.$queryRaw<{ n: number }[]>`
      SELECT count(*)::int AS n FROM pg_locks WHERE locktype = 'advisory'
        AND database = (SELECT oid FROM pg_database WHERE datname = current_database())`;
      expect(n).toBe(0);
    });

    it("rolls a failing migration back as a whole", async () => {
      const scratch = await createTestDatabase();
      const dir = await makeTempDir();
      const other = createDatabase(scratch.url);
      try {
        await writeBrokenHistory(dir);
        await expect(applyMigrations(other, { migrationsDir: dir })).rejects.toBeInstanceOf(
          SchemaEngineError,
        );
        const tables = await tableNames(other);
        expect(tables).toContain("good");
        expect(tables).not.toContain("half");
        expect(await migrationStatus(other, { migrationsDir: dir })).toMatchObject({
          failed: ["002_bad"],
        });
      } finally {
        await other.close();
        await scratch.drop();
        await rm(dir, { recursive: true, force: true });
      }
    });

    it("names a missing database in one sentence", async () => {
      const url = new URL(target.url);
      url.pathname = `/${target.name}_missing`;
      const missing = createDatabase(url.toString());
      try {
        const error = await missing.prisma.$queryRaw`SELECT 1`.then(
          () => undefined,
          (e: unknown) => e,
        );
        expect(describeConnectionError(error)).toContain(`"${target.name}_missing" does not exist`);
      } finally {
        await missing.close();
      }
    });
  },
);

describe("a PGlite data directory", () => {
  it("is refused to a second database while the first has it open, and freed on close", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "newsgraph-lock-"));
    const first = createDatabase(`pglite:${dir}`);
    await first.prisma.$queryRaw`SELECT 1`;
    // Same process here, so pretend the lock belongs to another live process (our parent).
    writeFileSync(path.join(dir, "newsgraph.pid"), String(process.ppid));
    expect(() => createDatabase(`pglite:${dir}`)).toThrow(/in use by process/);
    expect(describeConnectionError(captureError(() => createDatabase(`pglite:${dir}`)))).toContain(
      "is in use",
    );
    await first.close();
    const second = createDatabase(`pglite:${dir}`);
    await second.prisma.$queryRaw`SELECT 1`;
    await second.close();
  });

  it("takes over a lock left by a process that no longer runs", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "newsgraph-lock-"));
    writeFileSync(path.join(dir, "newsgraph.pid"), "999999999");
    const db = createDatabase(`pglite:${dir}`);
    await db.prisma.$queryRaw`SELECT 1`;
    await db.close();
  });
});

function captureError(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return error;
  }
  throw new Error("expected an error");
}
