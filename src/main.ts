// `npm start`: migrate, seed an empty database, serve GraphQL, stop cleanly on SIGINT/SIGTERM.
import { createServer } from "node:http";
import { fileURLToPath } from "node:url";
import { closeDb, type Database, getDb } from "./db/client.ts";
import { describeConnectionError } from "./db/errors.ts";
import { applyMigrations } from "./db/migrator.ts";
import { SeedError, seedDirectory } from "./domain/seeding.ts";
import { closePubSub } from "./pubsub.ts";
import { yoga } from "./yoga.ts";

const SEEDS_DIR = fileURLToPath(new URL("../seeds/", import.meta.url));
const port = Number(process.env.PORT ?? 4000);
const host = process.env.HOST ?? "localhost";

async function prepareDatabase(db: Database): Promise<void> {
  const applied = await applyMigrations(db);
  if (applied.length > 0) console.log(`applied migrations: ${applied.join(", ")}`);
  if ((await db.prisma.document.count()) === 0) {
    const seeded = await seedDirectory(db.prisma, SEEDS_DIR);
    console.log(`seeded ${seeded.length} document(s) from seeds/`);
  }
}

let db: Database;
try {
  db = getDb();
  await prepareDatabase(db);
} catch (error) {
  const reason = error instanceof SeedError ? error.message : describeConnectionError(error);
  console.error(`newsgraph cannot start: ${reason}`);
  await closeDb().catch(() => {});
  process.exit(1);
}

const server = createServer(yoga);
server.on("error", (error: NodeJS.ErrnoException) => {
  const reason =
    error.code === "EADDRINUSE" ? `port ${port} is already in use (set PORT)` : error.message;
  console.error(`newsgraph cannot listen on ${host}:${port}: ${reason}`);
  void db.close().finally(() => process.exit(1));
});
server.listen(port, host, () => {
  const url = `http://${host}:${port}${yoga.graphqlEndpoint}`;
  console.log(`newsgraph on ${db.describe}: GraphQL and GraphiQL at ${url}`);
});

let stopping = false;
async function stop(signal: string): Promise<void> {
  if (stopping) return;
  stopping = true;
  console.log(`${signal}: closing`);
  server.closeIdleConnections();
  const closed = new Promise<void>((resolve) => server.close(() => resolve()));
  // Subscriptions (SSE) never end by themselves: requests in flight get a moment, then every
  // connection still open is cut (clients reconnect to another instance).
  const cut = setTimeout(() => server.closeAllConnections(), 2_000);
  await closed;
  clearTimeout(cut);
  await closePubSub();
  await db.close();
  process.exit(0);
}
process.on("SIGINT", () => void stop("SIGINT"));
process.on("SIGTERM", () => void stop("SIGTERM"));
