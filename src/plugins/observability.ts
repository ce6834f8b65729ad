// What an operator sees of each request: its id, one log line, and metrics.
//
// - Request id: a well-formed incoming `x-request-id` is kept, anything else replaced by a new
//   UUID. It is returned in the response's `x-request-id`, is `requestId` in the GraphQL context
//   (and so in masked errors, src/plugins/unexpected-errors.ts) and in the request's log line.
// - One JSON log line per request when its response starts: method, path (never the query
//   string: GET operations carry variables there), operation name(s) and type, status, duration,
//   the error codes of the result, request id. Probes (/health, /ready, /metrics) log at debug.
//   Headers are never logged, so neither are API keys.
// - GET /metrics in Prometheus' text format (@graphql-yoga/plugin-prometheus on a registry of
//   this server's own), plus HTTP requests by route and status, GraphQL errors by code and the
//   database pool's connections.
import { randomUUID } from "node:crypto";
import { usePrometheus } from "@graphql-yoga/plugin-prometheus";
import { type DocumentNode, getOperationAST } from "graphql";
import { isAsyncIterable, type Plugin, type YogaLogger } from "graphql-yoga";
import { Counter, Gauge, Registry } from "prom-client";
import type { PoolStats } from "../db/adapter.ts";
import { openDb } from "../db/client.ts";
import type { Logger } from "../logger.ts";

export const REQUEST_ID_HEADER = "x-request-id";
/** Ids of upstream proxies and tracers (UUIDs, ULIDs, hex trace ids …); nothing that could
 * smuggle a line break or markup into a log. */
const WELL_FORMED_ID = /^[A-Za-z0-9][A-Za-z0-9._:@-]{0,127}$/;
const PROBES = new Set(["/health", "/ready", "/metrics"]);

interface RequestRecord {
  id: string;
  start: number;
  operations: { name: string; type: string }[];
  errorCodes: Set<string>;
}

const records = new WeakMap<Request, RequestRecord>();

function begin(request: Request): RequestRecord {
  const incoming = request.headers.get(REQUEST_ID_HEADER)?.trim();
  const record: RequestRecord = {
    id: incoming && WELL_FORMED_ID.test(incoming) ? incoming : randomUUID(),
    start: performance.now(),
    operations: [],
    errorCodes: new Set(),
  };
  records.set(request, record);
  return record;
}

function recordOf(request: Request): RequestRecord {
  return records.get(request) ?? begin(request);
}

/** The id of this request: the same in the response header, the log and masked errors. */
export function requestIdOf(request: Request): string {
  return recordOf(request).id;
}

export interface ObservabilityOptions {
  logger: Logger;
  /** Where this server's metrics live; default a registry of its own. */
  registry?: Registry;
  /** The database whose pool is measured; default the shared one, if open. */
  poolStats?: () => PoolStats | undefined;
}

