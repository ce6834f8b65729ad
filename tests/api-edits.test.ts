// Editing annotations through HTTP: actors (create, update, aliases, merge), claims, events,
// participants and mentions. Every success is checked through queries; every rejected write is
// a typed error (or a GraphQL error for input GraphQL itself refuses) and leaves every table as
// it was.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { decodeGlobalID } from "@pothos/plugin-relay";
import { beforeAll, describe, expect, it } from "vitest";
import { createChangePubSub } from "../src/pubsub.ts";
import { createServer } from "../src/yoga.ts";
import { createTestKey } from "./support/api-keys.ts";
import { graphql, graphqlOn, mutate, query } from "./support/graphql.ts";
import { countRows, SEEDS_DIR, useTestDatabase } from "./support/test-database.ts";

useTestDatabase({ seed: true });

const ERRORS = `... on ValidationError { message issues { path message } }
  ... on NotFoundError { message entity reference }
  ... on ConflictError { message }`;
const ACTOR = "id name kind description aliases";
const CLAIM = `id text quote kind claimant { name } subjects { name }
  statedAt { start end precision text yearInferred } span { start end text }
  event { slug } document { id }`;
const EVENT = `id slug title kind status description location
  date { start end precision text yearInferred } participants { actor { name } role }`;

const mutation = (field: string, inputType: string, payload: string) =>
  `mutation($input: ${inputType}!) { ${field}(input: $input) { __typename
    ... on ${field[0]?.toUpperCase()}${field.slice(1)}Payload { ${payload} } ${ERRORS} } }`;

const CREATE_ACTOR = mutation("createActor", "CreateActorInput", `actor { ${ACTOR} }`);
const UPDATE_ACTOR = mutation("updateActor", "UpdateActorInput", `actor { ${ACTOR} }`);
const ADD_ALIAS = mutation("addActorAlias", "AddActorAliasInput", `added actor { ${ACTOR} }`);
const MERGE = mutation(
  "mergeActors",
  "MergeActorsInput",
  `mergedId actor { ${ACTOR} } summary { mentionsMoved mentionsDropped claimsMoved
    subjectsMoved subjectsDropped participationsMoved participationsDropped aliasesAdded }`,
);
const CREATE_CLAIM = mutation("createClaim", "CreateClaimInput", `claim { ${CLAIM} }`);
const UPDATE_CLAIM = mutation("updateClaim", "UpdateClaimInput", `claim { ${CLAIM} }`);
const DELETE_CLAIM = mutation("deleteClaim", "DeleteClaimInput", "deletedId document { id }");
const LINK = mutation("linkClaimToEvent", "LinkClaimToEventInput", `claim { ${CLAIM} }`);
const CREATE_EVENT = mutation("createEvent", "CreateEventInput", `event { ${EVENT} }`);
const UPDATE_EVENT = mutation("updateEvent", "UpdateEventInput", `event { ${EVENT} }`);
const DELETE_EVENT = mutation("deleteEvent", "DeleteEventInput", "deletedId");
const PARTICIPANTS = mutation(
  "setEventParticipants",
  "SetEventParticipantsInput",
  `event { ${EVENT} }`,
);
const ADD_MENTION = mutation(
  "addMention",
  "AddMentionInput",
  `created mention { __typename
    ... on ActorMention { id actor { name } document { id } span { start end text } }
    ... on EventMention { id event { slug } document { id } span { start end text } } }`,
);

let writeKey: string;
let adminKey: string;
let doc: { id: string; body: string };
let ids: Record<"russia" | "ukraine" | "peskov" | "belarus" | "talks" | "war", string>;

beforeAll(async () => {
  writeKey = await createTestKey(["write"]);
  adminKey = await createTestKey(["admin"]);
  const data = await query(`{
    documents(first: 1) { edges { node { id body } } }
    russia: actor(name: "Russia") { id } ukraine: actor(name: "Ukraine") { id }
    peskov: actor(name: "Peskov") { id } belarus: actor(name: "Belarus") { id }
    talks: event(slug: "istanbul-talks-2025-06-02") { id }
    war: event(slug: "russia-ukraine-war") { id } }`);
  doc = data.documents.edges[0].node;
  expect(doc.body).toBe(seedBody);
  ids = {
    russia: data.russia.id,
    ukraine: data.ukraine.id,
    peskov: data.peskov.id,
    belarus: data.belarus.id,
    talks: data.talks.id,
    war: data.war.id,
  };
});

const globalId = (type: string, id: number | string) =>
  Buffer.from(`${type}:${id}`).toString("base64");
const MISSING_ACTOR = globalId("Actor", 999999);
const MISSING_EVENT = globalId("Event", 999999);
const MISSING_CLAIM = globalId("Claim", 999999);

const seedBody = readFileSync(join(SEEDS_DIR, "000_c259099762e85b88.txt"), "utf8");

/** The span of the first occurrence of `text` in the seed body at or after `from`. */
function spanOf(text: string, from = 0) {
  const start = seedBody.indexOf(text, from);
  if (start < 0) throw new Error(`${text} is not in the body`);
  return { start, end: start + text.length, text };
}

function write(source: string, input: unknown, token = writeKey) {
  return mutate(source, input, { token });
}

/** A write that must come back as a typed error, with every table as it was. */
async function rejected(source: string, input: unknown, token = writeKey) {
  const before = await countRows();
  const result = await write(source, input, token);
  expect(result.__typename).not.toMatch(/Payload$/);
  expect(await countRows()).toEqual(before);
  return result;
}

/**
 * A write GraphQL itself refuses (an argument of the wrong type: unknown enum value, impossible
 * Date, global id of another type): an error naming it, never a 500, nothing written.
 */
async function refused(source: string, input: unknown, token = writeKey) {
  const before = await countRows();
  const result = await graphql(source, { input }, { token });
  expect(result.status).toBeLessThan(500);
  expect(result.errors?.length).toBeGreaterThan(0);
  expect(JSON.stringify(result.errors)).not.toContain("Unexpected error");
  expect(await countRows()).toEqual(before);
  return (result.errors ?? []).map((e) => e.message).join("\n");
}

const paths = (error: { issues: { path: string[] }[] }) =>
  error.issues.map((issue) => issue.path.join("."));

async function actorByName(name: string) {
  return (await query(`query($name: String!) { actor(name: $name) { ${ACTOR} } }`, { name })).actor;
}

async function node(id: string, fields: string) {
  return (await query(`query($id: ID!) { node(id: $id) { ${fields} } }`, { id })).node;
}

