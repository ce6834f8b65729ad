// Extraction through HTTP: createDocument(extract: true) and extractDocument store the
// pipeline's actors, claims and events marked EXTRACTED with confidences, queryable with
// filters; another language stores the document unanalysed; bad input writes nothing.
import { beforeAll, describe, expect, it } from "vitest";
import { createTestKey } from "./support/api-keys.ts";
import { graphql } from "./support/graphql.ts";
import { countRows, useTestDatabase } from "./support/test-database.ts";

useTestDatabase({ seed: true });

let writeKey: string;
let readKey: string;
beforeAll(async () => {
  writeKey = await createTestKey(["write"]);
  readKey = await createTestKey(["read"]);
});

const SEED_SLUG =
  "russian-soldiers-returned-from-ukrainian-captivity-held-in-belarus-defense-ministry-says";

// Written for this test, not taken from the dev set: the pipeline has never seen it.
const ARTICLE = [
  "Foreign Minister Sergei Lavrov said on Tuesday that Russia was ready to resume talks with " +
    "Ukraine in Geneva next month.",
  "Ukrainian Foreign Minister Andrii Sybiha rejected the offer, according to the Ukrainian " +
    "Foreign Ministry.",
  "“There can be no negotiations while the shelling continues,” Sybiha told reporters in Kyiv.",
  "The United Nations welcomed the proposal and urged both sides to agree to a ceasefire.",
  "Lavrov also said that a prisoner exchange could take place before the talks.",
].join("\n");

const CREATE = `mutation($input: CreateDocumentInput!) { createDocument(input: $input) {
  __typename
  ... on CreateDocumentPayload { created document { id slug }
    extraction { extracted language warnings summary { actors events actorMentions claims } } }
  ... on ValidationError { message issues { path message } } } }`;

const EXTRACT = `mutation($input: ExtractDocumentInput!) { extractDocument(input: $input) {
  __typename
  ... on ExtractDocumentPayload { document { id }
    extraction { extracted warnings summary { actors events actorMentions claims } } }
  ... on NotFoundError { entity reference }
  ... on ValidationError { issues { path message } } } }`;

const READ = `query($slug: String!, $origin: Origin!) { document(slug: $slug) {
  claims(first: 50, filter: { origin: { equals: $origin } }) {
    totalCount
    nodes { text kind origin confidence claimant { name } span { start end text } }
  }
  events(first: 50, filter: { origin: { equals: $origin } }) {
    totalCount
    nodes { title kind status origin confidence date { start end precision yearInferred }
      participants { actor { name } role } }
  }
  mentions(first: 100, filter: { origin: { equals: $origin } }) {
    totalCount nodes { origin confidence span { text } actor { name } }
  }
} }`;

async function call(source: string, variables: Record<string, unknown>, token = writeKey) {
  const result = await graphql(source, variables, { token });
  expect(result.errors, JSON.stringify(result.errors)).toBeUndefined();
  return result.data as any;
}

async function readDocument(slug: string, origin: "MANUAL" | "EXTRACTED") {
  return (await call(READ, { slug, origin }, readKey)).document;
}

describe("createDocument(extract: true)", () => {
  let slug: string;
  let id: string;

  beforeAll(async () => {
    const created = await call(CREATE, {
      input: {
        title: "Lavrov offers talks",
        body: ARTICLE,
        publishedAt: "2025-07-09T08:00:00Z",
        extract: true,
      },
    });
    expect(created.createDocument.__typename).toBe("CreateDocumentPayload");
    slug = created.createDocument.document.slug;
    id = created.createDocument.document.id;
    expect(created.createDocument.extraction).toMatchObject({
      extracted: true,
      language: "eng",
      warnings: [],
    });
    expect(created.createDocument.extraction.summary.claims).toBeGreaterThanOrEqual(4);
  });

  it("stores attributed claims marked EXTRACTED with a confidence", async () => {
    const doc = await readDocument(slug, "EXTRACTED");
    const claims = doc.claims.nodes;
    expect(doc.claims.totalCount).toBe(claims.length);
    for (const claim of claims) {
      expect(claim.origin).toBe("EXTRACTED");
      expect(claim.confidence).toBeGreaterThan(0);
      expect(claim.confidence).toBeLessThanOrEqual(1);
      expect(ARTICLE.slice(claim.span.start, claim.span.end)).toBe(claim.span.text);
    }
    const byClaimant = (name: string) => claims.filter((c: any) => c.claimant?.name === name);
    expect(byClaimant("Sergei Lavrov").length).toBeGreaterThanOrEqual(2);
    expect(byClaimant("Andrii Sybiha").length).toBeGreaterThanOrEqual(1);
    const quote = claims.find((c: any) => c.span.text.includes("no negotiations"));
    expect(quote?.claimant?.name).toBe("Andrii Sybiha");
  });

  it("stores events with dates relative to publication and participants", async () => {
    const doc = await readDocument(slug, "EXTRACTED");
    const talks = doc.events.nodes.find((e: any) => e.kind === "NEGOTIATION");
    expect(talks).toMatchObject({ origin: "EXTRACTED", status: "PLANNED" });
    expect(talks.participants.map((p: any) => p.actor.name)).toEqual(
      expect.arrayContaining(["Russia", "Ukraine"]),
    );
    const statement = doc.events.nodes.find((e: any) => e.kind === "STATEMENT");
    expect(statement?.date).toMatchObject({
      start: "2025-07-08",
      precision: "DAY",
      yearInferred: true,
    });
  });

  it("stores actor mentions EXTRACTED and nothing MANUAL", async () => {
    const extracted = await readDocument(slug, "EXTRACTED");
    expect(extracted.mentions.totalCount).toBeGreaterThan(5);
    expect(extracted.mentions.nodes.map((m: any) => m.actor.name)).toEqual(
      expect.arrayContaining(["Russia", "Ukraine", "United Nations"]),
    );
    const manual = await readDocument(slug, "MANUAL");
    expect(manual.claims.totalCount + manual.events.totalCount + manual.mentions.totalCount).toBe(
      0,
    );
  });

  it("gives the same result when extracted again with REPLACE, leaving no stale events", async () => {
    const before = await countRows();
    const again = await call(EXTRACT, { input: { id, mode: "REPLACE" } });
    expect(again.extractDocument.__typename).toBe("ExtractDocumentPayload");
    expect(await countRows()).toEqual(before);
  });

  it("runs concurrent REPLACE extractions one after the other: no claim is stored twice", async () => {
    const before = await countRows();
    const runs = await Promise.all(
      [1, 2, 3].map(() => call(EXTRACT, { input: { id, mode: "REPLACE" } })),
    );
    for (const run of runs) expect(run.extractDocument.__typename).toBe("ExtractDocumentPayload");
    expect(await countRows()).toEqual(before);
  });
});

