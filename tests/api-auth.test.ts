// API keys through HTTP: no key, a key without the scope, a bad key (malformed, unknown,
// expired, revoked) and READ_REQUIRES_KEY; every refused write leaves every table as it was.
import { describe, expect, it } from "vitest";
import { createApiKey, listApiKeys, revokeApiKey, verifyApiKey } from "../src/auth/api-keys.ts";
import { authenticate } from "../src/auth/context.ts";
import { loadConfig } from "../src/config.ts";
import { getDb } from "../src/db/client.ts";
import { withSqlTrace } from "../src/db/sql-trace.ts";
import { createServer } from "../src/yoga.ts";
import { createTestKey } from "./support/api-keys.ts";
import { type GraphQLResponse, graphql, graphqlOn } from "./support/graphql.ts";
import { countRows, useTestDatabase } from "./support/test-database.ts";

const { prisma } = useTestDatabase();

const CREATE = `mutation($input: CreateDocumentInput!) { createDocument(input: $input) {
  __typename ... on CreateDocumentPayload { created document { id title } } } }`;
const DELETE = `mutation($input: DeleteDocumentInput!) { deleteDocument(input: $input) {
  __typename ... on DeleteDocumentPayload { deletedId } } }`;
const READ = "{ documents(first: 1) { totalCount } }";

let counter = 0;
function newDocument() {
  counter++;
  return {
    input: { title: `Auth test ${counter}`, body: `Body of auth test document ${counter}.` },
  };
}

function errorCode(result: GraphQLResponse): unknown {
  return result.errors?.[0]?.extensions?.code;
}

/** A write that must be refused with `code`, leaving every table as it was. */
async function refusedWrite(
  options: Parameters<typeof graphql>[2],
  code: "UNAUTHENTICATED" | "FORBIDDEN",
): Promise<GraphQLResponse> {
  const before = await countRows();
  const result = await graphql(CREATE, newDocument(), options);
  expect(errorCode(result), JSON.stringify(result.errors)).toBe(code);
  expect(result.data?.createDocument ?? null).toBeNull();
  expect(await countRows()).toEqual(before);
  return result;
}

async function createDocumentWith(token: string): Promise<string> {
  const result = await graphql(CREATE, newDocument(), { token });
  expect(result.errors, JSON.stringify(result.errors)).toBeUndefined();
  expect(result.data.createDocument).toMatchObject({
    __typename: "CreateDocumentPayload",
    created: true,
  });
  return result.data.createDocument.document.id;
}

describe("writes need a key with the scope", () => {
  it("refuses createDocument without a key: UNAUTHENTICATED, nothing written", async () => {
    const result = await refusedWrite({}, "UNAUTHENTICATED");
    expect(result.errors?.[0]?.message).toMatch(/needs an API key/);
  });

  it("refuses createDocument with a read key: FORBIDDEN, nothing written", async () => {
    await refusedWrite({ token: await createTestKey(["read"]) }, "FORBIDDEN");
  });

  it("accepts createDocument with a write key and with an admin key", async () => {
    const before = await countRows();
    await createDocumentWith(await createTestKey(["write"]));
    await createDocumentWith(await createTestKey(["admin"]));
    expect((await countRows()).documents).toBe(before.documents + 2);
  });

  it("refuses deleteDocument with a write key (FORBIDDEN) and accepts it with an admin key", async () => {
    const writeKey = await createTestKey(["write"]);
    const id = await createDocumentWith(writeKey);
    const before = await countRows();
    const forbidden = await graphql(DELETE, { input: { id } }, { token: writeKey });
    expect(errorCode(forbidden)).toBe("FORBIDDEN");
    expect(await countRows()).toEqual(before);

    const deleted = await graphql(
      DELETE,
      { input: { id } },
      { token: await createTestKey(["admin"]) },
    );
    expect(deleted.errors, JSON.stringify(deleted.errors)).toBeUndefined();
    expect(deleted.data.deleteDocument).toEqual({
      __typename: "DeleteDocumentPayload",
      deletedId: id,
    });
    expect((await countRows()).documents).toBe(before.documents - 1);
  });
});

