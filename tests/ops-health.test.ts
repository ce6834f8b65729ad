// Probes, request ids, logs and metrics of the real server (createServer, through yoga.fetch),
// on PGlite; and requests failing fast with DATABASE_UNAVAILABLE when the configured PostgreSQL
// does not answer (a port nothing listens on, a port that accepts and stays silent).
import { readdirSync } from "node:fs";
import { createServer as createTcpServer, type Server, type Socket } from "node:net";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadConfig } from "../src/config.ts";
import { closeDb, getDb } from "../src/db/client.ts";
import { applyMigrations } from "../src/db/migrator.ts";
import { seedDirectory } from "../src/domain/seeding.ts";
import { createLogger } from "../src/logger.ts";
import { createServer } from "../src/yoga.ts";
import { createTestKey } from "./support/api-keys.ts";
import { SEEDS_DIR } from "./support/test-database.ts";
import { freePort } from "./support/throwaway-postgres.ts";

const MIGRATIONS = readdirSync(fileURLToPath(new URL("../prisma/migrations/", import.meta.url)), {
  withFileTypes: true,
}).filter((entry) => entry.isDirectory()).length;

/** A server whose log lines land in `lines`. */
function serverWithLog() {
  const lines: string[] = [];
  const logger = createLogger({
    level: "debug",
    destination: { write: (line) => lines.push(line) },
  });
  const yoga = createServer({ config: { ...loadConfig(), LOG_LEVEL: "debug" }, logger });
  const entries = () => lines.map((line) => JSON.parse(line) as Record<string, any>);
  return { yoga, lines, entries };
}

type Yoga = ReturnType<typeof createServer>;

async function get(yoga: Yoga, path: string, headers: Record<string, string> = {}) {
  const response = await yoga.fetch(`http://yoga${path}`, { headers });
  const text = await response.text();
  const json = response.headers.get("content-type")?.includes("json") ? JSON.parse(text) : text;
  return { status: response.status, body: json, headers: response.headers };
}

async function post(
  yoga: Yoga,
  query: string,
  variables?: Record<string, unknown>,
  headers: Record<string, string> = {},
) {
  const started = performance.now();
  const response = await yoga.fetch("http://yoga/graphql", {
    method: "POST",
    headers: { "content-type": "application/json", accept: "application/json", ...headers },
    body: JSON.stringify({ query, variables }),
  });
  const body = await response.json();
  return {
    status: response.status,
    ms: performance.now() - started,
    requestId: response.headers.get("x-request-id"),
    ...body,
  } as { status: number; ms: number; requestId: string | null; data?: any; errors?: any[] };
}

