// Shared by the three servers (each a child process of the harness): counts every statement
// sent through node-postgres (pg.Client#query, which Pool#query and Prisma's and PostGraphile's
// adapters all end in) and answers the harness' /__bench/* requests.
import type { IncomingMessage, ServerResponse } from "node:http";
import pg from "pg";

let statements = 0;
const query = pg.Client.prototype.query as (...args: unknown[]) => unknown;
pg.Client.prototype.query = function (this: pg.Client, ...args: unknown[]) {
  statements++;
  return query.apply(this, args);
} as typeof pg.Client.prototype.query;

/** Answers /__bench/stats (statements so far, RSS) and /__bench/reset; false for anything else. */
export function benchRoute(req: IncomingMessage, res: ServerResponse): boolean {
  if (!req.url?.startsWith("/__bench/")) return false;
  if (req.url === "/__bench/reset") statements = 0;
  res.writeHead(200, { "content-type": "application/json" });
  res.end(JSON.stringify({ statements, rss: process.memoryUsage().rss }));
  return true;
}

/** Prints the listening port for the harness, which waits for this line. */
export function announce(port: number): void {
  console.log(`BENCH_LISTENING ${port}`);
}