describe("a bad key refuses the whole request with 401 UNAUTHENTICATED", () => {
  async function expectRefused(headers: Record<string, string>, reason: string) {
    const before = await countRows();
    for (const source of [CREATE, READ]) {
      const result = await graphql(source, newDocument(), { headers });
      expect(result.status).toBe(401);
      expect(result.data).toBeUndefined();
      expect(result.errors).toHaveLength(1);
      expect(result.errors?.[0]?.extensions).toEqual({ code: "UNAUTHENTICATED", reason });
      // The message names the reason and never repeats what was sent.
      expect(result.errors?.[0]?.message).toMatch(
        new RegExp(reason === "unknown" ? "unknown" : reason),
      );
      const sent = headers.authorization!.replace(/^\S+\s*/, "");
      if (sent.length > 3) expect(JSON.stringify(result)).not.toContain(sent);
    }
    expect(await countRows()).toEqual(before);
  }

  it.each([
    ["Bearer"],
    ["Bearer "],
    ["Basic xyz"],
    ["Basic dXNlcjpwYXNz"],
    ["Bearer ngk_bad"],
    ["Bearer a b"],
    [""],
  ])("malformed header %j", async (authorization) => {
    await expectRefused({ authorization }, "malformed");
  });

  it("a token of the right shape whose secret is wrong or unknown", async () => {
    const token = await createTestKey(["admin"]);
    const wrongSecret =
      `${token.slice(0, -4)}AAAA` === token
        ? `${token.slice(0, -4)}BBBB`
        : `${token.slice(0, -4)}AAAA`;
    await expectRefused({ authorization: `Bearer ${wrongSecret}` }, "unknown");
    const unknownPrefix = `ngk_000000000000_${token.split("_").slice(2).join("_")}`;
    await expectRefused({ authorization: `Bearer ${unknownPrefix}` }, "unknown");
  });

  it("an expired key", async () => {
    const { token } = await createApiKey(prisma(), {
      name: "expired",
      scopes: ["admin"],
      expiresAt: new Date(Date.now() - 1000),
    });
    await expectRefused({ authorization: `Bearer ${token}` }, "expired");
  });

  it("a revoked key", async () => {
    const token = await createTestKey(["admin"]);
    await createDocumentWith(token);
    const prefix = token.split("_")[1]!;
    expect((await revokeApiKey(prisma(), prefix)).status).toBe("revoked");
    await expectRefused({ authorization: `Bearer ${token}` }, "revoked");
  });

  it("sends a WWW-Authenticate challenge with the 401", async () => {
    const { yoga } = await import("../src/yoga.ts");
    const response = await yoga.fetch("http://yoga/graphql", {
      method: "POST",
      headers: { "content-type": "application/json", authorization: "Basic xyz" },
      body: JSON.stringify({ query: READ }),
    });
    expect(response.status).toBe(401);
    expect(response.headers.get("www-authenticate")).toMatch(/^Bearer /);
  });

  it("accepts the scheme case-insensitively", async () => {
    const token = await createTestKey(["write"]);
    const result = await graphql(CREATE, newDocument(), {
      headers: { authorization: `bearer ${token}` },
    });
    expect(result.errors).toBeUndefined();
  });
});