describe("probes, request ids, logs and metrics (PGlite)", () => {
  const { yoga, lines, entries } = serverWithLog();
  let writeKey = "";

  beforeAll(async () => {
    process.env.DATABASE_URL = "pglite:memory";
    // PGlite starts on its first query (seconds of WebAssembly), not on the probe's clock.
    await getDb().prisma.$queryRaw`SELECT 1`;
  });
  afterAll(async () => {
    await closeDb();
  });

  it("/health answers 200 {status: ok} whatever the database", async () => {
    const health = await get(yoga, "/health");
    expect(health.status).toBe(200);
    expect(health.body).toEqual({ status: "ok" });
    expect(health.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("/ready answers 503 with the reason while migrations are pending", async () => {
    const ready = await get(yoga, "/ready");
    expect(ready.status).toBe(503);
    expect(ready.body).toMatchObject({
      status: "unavailable",
      reason: `${MIGRATIONS} migrations pending`,
    });
    expect(ready.body.pending).toHaveLength(MIGRATIONS);
  });

  it("masks an unexpected error with the request id of the response header and the log", async () => {
    // No tables yet: the query fails inside Prisma, which is neither a GraphQLError nor an outage.
    const result = await post(yoga, "query Broken { documents(first: 1) { totalCount } }");
    expect(result.status).toBe(200);
    expect(result.errors).toHaveLength(1);
    const [error] = result.errors!;
    expect(error.message).toBe("Unexpected error.");
    expect(error.extensions).toEqual({
      code: "INTERNAL_SERVER_ERROR",
      requestId: result.requestId,
    });
    const logged = entries().find((e) => e.msg === "unexpected error");
    expect(logged).toMatchObject({ level: "error", requestId: result.requestId });
    expect(logged?.err?.message).toMatch(/does not exist/);
    const line = entries().find((e) => e.msg === "request" && e.requestId === result.requestId);
    expect(line).toMatchObject({
      method: "POST",
      path: "/graphql",
      status: 200,
      operation: "Broken",
      operationType: "query",
      errors: ["INTERNAL_SERVER_ERROR"],
    });
  });

  it("/ready answers 200 once every migration is applied; /graphql is unaffected", async () => {
    await applyMigrations(getDb());
    await seedDirectory(getDb().prisma, SEEDS_DIR);
    const ready = await get(yoga, "/ready");
    expect(ready).toMatchObject({ status: 200, body: { status: "ok" } });
    const result = await post(yoga, "{ documents(first: 1) { totalCount } }");
    expect(result).toMatchObject({ status: 200, data: { documents: { totalCount: 1 } } });
    expect(result.errors).toBeUndefined();
    // GraphiQL still opens at /graphql.
    const page = await get(yoga, "/graphql", { accept: "text/html" });
    expect(page.status).toBe(200);
    expect(String(page.body)).toContain("newsgraph");
  });

  it("keeps a well-formed incoming x-request-id and replaces anything else", async () => {
    const kept = await post(yoga, "{ __typename }", undefined, { "x-request-id": "lb-7f3a.42:x" });
    expect(kept.requestId).toBe("lb-7f3a.42:x");
    for (const bad of ["has space", "line\u2028break", "<script>", "x".repeat(200)]) {
      const replaced = await yoga.fetch("http://yoga/graphql", {
        method: "POST",
        headers: { "content-type": "application/json", "x-request-id": encodeURI(bad) },
        body: JSON.stringify({ query: "{ __typename }" }),
      });
      const id = replaced.headers.get("x-request-id");
      expect(id).toMatch(/^[0-9a-f-]{36}$/);
    }
  });

  it("logs one JSON line per request with its id, and never an API key", async () => {
    writeKey = await createTestKey(["write"]);
    const secret = writeKey.split("_").at(-1)!;
    const unknownKey = `${writeKey.slice(0, -6)}AAAAAA`;
    const before = lines.length;
    const write = await post(
      yoga,
      "mutation Make($in: CreateDocumentInput!) { createDocument(input: $in) { __typename } }",
      { in: { title: "Logged", body: "A body for the log test." } },
      { authorization: `Bearer ${writeKey}` },
    );
    expect(write.data?.createDocument.__typename).toBe("CreateDocumentPayload");
    const refused = await post(yoga, "{ __typename }", undefined, {
      authorization: `Bearer ${unknownKey}`,
    });
    expect(refused.status).toBe(401);
    const ids = [write.requestId, refused.requestId];

    const text = lines.slice(before).join("");
    expect(text).not.toContain(writeKey);
    expect(text).not.toContain(secret);
    expect(text).not.toContain(unknownKey);
    expect(text.toLowerCase()).not.toContain("bearer");

    const requestLines = entries()
      .slice(before)
      .filter((e) => e.msg === "request");
    expect(requestLines.map((e) => e.requestId)).toEqual(ids);
    for (const line of requestLines) {
      expect(line).toMatchObject({ level: "info", name: "newsgraph", method: "POST" });
      expect(typeof line.time).toBe("string");
      expect(typeof line.durationMs).toBe("number");
    }
    expect(requestLines[0]).toMatchObject({ operation: "Make", operationType: "mutation" });
    expect(requestLines[1]).toMatchObject({ status: 401, errors: ["UNAUTHENTICATED"] });
    // Every line the server wrote is one JSON object.
    for (const line of lines) expect(() => JSON.parse(line)).not.toThrow();
  });

  it("redacts secrets a log call might carry by mistake", () => {
    const captured: string[] = [];
    const logger = createLogger({ destination: { write: (line) => captured.push(line) } });
    logger.info({ headers: { authorization: "Bearer ngk_x_y" }, token: "t0ps3cret" }, "oops");
    expect(captured.join("")).not.toMatch(/ngk_x_y|t0ps3cret/);
    expect(captured.join("")).toContain("[redacted]");
  });

  it("/metrics exposes request counters, latency histograms per operation and pool gauges", async () => {
    for (let i = 0; i < 3; i++)
      await post(yoga, "query Docs { documents(first: 2) { totalCount } }");
    const metrics = await get(yoga, "/metrics");
    expect(metrics.status).toBe(200);
    expect(metrics.headers.get("content-type")).toContain("text/plain");
    const text = String(metrics.body);
    const value = (pattern: RegExp) => Number(pattern.exec(text)?.[1] ?? Number.NaN);
    expect(value(/^graphql_envelop_request\{[^}]*operationName="Docs"[^}]*\} (\d+)$/m)).toBe(3);
    expect(
      value(/^graphql_envelop_request_duration_count\{[^}]*operationName="Docs"[^}]*\} (\d+)$/m),
    ).toBe(3);
    expect(text).toMatch(
      /^graphql_envelop_request_duration_bucket\{le="0\.1",.*operationName="Docs"/m,
    );
    expect(
      value(
        /^graphql_yoga_http_duration_count\{[^}]*statusCode="200"[^}]*operationName="Docs"[^}]*\} (\d+)$/m,
      ),
    ).toBe(3);
    expect(
      value(
        /^newsgraph_http_requests_total\{method="POST",route="\/graphql",status="200"\} (\d+)$/m,
      ),
    ).toBeGreaterThanOrEqual(3);
    expect(value(/^newsgraph_graphql_errors_total\{code="INTERNAL_SERVER_ERROR"\} (\d+)$/m)).toBe(
      1,
    );
    expect(value(/^newsgraph_graphql_errors_total\{code="UNAUTHENTICATED"\} (\d+)$/m)).toBe(1);
    expect(value(/^newsgraph_db_pool_total_connections (\d+)$/m)).toBe(1);
    expect(value(/^newsgraph_db_pool_waiting_requests (\d+)$/m)).toBe(0);
    expect(value(/^newsgraph_db_pool_max_connections (\d+)$/m)).toBe(1);
    // No label carries a URL (GET operations hold their variables there).
    expect(text).not.toMatch(/url="/);
  });
});

