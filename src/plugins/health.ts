// Probes, outside GraphQL:
// - GET /health — liveness: the process answers. 200 {"status":"ok"}, nothing else is checked
//   (a database outage must not get the process restarted: it recovers by itself).
// - GET /ready — readiness: the database answers and every migration on disk is applied.
//   200 {"status":"ok"}; otherwise 503 {"status":"unavailable","reason":"…"} (plus `pending` or
//   `failed` migration names), within READY_TIMEOUT_MS even when the database does not answer,
//   and while the server shuts down.
import type { Plugin } from "graphql-yoga";
import { type Database, getDb } from "../db/client.ts";
import { describeConnectionError, isDatabaseUnavailable } from "../db/errors.ts";
import { migrationStatus } from "../db/migrator.ts";

export const READY_TIMEOUT_MS = 2_000;

export type Readiness =
  | { ready: true }
  | { ready: false; reason: string; pending?: string[]; failed?: string[] };

export interface ReadinessOptions {
  /** Give up on the database after this long; default READY_TIMEOUT_MS. */
  timeoutMs?: number;
  /** Default prisma/migrations. */
  migrationsDir?: string;
}

/** Is `db` reachable and fully migrated? Two plain queries; never throws. */
export async function checkReadiness(
  db: Database,
  options: ReadinessOptions = {},
): Promise<Readiness> {
  const timeoutMs = options.timeoutMs ?? READY_TIMEOUT_MS;
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<"timeout">((resolve) => {
    timer = setTimeout(() => resolve("timeout"), timeoutMs);
    timer.unref();
  });
  try {
    const status = await Promise.race([
      migrationStatus(db, options.migrationsDir ? { migrationsDir: options.migrationsDir } : {}),
      timeout,
    ]);
    if (status === "timeout") {
      return { ready: false, reason: `database unreachable: no answer within ${timeoutMs} ms` };
    }
    if (status.failed.length > 0) {
      return {
        ready: false,
        reason: `${count(status.failed.length, "migration")} failed and must be resolved`,
        failed: status.failed,
      };
    }
    if (status.pending.length > 0) {
      return {
        ready: false,
        reason: `${count(status.pending.length, "migration")} pending`,
        pending: status.pending,
      };
    }
    return { ready: true };
  } catch (error) {
    const why = describeConnectionError(error);
    return {
      ready: false,
      reason: isDatabaseUnavailable(error)
        ? `database unreachable: ${why}`
        : `database check failed: ${why}`,
    };
  } finally {
    clearTimeout(timer);
  }
}

export interface HealthOptions extends ReadinessOptions {
  /** The database to check; default the shared one. */
  database?: () => Database;
  /** True once the server is stopping: /ready answers 503 so balancers drain it. */
  isShuttingDown?: () => boolean;
}

export function useHealth(options: HealthOptions = {}): Plugin {
  const database = options.database ?? getDb;
  // Probes arriving together share one check.
  let checking: Promise<Readiness> | undefined;
  const ready = async (): Promise<Readiness> => {
    if (options.isShuttingDown?.()) return { ready: false, reason: "shutting down" };
    checking ??= checkReadiness(database(), options).finally(() => {
      checking = undefined;
    });
    return checking;
  };
  return {
    onRequest({ url, endResponse, fetchAPI }) {
      if (url.pathname === "/health") {
        endResponse(json(fetchAPI, 200, { status: "ok" }));
      } else if (url.pathname === "/ready") {
        return ready().then((readiness) => {
          if (readiness.ready) endResponse(json(fetchAPI, 200, { status: "ok" }));
          else {
            const { ready: _, ...details } = readiness;
            endResponse(json(fetchAPI, 503, { status: "unavailable", ...details }));
          }
        });
      }
    },
    onResponse({ request, response, setResponse, fetchAPI }) {
      // Yoga's built-in health check answers /health before any plugin, with an empty body.
      if (response.headers.has("x-yoga-id") && new URL(request.url).pathname === "/health") {
        setResponse(json(fetchAPI, 200, { status: "ok" }));
      }
    },
  };
}

function json(fetchAPI: { Response: typeof Response }, status: number, body: unknown): Response {
  return new fetchAPI.Response(JSON.stringify(body), {
    status,
    headers: { "content-type": "application/json; charset=utf-8", "cache-control": "no-store" },
  });
}

function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? "" : "s"}`;
}