describe("extraction of a hand-annotated document", () => {
  it("MERGE keeps the manual annotation and reuses its stored actors", async () => {
    const doc = (await call(`{ document(slug: "${SEED_SLUG}") { id } }`, {}, readKey)).document;
    const manualBefore = await readDocument(SEED_SLUG, "MANUAL");
    const actorsBefore = (await countRows()).actors;
    const result = await call(EXTRACT, { input: { id: doc.id, mode: "MERGE" } });
    expect(result.extractDocument.extraction.summary.claims).toBeGreaterThan(10);
    const manualAfter = await readDocument(SEED_SLUG, "MANUAL");
    expect(manualAfter.claims.totalCount).toBe(manualBefore.claims.totalCount);
    const extracted = await readDocument(SEED_SLUG, "EXTRACTED");
    // "Peskov" resolved to the stored "Dmitry Peskov", not a new actor.
    expect(extracted.claims.nodes.some((c: any) => c.claimant?.name === "Dmitry Peskov")).toBe(
      true,
    );
    const { actors } = await countRows();
    expect(actors - actorsBefore).toBeLessThan(5);
  });

  it("REPLACE replaces only extracted items: the hand annotation stays whole", async () => {
    const doc = (await call(`{ document(slug: "${SEED_SLUG}") { id } }`, {}, readKey)).document;
    const manualBefore = await readDocument(SEED_SLUG, "MANUAL");
    await call(EXTRACT, { input: { id: doc.id, mode: "REPLACE" } });
    const extractedOnce = (await readDocument(SEED_SLUG, "EXTRACTED")).claims.totalCount;
    await call(EXTRACT, { input: { id: doc.id, mode: "REPLACE" } });
    const manualAfter = await readDocument(SEED_SLUG, "MANUAL");
    expect(manualAfter.claims.totalCount).toBe(manualBefore.claims.totalCount);
    expect(manualAfter.mentions.totalCount).toBe(manualBefore.mentions.totalCount);
    expect(manualAfter.events.totalCount).toBe(manualBefore.events.totalCount);
    expect((await readDocument(SEED_SLUG, "EXTRACTED")).claims.totalCount).toBe(extractedOnce);
  });

  it("answers NotFoundError for a document that does not exist", async () => {
    const missing = Buffer.from("Document:999999").toString("base64");
    const result = await call(EXTRACT, { input: { id: missing, mode: "MERGE" } });
    expect(result.extractDocument).toMatchObject({
      __typename: "NotFoundError",
      entity: "Document",
    });
  });
});

describe("bad input", () => {
  it("stores a text in another language without extraction, with a warning", async () => {
    const french =
      "Le ministre russe des Affaires étrangères a déclaré mardi que la Russie était prête à " +
      "reprendre les négociations avec l'Ukraine à Genève le mois prochain. Le ministère " +
      "ukrainien a rejeté cette offre, selon un communiqué publié dans la soirée.";
    const created = await call(CREATE, {
      input: { title: "Lavrov (fr)", body: french, extract: true },
    });
    expect(created.createDocument.extraction).toMatchObject({
      extracted: false,
      language: "fra",
      summary: null,
    });
    expect(created.createDocument.extraction.warnings[0]).toContain("not English");
    const doc = await readDocument(created.createDocument.document.slug, "EXTRACTED");
    expect(doc.claims.totalCount).toBe(0);
  });

  it("refuses HTML with extract: true, naming the body, and writes nothing", async () => {
    const before = await countRows();
    const created = await call(CREATE, {
      input: { title: "Markup", body: `<div><p>${ARTICLE}</p></div>`, extract: true },
    });
    expect(created.createDocument.__typename).toBe("ValidationError");
    expect(created.createDocument.issues[0].path).toEqual(["body"]);
    expect(created.createDocument.issues[0].message).toContain("HTML");
    expect(await countRows()).toEqual(before);
  });

  it("needs the write scope", async () => {
    const doc = (await call(`{ document(slug: "${SEED_SLUG}") { id } }`, {}, readKey)).document;
    const result = await graphql(
      EXTRACT,
      { input: { id: doc.id, mode: "MERGE" } },
      { token: readKey },
    );
    expect(result.errors?.[0]?.message).toBeTruthy();
  });
});
