// The database going away and coming back under a running server: a PostgreSQL cluster of the
// test's own (initdb/pg_ctl, loopback, temporary directory) is stopped with `pg_ctl stop -m fast`
// and started again while a light load runs. Requests fail fast and cleanly (HTTP 200, code
// DATABASE_UNAVAILABLE, never a hang or a 5xx), /ready turns 503, and the same server process
// serves again once PostgreSQL is back, with every acknowledged write in place.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadConfig } from "../src/config.ts";
import { getDb } from "../src/db/client.ts";
import { createLogger } from "../src/logger.ts";
import { type RunningServer, startServer } from "../src/server.ts";
import { createTestKey } from "./support/api-keys.ts";
import { getPath, type Outcome, postGraphQL, runWorkers, sleep } from "./support/http-client.ts";
import {
  createThrowawayPostgres,
  type ThrowawayPostgres,
  throwawaySkipReason,
} from "./support/throwaway-postgres.ts";

const skipReason = throwawaySkipReason();
if (skipReason) console.warn(`PostgreSQL restart test skipped: ${skipReason}`);

type Phase = "up" | "stopping" | "down" | "starting" | "back";

const READ = "query Read { documents(first: 5) { totalCount edges { node { title } } } }";
const SEARCH = "query Find($q: String!) { search(query: $q, first: 5) { totalCount } }";
const WRITE = `mutation Write($in: CreateDocumentInput!) {
  createDocument(input: $in) {
    __typename
    ... on CreateDocumentPayload { created document { id } }
  }
}`;

