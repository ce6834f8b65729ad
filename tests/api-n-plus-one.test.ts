// No N+1: a query nested four levels deep costs the same number of SQL statements for 1
// document as for 50, counted by the GRAPHQL_SQL_TRACE extension (extensions.sql), which also
// keeps the counts of concurrent requests apart.
import { describe, expect, it } from "vitest";
import { getDb } from "../src/db/client.ts";
import {
  type RelationLoadStrategy,
  relationLoadStrategy,
  setRelationLoadStrategy,
} from "../src/db/relation-load-strategy.ts";
import { withSqlTrace } from "../src/db/sql-trace.ts";
import { importAnnotation } from "../src/domain/annotation-import.ts";
import { ingestDocument } from "../src/domain/documents.ts";
import { loadSeeds } from "../src/domain/seeding.ts";
import { createServer } from "../src/yoga.ts";
import { type GraphQLResponse, graphqlOn } from "./support/graphql.ts";
import { SEEDS_DIR, useTestDatabase } from "./support/test-database.ts";

useTestDatabase({ seed: true });

const traced = createServer({ sqlTrace: true });
const untraced = createServer({ sqlTrace: false });

/** documents → claims → claimant → events → participants → actor. */
const nested = (documents: number) => `{
  documents(first: ${documents}) {
    edges { node {
      title
      claims(first: 50) { edges { node {
        text
        claimant {
          name
          events(first: 10) { edges { role node {
            title
            participants { role actor { name } }
          } } }
        }
      } } }
    } }
  }
}`;

/**
 * Statements for `nested(n)`, whatever n and however many rows each level returns: Pothos folds
 * the whole selection into one Prisma findMany (the `documents` root), which loads its relations
 * with `relationLoadStrategy()` (src/db/relation-load-strategy.ts):
 *  "join" (shipped): one SELECT, every level a LATERAL subquery with JSON aggregation, each
 *    connection's `first:` a LIMIT inside it, the `events` connection's totalCount a COUNT.
 *  "query": one SELECT per relation level, each for all the parent rows at once
 *    (`… WHERE parentId IN (…)`):
 *    1. Document   the page (LIMIT first + 1, for hasNextPage)
 *    2. Claim      of those documents (documentId IN …)
 *    3. Actor      the claimants (claimant), with a COUNT of their participations for the
 *                  `events` connection's totalCount (selected whether asked for or not)
 *    4. EventParticipant  the claimants' participations (`Actor.events` is paginated on them)
 *    5. Event      of those participations
 *    6. EventParticipant  the events' participants (`participants`)
 *    7. Actor      the participants' actors
 * No BEGIN/COMMIT: reads do not open a transaction.
 */
const NESTED_STATEMENTS: Record<RelationLoadStrategy, number> = { join: 1, query: 7 };

const SEED_CLAIMS = 34;

type SqlExtension = { statements: number; ms: number };

function sqlOf(response: GraphQLResponse): SqlExtension {
  expect(response.errors).toBeUndefined();
  expect(response.status).toBe(200);
  const sql = response.extensions?.sql as SqlExtension;
  expect(sql).toEqual({ statements: expect.any(Number), ms: expect.any(Number) });
  return sql;
}

/**
 * Runs `source` on the traced server and, as a cross-check, on the untraced one inside a trace
 * of the whole HTTP exchange: both must count the same statements. Returns the response and the
 * statements' SQL, for failure messages.
 */
async function measure(source: string) {
  const response = await graphqlOn(traced, source);
  const sql = sqlOf(response);
  const whole = withSqlTrace(() => graphqlOn(untraced, source), { log: true });
  const plain = await whole.result;
  expect(plain.extensions?.sql).toBeUndefined();
  expect(whole.trace.statements, whole.trace.log?.join("\n")).toBe(sql.statements);
  return { response, sql, log: whole.trace.log ?? [] };
}

