// newsgraph as the benchmark serves it: its own createServer on node:http, configured from the
// environment the harness gives this process (NODE_ENV=production, DATABASE_URL, ...).
// BENCH_RELATION_LOAD_STRATEGY=query serves the read paths with Prisma's "query" strategy
// instead of the shipped "join", for the join-vs-query comparison.
import { createServer as createHttpServer } from "node:http";
import { loadConfig } from "../../src/config.ts";
import { closeDb, getDb } from "../../src/db/client.ts";
import { setRelationLoadStrategy } from "../../src/db/relation-load-strategy.ts";
import { createServer } from "../../src/yoga.ts";
import { announce, benchRoute } from "./instrument.ts";

const strategy = process.env.BENCH_RELATION_LOAD_STRATEGY;
if (strategy === "query" || strategy === "join") setRelationLoadStrategy(strategy);
else if (strategy)
  throw new Error(`BENCH_RELATION_LOAD_STRATEGY: "join" or "query", not ${strategy}`);
const config = loadConfig(process.env);
const yoga = createServer({ config });
const server = createHttpServer((req, res) => {
  if (!benchRoute(req, res)) void yoga(req, res);
});
await getDb().prisma.$queryRaw`SELECT 1`;
server.listen(Number(process.env.BENCH_PORT ?? 0), "127.0.0.1", () => {
  const address = server.address();
  announce(typeof address === "object" && address ? address.port : 0);
});
process.on("SIGTERM", () => {
  server.closeAllConnections();
  server.close();
  void closeDb().finally(() => process.exit(0));
});
