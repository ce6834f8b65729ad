// Hostile input: each request below is refused (or answered) with its own clear error, before it
// costs the server anything, and the same server answers a normal query right after it. Then
// the switches around it: introspection and GraphiQL by environment, CORS, CSRF, the execution
// timeout, batching. Everything goes through yoga.fetch: no port is opened.

import { beforeAll, describe, expect, it } from "vitest";
import { type Config, loadConfig } from "../src/config.ts";
import { getDb } from "../src/db/client.ts";
import { createServer } from "../src/yoga.ts";
import { createTestKey } from "./support/api-keys.ts";
import { graphqlOn } from "./support/graphql.ts";
import { useTestDatabase } from "./support/test-database.ts";

useTestDatabase({ seed: true });

type Server = ReturnType<typeof createServer>;

/** A server as main.ts builds it, from these environment variables (logs off). */
function serverWith(env: Record<string, string> = {}): Server {
  return createServer({
    config: loadConfig({ LOG_LEVEL: "silent", ...env }),
    persistedOperations: null,
  });
}

const server = serverWith();

interface Reply {
  status: number;
  headers: Headers;
  text: string;
  body: any;
}

async function send(target: Server, init: RequestInit & { url?: string } = {}): Promise<Reply> {
  const response = await target.fetch(init.url ?? "http://yoga/graphql", init);
  const text = await response.text();
  let body: any;
  try {
    body = JSON.parse(text);
  } catch {
    body = undefined;
  }
  return { status: response.status, headers: response.headers, text, body };
}

const json = (body: unknown, headers: Record<string, string> = {}): RequestInit => ({
  method: "POST",
  headers: { "content-type": "application/json", accept: "application/json", ...headers },
  body: typeof body === "string" ? body : JSON.stringify(body),
});

const NORMAL = "{ documents(first: 1) { totalCount edges { node { title } } } }";

async function expectHealthy(target: Server = server) {
  const reply = await graphqlOn(target, NORMAL);
  expect(reply.errors).toBeUndefined();
  expect(reply.status).toBe(200);
  expect(reply.data.documents.totalCount).toBe(1);
}

/** The reply carries exactly one error with this code (and message, when given). */
function expectError(reply: Reply, status: number, code: string | undefined, message?: RegExp) {
  expect(reply.status, reply.text.slice(0, 500)).toBe(status);
  const errors: any[] = reply.body?.errors ?? [];
  const error = errors.find((e) => (code === undefined ? true : e.extensions?.code === code));
  expect(error, reply.text.slice(0, 500)).toBeDefined();
  if (message) expect(error.message).toMatch(message);
  // Nothing answered: no data, or null where a field failed.
  for (const value of Object.values(reply.body?.data ?? {})) expect(value).toBeNull();
}

/** documents → edges → node, then claims → edges → node → document `levels` times, then id. */
function nested(levels: number): string {
  let query = "id";
  for (let i = 0; i < levels; i++) query = `claims { edges { node { document { ${query} } } } }`;
  return `{ documents { edges { node { ${query} } } } }`;
}

let adminKey: string;
let actorId: string;
beforeAll(async () => {
  adminKey = await createTestKey(["admin"]);
  const reply = await graphqlOn(server, "{ actors(first: 1) { edges { node { id } } } }");
  actorId = reply.data.actors.edges[0].node.id;
});

interface Hostile {
  name: string;
  request: () => RequestInit & { url?: string };
  status: number;
  code: string | undefined;
  message?: RegExp;
}

