// Persisted operations: the file (GraphQL Codegen's persisted-documents.json shape, or an Apollo
// persisted query manifest), its loader's one-line refusals, and the server in allow-list mode
// (PERSISTED_ONLY=1) and beside ordinary queries.
import { createHash } from "node:crypto";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { loadConfig } from "../src/config.ts";
import {
  loadPersistedOperations,
  PersistedOperationsError,
} from "../src/plugins/persisted-operations.ts";
import { createServer } from "../src/yoga.ts";
import { useTestDatabase } from "./support/test-database.ts";

useTestDatabase({ seed: true });

const dir = mkdtempSync(join(tmpdir(), "newsgraph-persisted-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const sha256 = (text: string) => createHash("sha256").update(text).digest("hex");

const TITLES =
  "query Titles($first: Int) { documents(first: $first) { totalCount nodes { title } } }";
const RUSSIA = 'query Russia { actor(name: "Moscow") { name } }';

/** What GraphQL Codegen's client preset writes (persistedDocuments: { hashAlgorithm: "sha256" }). */
const codegenFile = (documents: string[]) =>
  JSON.stringify(
    Object.fromEntries(documents.map((document) => [sha256(document), document])),
    null,
    2,
  );

let files = 0;
function file(content: string): string {
  const path = join(dir, `operations-${++files}.json`);
  writeFileSync(path, content);
  return path;
}

const config = (env: Record<string, string>) => loadConfig({ LOG_LEVEL: "silent", ...env });

describe("loadPersistedOperations", () => {
  it("reads GraphQL Codegen's persisted-documents.json shape", () => {
    const path = file(codegenFile([TITLES, RUSSIA]));
    const loaded = loadPersistedOperations(config({ PERSISTED_OPERATIONS_FILE: path }));
    expect(loaded?.file).toBe(path);
    expect(loaded?.documents.get(sha256(TITLES))).toBe(TITLES);
    // A sha256 id answers in the GraphQL-over-HTTP form too.
    expect(loaded?.documents.get(`sha256:${sha256(RUSSIA)}`)).toBe(RUSSIA);
  });

  it("reads an Apollo persisted query manifest", () => {
    const path = file(
      JSON.stringify({
        format: "apollo-persisted-query-manifest",
        version: 1,
        operations: [{ id: sha256(RUSSIA), name: "Russia", type: "query", body: RUSSIA }],
      }),
    );
    const loaded = loadPersistedOperations(config({ PERSISTED_OPERATIONS_FILE: path }));
    expect(loaded?.documents.get(sha256(RUSSIA))).toBe(RUSSIA);
  });

  it("takes ids of any hash (codegen's default is sha1)", () => {
    const id = createHash("sha1").update(RUSSIA).digest("hex");
    const path = file(JSON.stringify({ [id]: RUSSIA }));
    expect(
      loadPersistedOperations(config({ PERSISTED_OPERATIONS_FILE: path }))?.documents.get(id),
    ).toBe(RUSSIA);
  });

  it("is null without a file, unless PERSISTED_ONLY=1", () => {
    const missing = join(dir, "missing.json");
    expect(loadPersistedOperations(config({ PERSISTED_OPERATIONS_FILE: missing }))).toBeNull();
    expect(() =>
      loadPersistedOperations(config({ PERSISTED_OPERATIONS_FILE: missing, PERSISTED_ONLY: "1" })),
    ).toThrow(
      new PersistedOperationsError(
        `PERSISTED_OPERATIONS_FILE ${missing} does not exist, and PERSISTED_ONLY=1 needs it`,
      ),
    );
  });

  const refusals: [string, string, RegExp][] = [
    ["not JSON", "{ nope", /^PERSISTED_OPERATIONS_FILE .+ is not valid JSON: /],
    ["a list", "[]", /must map ids to documents/],
    ["a number for a document", '{ "abc": 42 }', /entry "abc": the document must be a string$/],
    [
      "a document that does not parse",
      '{ "abc": "query { documents { " }',
      /entry "abc": Syntax Error: Expected Name, found <EOF>\.$/,
    ],
    ["an id with spaces", '{ "a b": "{ __typename }" }', /entry "a b": an id must be non-empty/],
    [
      "a manifest without operations",
      '{ "format": "apollo-persisted-query-manifest" }',
      /"operations" must be a list/,
    ],
    ["an empty list, with PERSISTED_ONLY=1", "{}", /lists no operations, and PERSISTED_ONLY=1$/],
  ];
  it.each(refusals)(
    "refuses %s in one line, whatever PERSISTED_ONLY says",
    (_, content, message) => {
      const path = file(content);
      const only = () =>
        loadPersistedOperations(config({ PERSISTED_OPERATIONS_FILE: path, PERSISTED_ONLY: "1" }));
      expect(only).toThrow(PersistedOperationsError);
      expect(only).toThrow(message);
      try {
        only();
      } catch (error) {
        expect((error as Error).message).not.toContain("\n");
      }
      if (content !== "{}") {
        expect(() => loadPersistedOperations(config({ PERSISTED_OPERATIONS_FILE: path }))).toThrow(
          message,
        );
      }
    },
  );

  it("stops createServer too, when main.ts has not loaded the file itself", () => {
    const missing = join(dir, "also-missing.json");
    expect(() =>
      createServer({
        config: config({ PERSISTED_OPERATIONS_FILE: missing, PERSISTED_ONLY: "1" }),
      }),
    ).toThrow(PersistedOperationsError);
  });
});

type Server = ReturnType<typeof createServer>;

async function post(server: Server, body: unknown) {
  const response = await server.fetch("http://yoga/graphql", {
    method: "POST",
    headers: { "content-type": "application/json", accept: "application/json" },
    body: JSON.stringify(body),
  });
  return { status: response.status, ...(await response.json()) };
}

async function get(server: Server, params: Record<string, string>) {
  const response = await server.fetch(`http://yoga/graphql?${new URLSearchParams(params)}`, {
    headers: { accept: "application/json", "x-graphql-yoga-csrf": "1" },
  });
  return { status: response.status, ...(await response.json()) };
}

const apollo = (query: string) => ({
  persistedQuery: { version: 1, sha256Hash: sha256(query) },
});

describe("PERSISTED_ONLY=1 (allow-list)", () => {
  const path = file(codegenFile([TITLES, RUSSIA]));
  const server = createServer({
    config: config({ PERSISTED_ONLY: "1", PERSISTED_OPERATIONS_FILE: path }),
  });

  it("runs a listed operation by extensions.persistedQuery.sha256Hash", async () => {
    const reply = await post(server, { extensions: apollo(TITLES), variables: { first: 1 } });
    expect(reply).toMatchObject({ status: 200, data: { documents: { totalCount: 1 } } });
    expect(reply.errors).toBeUndefined();
  });

  it("runs a listed operation by documentId, in the body or a GET's query string", async () => {
    expect(await post(server, { documentId: sha256(RUSSIA) })).toEqual({
      status: 200,
      data: { actor: { name: "Russia" } },
    });
    expect(await post(server, { documentId: `sha256:${sha256(RUSSIA)}` })).toMatchObject({
      data: { actor: { name: "Russia" } },
    });
    expect(await get(server, { documentId: sha256(RUSSIA) })).toEqual({
      status: 200,
      data: { actor: { name: "Russia" } },
    });
    expect(
      await get(server, {
        extensions: JSON.stringify(apollo(TITLES)),
        variables: JSON.stringify({ first: 1 }),
      }),
    ).toMatchObject({ status: 200, data: { documents: { totalCount: 1 } } });
  });

  it("refuses an arbitrary document, even a listed one sent as text", async () => {
    for (const query of ["{ documents { totalCount } }", RUSSIA]) {
      const reply = await post(server, { query });
      expect(reply.status).toBe(400);
      expect(reply.data).toBeUndefined();
      expect(reply.errors).toEqual([
        {
          message:
            "Only persisted operations run on this server (PERSISTED_ONLY=1): send extensions.persistedQuery.sha256Hash or documentId of a listed operation instead of a query",
          extensions: { code: "PERSISTED_QUERY_REQUIRED" },
        },
      ]);
    }
  });

  it("refuses an unknown id", async () => {
    const reply = await post(server, { documentId: sha256("{ __schema { types { name } } }") });
    expect(reply.data).toBeUndefined();
    expect(reply.errors[0]).toMatchObject({
      message: expect.stringMatching(/^No persisted operation has the id "[0-9a-f]{64}"$/),
      extensions: { code: "PERSISTED_QUERY_NOT_FOUND" },
    });
  });

  it("still applies the limits to a listed operation's variables", async () => {
    const reply = await post(server, { documentId: sha256(TITLES), variables: { first: 1000 } });
    expect(reply.errors[0].extensions).toMatchObject({ code: "BAD_USER_INPUT", argument: "first" });
  });
});

describe("persisted operations beside ordinary queries (PERSISTED_ONLY off)", () => {
  const path = file(codegenFile([RUSSIA]));
  const server = createServer({ config: config({ PERSISTED_OPERATIONS_FILE: path }) });

  it("runs listed ids and arbitrary queries alike", async () => {
    expect(await post(server, { documentId: sha256(RUSSIA) })).toEqual({
      status: 200,
      data: { actor: { name: "Russia" } },
    });
    expect(await post(server, { query: '{ actor(name: "Kyiv") { name } }' })).toEqual({
      status: 200,
      data: { actor: { name: "Ukraine" } },
    });
  });

  it("answers PERSISTED_QUERY_NOT_FOUND for an unknown id, as Apollo's link expects", async () => {
    const reply = await post(server, { extensions: apollo("{ __typename }") });
    expect(reply.errors[0].extensions.code).toBe("PERSISTED_QUERY_NOT_FOUND");
  });
});