export function useObservability(options: ObservabilityOptions): Plugin {
  const { logger } = options;
  const registry = options.registry ?? new Registry();
  const metrics = createMetrics(registry, options.poolStats ?? (() => openDb()?.poolStats()));

  const noteOperation = (request: Request | undefined, document: DocumentNode, name?: string) => {
    if (request === undefined) return;
    const operation = getOperationAST(document, name);
    recordOf(request).operations.push({
      name: operation?.name?.value ?? name ?? "anonymous",
      type: operation?.operation ?? "unknown",
    });
  };

  return {
    onPluginInit({ addPlugin }) {
      addPlugin(
        usePrometheus({
          registry,
          endpoint: "/metrics",
          metrics: {
            // Histograms only: a summary keeps a sliding window per label set in memory.
            graphql_envelop_request_time_summary: false,
          },
          labels: {
            // Full URLs (GET operations with their variables) and error paths (list indexes)
            // are unbounded label values.
            url: false,
            path: false,
          },
        }),
      );
    },
    instrumentation: {
      // Wraps the whole handling of every request, the early answers (CORS preflight, GraphiQL,
      // probes) included, so each gets its id and its duration from the start.
      request({ request }, wrapped) {
        begin(request);
        return wrapped();
      },
    },
    onExecute({ args }) {
      noteOperation(args.contextValue.request, args.document, args.operationName ?? undefined);
    },
    onSubscribe({ args }) {
      noteOperation(args.contextValue.request, args.document, args.operationName ?? undefined);
    },
    onExecutionResult({ request, result }) {
      if (result === undefined || isAsyncIterable(result)) return;
      const record = recordOf(request);
      for (const error of result.errors ?? []) {
        const code = error.extensions?.code;
        const label = typeof code === "string" && code.length <= 64 ? code : "NONE";
        record.errorCodes.add(label);
        metrics.graphqlErrors.inc({ code: label });
      }
    },
    onResponse({ request, response, setResponse, fetchAPI }) {
      const record = recordOf(request);
      setResponse(withHeader(fetchAPI, response, REQUEST_ID_HEADER, record.id));
      const path = pathOf(request);
      const route = PROBES.has(path) || path === "/graphql" ? path : "other";
      metrics.httpRequests.inc({ method: request.method, route, status: String(response.status) });
      const probe = PROBES.has(path);
      const level =
        response.status >= 500 ? (probe ? "warn" : "error") : probe ? "debug" : ("info" as const);
      if (!logger.isLevelEnabled(level)) return;
      const line: Record<string, unknown> = {
        requestId: record.id,
        method: request.method,
        path,
        status: response.status,
        durationMs: Math.round((performance.now() - record.start) * 10) / 10,
      };
      if (record.operations.length > 0) {
        line.operation = record.operations.map((o) => o.name).join(",");
        line.operationType = [...new Set(record.operations.map((o) => o.type))].join(",");
      }
      if (record.errorCodes.size > 0) line.errors = [...record.errorCodes];
      if (response.headers.get("content-type")?.includes("text/event-stream")) line.stream = true;
      logger[level](line, "request");
    },
  };
}

/** Yoga's own messages (debug details, a request it could not parse) as log lines. */
export function yogaLogging(logger: Logger): YogaLogger {
  const child = logger.child({ component: "yoga" });
  const write =
    (level: "debug" | "info" | "warn" | "error") =>
    (...args: unknown[]) => {
      const [first, ...rest] = args;
      if (first instanceof Error) child[level]({ err: first }, first.message);
      else child[level]([first, ...rest].map((arg) => String(arg)).join(" "));
    };
  return { debug: write("debug"), info: write("info"), warn: write("warn"), error: write("error") };
}

function createMetrics(registry: Registry, poolStats: () => PoolStats | undefined) {
  const registers = [registry];
  // Read at each scrape; 0 while no database is open.
  const poolGauge = (name: string, help: string, read: (stats: PoolStats) => number) =>
    new Gauge({
      name,
      help,
      registers,
      collect() {
        const stats = poolStats();
        this.set(stats === undefined ? 0 : read(stats));
      },
    });
  poolGauge(
    "newsgraph_db_pool_total_connections",
    "Open connections to the database (PGlite: 1, its one in-process connection)",
    (s) => s.total,
  );
  poolGauge(
    "newsgraph_db_pool_idle_connections",
    "Open connections not in use (PGlite: 0)",
    (s) => s.idle,
  );
  poolGauge(
    "newsgraph_db_pool_waiting_requests",
    "Queries waiting for a free connection",
    (s) => s.waiting,
  );
  poolGauge("newsgraph_db_pool_max_connections", "Size limit of the pool", (s) => s.max);
  return {
    httpRequests: new Counter({
      name: "newsgraph_http_requests_total",
      help: "HTTP requests by method, route (/graphql, /health, /ready, /metrics or other) and status",
      labelNames: ["method", "route", "status"] as const,
      registers,
    }),
    graphqlErrors: new Counter({
      name: "newsgraph_graphql_errors_total",
      help: "Errors in GraphQL results by extensions.code (NONE when there is none)",
      labelNames: ["code"] as const,
      registers,
    }),
  };
}

function pathOf(request: Request): string {
  try {
    return new URL(request.url, "http://localhost").pathname;
  } catch {
    return "?";
  }
}

/** Sets a header, copying the response when its headers are immutable. */
function withHeader(
  fetchAPI: { Response: typeof Response; Headers: typeof Headers },
  response: Response,
  name: string,
  value: string,
): Response {
  try {
    response.headers.set(name, value);
    return response;
  } catch {
    const headers = new fetchAPI.Headers(response.headers);
    headers.set(name, value);
    return new fetchAPI.Response(response.body, {
      status: response.status,
      statusText: response.statusText,
      headers,
    });
  }
}