const hostile: Hostile[] = [
  {
    name: "100 levels of nesting",
    request: () => json({ query: nested(24) }),
    status: 200,
    code: "QUERY_TOO_DEEP",
    // 100 nested fields: the root field is depth 0, the innermost `id` depth 99.
    message: /^Query depth 99 exceeds the limit of 12 \(MAX_DEPTH\)$/,
  },
  {
    name: "3,000 levels of nesting (deeper than the parser's stack)",
    request: () => json({ query: `{ ${"a { ".repeat(3000)}b${" }".repeat(3000)} }` }),
    status: 200,
    code: "QUERY_TOO_DEEP",
    message: /too deep to parse; the depth limit is 12 \(MAX_DEPTH\)/,
  },
  {
    name: "10,000 aliases (stopped by the token limit first)",
    request: () =>
      json({
        query: `{ ${Array.from({ length: 10_000 }, (_, i) => `a${i}: __typename`).join(" ")} }`,
      }),
    status: 200,
    code: "TOO_MANY_TOKENS",
    message: /^Query token count exceeds the limit of 5000 \(MAX_TOKENS\)$/,
  },
  {
    name: "31 aliases",
    request: () =>
      json({ query: `{ ${Array.from({ length: 31 }, (_, i) => `a${i}: __typename`).join(" ")} }` }),
    status: 200,
    code: "TOO_MANY_ALIASES",
    message: /^Query alias count 31 exceeds the limit of 30 \(MAX_ALIASES\)$/,
  },
  {
    name: "51 directives",
    request: () => json({ query: `{ ${"__typename @include(if: true) ".repeat(51)}}` }),
    status: 200,
    code: "TOO_MANY_DIRECTIVES",
    message: /^Query directive count 51 exceeds the limit of 50 \(MAX_DIRECTIVES\)$/,
  },
  {
    name: "6,000 tokens",
    request: () => json({ query: `{ ${"__typename ".repeat(6000)}}` }),
    status: 200,
    code: "TOO_MANY_TOKENS",
  },
  {
    name: "a 5 MB query",
    request: () => json({ query: `{ __typename ${" ".repeat(5 * 1024 * 1024)}}` }),
    status: 413,
    code: "REQUEST_TOO_LARGE",
    message: /^Request body exceeds the limit of 4194304 bytes \(MAX_REQUEST_BYTES\)$/,
  },
  {
    name: "a Content-Length above the limit (refused unread)",
    request: () => ({
      ...json({ query: "{ __typename }" }),
      headers: { "content-type": "application/json", "content-length": String(50 * 1024 * 1024) },
    }),
    status: 413,
    code: "REQUEST_TOO_LARGE",
  },
  {
    name: "a fragment cycle",
    request: () =>
      json({
        query: `{ documents { ...A } }
          fragment A on QueryDocumentsConnection { edges { node { claims { ...B } } } }
          fragment B on DocumentClaimsConnection { edges { node { document { claims { ...B } } } } }`,
      }),
    status: 200,
    code: "GRAPHQL_VALIDATION_FAILED",
    message: /Cannot spread fragment "B" within itself/,
  },
  {
    name: "first: 1000000",
    request: () => json({ query: "{ documents(first: 1000000) { totalCount } }" }),
    status: 200,
    code: "BAD_USER_INPUT",
    message: /argument "first" is 1000000; at most 100 per page/,
  },
  {
    name: "three nested pages of 100 and a fourth level",
    request: () =>
      json({
        query: `{ documents(first: 100) { edges { node { claims(first: 100) { edges { node {
          claimant { claims(first: 100) { edges { node { subjects { name } } } } } } } } } } } }`,
      }),
    status: 200,
    code: "QUERY_TOO_COSTLY",
    message: /^Query cost 2030201 exceeds the limit of 200000 \(MAX_COST\)$/,
  },
  {
    name: "a cursor that does not decode",
    request: () => json({ query: '{ documents(after: "not a cursor") { totalCount } }' }),
    status: 200,
    code: undefined,
    message: /Invalid cursor/,
  },
  {
    name: "a search cursor that does not decode",
    request: () => json({ query: '{ search(query: "exchange", after: "%%%") { totalCount } }' }),
    status: 200,
    code: undefined,
    message: /cursor/i,
  },
  {
    name: "node(id:) of a malformed global id",
    request: () => json({ query: '{ node(id: "garbage!!") { id } }' }),
    status: 200,
    code: undefined,
    message: /Invalid global ID: garbage!!/,
  },
  {
    name: "a mutation given the global id of another type (for: Document, got an Actor)",
    request: () =>
      json(
        {
          query: `mutation($id: ID!) { deleteDocument(input: { id: $id }) {
            __typename ... on DeleteDocumentPayload { deletedId } } }`,
          variables: { id: actorId },
        },
        { authorization: `Bearer ${adminKey}` },
      ),
    status: 200,
    code: undefined,
    message: /is not of type: Document/,
  },
  {
    name: "a body that is not valid UTF-8",
    request: () => ({
      ...json(""),
      body: Buffer.concat([
        Buffer.from('{"query":"{ '),
        Buffer.from([0xff, 0xfe]),
        Buffer.from(' }"}'),
      ]),
    }),
    status: 400,
    code: "BAD_REQUEST",
    message: /^Request body is not valid UTF-8$/,
  },
  {
    name: "a body that is not JSON",
    request: () => json('{"query": "{ __typename }"'),
    status: 400,
    code: "BAD_REQUEST",
    message: /invalid JSON/,
  },
  {
    name: "text/plain (a simple request a browser sends cross-site)",
    request: () => ({
      method: "POST",
      headers: { "content-type": "text/plain" },
      body: JSON.stringify({ query: "{ __typename }" }),
    }),
    status: 403,
    code: "CSRF_HEADER_REQUIRED",
    message: /needs an x-graphql-yoga-csrf header/,
  },
  {
    name: "a form post",
    request: () => ({
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: `query=${encodeURIComponent('mutation { deleteDocument(input: { id: "x" }) { __typename } }')}`,
    }),
    status: 403,
    code: "CSRF_HEADER_REQUIRED",
  },
  {
    name: "variables nested 10,000 levels deep",
    request: () =>
      json(
        `{"query":"query($f: DocumentFilter) { documents(filter: $f) { totalCount } }","variables":{"f":${'{"AND":['.repeat(10_000)}{}${"]}".repeat(10_000)}}}`,
      ),
    status: 200,
    code: "INPUT_TOO_DEEP",
    message:
      /^Variable "\$f" nests objects and lists deeper than the limit of 20 \(MAX_INPUT_DEPTH\)$/,
  },
  {
    name: "an argument nested 500 levels deep",
    request: () =>
      json({
        query: `{ documents(filter: ${"{ AND: [".repeat(500)}{}${"] }".repeat(500)}) { totalCount } }`,
      }),
    status: 200,
    code: "INPUT_TOO_DEEP",
    message: /^Argument "filter" nests objects and lists deeper than the limit of 20/,
  },
  {
    name: "a million ids in the variables",
    request: () =>
      json({
        query: "query($ids: [ID!]!) { nodes(ids: $ids) { id } }",
        variables: { ids: Array.from({ length: 1_000_000 }, (_, i) => `id${i}`) },
      }),
    status: 413,
    code: "REQUEST_TOO_LARGE",
  },
  {
    name: "an array of 1,000 operations (batching is off)",
    request: () => json(Array.from({ length: 1000 }, () => ({ query: NORMAL }))),
    status: 400,
    code: "BATCHING_DISABLED",
    message: /^Batching is off \(BATCH_LIMIT=0\)/,
  },
];

