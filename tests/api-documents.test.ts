// Document mutations through HTTP: idempotent creation (also under concurrency), updates,
// deletes, annotation import; every rejected write leaves every table as it was.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { createTestKey } from "./support/api-keys.ts";
import { graphql, mutate } from "./support/graphql.ts";
import { countRows, SEEDS_DIR, useTestDatabase } from "./support/test-database.ts";

useTestDatabase({ seed: true });

const seed = JSON.parse(readFileSync(join(SEEDS_DIR, "000_c259099762e85b88.json"), "utf8"));
const seedBody = readFileSync(join(SEEDS_DIR, seed.document.bodyFile), "utf8");

let writeKey: string;
let adminKey: string;
beforeAll(async () => {
  writeKey = await createTestKey(["write"]);
  adminKey = await createTestKey(["admin"]);
});

const CREATE = `mutation($input: CreateDocumentInput!) { createDocument(input: $input) {
  __typename
  ... on CreateDocumentPayload { created document { id slug title body } }
  ... on ValidationError { message issues { path message } }
  ... on ConflictError { message } } }`;

const IMPORT = `mutation($input: ImportAnnotationsInput!) { importAnnotations(input: $input) {
  __typename
  ... on ImportAnnotationsPayload { summary { actors events actorMentions eventMentions claims }
    document { claims(first: 1) { totalCount } } }
  ... on ValidationError { issues { path message } }
  ... on NotFoundError { entity reference }
  ... on ConflictError { message } } }`;

function write(source: string, input: unknown, token = writeKey) {
  return mutate(source, input, { token });
}

/** Runs a write that must be rejected, and proves no table changed. */
async function rejected(source: string, input: unknown, token = writeKey) {
  const before = await countRows();
  const result = await write(source, input, token);
  expect(await countRows()).toEqual(before);
  return result;
}

const article = (n: number) => ({
  title: `Test article ${n}`,
  body: `${seedBody}\n\n(Copy ${n}.)`,
  source: "newsgraph tests",
  publishedAt: "2025-07-07T10:00:00Z",
});

describe("createDocument", () => {
  it("stores a document once per body and reports whether it created it", async () => {
    const first = await write(CREATE, article(1));
    expect(first).toMatchObject({ __typename: "CreateDocumentPayload", created: true });
    expect(first.document.body).toBe(article(1).body);
    const before = await countRows();
    const again = await write(CREATE, { ...article(1), title: "Another title" });
    expect(again).toMatchObject({
      created: false,
      document: { id: first.document.id, title: "Test article 1" },
    });
    expect(await countRows()).toEqual(before);
  });

  it("creates exactly one document when 20 identical requests arrive at once", async () => {
    const before = await countRows();
    const results = await Promise.all(Array.from({ length: 20 }, () => write(CREATE, article(2))));
    expect(results.filter((r) => r.__typename !== "CreateDocumentPayload")).toEqual([]);
    expect(results.filter((r) => r.created)).toHaveLength(1);
    expect(new Set(results.map((r) => r.document.id)).size).toBe(1);
    expect((await countRows()).documents).toBe(before.documents + 1);
  });

  it("rejects invalid fields, naming each, and writes nothing", async () => {
    const result = await rejected(CREATE, { title: "  ", body: "", url: "not a url" });
    expect(result.__typename).toBe("ValidationError");
    const paths = result.issues.map((i: any) => i.path.join("."));
    expect(paths).toEqual(expect.arrayContaining(["title", "body", "url"]));
  });

  it("rejects a body over 2 MB", async () => {
    const result = await rejected(CREATE, { title: "Huge", body: "x".repeat(2 * 1024 * 1024 + 1) });
    expect(result.__typename).toBe("ValidationError");
    expect(result.issues[0]).toMatchObject({
      path: ["body"],
      message: expect.stringContaining("2 MB"),
    });
  });

  it("rejects a slug another document has", async () => {
    const result = await rejected(CREATE, { ...article(3), slug: seed.document.slug });
    expect(result.__typename).toBe("ConflictError");
    expect(result.message).toContain(seed.document.slug);
  });
});