describe.skipIf(skipReason !== undefined)("PostgreSQL stopped and started under load", () => {
  let pg: ThrowawayPostgres;
  let server: RunningServer;
  let key = "";
  const lines: string[] = [];

  beforeAll(async () => {
    pg = await createThrowawayPostgres();
    await pg.start();
    process.env.DATABASE_URL = pg.url;
    const logger = createLogger({ destination: { write: (line) => lines.push(line) } });
    const config = { ...loadConfig(), PORT: 0, HOST: "127.0.0.1", SHUTDOWN_GRACE_MS: 3_000 };
    server = await startServer(config, { logger }); // migrates and seeds the new cluster
    key = await createTestKey(["write"]);
  }, 120_000);

  afterAll(async () => {
    await server?.stop();
    await pg?.destroy();
  }, 60_000);

  it("fails fast with DATABASE_UNAVAILABLE, turns /ready 503, and recovers by itself", async () => {
    const base = server.url;
    let phase: Phase = "up";
    let running = true;
    const outcomes: (Outcome & { phase: Phase; kind: string })[] = [];
    const acknowledged: string[] = [];

    const load = runWorkers(
      3,
      () => !running,
      async (worker, i) => {
        const sentIn = phase;
        let outcome: Outcome;
        let kind: string;
        if (worker === 0) {
          kind = "read";
          outcome = await postGraphQL(base, READ);
        } else if (worker === 1) {
          kind = "search";
          outcome = await postGraphQL(base, SEARCH, { q: i % 2 ? "prisoner exchange" : "Belarus" });
        } else {
          kind = "write";
          const body = `Restart test write ${i}, ${Date.now()}-${Math.random()}: soldiers held in Belarus.`;
          outcome = await postGraphQL(
            base,
            WRITE,
            { in: { title: `Restart ${i}`, body } },
            { token: key },
          );
          const id = outcome.data?.createDocument?.document?.id;
          if (typeof id === "string") acknowledged.push(id);
        }
        // A request sent in one phase and answered in the next belongs to the transition.
        const answeredIn = phase;
        outcomes.push({
          ...outcome,
          kind,
          phase:
            sentIn === answeredIn
              ? sentIn
              : sentIn === "up" || sentIn === "stopping"
                ? "stopping"
                : "starting",
        });
        await sleep(20);
      },
    );

    try {
      await sleep(1_500);

      phase = "stopping";
      await pg.stop();
      phase = "down";
      const started = performance.now();
      let ready = await getPath(base, "/ready");
      // Idle pooled connections notice the shutdown asynchronously; the first probe may race them.
      while (ready.status === 200 && performance.now() - started < 3_000) {
        await sleep(100);
        ready = await getPath(base, "/ready");
      }
      expect(ready.status).toBe(503);
      expect(ready.ms).toBeLessThan(3_000);
      expect(ready.body).toMatchObject({ status: "unavailable" });
      expect(ready.body.reason).toMatch(/^database unreachable: /);
      expect((await getPath(base, "/health")).status).toBe(200);
      await sleep(2_000);

      phase = "starting";
      await pg.start();
      const restarted = performance.now();
      while ((await getPath(base, "/ready")).status !== 200) {
        expect(performance.now() - restarted).toBeLessThan(20_000);
        await sleep(100);
      }
      phase = "back";
      await sleep(2_000);
    } finally {
      running = false;
      await load;
    }

    const summary = Object.fromEntries(
      (["up", "stopping", "down", "starting", "back"] as const).map((p) => {
        const of = outcomes.filter((o) => o.phase === p);
        return [
          p,
          {
            requests: of.length,
            ok: of.filter((o) => !o.errors).length,
            unavailable: of.filter(
              (o) => o.errors?.[0]?.extensions?.code === "DATABASE_UNAVAILABLE",
            ).length,
            maxMs: Math.round(Math.max(0, ...of.map((o) => o.ms))),
          },
        ];
      }),
    );
    console.log("restart test:", JSON.stringify(summary));

    // Nothing hung, nothing crashed, no 5xx, no other error than the outage.
    for (const outcome of outcomes) {
      expect(outcome.failure).toBeUndefined();
      expect(outcome.status).toBe(200);
      expect(outcome.ms).toBeLessThan(5_000);
      for (const error of outcome.errors ?? []) {
        expect(error.extensions?.code).toBe("DATABASE_UNAVAILABLE");
        expect(error.message).toBe("The database is unavailable; try again shortly.");
        expect(error.extensions?.requestId).toBe(outcome.requestId);
      }
    }
    // Before and after: everything answered. Down: nothing did.
    for (const p of ["up", "back"] as const) {
      expect(summary[p]!.requests).toBeGreaterThan(5);
      expect(summary[p]!.ok).toBe(summary[p]!.requests);
    }
    expect(summary.down!.requests).toBeGreaterThan(5);
    expect(summary.down!.unavailable).toBe(summary.down!.requests);
    for (const kind of ["read", "search", "write"]) {
      expect(outcomes.some((o) => o.phase === "down" && o.kind === kind)).toBe(true);
      expect(outcomes.some((o) => o.phase === "back" && o.kind === kind && !o.errors)).toBe(true);
    }

    // Every write the API acknowledged is stored.
    // Global ids are base64 of "Document:<id>".
    const ids = acknowledged.map((id) =>
      Number(Buffer.from(id, "base64").toString().split(":")[1]),
    );
    expect(ids.length).toBeGreaterThan(0);
    expect(await getDb().prisma.document.count({ where: { id: { in: ids } } })).toBe(ids.length);

    // The log: one warning per failed request, with its id; never the key.
    const entries = lines.map((line) => JSON.parse(line));
    const warned = new Set(
      entries.filter((e) => e.msg === "database unavailable").map((e) => e.requestId),
    );
    for (const outcome of outcomes.filter((o) => o.errors)) {
      expect(warned.has(outcome.requestId)).toBe(true);
    }
    expect(lines.join("")).not.toContain(key);

    const metrics = String((await getPath(base, "/metrics")).body);
    const unavailable =
      /^newsgraph_graphql_errors_total\{code="DATABASE_UNAVAILABLE"\} (\d+)$/m.exec(metrics);
    expect(Number(unavailable?.[1])).toBeGreaterThanOrEqual(summary.down!.requests);
    expect(metrics).toMatch(/^newsgraph_db_pool_max_connections 10$/m);
  }, 90_000);
});