describe("a hostile request is refused with its own error, and the server answers the next one", () => {
  it.each(hostile)("$name", async ({ request, status, code, message }) => {
    const started = performance.now();
    expectError(await send(server, request()), status, code, message);
    expect(performance.now() - started).toBeLessThan(5_000);
    await expectHealthy();
  });

  it("a list of 100,000 ids under the body limit is answered, quickly", async () => {
    const ids = Array.from({ length: 100_000 }, (_, i) => `id${i}`);
    const started = performance.now();
    const reply = await send(
      server,
      json({ query: "query($ids: [ID!]!) { nodes(ids: $ids) { id } }", variables: { ids } }),
    );
    expect(reply.status).toBe(200);
    expect(reply.body.errors[0].message).toMatch(/Invalid global ID/);
    expect(performance.now() - started).toBeLessThan(5_000);
    await expectHealthy();
  });

  it("names the aliases limit when the token limit leaves room for them", async () => {
    const roomy = serverWith({ MAX_TOKENS: "100000" });
    const query = `{ ${Array.from({ length: 10_000 }, (_, i) => `a${i}: __typename`).join(" ")} }`;
    expectError(
      await send(roomy, json({ query })),
      200,
      "TOO_MANY_ALIASES",
      /10000 exceeds the limit of 30/,
    );
    await expectHealthy(roomy);
  });

  it("keeps queries at the limits working: depth 12 and cost 82,601 (the N+1 query)", async () => {
    const reply = await graphqlOn(
      server,
      `{ documents(first: 50) { edges { node { title claims(first: 50) { edges { node { text
        claimant { name events(first: 10) { edges { role node { title
          participants { role actor { name } } } } } } } } } } } } }`,
    );
    expect(reply.errors).toBeUndefined();
    expect(reply.data.documents.edges).toHaveLength(1);
  });

  it("reads every limit from the environment", async () => {
    const strict = serverWith({ MAX_DEPTH: "2", MAX_COST: "10", MAX_REQUEST_BYTES: "2048" });
    expectError(
      await send(strict, json({ query: "{ documents { edges { node { title } } } }" })),
      200,
      "QUERY_TOO_DEEP",
      /^Query depth 3 exceeds the limit of 2 \(MAX_DEPTH\)$/,
    );
    expectError(
      await send(strict, json({ query: "{ documents(first: 11) { nodes { title } } }" })),
      200,
      "QUERY_TOO_COSTLY",
      /^Query cost 12 exceeds the limit of 10 \(MAX_COST\)$/,
    );
    expectError(
      await send(strict, json({ query: `{ __typename ${" ".repeat(3000)}}` })),
      413,
      "REQUEST_TOO_LARGE",
      /limit of 2048 bytes/,
    );
    const ok = await graphqlOn(strict, "{ documents(first: 9) { nodes { title } } }");
    expect(ok.errors).toBeUndefined();
  });
});