describe("importAnnotations", () => {
  let documentId: string;
  beforeAll(async () => {
    documentId = (await write(CREATE, article(4))).document.id;
  });

  it("applies a seeds/*.json file to a document and the content is queryable with nested filters", async () => {
    const result = await write(IMPORT, { documentId, annotations: seed, mode: "MERGE" });
    expect(result.__typename).toBe("ImportAnnotationsPayload");
    expect(result.summary.claims).toBe(seed.claims.length);
    expect(result.document.claims.totalCount).toBe(seed.claims.length);
    const peskov = await graphql(
      `query($id: ID!) { node(id: $id) { ... on Document { claims(filter: { claimant: { nameOrAlias: {
        equals: "Peskov" } } }) { totalCount } } } }`,
      { id: documentId },
    );
    expect(peskov.data.node.claims.totalCount).toBe(
      seed.claims.filter((c: any) => c.claimant === "Dmitry Peskov").length,
    );
  });

  it("MERGE again adds nothing; REPLACE rewrites without duplicates", async () => {
    const before = await countRows();
    const merged = await write(IMPORT, { documentId, annotations: seed, mode: "MERGE" });
    expect(merged.summary).toMatchObject({ claims: 0, actorMentions: 0, eventMentions: 0 });
    expect(await countRows()).toEqual(before);
    const replaced = await write(IMPORT, { documentId, annotations: seed, mode: "REPLACE" });
    expect(replaced.summary.claims).toBe(seed.claims.length);
    const after = await countRows();
    expect({ ...after, claimSubjects: 0 }).toEqual({ ...before, claimSubjects: 0 });
  });

  it("rejects a broken annotation with the path of the problem and writes nothing", async () => {
    const broken = structuredClone(seed);
    broken.claims[2].span.end += 1;
    const result = await rejected(IMPORT, { documentId, annotations: broken, mode: "REPLACE" });
    expect(result.__typename).toBe("ValidationError");
    expect(result.issues[0].path).toEqual(["annotations", "claims", "2", "span"]);
  });

  it("rejects annotations that are not in the seed format", async () => {
    const result = await rejected(IMPORT, {
      documentId,
      annotations: { claims: "nope" },
      mode: "MERGE",
    });
    expect(result.__typename).toBe("ValidationError");
    expect(result.issues[0].path).toEqual(["annotations", "claims"]);
  });

  it("answers NotFoundError for a document that does not exist", async () => {
    const missing = Buffer.from("Document:999999").toString("base64");
    const result = await rejected(IMPORT, {
      documentId: missing,
      annotations: seed,
      mode: "MERGE",
    });
    expect(result).toMatchObject({ __typename: "NotFoundError", entity: "Document" });
  });

  it("refuses a global id of another type, naming it", async () => {
    const actorId = Buffer.from("Actor:1").toString("base64");
    const before = await countRows();
    const result = await graphql(
      IMPORT,
      { input: { documentId: actorId, annotations: seed, mode: "MERGE" } },
      { token: writeKey },
    );
    expect(result.errors?.[0]?.message).toMatch(/Document/);
    expect(await countRows()).toEqual(before);
  });
});

describe("updateDocument and deleteDocument", () => {
  const UPDATE = `mutation($input: UpdateDocumentInput!) { updateDocument(input: $input) { __typename
    ... on UpdateDocumentPayload { document { title slug } }
    ... on ConflictError { message } ... on NotFoundError { entity } ... on ValidationError { issues { path } } } }`;
  const DELETE = `mutation($input: DeleteDocumentInput!) { deleteDocument(input: $input) { __typename
    ... on DeleteDocumentPayload { deletedId removedActors removedEvents } ... on NotFoundError { entity } } }`;

  it("changes metadata, refuses a body change under annotations, and a null title", async () => {
    const { document } = await write(CREATE, article(5));
    const renamed = await write(UPDATE, {
      id: document.id,
      title: "Renamed",
      slug: "renamed-article",
    });
    expect(renamed.document).toEqual({ title: "Renamed", slug: "renamed-article" });
    await write(IMPORT, { documentId: document.id, annotations: seed, mode: "MERGE" });
    const body = await rejected(UPDATE, { id: document.id, body: "Another text" });
    expect(body.__typename).toBe("ConflictError");
    const nullTitle = await rejected(UPDATE, { id: document.id, title: null });
    expect(nullTitle.__typename).toBe("ValidationError");
  });

  it("deletes a document with its claims and mentions; shared actors and events stay", async () => {
    const { document } = await write(CREATE, article(6));
    await write(IMPORT, { documentId: document.id, annotations: seed, mode: "MERGE" });
    const before = await countRows();
    const deleted = await write(DELETE, { id: document.id }, adminKey);
    expect(deleted).toMatchObject({ __typename: "DeleteDocumentPayload", deletedId: document.id });
    expect(deleted).toMatchObject({ removedActors: 0, removedEvents: 0 });
    const after = await countRows();
    expect(after.documents).toBe(before.documents - 1);
    expect(after.claims).toBe(before.claims - seed.claims.length);
    expect(after.actors).toBe(before.actors);
    expect(after.events).toBe(before.events);
    const gone = await graphql(`query($id: ID!) { node(id: $id) { id } }`, { id: document.id });
    expect(gone.data?.node ?? null).toBeNull();
  });

  it("removes actors and events that only the deleted document used", async () => {
    const { document } = await write(CREATE, article(7));
    const own = {
      actors: [{ name: "A Lonely Observer", kind: "PERSON", mentions: [] }],
      events: [
        {
          slug: "a-lonely-event",
          title: "A lonely event",
          kind: "OTHER",
          status: "OCCURRED",
          date: { text: "July 5", start: "2025-07-05", end: "2025-07-05", precision: "DAY" },
          participants: [{ actor: "A Lonely Observer" }],
        },
      ],
      claims: [],
    };
    await write(IMPORT, {
      documentId: document.id,
      annotations: {
        ...own,
        claims: [
          {
            ...seed.claims[0],
            claimant: "A Lonely Observer",
            subjects: [],
            event: "a-lonely-event",
          },
        ],
      },
      mode: "MERGE",
    });
    const deleted = await write(DELETE, { id: document.id }, adminKey);
    expect(deleted).toMatchObject({ removedActors: 1, removedEvents: 1 });
    const actor = await graphql(`{ actor(name: "A Lonely Observer") { id } }`);
    expect(actor.data.actor).toBeNull();
  });
});
