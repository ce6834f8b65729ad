// Counts the SQL statements Prisma sends to the database, per unit of work (a GraphQL request).
//
// Prisma 7 with a driver adapter compiles each query in JS and calls the adapter's
// queryRaw/executeRaw from the async context of the code that awaited the Prisma promise, so an
// AsyncLocalStorage opened around that code sees every statement it causes, and none of another
// request's. The adapter wrapper below is where statements are counted: it is the last JS
// boundary before the driver (pg or PGlite), so nothing Prisma sends escapes it.
//
// Transactions count like on the wire: BEGIN is one statement (startTransaction, which issues
// it inside the adapter; plus one for SET TRANSACTION ISOLATION LEVEL when a level is given),
// and COMMIT or ROLLBACK is one more. PrismaPg sends COMMIT/ROLLBACK through the transaction's
// executeRaw (counted there; its commit()/rollback() only release the pooled client), PGlite's
// adapter has no such query ("phantom" transactions) and ends the transaction in commit() /
// rollback(), which is then counted instead. Either way a transaction adds exactly two.
//
// One place in Prisma breaks the async context: its request batcher. findUnique calls made in
// the same tick are queued and sent from a single process.nextTick, scheduled by the first
// caller, so without help every request's findUnique would run in (and count for) the request
// that happened to queue first, and findUniques of two requests could even share one compacted
// statement. traceSqlBatches() below keeps traced requests' batches apart and runs each batch in
// the context of the request that queued it.
import { AsyncLocalStorage } from "node:async_hooks";
import { performance } from "node:perf_hooks";
import type {
  IsolationLevel,
  SqlDriverAdapter,
  SqlDriverAdapterFactory,
  SqlQuery,
  Transaction,
} from "@prisma/driver-adapter-utils";

export interface SqlTrace {
  /** Statements sent to the database. */
  statements: number;
  /** Milliseconds spent waiting for them, summed (statements run concurrently overlap). */
  ms: number;
  /** When present, the text of each statement, in the order they were issued. */
  log?: string[];
}

const storage = new AsyncLocalStorage<SqlTrace>();

/**
 * Runs `fn` with a fresh trace that every statement it causes, directly or not, adds to.
 * `log: true` also records each statement's SQL (for tests and debugging).
 */
export function withSqlTrace<T>(
  fn: () => T,
  options: { log?: boolean } = {},
): { trace: SqlTrace; result: T } {
  const trace: SqlTrace = { statements: 0, ms: 0, ...(options.log ? { log: [] } : {}) };
  return { trace, result: storage.run(trace, fn) };
}

/**
 * Makes Prisma's request batcher respect traces (see the top of this file): while a trace is
 * active, a request's batch key gets the trace's id, so two requests never share a batch, and
 * each batch is sent from the context of the trace that queued it. Untraced requests batch as
 * before. This reaches into Prisma Client internals (`_requestHandler.dataloader`, Prisma
 * 7.10.0); if their shape changes it installs nothing and returns false, and the concurrency
 * test in tests/api-n-plus-one.test.ts fails.
 */
export function traceSqlBatches(prisma: object): boolean {
  const loader = (prisma as { _requestHandler?: { dataloader?: { options?: unknown } } })
    ._requestHandler?.dataloader?.options as
    | {
        batchBy?: (request: object) => string | undefined;
        singleLoader?: (request: object) => Promise<unknown>;
        batchLoader?: (requests: object[]) => Promise<unknown>;
      }
    | undefined;
  const { batchBy, singleLoader, batchLoader } = loader ?? {};
  if (
    loader === undefined ||
    typeof batchBy !== "function" ||
    typeof singleLoader !== "function" ||
    typeof batchLoader !== "function"
  ) {
    return false;
  }
  const traceOf = new WeakMap<object, SqlTrace>();
  const inTraceOf = <T>(request: object | undefined, run: () => T): T => {
    const trace = request === undefined ? undefined : traceOf.get(request);
    return trace === undefined ? run() : storage.run(trace, run);
  };
  // batchBy runs once per request, synchronously in the caller's context.
  loader.batchBy = (request) => {
    const key = batchBy.call(loader, request);
    const trace = storage.getStore();
    if (trace === undefined) return key;
    traceOf.set(request, trace);
    // No key (falsy) means "not batched": the request is sent at once, in the caller's context.
    return key ? `${key}\u0000sql-trace:${traceId(trace)}` : key;
  };
  loader.singleLoader = (request) => inTraceOf(request, () => singleLoader.call(loader, request));
  loader.batchLoader = (requests) =>
    inTraceOf(requests[0], () => batchLoader.call(loader, requests));
  return true;
}

