// The running service: prepare the database (migrate, seed when empty), listen, and stop
// gracefully. src/main.ts is the command-line entry around it; tests start it on port 0.
//
// stop(): the listening socket closes at once (new connections are refused) and /ready answers
// 503; requests in flight finish, each answered with `Connection: close` so no keep-alive
// connection takes another; subscription streams (SSE never ends by itself) are cut after
// STREAM_GRACE_MS, and whatever is still open after SHUTDOWN_GRACE_MS; then the pub/sub and the
// database are closed.
import { createServer as createHttpServer, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { fileURLToPath } from "node:url";
import { collectDefaultMetrics, Registry } from "prom-client";
import type { Config } from "./config.ts";
import { type Database, getDb, openDb } from "./db/client.ts";
import { describeConnectionError } from "./db/errors.ts";
import { applyMigrations } from "./db/migrator.ts";
import { SeedError, seedDirectory } from "./domain/seeding.ts";
import { createLogger, type Logger } from "./logger.ts";
import { type ChangePubSub, closePubSub, createChangePubSub } from "./pubsub.ts";
import { createServer } from "./yoga.ts";

const SEEDS_DIR = fileURLToPath(new URL("../seeds/", import.meta.url));

/** How long subscription streams may stay open once stopping (at most the grace period). */
export const STREAM_GRACE_MS = 2_000;

/** Why the server could not start, in one sentence (no stack trace needed). */
export class StartError extends Error {
  override name = "StartError";
}

export interface StartOptions {
  /** Default: stdout at config.LOG_LEVEL. */
  logger?: Logger;
  /** Apply pending migrations and seed an empty database first, as `npm start` does. Default true. */
  prepare?: boolean;
  /** Default: one made from config (REDIS_URL). stop() closes it either way. */
  pubsub?: ChangePubSub;
}

export interface StopReport {
  /** From stop() to everything closed. */
  ms: number;
  /** Requests in flight when stop() began. */
  inFlight: number;
  /** Connections cut: subscription streams, and requests still running after the grace period. */
  cut: number;
}

export interface RunningServer {
  /** `http://host:port`: /graphql, /health, /ready and /metrics are under it. */
  url: string;
  port: number;
  db: Database;
  pubsub: ChangePubSub;
  /** HTTP requests received and not answered yet (open streams included). */
  inFlight(): number;
  /** Stops gracefully (see the top of this file); later calls return the same promise. */
  stop(): Promise<StopReport>;
}

/**
 * Serves `config` on config.HOST:config.PORT (0: a free port). The database is the process-wide
 * one (src/db/client.ts), opened from config.DATABASE_URL. Throws StartError when the database
 * cannot be prepared or the port cannot be had, having closed what it opened.
 */
export async function startServer(
  config: Config,
  options: StartOptions = {},
): Promise<RunningServer> {
  const logger = options.logger ?? createLogger({ level: config.LOG_LEVEL });
  let db: Database;
  try {
    db = openDatabase(config);
  } catch (error) {
    throw error instanceof StartError ? error : new StartError(describeConnectionError(error));
  }
  const pubsub =
    options.pubsub ??
    createChangePubSub({
      redisUrl: config.REDIS_URL,
      channelPrefix: config.REDIS_CHANNEL_PREFIX,
      log: (line) => logger.warn(line),
    });
  const release = async () => {
    await pubsub.close().catch(() => {});
    await closePubSub().catch(() => {});
    await db.close().catch(() => {});
  };

  if (options.prepare ?? true) {
    try {
      await prepareDatabase(db, logger);
    } catch (error) {
      await release();
      throw new StartError(
        error instanceof SeedError ? error.message : describeConnectionError(error),
      );
    }
  }

  let stopping: Promise<StopReport> | undefined;
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const yoga = createServer({
    config,
    logger,
    pubsub,
    metricsRegistry: registry,
    isShuttingDown: () => stopping !== undefined,
  });

  // Every request until its response is done or its connection gone; `stream`: a subscription.
  const active = new Map<ServerResponse, { stream: boolean }>();
  const http = createHttpServer(yoga);
  http.on("request", (request, response: ServerResponse) => {
    const stream = request.headers.accept?.includes("text/event-stream") ?? false;
    active.set(response, { stream });
    if (stopping !== undefined) response.setHeader("connection", "close");
    response.once("close", () => active.delete(response));
  });

  try {
    await new Promise<void>((resolve, reject) => {
      http.once("error", reject);
      http.listen(config.PORT, config.HOST, () => {
        http.off("error", reject);
        resolve();
      });
    });
  } catch (error) {
    await release();
    const code = (error as NodeJS.ErrnoException).code;
    const reason =
      code === "EADDRINUSE"
        ? `port ${config.PORT} is already in use (set PORT)`
        : code === "EACCES"
          ? `no permission to listen on port ${config.PORT} (set PORT)`
          : error instanceof Error
            ? error.message
            : String(error);
    throw new StartError(`cannot listen on ${config.HOST}:${config.PORT}: ${reason}`);
  }
  http.on("error", (error) => logger.error({ err: error }, "HTTP server error"));

  const { port } = http.address() as AddressInfo;
  const host = config.HOST.includes(":") ? `[${config.HOST}]` : config.HOST;
  const url = `http://${host}:${port}`;
  logger.info(
    { url, database: db.describe, pubsub: pubsub.description },
    `newsgraph on ${db.describe}: the reader at ${url}/, GraphQL and GraphiQL at ${url}${yoga.graphqlEndpoint}`,
  );

  const stop = async (): Promise<StopReport> => {
    const started = performance.now();
    const graceMs = config.SHUTDOWN_GRACE_MS;
    const inFlight = active.size;
    logger.info(
      { inFlight, graceMs },
      "stopping: refusing new connections, finishing the requests in flight",
    );
    const closed = new Promise<void>((resolve) => http.close(() => resolve()));
    for (const response of active.keys()) {
      if (!response.headersSent) response.setHeader("connection", "close");
    }
    // Keep-alive connections between two requests take no new one.
    http.closeIdleConnections();
    const sweep = setInterval(() => http.closeIdleConnections(), 100);
    let cut = 0;
    const cutStreams = setTimeout(
      () => {
        for (const [response, { stream }] of active) {
          if (!stream) continue;
          cut += 1;
          response.destroy();
        }
      },
      Math.min(STREAM_GRACE_MS, graceMs),
    );
    const cutAll = setTimeout(() => {
      if (active.size > 0) {
        logger.warn(
          { requests: active.size, graceMs },
          "grace period over: cutting the requests still running",
        );
      }
      cut += active.size;
      http.closeAllConnections();
    }, graceMs);
    await closed;
    clearInterval(sweep);
    clearTimeout(cutStreams);
    clearTimeout(cutAll);
    await release();
    const report = { ms: Math.round(performance.now() - started), inFlight, cut };
    logger.info(report, "stopped: connections, pub/sub and database closed");
    return report;
  };

  return {
    url,
    port,
    db,
    pubsub,
    inFlight: () => active.size,
    stop: () => {
      stopping ??= stop();
      return stopping;
    },
  };
}

/**
 * The process-wide database (every resolver uses it) for config.DATABASE_URL. Both come from
 * the environment in `npm start`; a test may hand over a config of its own.
 */
function openDatabase(config: Config): Database {
  const wanted = config.DATABASE_URL?.trim() ?? "";
  if ((process.env.DATABASE_URL?.trim() ?? "") !== wanted) {
    if (openDb() !== undefined) {
      throw new StartError("another database is already open in this process");
    }
    process.env.DATABASE_URL = wanted;
  }
  return getDb();
}

async function prepareDatabase(db: Database, logger: Logger): Promise<void> {
  const applied = await applyMigrations(db);
  if (applied.length > 0) {
    logger.info({ migrations: applied }, `applied migrations: ${applied.join(", ")}`);
  }
  if ((await db.prisma.document.count()) === 0) {
    const seeded = await seedDirectory(db.prisma, SEEDS_DIR);
    logger.info({ documents: seeded.length }, `seeded ${seeded.length} document(s) from seeds/`);
  }
}