describe("batching", () => {
  it("is capped at BATCH_LIMIT operations when on", async () => {
    const batching = serverWith({ BATCH_LIMIT: "10" });
    const two = await send(batching, json([{ query: NORMAL }, { query: "{ __typename }" }]));
    expect(two.status).toBe(200);
    expect(two.body).toEqual([
      { data: { documents: expect.objectContaining({ totalCount: 1 }) } },
      { data: { __typename: "Query" } },
    ]);
    expectError(
      await send(batching, json(Array.from({ length: 1000 }, () => ({ query: NORMAL })))),
      413,
      "BATCH_TOO_LARGE",
      /^A batch of 1000 operations exceeds the limit of 10 \(BATCH_LIMIT\)$/,
    );
    await expectHealthy(batching);
  });
});

describe("introspection and GraphiQL", () => {
  const INTROSPECTION = "{ __schema { queryType { name } } }";
  const graphiql = (target: Server) =>
    send(target, { url: "http://yoga/graphql", headers: { accept: "text/html" } });

  it("are on in development, and GraphiQL sends the CSRF header", async () => {
    const reply = await graphqlOn(server, INTROSPECTION);
    expect(reply.data).toEqual({ __schema: { queryType: { name: "Query" } } });
    const page = await graphiql(server);
    expect(page.status).toBe(200);
    expect(page.headers.get("content-type")).toMatch(/^text\/html/);
    expect(page.text).toContain("x-graphql-yoga-csrf");
    // Its introspection query (deep, through __schema) passes the depth limit.
    const { getIntrospectionQuery } = await import("graphql");
    const full = await graphqlOn(server, getIntrospectionQuery());
    expect(full.errors).toBeUndefined();
  });

  it("are off in production, and no error suggests names", async () => {
    const production = serverWith({ NODE_ENV: "production" });
    expectError(
      await send(production, json({ query: INTROSPECTION })),
      200,
      "GRAPHQL_VALIDATION_FAILED",
      /introspection has been disabled/,
    );
    const page = await graphiql(production);
    expect(page.headers.get("content-type") ?? "").not.toMatch(/text\/html/);

    const typo = await send(production, json({ query: "{ documentz { totalCount } }" }));
    expect(typo.body.errors[0].message).toBe('Cannot query field "documentz" on type "Query".');
    const badEnum = await send(
      production,
      json({
        query: "query($g: ClaimGrouping!) { claimCounts(groupBy: $g) { count } }",
        variables: { g: "KINDS" },
      }),
    );
    expect(badEnum.body.errors[0].message).toMatch(/KINDS/);
    expect(badEnum.body.errors[0].message).not.toMatch(/Did you mean/);
    // __typename is not introspection.
    expect((await graphqlOn(production, "{ __typename }")).data).toEqual({ __typename: "Query" });
    await expectHealthy(production);
  });

  it("suggest names in development", async () => {
    const typo = await send(server, json({ query: "{ documentz { totalCount } }" }));
    expect(typo.body.errors[0].message).toMatch(/Did you mean "document" or "documents"\?/);
  });

  it("are on in production with GRAPHQL_INTROSPECTION=1", async () => {
    const open = serverWith({ NODE_ENV: "production", GRAPHQL_INTROSPECTION: "1" });
    expect((await graphqlOn(open, INTROSPECTION)).data.__schema.queryType.name).toBe("Query");
    expect((await graphiql(open)).headers.get("content-type")).toMatch(/^text\/html/);
  });
});

