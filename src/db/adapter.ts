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
  /** The connections right now, for metrics. */
  stats(): PoolStats;
  /** Ends the pg pool or closes PGlite; safe to call twice. */
  close(): Promise<void>;
}

/**
 * A pg pool's connections: open (`total`), of which `idle`, and queries `waiting` for one.
 * PGlite is one in-process connection, reported as total 1, idle 0, waiting 0, max 1.
 */
export interface PoolStats {
  total: number;
  idle: number;
  waiting: number;
  max: number;
}

export interface AdapterOptions {
  /** PostgreSQL pool size; ignored for PGlite, which is a single in-process connection. */
  maxConnections?: number;
  /**
   * PostgreSQL: the server cancels a statement running longer than this (0: never).
   * Default DEFAULT_STATEMENT_TIMEOUT_MS; migrations turn it off.
   */
  statementTimeoutMs?: number;
}

/**
 * A connection attempt that gets no answer gives up after this long, so requests fail fast
 * (DATABASE_UNAVAILABLE) while the server is away instead of hanging; a refused connection fails
 * at once anyway. pg's own default is to wait forever.
 */
export const CONNECT_TIMEOUT_MS = 2_000;
/** No query of this API needs more; a stuck one (a lock, a runaway plan) is cancelled. */
export const DEFAULT_STATEMENT_TIMEOUT_MS = 30_000;

export function createAdapter(config: DatabaseConfig, options: AdapterOptions = {}): AdapterHandle {
  return config.kind === "pglite"
    ? createPGliteAdapter(config.dataDir)
    : createPostgresAdapter(config.url, options);
}

/**
 * A pg.Client whose connection attempts give up after CONNECT_TIMEOUT_MS. The timeout goes here
 * rather than in the pool's options because pg-pool applies its `connectionTimeoutMillis` to a
 * request waiting for a free client too: with every client busy for 2 s (50 concurrent searches
 * in the benchmark) requests failed as "unreachable" while the server was fine. A wait for a free
 * client is bounded by the execution timeout instead.
 */
class ConnectTimeoutClient extends pg.Client {
  constructor(config?: string | pg.ClientConfig) {
    const base = typeof config === "string" ? { connectionString: config } : (config ?? {});
    super({ ...base, connectionTimeoutMillis: CONNECT_TIMEOUT_MS });
  }
}

function createPostgresAdapter(url: string, options: AdapterOptions): AdapterHandle {
  const statementTimeout = options.statementTimeoutMs ?? DEFAULT_STATEMENT_TIMEOUT_MS;
  const pool = new pg.Pool({
    connectionString: url,
    ...(options.maxConnections === undefined ? {} : { max: options.maxConnections }),
    Client: ConnectTimeoutClient,
    ...(statementTimeout > 0 ? { statement_timeout: statementTimeout } : {}),
    // Notices a server that vanished without closing the socket (a dead host, a cut network).
    keepAlive: true,
    keepAliveInitialDelayMillis: 10_000,
    application_name: "newsgraph",
  });
  // An idle client dropped by the server (a restart, an outage) must not crash the process: the
  // pool forgets it, and the next query opens a new connection once the server is back.
  pool.on("error", () => {});
  // pool.end() resolves once every connection has been asked to close, not once it has: a
  // session (and its advisory locks: the migrator's) could outlive close(). Count them out.
  const open = new Set<pg.PoolClient>();
  pool.on("connect", (client) => open.add(client));
  pool.on("remove", (client) => open.delete(client));
  const allClosed = (timeoutMs: number) =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(done, timeoutMs);
      function done() {
        clearTimeout(timer);
        pool.off("remove", check);
        resolve();
      }
      function check() {
        if (open.size === 0) done();
      }
      pool.on("remove", check);
      check();
    });
  let closed: Promise<void> | undefined;
  return {
    factory: new PostgresAdapterFactory(pool),
    stats: () => ({
      total: pool.totalCount,
      idle: pool.idleCount,
      waiting: pool.waitingCount,
      max: pool.options.max,
    }),
    close: () => (closed ??= pool.end().then(() => allClosed(5_000))),
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
    stats: () => ({ total: client.closed ? 0 : 1, idle: 0, waiting: 0, max: 1 }),
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
