import { PGlite } from "@electric-sql/pglite";
import { PrismaPg } from "@prisma/adapter-pg";
import {
  DriverAdapterError,
  type SqlDriverAdapter,
  type SqlMigrationAwareDriverAdapterFactory,
} from "@prisma/driver-adapter-utils";
import pg from "pg";
import { PrismaPGlite } from "pglite-prisma-adapter";
import type { DatabaseConfig } from "./config.ts";
import { lockDataDir } from "./data-dir-lock.ts";

/** A driver adapter factory together with the connection resources it owns. */
export interface AdapterHandle {
  factory: SqlMigrationAwareDriverAdapterFactory;
  /** Ends the pg pool or closes PGlite; safe to call twice. */
  close(): Promise<void>;
}

export interface AdapterOptions {
  /** PostgreSQL pool size; ignored for PGlite, which is a single in-process connection. */
  maxConnections?: number;
}

export function createAdapter(config: DatabaseConfig, options: AdapterOptions = {}): AdapterHandle {
  return config.kind === "pglite"
    ? createPGliteAdapter(config.dataDir)
    : createPostgresAdapter(config.url, options.maxConnections);
}

function createPostgresAdapter(url: string, max?: number): AdapterHandle {
  const pool = new pg.Pool({ connectionString: url, ...(max === undefined ? {} : { max }) });
  // An idle client dropped by the server must not crash the process; the next query reconnects.
  pool.on("error", () => {});
  let closed: Promise<void> | undefined;
  return {
    factory: new PostgresAdapterFactory(pool),
    close: () => (closed ??= pool.end()),
  };
}

/**
 * PrismaPg on a pool we own (adapters built on an external pool never end it on dispose),
 * with executeScript sent as one simple-protocol query. PrismaPg 7.10 splits scripts on
 * every ";" and runs the pieces one by one: a ";" inside a comment or string breaks the
 * script, and a failure halfway leaves a half-applied migration behind. Sent whole,
 * PostgreSQL runs a multi-statement script in one implicit transaction, as `prisma migrate
 * deploy` does.
 */
class PostgresAdapterFactory implements SqlMigrationAwareDriverAdapterFactory {
  readonly provider = "postgres";
  readonly adapterName: string;
  readonly #pool: pg.Pool;
  readonly #inner: PrismaPg;

  constructor(pool: pg.Pool) {
    this.#pool = pool;
    this.#inner = new PrismaPg(pool);
    this.adapterName = this.#inner.adapterName;
  }

  async connect(): Promise<SqlDriverAdapter> {
    return withWholeScripts(await this.#inner.connect(), (script) => this.#pool.query(script));
  }

  connectToShadowDb(): Promise<SqlDriverAdapter> {
    // Only `diff` from migrations needs one; PrismaPg creates and drops a scratch database.
    return this.#inner.connectToShadowDb();
  }
}

export function createPGliteAdapter(dataDir: string | null): AdapterHandle {
  const unlock = dataDir === null ? () => {} : lockDataDir(dataDir);
  const client = dataDir === null ? new PGlite() : new PGlite(dataDir);
  let closed: Promise<void> | undefined;
  return {
    factory: new PGliteAdapterFactory(client),
    close: () => (closed ??= (client.closed ? Promise.resolve() : client.close()).finally(unlock)),
  };
}

/**
 * pglite-prisma-adapter 0.7.2 with two fixes the schema engine depends on:
 * - its executeScript does not await PGlite's exec, so a failing migration script is
 *   reported as applied and its error escapes as an unhandled rejection;
 * - its shadow database is a PGlite that is never closed.
 */
class PGliteAdapterFactory implements SqlMigrationAwareDriverAdapterFactory {
  readonly provider = "postgres";
  readonly adapterName: string;
  readonly #client: PGlite;
  readonly #inner: PrismaPGlite;

  constructor(client: PGlite) {
    this.#client = client;
    this.#inner = new PrismaPGlite(client);
    this.adapterName = this.#inner.adapterName;
  }

  async connect(): Promise<SqlDriverAdapter> {
    const client = this.#client;
    return withWholeScripts(await this.#inner.connect(), (script) => client.exec(script));
  }

  async connectToShadowDb(): Promise<SqlDriverAdapter> {
    const shadow = new PGlite();
    const adapter = withWholeScripts(await new PrismaPGlite(shadow).connect(), (script) =>
      shadow.exec(script),
    );
    return Object.assign(Object.create(adapter) as SqlDriverAdapter, {
      dispose: () => shadow.close(),
    });
  }
}

function withWholeScripts(
  adapter: SqlDriverAdapter,
  run: (script: string) => Promise<unknown>,
): SqlDriverAdapter {
  // Object.create keeps every other method working on the original adapter's state.
  return Object.assign(Object.create(adapter) as SqlDriverAdapter, {
    executeScript: async (script: string): Promise<void> => {
      try {
        await run(script);
      } catch (error) {
        throw toDriverAdapterError(error);
      }
    },
  });
}

/**
 * Hands the schema engine the PostgreSQL error itself (it writes it into
 * `_prisma_migrations.logs` and its message) instead of an opaque JS exception.
 * pg and PGlite errors share the shape of PostgreSQL's ErrorResponse.
 */
function toDriverAdapterError(error: unknown): unknown {
  const e = error as Partial<
    Record<"code" | "severity" | "message" | "detail" | "column" | "hint", unknown>
  >;
  if (!(error instanceof Error) || typeof e.code !== "string" || typeof e.severity !== "string") {
    return error;
  }
  const text = (value: unknown) => (typeof value === "string" ? value : undefined);
  return new DriverAdapterError({
    kind: "postgres",
    code: e.code,
    severity: e.severity,
    message: error.message,
    detail: text(e.detail),
    column: text(e.column),
    hint: text(e.hint),
    originalCode: e.code,
    originalMessage: error.message,
  });
}