/** Up to `count` documents: copies of the seed article (body + "\n" + i), same annotation. */
async function ensureDocuments(count: number) {
  const [seed] = loadSeeds(SEEDS_DIR);
  if (seed === undefined) throw new Error(`no seed in ${SEEDS_DIR}`);
  const prisma = getDb().prisma;
  const missing = count - (await prisma.document.count());
  if (missing <= 0) return;
  await prisma.$transaction(
    async (tx) => {
      for (let i = 1; i <= missing; i++) {
        const { document } = await ingestDocument(tx, {
          title: `${seed.seed.document.title} (copy ${i})`,
          slug: `${seed.seed.document.slug}-copy-${i}`,
          body: `${seed.body}\n${i}`,
          publishedAt: new Date(`2025-07-${String((i % 28) + 1).padStart(2, "0")}`),
        });
        // The spans stay valid (the body only grew at its end); actors and events are matched
        // by name and slug, so every copy links to the same ones.
        await importAnnotation(tx, document, seed.seed, "REPLACE");
      }
    },
    { timeout: 120_000, maxWait: 30_000 },
  );
  expect(await prisma.document.count()).toBe(count);
}

function shape(data: any) {
  const documents = data.documents.edges.map((e: any) => e.node);
  const claims = documents.flatMap((d: any) => d.claims.edges.map((e: any) => e.node));
  const events = claims.flatMap((c: any) => c.claimant?.events.edges ?? []);
  const participants = events.flatMap((e: any) => e.node.participants);
  return { documents: documents.length, claims: claims.length, events, participants };
}

/** Runs `fn` with the read paths on `strategy`, then puts the shipped one back. */
async function withStrategy<T>(strategy: RelationLoadStrategy, fn: () => Promise<T>): Promise<T> {
  const shipped = relationLoadStrategy();
  setRelationLoadStrategy(strategy);
  try {
    return await fn();
  } finally {
    setRelationLoadStrategy(shipped);
  }
}

const STRATEGIES = ["join", "query"] as const;

describe("a query nested four levels deep", () => {
  it.each(STRATEGIES)(
    "costs a fixed number of statements for 1 document (%s)",
    async (strategy) => {
      expect(await getDb().prisma.document.count()).toBe(1);
      const { response, sql, log } = await withStrategy(strategy, () => measure(nested(50)));
      const got = shape(response.data);
      expect(got.documents).toBe(1);
      expect(got.claims).toBe(SEED_CLAIMS);
      expect(got.events.length).toBeGreaterThan(0);
      expect(got.participants.length).toBeGreaterThan(got.events.length);
      expect(got.participants.every((p: any) => typeof p.actor.name === "string")).toBe(true);
      expect(sql.statements, log.join("\n")).toBe(NESTED_STATEMENTS[strategy]);
    },
  );

  it.each(STRATEGIES)("costs the same for 50 documents (%s)", async (strategy) => {
    await ensureDocuments(50);
    const { response, sql, log } = await withStrategy(strategy, () => measure(nested(50)));
    const got = shape(response.data);
    expect(got.documents).toBe(50);
    expect(got.claims).toBe(50 * SEED_CLAIMS);
    expect(sql.statements, log.join("\n")).toBe(NESTED_STATEMENTS[strategy]);
    // And asking for fewer documents of the 50 costs the same.
    const one = await withStrategy(strategy, () => measure(nested(1)));
    expect(one.sql.statements).toBe(NESTED_STATEMENTS[strategy]);
  });

  it("gives the same answer with either strategy", async () => {
    await ensureDocuments(50);
    const join = await withStrategy("join", () => measure(nested(50)));
    const query = await withStrategy("query", () => measure(nested(50)));
    expect(shape(join.response.data).claims).toBe(50 * SEED_CLAIMS);
    expect(join.response.data).toEqual(query.response.data);
  });
});