describe("CORS", () => {
  const restricted = serverWith({ CORS_ORIGINS: "https://news.example, https://admin.example" });
  const from = (target: Server, origin: string) =>
    send(target, json({ query: "{ __typename }" }, { origin }));
  const preflight = (target: Server, origin: string) =>
    send(target, {
      method: "OPTIONS",
      headers: {
        origin,
        "access-control-request-method": "POST",
        "access-control-request-headers": "content-type, authorization",
      },
    });

  it("allows a listed origin", async () => {
    const reply = await from(restricted, "https://admin.example");
    expect(reply.status).toBe(200);
    expect(reply.headers.get("access-control-allow-origin")).toBe("https://admin.example");
    const pre = await preflight(restricted, "https://news.example");
    expect(pre.status).toBe(204);
    expect(pre.headers.get("access-control-allow-origin")).toBe("https://news.example");
    expect(pre.headers.get("access-control-allow-headers")).toMatch(/authorization/);
  });

  it("does not allow another origin", async () => {
    const reply = await from(restricted, "https://evil.example");
    expect(reply.headers.get("access-control-allow-origin")).not.toBe("https://evil.example");
    const pre = await preflight(restricted, "https://evil.example");
    expect(pre.headers.get("access-control-allow-origin")).not.toBe("https://evil.example");
  });

  it("allows any origin by default (CORS_ORIGINS=*), without credentials", async () => {
    const reply = await from(server, "https://anyone.example");
    expect(reply.headers.get("access-control-allow-origin")).toBe("https://anyone.example");
    expect(reply.headers.get("access-control-allow-credentials")).toBeNull();
  });
});

describe("CSRF", () => {
  const get = (headers: Record<string, string> = {}) =>
    send(server, { url: `http://yoga/graphql?query=${encodeURIComponent(NORMAL)}`, headers });

  it("refuses a GET without the header", async () => {
    expectError(await get(), 403, "CSRF_HEADER_REQUIRED", /x-graphql-yoga-csrf/);
  });

  it("accepts a GET with x-graphql-yoga-csrf or x-graphql-csrf", async () => {
    for (const header of ["x-graphql-yoga-csrf", "x-graphql-csrf"]) {
      const reply = await get({ [header]: "1" });
      expect(reply.status).toBe(200);
      expect(reply.body.data.documents.totalCount).toBe(1);
    }
  });

  it("lets an EventSource GET (accept: text/event-stream only) through, as it cannot add headers", async () => {
    const reply = await get({ accept: "text/event-stream" });
    expect(reply.status).toBe(200);
    expect(reply.text).toContain('"totalCount":1');
  });

  it("accepts a form post with the header", async () => {
    const reply = await send(server, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded", "x-graphql-csrf": "1" },
      body: `query=${encodeURIComponent(NORMAL)}`,
    });
    expect(reply.status).toBe(200);
    expect(reply.body.data.documents.totalCount).toBe(1);
  });
});

describe("execution timeout", () => {
  it("answers EXECUTION_TIMEOUT when execution outlasts EXECUTION_TIMEOUT_MS, then serves again", async () => {
    const hasty = serverWith({ EXECUTION_TIMEOUT_MS: "100" } satisfies Partial<
      Record<keyof Config, string>
    >);
    // Deterministic slowness: a transaction holds an exclusive lock on the documents table, so the
    // query waits for the database until the lock is released (on PGlite, for the connection).
    let release!: () => void;
    const released = new Promise<void>((resolve) => {
      release = resolve;
    });
    let locked!: () => void;
    const isLocked = new Promise<void>((resolve) => {
      locked = resolve;
    });
    const holder = getDb().prisma.$transaction(
      async (tx) => {
        await tx.$executeRawUnsafe('LOCK TABLE "Document" IN ACCESS EXCLUSIVE MODE');
        locked();
        await released;
      },
      { timeout: 20_000 },
    );
    await isLocked;
    try {
      const started = performance.now();
      const reply = await send(hasty, json({ query: NORMAL }));
      const elapsed = performance.now() - started;
      expectError(
        reply,
        200,
        "EXECUTION_TIMEOUT",
        /^Execution time exceeds the limit of 100 ms \(EXECUTION_TIMEOUT_MS\)$/,
      );
      expect(elapsed).toBeGreaterThanOrEqual(95);
      expect(elapsed).toBeLessThan(5_000);
    } finally {
      release();
      await holder;
    }
    await expectHealthy(hasty);
  });
});
