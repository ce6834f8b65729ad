// Subscriptions over Server-Sent Events, through the real HTTP handler: documentChanged and
// annotationsChanged fire on the mutations' commits; with Redis, a mutation on one server
// instance reaches the subscribers of another.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { decodeGlobalID, encodeGlobalID } from "@pothos/plugin-relay";
import type { Redis } from "ioredis";
import { afterAll, afterEach, beforeAll, describe, expect, it, type TestContext } from "vitest";
import { loadConfig } from "../src/config.ts";
import {
  type ChangePubSub,
  closePubSub,
  createChangePubSub,
  getPubSub,
  publishDocumentChanged,
} from "../src/pubsub.ts";
import { createServer, yoga } from "../src/yoga.ts";
import { createTestKey } from "./support/api-keys.ts";
import { mutate } from "./support/graphql.ts";
import {
  openRedis,
  redisSkipReason,
  testRedisUrl,
  uniqueChannelPrefix,
  waitForRedisSubscribers,
} from "./support/redis.ts";
import { SEEDS_DIR, useTestDatabase } from "./support/test-database.ts";

// The Redis tests build their own pub/subs on a channel prefix of their own; the process-wide
// one (the default server's) stays in-process, so other test files publishing to a shared
// Redis cannot reach these subscribers.
const redisUrl = testRedisUrl();
delete process.env.REDIS_URL;

useTestDatabase({ seed: true });

const seed = JSON.parse(readFileSync(join(SEEDS_DIR, "000_c259099762e85b88.json"), "utf8"));
const seedBody = readFileSync(join(SEEDS_DIR, seed.document.bodyFile), "utf8");

type Server = ReturnType<typeof createServer>;

let writeKey: string;
let adminKey: string;
let readKey: string;
beforeAll(async () => {
  writeKey = await createTestKey(["write"]);
  adminKey = await createTestKey(["admin"]);
  readKey = await createTestKey(["read"]);
});

// Every stream a test opens is closed after it, passed or failed.
const openStreams = new Set<EventStream>();
afterEach(async () => {
  await Promise.all([...openStreams].map((stream) => stream.close()));
});
afterAll(() => closePubSub());

interface EventStream {
  /** The next `next` event's payload ({ data, errors }); fails after `timeoutMs`. */
  next(timeoutMs?: number): Promise<any>;
  /** Payloads received and not yet taken. */
  readonly pending: readonly any[];
  close(): Promise<void>;
}

/**
 * Subscribes with `accept: text/event-stream`: a POST like graphql-sse clients, or a GET with
 * the operation in the query string, as a browser's EventSource sends it.
 */
async function subscribe(
  server: Server,
  source: string,
  variables: Record<string, unknown> = {},
  { token, method = "POST" }: { token?: string; method?: "GET" | "POST" } = {},
): Promise<EventStream> {
  const abort = new AbortController();
  const headers: Record<string, string> = {
    accept: "text/event-stream",
    ...(token === undefined ? {} : { authorization: `Bearer ${token}` }),
  };
  const operation = { query: source, variables: JSON.stringify(variables) };
  const response =
    method === "GET"
      ? await server.fetch(`http://yoga/graphql?${new URLSearchParams(operation)}`, {
          headers,
          signal: abort.signal,
        })
      : await server.fetch("http://yoga/graphql", {
          method: "POST",
          headers: { ...headers, "content-type": "application/json" },
          body: JSON.stringify({ query: source, variables }),
          signal: abort.signal,
        });
  expect(response.headers.get("content-type")).toMatch(/^text\/event-stream/);
  const reader = response.body!.getReader();
  const decoder = new TextDecoder();
  const received: any[] = [];
  const waiting: (() => void)[] = [];
  let ended = false;
  const wake = () => {
    for (const resolve of waiting.splice(0)) resolve();
  };
  const pump = (async () => {
    let buffer = "";
    try {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        buffer += decoder.decode(value, { stream: true });
        for (let end = buffer.indexOf("\n\n"); end >= 0; end = buffer.indexOf("\n\n")) {
          const frame = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          // `:` lines are keep-alive pings; `event: complete` ends the stream.
          const lines = frame.split("\n").filter((line) => !line.startsWith(":"));
          const event = lines
            .find((line) => line.startsWith("event:"))
            ?.slice(6)
            .trim();
          const data = lines
            .filter((line) => line.startsWith("data:"))
            .map((line) => line.slice(5).trimStart())
            .join("\n");
          if (event === "next") received.push(JSON.parse(data));
          if (event === "complete") return;
          wake();
        }
      }
    } catch {
      // cancelled by close()
    } finally {
      ended = true;
      wake();
    }
  })();
  const stream: EventStream = {
    pending: received,
    async next(timeoutMs = 5_000) {
      const deadline = Date.now() + timeoutMs;
      while (received.length === 0) {
        if (ended) throw new Error("the event stream ended");
        const left = deadline - Date.now();
        if (left <= 0) throw new Error(`no event within ${timeoutMs} ms`);
        await new Promise<void>((resolve) => {
          waiting.push(resolve);
          setTimeout(resolve, left);
        });
      }
      return received.shift();
    },
    async close() {
      openStreams.delete(stream);
      abort.abort();
      await reader.cancel().catch(() => {});
      await pump;
    },
  };
  openStreams.add(stream);
  return stream;
}

