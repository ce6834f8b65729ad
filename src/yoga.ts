// The HTTP/GraphQL server as a fetch handler: main.ts listens with it, tests call yoga.fetch.
import { renderGraphiQL } from "@graphql-yoga/render-graphiql";
import { createYoga, type Plugin } from "graphql-yoga";
import type { Registry } from "prom-client";
import { authenticate } from "./auth/context.ts";
import { type Config, introspectionEnabled, loadConfig } from "./config.ts";
import { createLogger, type Logger } from "./logger.ts";
import { useConnectionArgumentLimits } from "./plugins/connection-arguments.ts";
import { useHealth } from "./plugins/health.ts";
import { requestIdOf, useObservability, yogaLogging } from "./plugins/observability.ts";
import {
  loadPersistedOperations,
  type PersistedOperations,
  usePersistedOperationsFile,
} from "./plugins/persisted-operations.ts";
import { CSRF_HEADERS, queryLimitPlugins } from "./plugins/query-limits.ts";
import { useSqlTrace } from "./plugins/sql-trace.ts";
import { useUnexpectedErrors } from "./plugins/unexpected-errors.ts";
import { useWebApp } from "./plugins/web-app.ts";
import { type ChangePubSub, usePubSub } from "./pubsub.ts";
import { MAX_PAGE_SIZE } from "./schema/builder.ts";
import type { Context } from "./schema/context.ts";
import { schema } from "./schema/index.ts";

const EXAMPLE_QUERY = `# Who claimed what, when, about which event, where in the text
{
  documents(first: 5) {
    totalCount
    edges {
      node {
        title
        claims(first: 10) {
          edges {
            node {
              text
              quote
              claimant { name kind }
              statedAt { start precision text }
              span { start end text }
              event { title }
            }
          }
        }
      }
    }
  }
  actor(name: "Kyiv") { name aliases }
}
`;

export interface ServerOptions {
  /** The checked configuration; default: the environment, read now. */
  config?: Config;
  /**
   * Add `extensions.sql = { statements, ms }` to every response: the SQL statements Prisma sent
   * for that request and the time spent in them. Default: GRAPHQL_SQL_TRACE.
   */
  sqlTrace?: boolean;
  /**
   * Where this server's mutations publish and its subscriptions listen. Default: the
   * process-wide pub/sub (REDIS_URL, see src/pubsub.ts). The caller closes the one it passes.
   */
  pubsub?: ChangePubSub;
  /** Where this server logs (JSON lines); default: stdout at LOG_LEVEL. */
  logger?: Logger;
  /** Where /metrics reads from; default: a registry of this server's own. */
  metricsRegistry?: Registry;
  /** True once the server is stopping: /ready answers 503. */
  isShuttingDown?: () => boolean;
  /**
   * The persisted operations (loadPersistedOperations(config), which main.ts calls at start);
   * default: read PERSISTED_OPERATIONS_FILE now. null: none.
   */
  persistedOperations?: PersistedOperations | null;
}

export function createServer(options: ServerOptions = {}) {
  const config = options.config ?? loadConfig();
  const { sqlTrace = config.GRAPHQL_SQL_TRACE, pubsub } = options;
  const logger = options.logger ?? createLogger({ level: config.LOG_LEVEL });
  const persisted =
    options.persistedOperations === undefined
      ? loadPersistedOperations(config)
      : options.persistedOperations;
  const introspection = introspectionEnabled(config);
  const plugins: Plugin[] = [
    // /health, /ready; then request ids, request log lines, /metrics (src/plugins).
    useHealth({ ...(options.isShuttingDown ? { isShuttingDown: options.isShuttingDown } : {}) }),
    useObservability({
      logger,
      ...(options.metricsRegistry ? { registry: options.metricsRegistry } : {}),
    }),
    // The front end (web/dist) at / and its client routes (src/plugins/web-app.ts).
    useWebApp({ persistedOnly: config.PERSISTED_ONLY }),
    useConnectionArgumentLimits({ maxPageSize: MAX_PAGE_SIZE }),
    // CSRF, body size, batching, tokens, depth, aliases, directives, cost, timeout, introspection.
    ...queryLimitPlugins(config),
    ...(persisted ? [usePersistedOperationsFile(persisted, { only: config.PERSISTED_ONLY })] : []),
    useUnexpectedErrors(logger),
    ...(sqlTrace ? [useSqlTrace()] : []),
    ...(pubsub ? [usePubSub(pubsub)] : []),
  ];
  return createYoga({
    schema,
    plugins,
    graphqlEndpoint: "/graphql",
    // Authorization: Bearer <key> → caller; a bad key refuses the request with 401 (src/auth).
    context: async ({ request }): Promise<Context> => ({
      requestId: requestIdOf(request),
      caller: await authenticate(request),
      readRequiresKey: config.READ_REQUIRES_KEY,
    }),
    // GraphiQL from a bundled copy: the page works offline and loads nothing from a CDN. Off
    // with introspection (production); it sends the CSRF header with every request.
    graphiql: introspection && {
      title: "newsgraph",
      defaultQuery: EXAMPLE_QUERY,
      additionalHeaders: { [CSRF_HEADERS[0]!]: "graphiql" },
    },
    renderGraphiQL,
    landingPage: false,
    cors: { origin: config.CORS_ORIGINS, credentials: false },
    batching: config.BATCH_LIMIT > 0 && { limit: config.BATCH_LIMIT },
    // MAX_REQUEST_BYTES is enforced by queryLimitPlugins, with an error naming it.
    maxRequestBodySize: false,
    extraParamNames: ["documentId"],
    logging: yogaLogging(logger),
  });
}

export const yoga = createServer();
