// A mixed load on loopback for LOAD_TEST_SECONDS (default 30; CI always runs at least 30):
// concurrent clients reading, searching and writing (createDocument, unique bodies, a write key)
// against startServer on PostgreSQL. No 5xx, no GraphQL error, no request over 10 s, and every
// acknowledged write is stored afterwards.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadConfig } from "../src/config.ts";
import { getDb } from "../src/db/client.ts";
import { createLogger } from "../src/logger.ts";
import { type RunningServer, startServer } from "../src/server.ts";
import { createTestKey } from "./support/api-keys.ts";
import {
  getPath,
  type Outcome,
  percentile,
  postGraphQL,
  runWorkers,
} from "./support/http-client.ts";
import { onPostgres, useTestDatabase } from "./support/test-database.ts";

const requested = Number(process.env.LOAD_TEST_SECONDS ?? 30);
const SECONDS = process.env.CI
  ? Math.max(30, requested || 30)
  : Number.isFinite(requested) && requested > 0
    ? requested
    : 30;

const CLIENTS = { read: 3, search: 2, write: 3 } as const;
const SEARCHES = [
  "prisoner exchange",
  "Belarus",
  "Russian soldiers",
  "Ministry of Defense",
  "-Ukraine captivity",
];

const READ = `query LoadRead {
  documents(first: 10) {
    totalCount
    edges { node { title claims(first: 5) { totalCount edges { node { text claimant { name } } } } } }
  }
}`;
const SEARCH =
  "query LoadSearch($q: String!) { search(query: $q, first: 10) { totalCount edges { rank snippet } } }";
const WRITE = `mutation LoadWrite($in: CreateDocumentInput!) {
  createDocument(input: $in) {
    __typename
    ... on CreateDocumentPayload { created document { id } }
    ... on UserError { message }
  }
}`;

describe.skipIf(!onPostgres())(`mixed load for ${SECONDS} s (PostgreSQL)`, () => {
  useTestDatabase({ seed: true });
  let server: RunningServer;
  let key = "";

  beforeAll(async () => {
    key = await createTestKey(["write"]);
    // The test database is already migrated and seeded; quiet logs (one line per request).
    const logger = createLogger({ level: "warn" });
    const config = { ...loadConfig(), PORT: 0, HOST: "127.0.0.1" };
    server = await startServer(config, { logger, prepare: false });
  });
  afterAll(async () => {
    await server?.stop();
  });

  it(
    "answers every request, and stores every acknowledged write",
    async () => {
      const base = server.url;
      const before = await getDb().prisma.document.count();
      const outcomes: (Outcome & { kind: string })[] = [];
      const acknowledged: string[] = [];
      const deadline = performance.now() + SECONDS * 1000;
      const kinds = [
        ...Array<string>(CLIENTS.read).fill("read"),
        ...Array<string>(CLIENTS.search).fill("search"),
        ...Array<string>(CLIENTS.write).fill("write"),
      ];

      await runWorkers(
        kinds.length,
        () => performance.now() >= deadline,
        async (worker, i) => {
          const kind = kinds[worker]!;
          let outcome: Outcome;
          if (kind === "read") {
            outcome = await postGraphQL(base, READ);
          } else if (kind === "search") {
            outcome = await postGraphQL(base, SEARCH, { q: SEARCHES[i % SEARCHES.length] });
          } else {
            const body = `Load test document ${worker}-${i}-${Date.now()}-${Math.random()}: Russian soldiers returned from captivity are held in Belarus, the ministry said.`;
            outcome = await postGraphQL(
              base,
              WRITE,
              { in: { title: `Load ${worker}-${i}`, body } },
              { token: key },
            );
            const payload = outcome.data?.createDocument;
            if (payload?.created === true) acknowledged.push(payload.document.id);
            else if (!outcome.errors) {
              outcome = {
                ...outcome,
                errors: [{ message: `not created: ${JSON.stringify(payload)}` }],
              };
            }
          }
          outcomes.push({ ...outcome, kind });
        },
      );

      const ms = outcomes.map((o) => o.ms);
      const byKind = Object.fromEntries(
        ["read", "search", "write"].map((k) => [k, outcomes.filter((o) => o.kind === k).length]),
      );
      console.log(
        `load: ${SECONDS} s, ${kinds.length} clients, ${outcomes.length} requests ` +
          `(${Math.round(outcomes.length / SECONDS)}/s; ${JSON.stringify(byKind)}), ` +
          `p50 ${percentile(ms, 50).toFixed(1)} ms, p95 ${percentile(ms, 95).toFixed(1)} ms, ` +
          `max ${Math.max(...ms).toFixed(1)} ms, ${acknowledged.length} writes acknowledged`,
      );

      const failed = outcomes.filter((o) => o.status !== 200 || o.errors || o.failure);
      expect(failed.slice(0, 5)).toEqual([]);
      expect(Math.max(...ms)).toBeLessThan(10_000);
      for (const kind of ["read", "search", "write"]) expect(byKind[kind]).toBeGreaterThan(0);

      // Every acknowledged write is there, and nothing else was added.
      const ids = acknowledged.map((id) =>
        Number(Buffer.from(id, "base64").toString().split(":")[1]),
      );
      expect(new Set(ids).size).toBe(ids.length);
      const prisma = getDb().prisma;
      expect(await prisma.document.count({ where: { id: { in: ids } } })).toBe(ids.length);
      expect(await prisma.document.count()).toBe(before + ids.length);

      // The pool stayed within its size, and nothing is left waiting.
      const metrics = String((await getPath(base, "/metrics")).body);
      const gauge = (name: string) =>
        Number(new RegExp(`^${name} (\\d+)$`, "m").exec(metrics)?.[1]);
      expect(gauge("newsgraph_db_pool_total_connections")).toBeLessThanOrEqual(
        gauge("newsgraph_db_pool_max_connections"),
      );
      expect(gauge("newsgraph_db_pool_waiting_requests")).toBe(0);
    },
    SECONDS * 1000 + 60_000,
  );
});