/** Waits until `ready()` holds: a subscription is live only once its listener is registered. */
async function until(ready: () => boolean, what: string, timeoutMs = 5_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!ready()) {
    if (Date.now() > deadline) throw new Error(`${what}: not after ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

const listening = (pubsub: ChangePubSub, topic: string, count = 1) =>
  until(() => pubsub.listenerCount(topic) >= count, `${count} listener(s) on ${topic}`);

function write(server: Server, source: string, input: unknown, token = writeKey) {
  return mutate(source, input, { token }, server);
}

const CREATE = `mutation($input: CreateDocumentInput!) { createDocument(input: $input) {
  __typename ... on CreateDocumentPayload { created document { id title } } } }`;
const DELETE = `mutation($input: DeleteDocumentInput!) { deleteDocument(input: $input) {
  __typename ... on DeleteDocumentPayload { deletedId } } }`;
const IMPORT = `mutation($input: ImportAnnotationsInput!) { importAnnotations(input: $input) {
  __typename ... on ImportAnnotationsPayload { summary { claims } } } }`;

const DOCUMENT_CHANGED = `subscription { documentChanged { documentId deleted
  document { id title claims(first: 1) { totalCount } } } }`;
const ANNOTATIONS_CHANGED = `subscription($id: ID!) { annotationsChanged(documentId: $id) {
  id title claims(first: 100) { totalCount edges { node { span { start end text } } } } } }`;

let copies = 0;
const article = (label: string) => ({
  title: `Subscription test: ${label}`,
  body: `${seedBody}\n\n(Copy ${++copies}: ${label}.)`,
});

describe("documentChanged", () => {
  it("delivers a created document to a subscriber, loaded with its selection", async () => {
    const stream = await subscribe(yoga, DOCUMENT_CHANGED);
    await listening(getPubSub(), "documentChanged");
    const created = await write(yoga, CREATE, article("created"));
    expect(created.created).toBe(true);
    expect(await stream.next()).toEqual({
      data: {
        documentChanged: {
          documentId: created.document.id,
          deleted: false,
          document: {
            id: created.document.id,
            title: "Subscription test: created",
            claims: { totalCount: 0 },
          },
        },
      },
    });
  });

  it("delivers a deletion with the global id and a null document", async () => {
    const created = await write(yoga, CREATE, article("deleted"));
    const stream = await subscribe(yoga, DOCUMENT_CHANGED);
    await listening(getPubSub(), "documentChanged");
    await write(yoga, DELETE, { id: created.document.id }, adminKey);
    expect((await stream.next()).data.documentChanged).toEqual({
      documentId: created.document.id,
      deleted: true,
      document: null,
    });
  });

  it("does not announce a body that was already stored", async () => {
    const input = article("twice");
    const first = await write(yoga, CREATE, input);
    const stream = await subscribe(yoga, DOCUMENT_CHANGED);
    await listening(getPubSub(), "documentChanged");
    expect((await write(yoga, CREATE, input)).created).toBe(false);
    // Events arrive in publish order: the next one is this marker, not the repeated create.
    publishDocumentChanged(Number.MAX_SAFE_INTEGER, true);
    const next = (await stream.next()).data.documentChanged;
    expect(next.documentId).toBe(encodeGlobalID("Document", Number.MAX_SAFE_INTEGER));
    expect(next.documentId).not.toBe(first.document.id);
  });

  it("works for an EventSource too (GET, the operation in the query string)", async () => {
    const stream = await subscribe(yoga, DOCUMENT_CHANGED, {}, { method: "GET" });
    await listening(getPubSub(), "documentChanged");
    const created = await write(yoga, CREATE, article("through GET"));
    expect((await stream.next()).data.documentChanged).toMatchObject({
      documentId: created.document.id,
      document: { title: "Subscription test: through GET" },
    });
  });

  it("stops listening when the client goes away", async () => {
    const stream = await subscribe(yoga, DOCUMENT_CHANGED);
    await listening(getPubSub(), "documentChanged");
    await stream.close();
    await until(() => getPubSub().listenerCount("documentChanged") === 0, "listener removed");
  });
});

describe("annotationsChanged", () => {
  const firstArticle = article("annotated first");
  let first: string;
  let second: string;
  beforeAll(async () => {
    first = (await write(yoga, CREATE, firstArticle)).document.id;
    second = (await write(yoga, CREATE, article("annotated second"))).document.id;
  });

  it("fires on importAnnotations for its document, and not for another", async () => {
    const stream = await subscribe(yoga, ANNOTATIONS_CHANGED, { id: first });
    await listening(getPubSub(), `annotationsChanged:${decodeGlobalID(first).id}`);
    // The other document first: events arrive in publish order, so if that import reached this
    // subscriber it would be the first event.
    await write(yoga, IMPORT, { documentId: second, annotations: seed, mode: "MERGE" });
    await write(yoga, IMPORT, { documentId: first, annotations: seed, mode: "MERGE" });
    const event = await stream.next();
    expect(event.errors).toBeUndefined();
    const document = event.data.annotationsChanged;
    expect(document).toMatchObject({ id: first, title: "Subscription test: annotated first" });
    expect(document.claims.totalCount).toBe(seed.claims.length);
    for (const { node } of document.claims.edges) {
      expect(node.span.text).toBe(firstArticle.body.slice(node.span.start, node.span.end));
    }
    expect(stream.pending).toHaveLength(0);
  });

  it("rejects an id of another type, or not a global id at all", async () => {
    const actorId = encodeGlobalID("Actor", 1);
    for (const [id, message] of [
      [actorId, `ID: ${actorId} is not of type: Document`],
      ["garbage", "Invalid global ID: garbage"],
    ]) {
      const stream = await subscribe(yoga, ANNOTATIONS_CHANGED, { id });
      const event = await stream.next();
      expect(event.data ?? null).toBeNull();
      expect(event.errors).toMatchObject([{ message, path: ["annotationsChanged"] }]);
    }
  });

  it("rejects a document that does not exist", async () => {
    const missing = encodeGlobalID("Document", 999_999);
    const stream = await subscribe(yoga, ANNOTATIONS_CHANGED, { id: missing });
    const event = await stream.next();
    expect(event.errors[0]).toMatchObject({
      message: `annotationsChanged: no document has the id ${missing}`,
      extensions: { code: "NOT_FOUND" },
    });
  });
});

describe("authorization", () => {
  const privateServer = createServer({
    config: loadConfig({ READ_REQUIRES_KEY: "1", LOG_LEVEL: "silent" }),
  });

  it("needs the read scope, like queries, when reads are private", async () => {
    const anonymous = await subscribe(privateServer, DOCUMENT_CHANGED);
    const refused = await anonymous.next();
    expect(refused.errors[0].extensions.code).toBe("UNAUTHENTICATED");
    expect(getPubSub().listenerCount("documentChanged")).toBe(0);

    const stream = await subscribe(privateServer, DOCUMENT_CHANGED, {}, { token: readKey });
    await listening(getPubSub(), "documentChanged");
    const created = await write(yoga, CREATE, article("private"));
    expect((await stream.next()).data.documentChanged.documentId).toBe(created.document.id);
  });
});

describe("pub/sub failures", () => {
  it("reports an unreachable Redis in one line and keeps the process running", async () => {
    const lines: string[] = [];
    const pubsub = createChangePubSub({
      redisUrl: "redis://127.0.0.1:1",
      log: (l) => lines.push(l),
    });
    try {
      const iterator = pubsub.subscribe("documentChanged")[Symbol.asyncIterator]();
      const pending = iterator.next(); // starts the subscription
      pubsub.publish("documentChanged", { documentId: 1, deleted: false });
      await until(() => lines.length > 0, "a log line");
      // Three reconnection attempts (200 + 400 + 600 ms), after which the publish is dropped;
      // an unhandled rejection there would fail this test run.
      await new Promise((resolve) => setTimeout(resolve, 1_500));
      expect(lines).toEqual([
        expect.stringMatching(/^newsgraph: Redis at redis:\/\/127\.0\.0\.1:1 is unreachable \(/),
      ]);
      await iterator.return?.();
      await pending;
    } finally {
      await pubsub.close();
    }
  });

  it("falls back to in-process for a REDIS_URL that is not a redis:// URL, saying so", async () => {
    const lines: string[] = [];
    const pubsub = createChangePubSub({ redisUrl: "localhost:6379", log: (l) => lines.push(l) });
    expect(pubsub.description).toBe("in-process");
    expect(lines).toEqual([expect.stringContaining("REDIS_URL must be redis://")]);
    await pubsub.close();
  });
});

describe("two server instances sharing a Redis", () => {
  const skipReason = redisSkipReason();
  const prefix = uniqueChannelPrefix();
  let checks: Redis | undefined;
  let pubsubA: ChangePubSub | undefined;
  let pubsubB: ChangePubSub | undefined;
  let serverA: Server;
  let serverB: Server;

  beforeAll(async () => {
    if (skipReason !== undefined) console.warn(`Redis tests skipped: ${skipReason}`);
    if (redisUrl === undefined) return;
    checks = await openRedis(redisUrl);
    pubsubA = createChangePubSub({ redisUrl, channelPrefix: prefix });
    pubsubB = createChangePubSub({ redisUrl, channelPrefix: prefix });
    serverA = createServer({ pubsub: pubsubA });
    serverB = createServer({ pubsub: pubsubB });
  });
  afterAll(async () => {
    await Promise.all([pubsubA?.close(), pubsubB?.close()]);
    checks?.disconnect();
  });

  /** Skips the test where Redis is optional; in CI a missing Redis fails it. */
  function requireRedis(context: TestContext): void {
    context.skip(skipReason !== undefined, skipReason);
    if (redisUrl === undefined) {
      throw new Error("CI runs the Redis tests: set TEST_REDIS_URL (.ci/run starts a Redis)");
    }
  }

  it("delivers a document created on A to subscribers on B and on A, once each", async (context) => {
    requireRedis(context);
    const onB = await subscribe(serverB, DOCUMENT_CHANGED);
    const onA = await subscribe(serverA, DOCUMENT_CHANGED);
    await listening(pubsubB!, "documentChanged");
    await listening(pubsubA!, "documentChanged");
    await waitForRedisSubscribers(checks!, `${prefix}documentChanged`, 2);

    const created = await write(serverA, CREATE, article("across instances"));
    const expected = {
      documentId: created.document.id,
      deleted: false,
      document: {
        id: created.document.id,
        title: "Subscription test: across instances",
        claims: { totalCount: 0 },
      },
    };
    expect((await onB.next()).data.documentChanged).toEqual(expected);
    expect((await onA.next()).data.documentChanged).toEqual(expected);
    // A marker published on B, through Redis, to both: had A's event been delivered twice
    // (in-process and through Redis), the copy would come before it.
    pubsubB!.publish("documentChanged", { documentId: Number.MAX_SAFE_INTEGER, deleted: true });
    const marker = encodeGlobalID("Document", Number.MAX_SAFE_INTEGER);
    expect((await onA.next()).data.documentChanged.documentId).toBe(marker);
    expect((await onB.next()).data.documentChanged.documentId).toBe(marker);
  });

  it("delivers importAnnotations on A to an annotationsChanged subscriber on B", async (context) => {
    requireRedis(context);
    const target = (await write(serverA, CREATE, article("imported across"))).document.id;
    const other = (await write(serverA, CREATE, article("imported elsewhere"))).document.id;
    const stream = await subscribe(serverB, ANNOTATIONS_CHANGED, { id: target });
    const topic = `annotationsChanged:${decodeGlobalID(target).id}`;
    await listening(pubsubB!, topic);
    await waitForRedisSubscribers(checks!, `${prefix}${topic}`);

    await write(serverA, IMPORT, { documentId: other, annotations: seed, mode: "MERGE" });
    await write(serverA, IMPORT, { documentId: target, annotations: seed, mode: "MERGE" });
    const document = (await stream.next()).data.annotationsChanged;
    expect(document).toMatchObject({ id: target, title: "Subscription test: imported across" });
    expect(document.claims.totalCount).toBe(seed.claims.length);
  });
});