describe("a PostgreSQL that does not answer: DATABASE_UNAVAILABLE, fast", () => {
  let silent: Server;
  const sockets = new Set<Socket>();
  let silentPort = 0;
  let closedPort = 0;

  beforeAll(async () => {
    // Accepts connections and never says a word: a hung or black-holed server.
    silent = createTcpServer((socket) => {
      sockets.add(socket);
      socket.on("error", () => {});
    });
    await new Promise<void>((resolve) => silent.listen(0, "127.0.0.1", resolve));
    silentPort = (silent.address() as { port: number }).port;
    closedPort = await freePort();
  });
  afterAll(async () => {
    await closeDb();
    for (const socket of sockets) socket.destroy();
    await new Promise((resolve) => silent.close(resolve));
  });

  for (const [name, port] of [
    ["refusing connections", () => closedPort],
    ["accepting but silent", () => silentPort],
  ] as const) {
    it(`${name}: queries, keyed requests and /ready fail within seconds`, async () => {
      await closeDb();
      process.env.DATABASE_URL = `postgres://postgres@127.0.0.1:${port()}/newsgraph`;
      const { yoga, entries } = serverWithLog();

      const [read, keyed, ready] = await Promise.all([
        post(yoga, 'query Find { search(query: "prisoner") { totalCount } }'),
        // The key is looked up while building the context, before any resolver runs.
        post(yoga, "{ __typename }", undefined, {
          authorization: "Bearer ngk_abcdefabcdef_0123456789abcdef0123456789abcdef0123456789a",
        }),
        (async () => {
          const started = performance.now();
          return { ...(await get(yoga, "/ready")), ms: performance.now() - started };
        })(),
      ]);

      for (const result of [read, keyed]) {
        expect(result.status).toBe(200);
        expect(result.ms).toBeLessThan(5_000);
        expect(result.errors).toEqual([
          expect.objectContaining({
            message: "The database is unavailable; try again shortly.",
            extensions: { code: "DATABASE_UNAVAILABLE", requestId: result.requestId },
          }),
        ]);
      }
      expect(read.data).toBeNull();
      expect(ready.status).toBe(503);
      expect(ready.ms).toBeLessThan(5_000);
      expect(ready.body).toMatchObject({ status: "unavailable" });
      expect(ready.body.reason).toMatch(/^database unreachable: /);

      const warnings = entries().filter((e) => e.msg === "database unavailable");
      expect(warnings.map((e) => e.requestId).sort()).toEqual(
        [read.requestId, keyed.requestId].sort(),
      );
      for (const warning of warnings) {
        expect(warning).toMatchObject({ level: "warn", code: "DATABASE_UNAVAILABLE" });
        expect(warning.reason).toMatch(/database server/);
      }
    });
  }
});