describe("READ_REQUIRES_KEY=1", () => {
  const privateServer = createServer({
    config: loadConfig({ READ_REQUIRES_KEY: "1", LOG_LEVEL: "silent" }),
  });

  it("reads are public without it", async () => {
    const result = await graphql(READ);
    expect(result.errors).toBeUndefined();
  });

  it("refuses queries without a key, and answers them with any valid key", async () => {
    const anonymous = await graphqlOn(privateServer, READ);
    expect(errorCode(anonymous)).toBe("UNAUTHENTICATED");
    expect(anonymous.data?.documents ?? null).toBeNull();
    for (const scope of ["read", "write", "admin"] as const) {
      const result = await graphqlOn(
        privateServer,
        READ,
        {},
        { token: await createTestKey([scope]) },
      );
      expect(result.errors, `${scope}: ${JSON.stringify(result.errors)}`).toBeUndefined();
      expect(typeof result.data.documents.totalCount).toBe("number");
    }
  });
});

describe("storage", () => {
  it("stores no part of the secret, and gives every key its own prefix", async () => {
    const first = await createApiKey(prisma(), { name: "first", scopes: ["read"] });
    const second = await createApiKey(prisma(), { name: "second", scopes: ["read"] });
    expect(first.token).toMatch(/^ngk_[0-9a-f]{12}_[A-Za-z0-9_-]{43}$/);
    expect(first.key.prefix).not.toBe(second.key.prefix);
    expect(first.token).not.toBe(second.token);

    const secret = first.token.slice("ngk_".length + 12 + 1);
    const rows = await prisma().$queryRaw<
      unknown[]
    >`SELECT * FROM "ApiKey" WHERE "id" = ${first.key.id}`;
    const stored = JSON.stringify(rows);
    expect(stored).toContain(first.key.prefix);
    expect(stored).not.toContain(first.token);
    // No 8-character piece of the secret appears anywhere in the row.
    for (let i = 0; i + 8 <= secret.length; i++)
      expect(stored).not.toContain(secret.slice(i, i + 8));
    expect(JSON.stringify(await listApiKeys(prisma()))).not.toContain("secretHash");
  });

  it("verifies with one SELECT by prefix and records the last use at most hourly", async () => {
    const { token, key } = await createApiKey(prisma(), { name: "usage", scopes: ["write"] });
    expect(key.lastUsedAt).toBeNull();
    const first = await verifyApiKey(getDb().prisma, token);
    expect(first).toEqual({
      ok: true,
      caller: { keyId: key.id, keyName: "usage", scopes: ["read", "write"] },
    });
    const stamped = (await prisma().apiKey.findUniqueOrThrow({ where: { id: key.id } })).lastUsedAt;
    expect(stamped).not.toBeNull();
    await verifyApiKey(getDb().prisma, token);
    const again = (await prisma().apiKey.findUniqueOrThrow({ where: { id: key.id } })).lastUsedAt;
    expect(again).toEqual(stamped);
  });

  it("costs no statement without a key, and one indexed SELECT with one", async () => {
    const request = (headers: Record<string, string>) =>
      new Request("http://yoga/graphql", { method: "POST", headers });
    const anonymous = withSqlTrace(() => authenticate(request({})), { log: true });
    expect(await anonymous.result).toBeNull();
    expect(anonymous.trace.statements).toBe(0);

    const token = await createTestKey(["read"]);
    await verifyApiKey(prisma(), token); // first use: records lastUsedAt
    const keyed = withSqlTrace(() => authenticate(request({ authorization: `Bearer ${token}` })), {
      log: true,
    });
    expect((await keyed.result)?.scopes).toEqual(["read"]);
    expect(keyed.trace.statements).toBe(1);
    expect(keyed.trace.log?.[0]).toMatch(
      /^SELECT .* FROM "public"."ApiKey" WHERE .*"prefix" = \$1/,
    );
  });

  it("refuses bad input to createApiKey", async () => {
    await expect(createApiKey(prisma(), { name: " ", scopes: ["read"] })).rejects.toThrow(/name/);
    await expect(createApiKey(prisma(), { name: "x", scopes: [] })).rejects.toThrow(/scope/);
    await expect(createApiKey(prisma(), { name: "x", scopes: ["root" as "read"] })).rejects.toThrow(
      /unknown scope "root"/,
    );
  });
});