describe("permissions", () => {
  it("needs a key to write, and admin for merges and deletes", async () => {
    const anonymous = await graphql(CREATE_ACTOR, { input: { name: "Nobody", kind: "GROUP" } });
    expect(anonymous.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
    const before = await countRows();
    for (const [source, input] of [
      [MERGE, { keep: ids.russia, merge: ids.ukraine }],
      [DELETE_EVENT, { id: ids.talks }],
      [DELETE_CLAIM, { id: MISSING_CLAIM }],
    ] as const) {
      const result = await graphql(source, { input }, { token: writeKey });
      expect(result.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    }
    expect(await countRows()).toEqual(before);
  });
});

describe("createActor", () => {
  it("creates an actor with its aliases, found by any of them", async () => {
    const before = await countRows();
    const result = await write(CREATE_ACTOR, {
      name: "  Wagner Group ",
      kind: "GROUP",
      aliases: ["PMC Wagner", "Wagner", "wagner"],
      description: "Private military company",
    });
    expect(result.__typename).toBe("CreateActorPayload");
    expect(result.actor).toMatchObject({
      name: "Wagner Group",
      kind: "GROUP",
      aliases: ["PMC Wagner", "Wagner"],
      description: "Private military company",
    });
    expect((await actorByName("pmc wagner")).id).toBe(result.actor.id);
    expect(await countRows()).toEqual({
      ...before,
      actors: before.actors + 1,
      actorAliases: before.actorAliases + 2,
    });
  });

  it("refuses an empty or too long name, naming the field", async () => {
    const empty = await rejected(CREATE_ACTOR, { name: "   ", kind: "GROUP", aliases: [""] });
    expect(empty.__typename).toBe("ValidationError");
    expect(paths(empty)).toEqual(["name", "aliases.0"]);
    const long = await rejected(CREATE_ACTOR, { name: "x".repeat(301), kind: "GROUP" });
    expect(paths(long)).toEqual(["name"]);
    expect(long.issues[0].message).toMatch(/300/);
    const ok = await write(CREATE_ACTOR, { name: "y".repeat(300), kind: "GROUP" });
    expect(ok.__typename).toBe("CreateActorPayload");
  });

  it("refuses a name or alias that already names another actor", async () => {
    const byName = await rejected(CREATE_ACTOR, { name: "moscow", kind: "COUNTRY" });
    expect(byName).toMatchObject({ __typename: "ConflictError" });
    expect(byName.message).toContain('"Russia"');
    const byAlias = await rejected(CREATE_ACTOR, {
      name: "Kyiv City",
      kind: "GOVERNMENT",
      aliases: ["KYIV"],
    });
    expect(byAlias).toMatchObject({ __typename: "ConflictError" });
    expect(byAlias.message).toContain('"Ukraine"');
  });

  it("refuses an unknown kind as a GraphQL error naming the enum", async () => {
    const message = await refused(CREATE_ACTOR, { name: "Mars", kind: "PLANET" });
    expect(message).toMatch(/PLANET/);
    expect(message).toMatch(/ActorKind/);
  });
});

describe("updateActor", () => {
  let actor: { id: string };
  beforeAll(async () => {
    ({ actor } = await write(CREATE_ACTOR, {
      name: "Azov Regiment",
      kind: "ORGANIZATION",
      aliases: ["Azov"],
      description: "to be cleared",
    }));
  });

  it("renames, changes kind, clears the description; an alias taken as name stops being one", async () => {
    const result = await write(UPDATE_ACTOR, {
      id: actor.id,
      name: "AZOV",
      kind: "GROUP",
      description: null,
    });
    expect(result.actor).toMatchObject({
      id: actor.id,
      name: "AZOV",
      kind: "GROUP",
      description: null,
      aliases: [],
    });
    expect(await actorByName("azov")).toMatchObject({ id: actor.id, name: "AZOV" });
    expect(await actorByName("Azov Regiment")).toBeNull();
  });

  it("leaves out what is not given", async () => {
    const result = await write(UPDATE_ACTOR, { id: actor.id, description: "Ukrainian unit" });
    expect(result.actor).toMatchObject({
      name: "AZOV",
      kind: "GROUP",
      description: "Ukrainian unit",
    });
  });

  it("refuses a name of another actor, an empty, long or null name, an unknown id", async () => {
    const taken = await rejected(UPDATE_ACTOR, { id: actor.id, name: "Republic of Belarus" });
    expect(taken).toMatchObject({ __typename: "ConflictError" });
    const empty = await rejected(UPDATE_ACTOR, { id: actor.id, name: "" });
    expect(paths(empty)).toEqual(["name"]);
    const long = await rejected(UPDATE_ACTOR, { id: actor.id, name: "z".repeat(301) });
    expect(paths(long)).toEqual(["name"]);
    const cleared = await rejected(UPDATE_ACTOR, { id: actor.id, name: null, kind: null });
    expect(paths(cleared)).toEqual(["name", "kind"]);
    const missing = await rejected(UPDATE_ACTOR, { id: MISSING_ACTOR, name: "Ghost" });
    expect(missing).toMatchObject({
      __typename: "NotFoundError",
      entity: "Actor",
      reference: "999999",
    });
    expect(await actorByName("AZOV")).toMatchObject({
      name: "AZOV",
      description: "Ukrainian unit",
    });
  });

  it("refuses a global id of another type, or one that is no row id, clearly", async () => {
    const message = await refused(UPDATE_ACTOR, { id: ids.talks, name: "Talks" });
    expect(message).toContain(`ID: ${ids.talks} is not of type: Actor`);
    const malformed = await refused(UPDATE_ACTOR, { id: "not-a-global-id", name: "Talks" });
    expect(malformed).toMatch(/Invalid global ID/);
    const notARow = await rejected(UPDATE_ACTOR, { id: globalId("Actor", "abc"), name: "Talks" });
    expect(notARow).toMatchObject({ __typename: "ValidationError" });
    expect(paths(notARow)).toEqual(["id"]);
  });
});

describe("addActorAlias", () => {
  it("adds an alias once; the same name again changes nothing", async () => {
    const before = await countRows();
    const result = await write(ADD_ALIAS, { actorId: ids.peskov, alias: "Kremlin spokesman" });
    expect(result).toMatchObject({ __typename: "AddActorAliasPayload", added: true });
    expect(result.actor.aliases).toEqual(["Kremlin spokesman", "Peskov"]);
    expect((await actorByName("KREMLIN SPOKESMAN")).id).toBe(ids.peskov);
    const again = await write(ADD_ALIAS, { actorId: ids.peskov, alias: "kremlin  Spokesman" });
    expect(again).toMatchObject({ added: false });
    const ownName = await write(ADD_ALIAS, { actorId: ids.peskov, alias: "Dmitry Peskov" });
    expect(ownName).toMatchObject({ added: false });
    expect(await countRows()).toEqual({ ...before, actorAliases: before.actorAliases + 1 });
  });

  it("refuses an alias taken by another actor, an empty one, an unknown actor", async () => {
    const taken = await rejected(ADD_ALIAS, { actorId: ids.peskov, alias: "Moscow" });
    expect(taken).toMatchObject({ __typename: "ConflictError" });
    expect(taken.message).toContain('"Russia"');
    const takenName = await rejected(ADD_ALIAS, { actorId: ids.peskov, alias: "ukraine" });
    expect(takenName).toMatchObject({ __typename: "ConflictError" });
    const empty = await rejected(ADD_ALIAS, { actorId: ids.peskov, alias: " " });
    expect(paths(empty)).toEqual(["alias"]);
    const long = await rejected(ADD_ALIAS, { actorId: ids.peskov, alias: "p".repeat(301) });
    expect(paths(long)).toEqual(["alias"]);
    const missing = await rejected(ADD_ALIAS, { actorId: MISSING_ACTOR, alias: "Ghost" });
    expect(missing).toMatchObject({ __typename: "NotFoundError", entity: "Actor" });
    expect(await refused(ADD_ALIAS, { actorId: doc.id, alias: "Ghost" })).toContain(
      "is not of type: Actor",
    );
  });
});

describe("createClaim", () => {
  const SENTENCE = "The statement did not provide specific numbers of those currently in Belarus";
  const claimInput = () => ({
    documentId: doc.id,
    span: spanOf(SENTENCE),
    text: "The ministry gave no numbers of soldiers in Belarus.",
    quote: "did not provide specific numbers",
    kind: "FACTUAL",
    claimantId: ids.peskov,
    subjectIds: [ids.russia, ids.belarus, ids.russia],
    statedAt: { start: "2025-07-05", end: "2025-07-05", precision: "DAY", text: "July 5" },
    eventId: ids.talks,
  });

  it("stores the claim with its subjects, readable from the document and by id", async () => {
    const before = await countRows();
    const result = await write(CREATE_CLAIM, claimInput());
    expect(result.__typename).toBe("CreateClaimPayload");
    expect(result.claim).toMatchObject({
      text: "The ministry gave no numbers of soldiers in Belarus.",
      quote: "did not provide specific numbers",
      kind: "FACTUAL",
      claimant: { name: "Dmitry Peskov" },
      subjects: [{ name: "Russia" }, { name: "Belarus" }],
      statedAt: {
        start: "2025-07-05",
        end: "2025-07-05",
        precision: "DAY",
        text: "July 5",
        yearInferred: false,
      },
      span: spanOf(SENTENCE),
      event: { slug: "istanbul-talks-2025-06-02" },
      document: { id: doc.id },
    });
    expect(await node(result.claim.id, "... on Claim { text claimant { name } }")).toEqual({
      text: result.claim.text,
      claimant: { name: "Dmitry Peskov" },
    });
    const stored = await query(
      `query($id: ID!) { node(id: $id) { ... on Document { claims(first: 100) { totalCount
        nodes { id } } } } }`,
      { id: doc.id },
    );
    expect(stored.node.claims.nodes.map((c: any) => c.id)).toContain(result.claim.id);
    expect(await countRows()).toEqual({
      ...before,
      claims: before.claims + 1,
      claimSubjects: before.claimSubjects + 2,
    });
  });

  it("stores a claim the document itself makes, without date, quote or subjects", async () => {
    const { claimantId, subjectIds, statedAt, eventId, quote, ...rest } = claimInput();
    const result = await write(CREATE_CLAIM, { ...rest, text: "No numbers were given." });
    expect(result.claim).toMatchObject({
      claimant: null,
      subjects: [],
      statedAt: null,
      event: null,
      quote: null,
    });
  });

  it("refuses the same claim (text and span) twice", async () => {
    const result = await rejected(CREATE_CLAIM, claimInput());
    expect(result).toMatchObject({ __typename: "ConflictError" });
  });

  it.each([
    [
      "a span off by one",
      { span: { ...spanOf(SENTENCE), start: spanOf(SENTENCE).start + 1 } },
      ["span"],
      /occurs at/,
    ],
    [
      "a span whose start is after its end",
      { span: { start: 20, end: 10, text: "x" }, quote: null },
      ["span"],
      /greater than start/,
    ],
    [
      "a span past the end of the body",
      { span: { start: 4240, end: 5000, text: "x" }, quote: null },
      ["span"],
      /past the end/,
    ],
    ["a negative start", { span: { start: -1, end: 5, text: "Russi" } }, ["span.start"], /0/],
    [
      "a quote outside the span",
      { quote: "Russian Ministry of Defense" },
      ["quote"],
      /inside the span/,
    ],
    ["an empty text", { text: "  " }, ["text"], /1/],
    [
      "a DAY date with two days",
      { statedAt: { start: "2025-07-05", end: "2025-07-06", precision: "DAY" } },
      ["statedAt"],
      /DAY needs start equal to end/,
    ],
    [
      "a date that starts after it ends",
      { statedAt: { start: "2025-07-09", end: "2025-07-01", precision: "PART_OF_MONTH" } },
      ["statedAt"],
      /after end/,
    ],
    [
      "a MONTH that is not a whole month",
      { statedAt: { start: "2025-07-02", end: "2025-07-31", precision: "MONTH" } },
      ["statedAt"],
      /MONTH/,
    ],
    [
      "an UNKNOWN date without its words",
      { statedAt: { precision: "UNKNOWN" } },
      ["statedAt"],
      /text/,
    ],
  ])("refuses %s", async (_name, change, expectedPaths, message) => {
    const result = await rejected(CREATE_CLAIM, { ...claimInput(), text: "Fresh.", ...change });
    expect(result.__typename).toBe("ValidationError");
    expect(paths(result)).toEqual(expectedPaths);
    expect(result.issues[0].message).toMatch(message);
  });

  it("reports every problem at once", async () => {
    const result = await rejected(CREATE_CLAIM, {
      ...claimInput(),
      text: "Fresh.",
      span: { ...spanOf(SENTENCE), end: spanOf(SENTENCE).end - 1 },
      quote: "nothing like it",
      statedAt: { start: "2025-07-05", end: "2025-07-06", precision: "DAY" },
    });
    expect(paths(result)).toEqual(["span", "quote", "statedAt"]);
  });

  it.each([
    ["document", { documentId: globalId("Document", 999999) }, "Document"],
    ["claimant", { claimantId: MISSING_ACTOR }, "Actor"],
    ["subject", { subjectIds: ["@russia", MISSING_ACTOR] }, "Actor"],
    ["event", { eventId: MISSING_EVENT }, "Event"],
  ])("refuses an unknown %s", async (_name, change, entity) => {
    const result = await rejected(CREATE_CLAIM, {
      ...claimInput(),
      text: "Fresh.",
      ...resolveIds(change),
    });
    expect(result).toMatchObject({ __typename: "NotFoundError", entity, reference: "999999" });
  });

  it("refuses an unknown kind, an impossible date and ids of the wrong type as GraphQL errors", async () => {
    const input = { ...claimInput(), text: "Fresh." };
    expect(await refused(CREATE_CLAIM, { ...input, kind: "RUMOUR" })).toMatch(
      /RUMOUR.*ClaimKind|ClaimKind.*RUMOUR/s,
    );
    const date = await refused(CREATE_CLAIM, {
      ...input,
      statedAt: { start: "2025-02-30", end: "2025-02-30", precision: "DAY" },
    });
    expect(date).toMatch(/2025-02-30/);
    expect(date).toMatch(/statedAt/);
    expect(await refused(CREATE_CLAIM, { ...input, subjectIds: [ids.talks] })).toContain(
      `ID: ${ids.talks} is not of type: Actor`,
    );
    expect(await refused(CREATE_CLAIM, { ...input, eventId: ids.russia })).toContain(
      "is not of type: Event",
    );
    expect(await refused(CREATE_CLAIM, { ...input, documentId: ids.russia })).toContain(
      "is not of type: Document",
    );
  });
});

// it.each tables are built before beforeAll runs: "@russia" is looked up when the test runs.
function resolveIds(change: Record<string, unknown>): Record<string, unknown> {
  const resolve = (value: unknown): unknown =>
    typeof value === "string" && value.startsWith("@")
      ? ids[value.slice(1) as keyof typeof ids]
      : Array.isArray(value)
        ? value.map(resolve)
        : value;
  return Object.fromEntries(Object.entries(change).map(([key, value]) => [key, resolve(value)]));
}

describe("updateClaim, linkClaimToEvent, deleteClaim", () => {
  const SENTENCE = "it emphasized that the soldiers are under the care of Belarusian authorities";
  let claim: any;
  beforeAll(async () => {
    ({ claim } = await write(CREATE_CLAIM, {
      documentId: doc.id,
      span: spanOf(SENTENCE),
      text: "The soldiers are cared for by Belarusian authorities.",
      quote: "under the care of Belarusian authorities",
      kind: "STATEMENT",
      claimantId: ids.peskov,
      subjectIds: [ids.belarus],
      statedAt: { start: "2025-07-01", end: "2025-07-31", precision: "MONTH", text: "July" },
    }));
  });

  it("changes only the fields given", async () => {
    const result = await write(UPDATE_CLAIM, { id: claim.id, kind: "ASSESSMENT" });
    expect(result.claim).toEqual({ ...claim, kind: "ASSESSMENT" });
  });

  it("replaces subjects, clears claimant, quote and date, moves the span", async () => {
    const before = await countRows();
    const span = spanOf("the soldiers are under the care");
    const result = await write(UPDATE_CLAIM, {
      id: claim.id,
      span,
      claimantId: null,
      quote: null,
      statedAt: null,
      subjectIds: [ids.russia, ids.ukraine],
      text: "Soldiers are being cared for.",
    });
    expect(result.claim).toMatchObject({
      id: claim.id,
      span,
      claimant: null,
      quote: null,
      statedAt: null,
      subjects: [{ name: "Russia" }, { name: "Ukraine" }],
      text: "Soldiers are being cared for.",
    });
    expect(await node(claim.id, "... on Claim { text span { start } subjects { name } }")).toEqual({
      text: "Soldiers are being cared for.",
      span: { start: span.start },
      subjects: [{ name: "Russia" }, { name: "Ukraine" }],
    });
    expect(await countRows()).toEqual({ ...before, claimSubjects: before.claimSubjects + 1 });
    claim = result.claim;
  });

  it("checks the merged claim: a new quote against the stored span, a new span against the body", async () => {
    const quote = await rejected(UPDATE_CLAIM, { id: claim.id, quote: "Belarusian authorities" });
    expect(paths(quote)).toEqual(["quote"]);
    const span = await rejected(UPDATE_CLAIM, {
      id: claim.id,
      span: { ...claim.span, start: claim.span.start - 1 },
    });
    expect(paths(span)).toEqual(["span"]);
    const nulls = await rejected(UPDATE_CLAIM, {
      id: claim.id,
      text: null,
      span: null,
      kind: null,
    });
    expect(paths(nulls)).toEqual(["span", "text", "kind"]);
    const date = await rejected(UPDATE_CLAIM, {
      id: claim.id,
      statedAt: { start: "2025-01-01", end: "2025-12-30", precision: "YEAR" },
    });
    expect(paths(date)).toEqual(["statedAt"]);
    const missing = await rejected(UPDATE_CLAIM, { id: MISSING_CLAIM, text: "x" });
    expect(missing).toMatchObject({ __typename: "NotFoundError", entity: "Claim" });
    const subject = await rejected(UPDATE_CLAIM, { id: claim.id, subjectIds: [MISSING_ACTOR] });
    expect(subject).toMatchObject({ __typename: "NotFoundError", entity: "Actor" });
    expect(await refused(UPDATE_CLAIM, { id: ids.russia, text: "x" })).toContain(
      "is not of type: Claim",
    );
    expect(await node(claim.id, `... on Claim { ${CLAIM} }`)).toEqual(claim);
  });

  it("links a claim to an event and unlinks it", async () => {
    const linked = await write(LINK, { claimId: claim.id, eventId: ids.war });
    expect(linked.claim.event).toEqual({ slug: "russia-ukraine-war" });
    const events = await query(
      `query($id: ID!) { node(id: $id) { ... on Event { claims(first: 100) { nodes { id } } } } }`,
      { id: ids.war },
    );
    expect(events.node.claims.nodes.map((c: any) => c.id)).toContain(claim.id);
    const unlinked = await write(LINK, { claimId: claim.id, eventId: null });
    expect(unlinked.claim.event).toBeNull();
    const missing = await rejected(LINK, { claimId: claim.id, eventId: MISSING_EVENT });
    expect(missing).toMatchObject({ __typename: "NotFoundError", entity: "Event" });
    const noClaim = await rejected(LINK, { claimId: MISSING_CLAIM, eventId: ids.war });
    expect(noClaim).toMatchObject({ __typename: "NotFoundError", entity: "Claim" });
    expect(await refused(LINK, { claimId: claim.id, eventId: ids.russia })).toContain(
      "is not of type: Event",
    );
    expect((await node(claim.id, "... on Claim { event { slug } }")).event).toBeNull();
  });

  it("deletes a claim with its subjects (admin)", async () => {
    const before = await countRows();
    const result = await write(DELETE_CLAIM, { id: claim.id }, adminKey);
    expect(result).toEqual({
      __typename: "DeleteClaimPayload",
      deletedId: claim.id,
      document: { id: doc.id },
    });
    expect(await node(claim.id, "id")).toBeNull();
    expect(await countRows()).toEqual({
      ...before,
      claims: before.claims - 1,
      claimSubjects: before.claimSubjects - 2,
    });
    const again = await rejected(DELETE_CLAIM, { id: claim.id }, adminKey);
    expect(again).toMatchObject({ __typename: "NotFoundError", entity: "Claim" });
  });
});

describe("createEvent, updateEvent, deleteEvent", () => {
  const geneva = {
    title: "Talks in Geneva",
    kind: "NEGOTIATION",
    status: "PLANNED",
    location: "Geneva",
    date: { start: "2025-08-01", end: "2025-08-31", precision: "MONTH", text: "in August" },
  };

  it("makes a free slug from title and date when none is given", async () => {
    const before = await countRows();
    const first = await write(CREATE_EVENT, geneva);
    expect(first.event).toMatchObject({
      slug: "talks-in-geneva-2025-08",
      title: "Talks in Geneva",
      kind: "NEGOTIATION",
      status: "PLANNED",
      description: null,
      location: "Geneva",
      date: { start: "2025-08-01", end: "2025-08-31", precision: "MONTH", text: "in August" },
      participants: [],
    });
    const second = await write(CREATE_EVENT, geneva);
    expect(second.event.slug).toBe("talks-in-geneva-2025-08-2");
    const undated = await write(CREATE_EVENT, {
      ...geneva,
      date: { precision: "UNKNOWN", text: "some day" },
    });
    expect(undated.event.slug).toBe("talks-in-geneva");
    const stored = await query(`{ event(slug: "talks-in-geneva-2025-08-2") { id title } }`);
    expect(stored.event).toEqual({ id: second.event.id, title: "Talks in Geneva" });
    expect(await countRows()).toEqual({ ...before, events: before.events + 3 });
  });

  it("takes a slug given, and refuses one taken or malformed", async () => {
    const result = await write(CREATE_EVENT, { ...geneva, slug: "geneva-round-one" });
    expect(result.event.slug).toBe("geneva-round-one");
    const taken = await rejected(CREATE_EVENT, { ...geneva, slug: "istanbul-talks-2025-06-02" });
    expect(taken).toMatchObject({ __typename: "ConflictError" });
    const malformed = await rejected(CREATE_EVENT, { ...geneva, slug: "Geneva Round" });
    expect(paths(malformed)).toEqual(["slug"]);
  });

  it.each([
    ["an empty title", { title: "" }, ["title"]],
    ["a too long title", { title: "t".repeat(301) }, ["title"]],
    ["a too long location", { location: "l".repeat(301) }, ["location"]],
    [
      "a MONTH date that is not a month",
      { date: { start: "2025-08-01", end: "2025-09-30", precision: "MONTH" } },
      ["date"],
    ],
    [
      "a date that starts after it ends",
      { date: { start: "2025-08-10", end: "2025-08-01", precision: "PART_OF_MONTH" } },
      ["date"],
    ],
    ["a YEAR without its end", { date: { start: "2025-01-01", precision: "YEAR" } }, ["date"]],
  ])("refuses %s", async (_name, change, expectedPaths) => {
    const result = await rejected(CREATE_EVENT, { ...geneva, ...change });
    expect(result.__typename).toBe("ValidationError");
    expect(paths(result)).toEqual(expectedPaths);
  });

  it("refuses an unknown status or kind as a GraphQL error", async () => {
    expect(await refused(CREATE_EVENT, { ...geneva, status: "CANCELLED" })).toMatch(/EventStatus/);
    expect(await refused(CREATE_EVENT, { ...geneva, kind: "PARTY" })).toMatch(/EventKind/);
    expect(await refused(CREATE_EVENT, { ...geneva, date: { precision: "WEEK" } })).toMatch(
      /DatePrecision/,
    );
  });

  it("updates the fields given and refuses a taken slug, a bad date, an unknown event", async () => {
    const { event } = await write(CREATE_EVENT, { ...geneva, slug: "geneva-update" });
    const result = await write(UPDATE_EVENT, {
      id: event.id,
      status: "OCCURRED",
      location: null,
      description: "Held after all",
      date: { start: "2025-08-14", end: "2025-08-14", precision: "DAY", text: "August 14" },
    });
    expect(result.event).toMatchObject({
      slug: "geneva-update",
      title: "Talks in Geneva",
      status: "OCCURRED",
      location: null,
      description: "Held after all",
      date: { start: "2025-08-14", precision: "DAY" },
    });
    const taken = await rejected(UPDATE_EVENT, { id: event.id, slug: "russia-ukraine-war" });
    expect(taken).toMatchObject({ __typename: "ConflictError" });
    const date = await rejected(UPDATE_EVENT, {
      id: event.id,
      date: { start: "2025-08-14", end: "2025-08-13", precision: "DAY" },
    });
    expect(paths(date)).toEqual(["date", "date"]);
    expect(date.issues.map((i: any) => i.message).join("\n")).toMatch(/after end/);
    const nulls = await rejected(UPDATE_EVENT, { id: event.id, title: null, date: null });
    expect(paths(nulls)).toEqual(["title", "date"]);
    const missing = await rejected(UPDATE_EVENT, { id: MISSING_EVENT, title: "x" });
    expect(missing).toMatchObject({ __typename: "NotFoundError", entity: "Event" });
    expect(await refused(UPDATE_EVENT, { id: ids.russia, title: "x" })).toContain(
      "is not of type: Event",
    );
    const renamed = await write(UPDATE_EVENT, { id: event.id, slug: "geneva-renamed" });
    expect(renamed.event.slug).toBe("geneva-renamed");
    expect(await node(event.id, "... on Event { status location }")).toEqual({
      status: "OCCURRED",
      location: null,
    });
  });

  it("deletes an event with its mentions and participants; claims about it stay, unlinked (admin)", async () => {
    const { event } = await write(CREATE_EVENT, { ...geneva, slug: "geneva-doomed" });
    await write(PARTICIPANTS, {
      eventId: event.id,
      participants: [{ actorId: ids.russia, role: "host" }],
    });
    const mention = await write(ADD_MENTION, {
      documentId: doc.id,
      eventId: event.id,
      span: spanOf("talks"),
    });
    expect(mention.created).toBe(true);
    const { claim } = await write(CREATE_CLAIM, {
      documentId: doc.id,
      span: spanOf("talks"),
      text: "There were talks.",
      kind: "FACTUAL",
      eventId: event.id,
    });
    const before = await countRows();
    const result = await write(DELETE_EVENT, { id: event.id }, adminKey);
    expect(result).toEqual({ __typename: "DeleteEventPayload", deletedId: event.id });
    expect(await node(event.id, "id")).toBeNull();
    expect(await node(claim.id, "... on Claim { event { slug } }")).toEqual({ event: null });
    expect(await countRows()).toEqual({
      ...before,
      events: before.events - 1,
      eventParticipants: before.eventParticipants - 1,
      eventMentions: before.eventMentions - 1,
      documentEvents: before.documentEvents - 1,
    });
    const again = await rejected(DELETE_EVENT, { id: event.id }, adminKey);
    expect(again).toMatchObject({ __typename: "NotFoundError", entity: "Event" });
  });
});

describe("setEventParticipants", () => {
  let event: { id: string };
  beforeAll(async () => {
    ({ event } = await write(CREATE_EVENT, {
      title: "Border meeting",
      kind: "NEGOTIATION",
      status: "OCCURRED",
      date: {
        start: "2025-06-21",
        end: "2025-06-30",
        precision: "PART_OF_MONTH",
        text: "late June",
      },
    }));
  });

  it("replaces the list", async () => {
    const first = await write(PARTICIPANTS, {
      eventId: event.id,
      participants: [
        { actorId: ids.russia, role: "negotiator" },
        { actorId: ids.belarus, role: "host" },
      ],
    });
    expect(first.event.participants).toEqual([
      { actor: { name: "Russia" }, role: "negotiator" },
      { actor: { name: "Belarus" }, role: "host" },
    ]);
    const before = await countRows();
    const second = await write(PARTICIPANTS, {
      eventId: event.id,
      participants: [{ actorId: ids.ukraine }, { actorId: ids.russia, role: "observer" }],
    });
    expect(second.event.participants).toEqual([
      { actor: { name: "Russia" }, role: "observer" },
      { actor: { name: "Ukraine" }, role: null },
    ]);
    expect(await countRows()).toEqual(before);
    const ukraine = await query(
      `query($id: ID!) { node(id: $id) { ... on Actor { events(first: 100) { edges { role node { id } } } } } }`,
      { id: ids.ukraine },
    );
    expect(ukraine.node.events.edges).toContainEqual({ role: null, node: { id: event.id } });
    const cleared = await write(PARTICIPANTS, { eventId: event.id, participants: [] });
    expect(cleared.event.participants).toEqual([]);
    expect((await countRows()).eventParticipants).toBe(before.eventParticipants - 2);
  });

  it("refuses an actor listed twice, an empty role, an unknown actor or event", async () => {
    await write(PARTICIPANTS, { eventId: event.id, participants: [{ actorId: ids.russia }] });
    const twice = await rejected(PARTICIPANTS, {
      eventId: event.id,
      participants: [{ actorId: ids.ukraine }, { actorId: ids.ukraine, role: "x" }],
    });
    expect(paths(twice)).toEqual(["participants.1.actorId"]);
    const role = await rejected(PARTICIPANTS, {
      eventId: event.id,
      participants: [{ actorId: ids.ukraine, role: " " }],
    });
    expect(paths(role)).toEqual(["participants.0.role"]);
    const actor = await rejected(PARTICIPANTS, {
      eventId: event.id,
      participants: [{ actorId: ids.ukraine }, { actorId: MISSING_ACTOR }],
    });
    expect(actor).toMatchObject({ __typename: "NotFoundError", entity: "Actor" });
    const missing = await rejected(PARTICIPANTS, { eventId: MISSING_EVENT, participants: [] });
    expect(missing).toMatchObject({ __typename: "NotFoundError", entity: "Event" });
    expect(
      await refused(PARTICIPANTS, { eventId: event.id, participants: [{ actorId: ids.talks }] }),
    ).toContain("is not of type: Actor");
    expect(
      (await node(event.id, "... on Event { participants { actor { name } } }")).participants,
    ).toEqual([{ actor: { name: "Russia" } }]);
  });
});

describe("addMention", () => {
  it("adds an actor mention, creating the actor's appearance in the document; again returns it", async () => {
    const { actor } = await write(CREATE_ACTOR, { name: "Red Cross", kind: "ORGANIZATION" });
    const span = spanOf("psychological and medical assistance");
    const before = await countRows();
    const result = await write(ADD_MENTION, { documentId: doc.id, actorId: actor.id, span });
    expect(result).toMatchObject({
      __typename: "AddMentionPayload",
      created: true,
      mention: {
        __typename: "ActorMention",
        actor: { name: "Red Cross" },
        document: { id: doc.id },
        span,
      },
    });
    expect(await countRows()).toEqual({
      ...before,
      actorMentions: before.actorMentions + 1,
      documentActors: before.documentActors + 1,
    });
    const documents = await query(
      `query($id: ID!) { node(id: $id) { ... on Actor { documents(first: 5) { nodes { id } }
        mentions(first: 5) { nodes { id span { start end text } } } } } }`,
      { id: actor.id },
    );
    expect(documents.node.documents.nodes).toEqual([{ id: doc.id }]);
    expect(documents.node.mentions.nodes).toEqual([{ id: result.mention.id, span }]);

    const again = await write(ADD_MENTION, { documentId: doc.id, actorId: actor.id, span });
    expect(again).toMatchObject({ created: false, mention: { id: result.mention.id } });
    const second = await write(ADD_MENTION, {
      documentId: doc.id,
      actorId: actor.id,
      span: spanOf("medical assistance"),
    });
    expect(second.created).toBe(true);
    expect(await countRows()).toEqual({
      ...before,
      actorMentions: before.actorMentions + 2,
      documentActors: before.documentActors + 1,
    });
  });

  it("adds an event mention, creating the event's appearance in the document", async () => {
    const { event } = await write(CREATE_EVENT, {
      title: "Medical assistance",
      kind: "HUMANITARIAN",
      status: "ONGOING",
      date: { precision: "UNKNOWN", text: "As of today" },
    });
    const span = spanOf("receive the necessary psychological and medical assistance");
    const before = await countRows();
    const result = await write(ADD_MENTION, { documentId: doc.id, eventId: event.id, span });
    expect(result).toMatchObject({
      created: true,
      mention: { __typename: "EventMention", event: { slug: "medical-assistance" }, span },
    });
    expect(await countRows()).toEqual({
      ...before,
      eventMentions: before.eventMentions + 1,
      documentEvents: before.documentEvents + 1,
    });
    const again = await write(ADD_MENTION, { documentId: doc.id, eventId: event.id, span });
    expect(again).toMatchObject({ created: false, mention: { id: result.mention.id } });
  });

  it("adds a mention of a seeded actor at a new span, reusing its appearance", async () => {
    const before = await countRows();
    const result = await write(ADD_MENTION, {
      documentId: doc.id,
      actorId: ids.belarus,
      span: spanOf("Belarusian authorities"),
    });
    expect(result.created).toBe(true);
    expect(await countRows()).toEqual({ ...before, actorMentions: before.actorMentions + 1 });
  });

  it("refuses both or neither target, a span that does not hold, unknown references", async () => {
    const span = spanOf("Belarus");
    const both = await rejected(ADD_MENTION, {
      documentId: doc.id,
      actorId: ids.russia,
      eventId: ids.talks,
      span,
    });
    expect(both.__typename).toBe("ValidationError");
    expect(both.issues[0].message).toMatch(/exactly one/);
    const neither = await rejected(ADD_MENTION, { documentId: doc.id, span });
    expect(neither.__typename).toBe("ValidationError");
    const offByOne = await rejected(ADD_MENTION, {
      documentId: doc.id,
      actorId: ids.belarus,
      span: { ...span, end: span.end + 1 },
    });
    expect(paths(offByOne)).toEqual(["span"]);
    const reversed = await rejected(ADD_MENTION, {
      documentId: doc.id,
      actorId: ids.belarus,
      span: { start: span.end, end: span.start, text: span.text },
    });
    expect(paths(reversed)).toEqual(["span"]);
    const document = await rejected(ADD_MENTION, {
      documentId: globalId("Document", 999999),
      actorId: ids.belarus,
      span,
    });
    expect(document).toMatchObject({ __typename: "NotFoundError", entity: "Document" });
    const actor = await rejected(ADD_MENTION, { documentId: doc.id, actorId: MISSING_ACTOR, span });
    expect(actor).toMatchObject({ __typename: "NotFoundError", entity: "Actor" });
    const event = await rejected(ADD_MENTION, { documentId: doc.id, eventId: MISSING_EVENT, span });
    expect(event).toMatchObject({ __typename: "NotFoundError", entity: "Event" });
    expect(await refused(ADD_MENTION, { documentId: doc.id, actorId: ids.talks, span })).toContain(
      "is not of type: Actor",
    );
  });
});

describe("mergeActors", () => {
  const RUSSIA_SPAN = { start: 702, end: 708, text: "Russia" };
  let duplicate: any;
  let talksThirdRound: string;
  let video: string;
  let claimByDuplicate: any;
  let claimAboutBoth: any;
  let claimAboutDuplicate: any;

  beforeAll(async () => {
    const events = await query(`{
      third: event(slug: "istanbul-talks-third-round-2025") { id }
      video: event(slug: "video-returning-russian-soldiers-late-june-2025") { id } }`);
    talksThirdRound = events.third.id;
    video = events.video.id;
    ({ actor: duplicate } = await write(CREATE_ACTOR, {
      name: "Rossiya",
      kind: "COUNTRY",
      aliases: ["RF"],
      description: "Duplicate of Russia",
    }));
    // Mentions: one where Russia is already mentioned (a duplicate after the merge), one new.
    expect(seedBody.slice(RUSSIA_SPAN.start, RUSSIA_SPAN.end)).toBe("Russia");
    for (const span of [RUSSIA_SPAN, spanOf("Russian soldiers")]) {
      const result = await write(ADD_MENTION, { documentId: doc.id, actorId: duplicate.id, span });
      expect(result.created).toBe(true);
    }
    // Claims: made by the duplicate, about both, about the duplicate alone.
    const claim = (text: string, rest: object) =>
      write(CREATE_CLAIM, {
        documentId: doc.id,
        span: spanOf("Russian soldiers who have returned from Ukrainian captivity"),
        text,
        kind: "STATEMENT",
        ...rest,
      }).then((result) => result.claim);
    claimByDuplicate = await claim("Rossiya says so.", { claimantId: duplicate.id });
    claimAboutBoth = await claim("About both.", { subjectIds: [duplicate.id, ids.russia] });
    claimAboutDuplicate = await claim("About Rossiya.", {
      subjectIds: [ids.ukraine, duplicate.id],
    });
    // Participations: alongside Russia (with and without a role of its own), and alone.
    await write(PARTICIPANTS, {
      eventId: ids.talks,
      participants: [
        { actorId: ids.russia, role: "negotiator" },
        { actorId: ids.ukraine, role: "negotiator" },
        { actorId: duplicate.id, role: "host" },
      ],
    });
    await write(PARTICIPANTS, {
      eventId: talksThirdRound,
      participants: [
        { actorId: ids.russia },
        { actorId: ids.ukraine, role: "negotiator" },
        { actorId: duplicate.id, role: "delegation" },
      ],
    });
    const videoParticipants = (
      await node(video, "... on Event { participants { actor { id } role } }")
    ).participants.map((p: any) => ({ actorId: p.actor.id, role: p.role }));
    await write(PARTICIPANTS, {
      eventId: video,
      participants: [...videoParticipants, { actorId: duplicate.id, role: "subject" }],
    });
  });

  it("refuses merging an actor into itself, unknown actors and ids of another type", async () => {
    const self = await rejected(MERGE, { keep: ids.russia, merge: ids.russia }, adminKey);
    expect(self).toMatchObject({ __typename: "ValidationError" });
    expect(paths(self)).toEqual(["merge"]);
    const missing = await rejected(MERGE, { keep: ids.russia, merge: MISSING_ACTOR }, adminKey);
    expect(missing).toMatchObject({ __typename: "NotFoundError", entity: "Actor" });
    const keep = await rejected(MERGE, { keep: MISSING_ACTOR, merge: duplicate.id }, adminKey);
    expect(keep).toMatchObject({ __typename: "NotFoundError", entity: "Actor" });
    expect(await refused(MERGE, { keep: ids.russia, merge: ids.talks }, adminKey)).toContain(
      "is not of type: Actor",
    );
    expect(await actorByName("Rossiya")).toMatchObject({ id: duplicate.id });
  });

  it("repoints mentions, claims, subjects and participations, drops duplicates, unions names", async () => {
    const russiaBefore = await actorByName("Russia");
    const before = await countRows();
    const result = await write(MERGE, { keep: ids.russia, merge: duplicate.id }, adminKey);
    expect(result.__typename).toBe("MergeActorsPayload");
    expect(result.mergedId).toBe(duplicate.id);
    expect(result.actor).toMatchObject({
      id: ids.russia,
      name: "Russia",
      kind: "COUNTRY",
      description: russiaBefore.description,
    });
    expect([...result.actor.aliases].sort()).toEqual(
      [...russiaBefore.aliases, "RF", "Rossiya"].sort(),
    );
    expect(result.summary).toEqual({
      mentionsMoved: 1,
      mentionsDropped: 1,
      claimsMoved: 1,
      subjectsMoved: 1,
      subjectsDropped: 1,
      participationsMoved: 1,
      participationsDropped: 2,
      aliasesAdded: 2,
    });
    expect(await countRows()).toEqual({
      ...before,
      actors: before.actors - 1,
      actorAliases: before.actorAliases + 1,
      actorMentions: before.actorMentions - 1,
      documentActors: before.documentActors - 1,
      claimSubjects: before.claimSubjects - 1,
      eventParticipants: before.eventParticipants - 2,
    });

    // The duplicate is gone; its names find Russia.
    expect(await node(duplicate.id, "id")).toBeNull();
    expect((await actorByName("rossiya")).id).toBe(ids.russia);
    expect((await actorByName("RF")).id).toBe(ids.russia);

    // Mentions: the new span moved, the duplicate span is there once.
    const russia = await query(
      `query($id: ID!) { node(id: $id) { ... on Actor {
        mentions(first: 100) { totalCount nodes { span { start end text } } }
        documents(first: 10) { totalCount }
        claims(first: 100) { nodes { id } }
        claimsAbout(first: 100) { nodes { id } }
        events(first: 100) { edges { role node { id } } } } } }`,
      { id: ids.russia },
    );
    const spans = russia.node.mentions.nodes.map((m: any) => `${m.span.start}:${m.span.end}`);
    expect(new Set(spans).size).toBe(spans.length);
    expect(spans.filter((s: string) => s === "702:708")).toHaveLength(1);
    expect(russia.node.mentions.nodes).toContainEqual({ span: spanOf("Russian soldiers") });
    expect(russia.node.documents.totalCount).toBe(1);

    // Claims: the duplicate's claim is Russia's, subjects are deduplicated.
    expect(russia.node.claims.nodes).toContainEqual({ id: claimByDuplicate.id });
    const about = russia.node.claimsAbout.nodes.map((c: any) => c.id);
    expect(about).toEqual(expect.arrayContaining([claimAboutBoth.id, claimAboutDuplicate.id]));
    expect((await node(claimAboutBoth.id, "... on Claim { subjects { name } }")).subjects).toEqual([
      { name: "Russia" },
    ]);
    expect(
      (await node(claimAboutDuplicate.id, "... on Claim { subjects { name } }")).subjects,
    ).toEqual(expect.arrayContaining([{ name: "Russia" }, { name: "Ukraine" }]));

    // Participations: one per event, Russia's role kept, the duplicate's taken where it had none.
    const roles = new Map(russia.node.events.edges.map((e: any) => [e.node.id, e.role]));
    expect(roles.get(ids.talks)).toBe("negotiator");
    expect(roles.get(talksThirdRound)).toBe("delegation");
    expect(roles.get(video)).toBe("subject");
    for (const eventId of [ids.talks, talksThirdRound, video]) {
      const { participants } = await node(
        eventId,
        "... on Event { participants { actor { name } } }",
      );
      const names = participants.map((p: any) => p.actor.name);
      expect(new Set(names).size).toBe(names.length);
      expect(names).toContain("Russia");
      expect(names).not.toContain("Rossiya");
    }
  });

  it("is admin only and leaves nothing behind when refused", async () => {
    const { actor } = await write(CREATE_ACTOR, { name: "Ukrainian Republic", kind: "COUNTRY" });
    const before = await countRows();
    const result = await graphql(
      MERGE,
      { input: { keep: ids.ukraine, merge: actor.id } },
      { token: writeKey },
    );
    expect(result.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    expect(await countRows()).toEqual(before);
    expect(await actorByName("Ukrainian Republic")).toMatchObject({ id: actor.id });
  });
});

describe("concurrent writes", () => {
  it("stores one mention when ten identical addMention requests arrive at once", async () => {
    const span = spanOf("temporary measure");
    const before = await countRows();
    const results = await Promise.all(
      Array.from({ length: 10 }, () =>
        write(ADD_MENTION, { documentId: doc.id, actorId: ids.ukraine, span }),
      ),
    );
    expect(results.every((r) => r.__typename === "AddMentionPayload")).toBe(true);
    expect(results.filter((r) => r.created)).toHaveLength(1);
    expect(new Set(results.map((r) => r.mention.id)).size).toBe(1);
    expect(await countRows()).toEqual({ ...before, actorMentions: before.actorMentions + 1 });
  });

  it("gives events created at once from one title and date distinct slugs", async () => {
    const results = await Promise.all(
      Array.from({ length: 5 }, () =>
        write(CREATE_EVENT, {
          title: "Simultaneous summit",
          kind: "NEGOTIATION",
          status: "PLANNED",
          date: { start: "2026-01-01", end: "2026-12-31", precision: "YEAR", text: "next year" },
        }),
      ),
    );
    const slugs = results.map((r) => r.event.slug).sort();
    expect(slugs).toEqual([
      "simultaneous-summit-2026",
      "simultaneous-summit-2026-2",
      "simultaneous-summit-2026-3",
      "simultaneous-summit-2026-4",
      "simultaneous-summit-2026-5",
    ]);
  });

  it("creates one actor when five requests claim the same name at once; the rest conflict", async () => {
    const before = await countRows();
    const results = await Promise.all(
      Array.from({ length: 5 }, () =>
        write(CREATE_ACTOR, { name: "Concurrent Council", kind: "GOVERNMENT" }),
      ),
    );
    const types = results.map((r) => r.__typename).sort();
    expect(types).toEqual([
      "ConflictError",
      "ConflictError",
      "ConflictError",
      "ConflictError",
      "CreateActorPayload",
    ]);
    expect(await countRows()).toEqual({ ...before, actors: before.actors + 1 });
  });
});

describe("change notifications", () => {
  it("announce the document after a write changed its annotations, and nothing otherwise", async () => {
    const pubsub = createChangePubSub();
    const server = createServer({ pubsub });
    const documentId = Number(decodeGlobalID(doc.id).id);
    const iterator = pubsub.subscribe("annotationsChanged", documentId)[Symbol.asyncIterator]();
    const received: unknown[] = [];
    const reading = (async () => {
      for (let next = await iterator.next(); !next.done; next = await iterator.next()) {
        received.push(next.value);
      }
    })();
    const run = async (source: string, input: unknown, token = writeKey) => {
      const result = await graphqlOn(server, source, { input }, { token });
      expect(result.errors, JSON.stringify(result.errors)).toBeUndefined();
      await new Promise((resolve) => setTimeout(resolve, 20));
      return Object.values(result.data as object)[0] as any;
    };
    try {
      const span = spanOf("designated as");
      const claim = await run(CREATE_CLAIM, {
        documentId: doc.id,
        span,
        text: "They were designated.",
        kind: "FACTUAL",
      });
      expect(claim.__typename).toBe("CreateClaimPayload");
      expect(received).toEqual([{ documentId }]);

      const refusedClaim = await run(CREATE_CLAIM, {
        documentId: doc.id,
        span: { ...span, start: span.start + 1 },
        text: "Off by one.",
        kind: "FACTUAL",
      });
      expect(refusedClaim.__typename).toBe("ValidationError");
      const event = await run(CREATE_EVENT, {
        title: "Quiet event",
        kind: "OTHER",
        status: "PLANNED",
        date: { precision: "UNKNOWN", text: "someday" },
      });
      expect(event.__typename).toBe("CreateEventPayload");
      expect(received).toHaveLength(1);

      await run(ADD_MENTION, { documentId: doc.id, eventId: event.event.id, span });
      await run(ADD_MENTION, { documentId: doc.id, eventId: event.event.id, span });
      await run(UPDATE_EVENT, { id: event.event.id, title: "Less quiet event" });
      await run(UPDATE_ACTOR, { id: ids.belarus, description: "Republic in Eastern Europe" });
      expect(received).toHaveLength(4);
    } finally {
      await iterator.return?.();
      await reading;
      await pubsub.close();
    }
  });
});