let lastTraceId = 0;
const traceIds = new WeakMap<SqlTrace, number>();
function traceId(trace: SqlTrace): number {
  let id = traceIds.get(trace);
  if (id === undefined) {
    id = ++lastTraceId;
    traceIds.set(trace, id);
  }
  return id;
}

/** `statements` as is, `ms` rounded to hundredths, for a response. */
export function sqlTraceSummary(trace: SqlTrace): SqlTrace {
  return { statements: trace.statements, ms: Math.round(trace.ms * 100) / 100 };
}

/**
 * Counts the statements `sql` (usually one) taking as long as `run` into the current trace.
 * Outside a trace (the only case when tracing is off) this is one getStore() call and the call.
 */
function timed<T>(sql: string | string[], run: () => Promise<T>): Promise<T> {
  const trace = storage.getStore();
  if (trace === undefined) return run();
  const weight = typeof sql === "string" ? 1 : sql.length;
  if (trace.log) trace.log.push(...(typeof sql === "string" ? [sql] : sql));
  const started = performance.now();
  const finish = () => {
    trace.statements += weight;
    trace.ms += performance.now() - started;
  };
  return run().finally(finish);
}

/**
 * Wraps a driver adapter factory so that every adapter it connects, and every transaction those
 * start, count their statements into the current trace. The factory keeps its other methods
 * (connectToShadowDb on a migration-aware factory) and its own state.
 */
export function traceSqlFactory<F extends SqlDriverAdapterFactory>(factory: F): F {
  return Object.assign(Object.create(factory) as F, {
    connect: async (): Promise<SqlDriverAdapter> => traceAdapter(await factory.connect()),
  });
}

function traceAdapter(adapter: SqlDriverAdapter): SqlDriverAdapter {
  // Object.create keeps every other method (dispose, getConnectionInfo …) on the original.
  return Object.assign(Object.create(adapter) as SqlDriverAdapter, {
    queryRaw: (query: SqlQuery) => timed(query.sql, () => adapter.queryRaw(query)),
    executeRaw: (query: SqlQuery) => timed(query.sql, () => adapter.executeRaw(query)),
    executeScript: (script: string) => timed(script, () => adapter.executeScript(script)),
    startTransaction: async (isolationLevel?: IsolationLevel): Promise<Transaction> =>
      traceTransaction(
        await timed(
          isolationLevel ? ["BEGIN", `SET TRANSACTION ISOLATION LEVEL ${isolationLevel}`] : "BEGIN",
          () => adapter.startTransaction(isolationLevel),
        ),
      ),
  });
}

function traceTransaction(tx: Transaction): Transaction {
  // Savepoint methods, where an adapter has them, call this.executeRaw: with the wrapper as
  // `this` they are counted through the override below.
  const ends = tx.options.usePhantomQuery;
  return Object.assign(Object.create(tx) as Transaction, {
    queryRaw: (query: SqlQuery) => timed(query.sql, () => tx.queryRaw(query)),
    executeRaw: (query: SqlQuery) => timed(query.sql, () => tx.executeRaw(query)),
    commit: () => (ends ? timed("COMMIT", () => tx.commit()) : tx.commit()),
    rollback: () => (ends ? timed("ROLLBACK", () => tx.rollback()) : tx.rollback()),
  });
}