describe("extensions.sql", () => {
  it("is on every response of a server created with sqlTrace, and only there", async () => {
    const source = "{ actors(first: 3) { edges { node { name } } } }";
    expect(sqlOf(await graphqlOn(traced, source)).statements).toBe(1);
    expect((await graphqlOn(untraced, source)).extensions).toBeUndefined();
  });

  it("is turned on by GRAPHQL_SQL_TRACE=1, read when the server is created", async () => {
    const source = "{ actors(first: 3) { totalCount } }";
    const before = process.env.GRAPHQL_SQL_TRACE;
    try {
      process.env.GRAPHQL_SQL_TRACE = "1";
      const on = createServer();
      delete process.env.GRAPHQL_SQL_TRACE;
      const off = createServer();
      process.env.GRAPHQL_SQL_TRACE = "1";
      expect(sqlOf(await graphqlOn(on, source)).statements).toBe(1);
      expect((await graphqlOn(off, source)).extensions).toBeUndefined();
    } finally {
      if (before === undefined) delete process.env.GRAPHQL_SQL_TRACE;
      else process.env.GRAPHQL_SQL_TRACE = before;
    }
  });

  it("gives each of 10 concurrent requests its own count", async () => {
    await ensureDocuments(50);
    const slug = (await getDb().prisma.document.findFirstOrThrow({ select: { slug: true } })).slug;
    // Different shapes and sizes, so that counts mixed up between requests would show. The
    // root lookups by slug are findUnique calls, which Prisma batches per tick across callers.
    const sources = [
      nested(1),
      nested(50),
      "{ documents(first: 3) { totalCount edges { node { title } } } }",
      "{ actors(first: 5) { edges { node { name } } } }",
      `{ document(slug: "${slug}") { title claims(first: 3) { totalCount edges { node { text } } } } }`,
      '{ event(slug: "no-such-event") { title } }',
      '{ actor(name: "Kyiv") { name aliases claims(first: 3) { totalCount } } }',
      "{ events(first: 20) { totalCount edges { node { title related(first: 5) { edges { node { title } } } } } } }",
      "{ claims(first: 5) { edges { node { text document { title } } } } }",
      '{ document(slug: "no-such-document") { title } }',
    ];
    // On "query", where the shapes cost the most different counts (one per relation level).
    await withStrategy("query", async () => {
      const alone: number[] = [];
      for (const source of sources) alone.push(sqlOf(await graphqlOn(traced, source)).statements);
      expect(new Set(alone).size).toBeGreaterThan(3);
      for (let round = 0; round < 3; round++) {
        const together = await Promise.all(sources.map((source) => graphqlOn(traced, source)));
        expect(together.map((response) => sqlOf(response).statements)).toEqual(alone);
      }
    });
  });
});

describe("a transaction", () => {
  // The same on PGlite (BEGIN and COMMIT inside the adapter) and PostgreSQL (COMMIT sent by
  // Prisma as a query): BEGIN and COMMIT or ROLLBACK are one statement each.
  it("counts BEGIN and COMMIT as one statement each", async () => {
    const { trace, result } = withSqlTrace(
      () => getDb().prisma.$transaction(async (tx) => tx.actor.count()),
      { log: true },
    );
    expect(await result).toBeGreaterThan(0);
    expect(trace.log).toEqual(["BEGIN", expect.stringMatching(/^SELECT COUNT/), "COMMIT"]);
    expect(trace.statements).toBe(3);
  });

  it("counts BEGIN and ROLLBACK as one statement each", async () => {
    const { trace, result } = withSqlTrace(
      () =>
        getDb().prisma.$transaction(async (tx) => {
          await tx.actor.count();
          throw new Error("roll back");
        }),
      { log: true },
    );
    await expect(result).rejects.toThrow("roll back");
    expect(trace.log).toEqual(["BEGIN", expect.stringMatching(/^SELECT COUNT/), "ROLLBACK"]);
    expect(trace.statements).toBe(3);
  });
});
