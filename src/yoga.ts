// The HTTP/GraphQL server as a fetch handler: main.ts listens with it, tests call yoga.fetch.
import { randomUUID } from "node:crypto";
import { renderGraphiQL } from "@graphql-yoga/render-graphiql";
import { createYoga, type Plugin } from "graphql-yoga";
import { authenticate } from "./auth/context.ts";
import { type Config, loadConfig } from "./config.ts";
import { useConnectionArgumentLimits } from "./plugins/connection-arguments.ts";
import { useSqlTrace } from "./plugins/sql-trace.ts";
import { useUnexpectedErrors } from "./plugins/unexpected-errors.ts";
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
}

export function createServer(options: ServerOptions = {}) {
  const config = options.config ?? loadConfig();
  const { sqlTrace = config.GRAPHQL_SQL_TRACE, pubsub } = options;
  const plugins: Plugin[] = [
    useConnectionArgumentLimits({ maxPageSize: MAX_PAGE_SIZE }),
    useUnexpectedErrors(),
    ...(sqlTrace ? [useSqlTrace()] : []),
    ...(pubsub ? [usePubSub(pubsub)] : []),
  ];
  return createYoga({
    schema,
    plugins,
    graphqlEndpoint: "/graphql",
    // Authorization: Bearer <key> → caller; a bad key refuses the request with 401 (src/auth).
    context: async ({ request }): Promise<Context> => ({
      requestId: randomUUID(),
      caller: await authenticate(request),
      readRequiresKey: config.READ_REQUIRES_KEY,
    }),
    // GraphiQL from a bundled copy: the page works offline and loads nothing from a CDN.
    graphiql: { title: "newsgraph", defaultQuery: EXAMPLE_QUERY },
    renderGraphiQL,
    landingPage: false,
  });
}

export const yoga = createServer();
