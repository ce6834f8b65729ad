// filter: and orderBy: on root and nested connections, checked against the seed annotation.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { graphql, query } from "./support/graphql.ts";
import { SEEDS_DIR, useTestDatabase } from "./support/test-database.ts";

useTestDatabase({ seed: true });

const seed = JSON.parse(readFileSync(join(SEEDS_DIR, "000_c259099762e85b88.json"), "utf8"));
const claimsWhere = (test: (claim: any) => boolean) => seed.claims.filter(test).length;

describe("scalar and relation filters", () => {
  it("finds a claimant's statements by nesting into the to-one relation", async () => {
    const data =
      await query(`{ claims(filter: { claimant: { name: { equals: "Dmitry Peskov" } } }) {
      totalCount edges { node { quote claimant { name } statedAt { start } } } } }`);
    expect(data.claims.totalCount).toBe(claimsWhere((c) => c.claimant === "Dmitry Peskov"));
    expect(data.claims.totalCount).toBeGreaterThan(0);
    for (const { node } of data.claims.edges) expect(node.claimant.name).toBe("Dmitry Peskov");
  });

  it("finds claims the article itself asserts with claimant: null", async () => {
    const data = await query(`{ claims(filter: { claimant: null }) { totalCount } }`);
    expect(data.claims.totalCount).toBe(claimsWhere((c) => c.claimant === null));
  });

  it("matches names and aliases case-insensitively with nameOrAlias", async () => {
    const data =
      await query(`{ actors(filter: { nameOrAlias: { contains: "moscow", mode: INSENSITIVE } }) {
      edges { node { name } } } }`);
    expect(data.actors.edges.map((e: any) => e.node.name)).toEqual(["Russia"]);
    const caseSensitive = await query(
      `{ actors(filter: { nameOrAlias: { contains: "moscow" } }) { totalCount } }`,
    );
    expect(caseSensitive.actors.totalCount).toBe(0);
  });

  it("filters to-many relations with some / every / none", async () => {
    const some =
      await query(`{ actors(filter: { claims: { some: { kind: { equals: PREDICTION } } } }) {
      edges { node { name } } } }`);
    const predictors = new Set(
      seed.claims
        .filter((c: any) => c.kind === "PREDICTION" && c.claimant)
        .map((c: any) => c.claimant),
    );
    expect(new Set(some.actors.edges.map((e: any) => e.node.name))).toEqual(predictors);

    const none = await query(`{ actors(filter: { claims: { none: {} } }) { totalCount } }`);
    const claimants = new Set(seed.claims.map((c: any) => c.claimant).filter(Boolean));
    expect(none.actors.totalCount).toBe(seed.actors.length - claimants.size);

    const participants = await query(`{ events(filter: { participants: { some: {
      actor: { name: { equals: "Belarus" } } } } }) { totalCount } }`);
    expect(participants.events.totalCount).toBe(
      seed.events.filter((e: any) => e.participants.some((p: any) => p.actor === "Belarus")).length,
    );
  });

  it("nests as deep as the model: documents with a claim by an actor who took part in a planned event", async () => {
    const data = await query(`{ documents(filter: { claims: { some: { claimant: { events: { some: {
      status: { equals: PLANNED } } } } } } }) { totalCount } }`);
    expect(data.documents.totalCount).toBe(1);
    const none = await query(`{ documents(filter: { claims: { some: { claimant: { events: { some: {
      kind: { equals: MILITARY_ACTION }, status: { equals: PLANNED } } } } } } }) { totalCount } }`);
    expect(none.documents.totalCount).toBe(0);
  });

  it("combines conditions with AND, OR and NOT", async () => {
    const data = await query(`{ claims(filter: {
      OR: [{ kind: { equals: SPECULATION } }, { kind: { equals: PREDICTION } }],
      NOT: { claimant: null } }) { totalCount } }`);
    expect(data.claims.totalCount).toBe(
      claimsWhere((c) => ["SPECULATION", "PREDICTION"].includes(c.kind) && c.claimant !== null),
    );
    const and = await query(`{ claims(filter: { AND: [{ kind: { in: [STATEMENT] } },
      { text: { contains: "Belarus" } }] }) { totalCount } }`);
    expect(and.claims.totalCount).toBe(
      claimsWhere((c) => c.kind === "STATEMENT" && c.text.includes("Belarus")),
    );
  });

  it("filters nested connections, and their totalCount follows the filter", async () => {
    const data = await query(`{ documents(first: 1) { edges { node {
      claims(filter: { kind: { equals: STATEMENT } }) { totalCount edges { node { kind } } }
      actors(filter: { kind: { equals: COUNTRY } }) { totalCount edges { node { name } } }
      events(filter: { status: { equals: PLANNED } }) { totalCount }
    } } } }`);
    const doc = data.documents.edges[0].node;
    expect(doc.claims.totalCount).toBe(claimsWhere((c) => c.kind === "STATEMENT"));
    expect(doc.claims.edges.every((e: any) => e.node.kind === "STATEMENT")).toBe(true);
    expect(doc.actors.totalCount).toBe(seed.actors.filter((a: any) => a.kind === "COUNTRY").length);
    expect(doc.events.totalCount).toBe(
      seed.events.filter((e: any) => e.status === "PLANNED").length,
    );
  });
});

describe("fuzzy date filters", () => {
  it("returns the July events in date order and nothing from June", async () => {
    const data =
      await query(`{ events(filter: { date: { overlaps: { start: "2025-07-01", end: "2025-07-31" } } },
      orderBy: [{ date: ASC }]) { edges { node { title date { start end precision } } } } }`);
    const dates = data.events.edges.map((e: any) => e.node.date);
    expect(dates.length).toBe(
      seed.events.filter(
        (e: any) =>
          e.date.start && e.date.end && e.date.start <= "2025-07-31" && e.date.end >= "2025-07-01",
      ).length,
    );
    expect(dates.length).toBeGreaterThan(0);
    for (const date of dates) {
      expect(date.start <= "2025-07-31" && date.end >= "2025-07-01").toBe(true);
      expect(date.end.startsWith("2025-06")).toBe(false);
    }
    const starts = dates.map((d: any) => d.start);
    expect(starts).toEqual([...starts].sort());
  });

  it("matches a coarse date by overlap whatever its precision ('late June' overlaps June 25–26)", async () => {
    const data =
      await query(`{ events(filter: { date: { overlaps: { start: "2025-06-25", end: "2025-06-26" } } }) {
      edges { node { date { text precision } } } } }`);
    expect(data.events.edges.map((e: any) => e.node.date.text)).toContain("late June");
  });

  it("filters by precision and by bound", async () => {
    const data =
      await query(`{ events(filter: { date: { precision: { in: [UNKNOWN] }, start: { gte: "2025-01-01" } } }) {
      totalCount } }`);
    expect(data.events.totalCount).toBe(
      seed.events.filter((e: any) => e.date.precision === "UNKNOWN" && e.date.start >= "2025-01-01")
        .length,
    );
  });

  it("finds claims by when they were said, and claims with no date via statedAt: null", async () => {
    const june =
      await query(`{ claims(filter: { statedAt: { overlaps: { start: "2025-06-01", end: "2025-06-30" } } }) {
      totalCount } }`);
    expect(june.claims.totalCount).toBe(
      claimsWhere((c) => c.statedAt?.start?.startsWith("2025-06")),
    );
    const undated = await query(`{ claims(filter: { statedAt: null }) { totalCount } }`);
    expect(undated.claims.totalCount).toBe(claimsWhere((c) => !c.statedAt));
  });
});

describe("ordering", () => {
  it("orders actors by how many claims they made, ties by id, and pages stably", async () => {
    const all = await query(`{ actors(first: 100, orderBy: [{ claimCount: DESC }]) {
      edges { node { id name claims { totalCount } } } } }`);
    const counts = all.actors.edges.map((e: any) => e.node.claims.totalCount);
    expect(counts).toEqual([...counts].sort((a: number, b: number) => b - a));
    const top = seed.claims.reduce(
      (m: Map<string, number>, c: any) => m.set(c.claimant, (m.get(c.claimant) ?? 0) + 1),
      new Map(),
    );
    top.delete(null);
    const [first] = [...top.entries()].sort((a: any, b: any) => b[1] - a[1]);
    expect(all.actors.edges[0].node.name).toBe(first[0]);

    const paged: string[] = [];
    let after: string | null = null;
    for (;;) {
      const page: any = await query(
        `query($after: String) { actors(first: 4, after: $after, orderBy: [{ claimCount: DESC }]) {
          pageInfo { hasNextPage endCursor } edges { node { id } } } }`,
        { after },
      );
      paged.push(...page.actors.edges.map((e: any) => e.node.id));
      if (!page.actors.pageInfo.hasNextPage) break;
      after = page.actors.pageInfo.endCursor;
    }
    expect(paged).toEqual(all.actors.edges.map((e: any) => e.node.id));
  });

  it("applies several keys in order", async () => {
    const data = await query(`{ claims(first: 100, orderBy: [{ kind: ASC }, { position: DESC }]) {
      edges { node { kind span { start } } } } }`);
    const rows = data.claims.edges.map((e: any) => e.node);
    // Enums sort in declaration order, as PostgreSQL sorts enum values.
    const rank = ["FACTUAL", "STATEMENT", "ASSESSMENT", "PREDICTION", "SPECULATION"];
    for (let i = 1; i < rows.length; i++) {
      const [a, b] = [rows[i - 1], rows[i]];
      expect(rank.indexOf(a.kind) <= rank.indexOf(b.kind)).toBe(true);
      if (a.kind === b.kind) expect(a.span.start >= b.span.start).toBe(true);
    }
  });

  it("orders nested join-table connections by the node", async () => {
    const data = await query(`{ documents(first: 1) { edges { node {
      events(first: 100, orderBy: [{ date: DESC }]) { edges { node { date { start } } } } } } } }`);
    const starts = data.documents.edges[0].node.events.edges
      .map((e: any) => e.node.date.start)
      .filter((s: string | null) => s !== null);
    expect(starts).toEqual([...starts].sort().reverse());
  });
});

describe("bad input is a GraphQL error naming the argument", () => {
  it.each([
    [
      "unknown enum value",
      `{ claims(filter: { kind: { equals: RUMOUR } }) { totalCount } }`,
      "RUMOUR",
    ],
    [
      "malformed date",
      `{ events(filter: { date: { overlaps: { start: "2025-13-01", end: "2025-07-31" } } }) { totalCount } }`,
      "Date",
    ],
    ["first above the maximum", `{ claims(first: 1000) { totalCount } }`, '"first"'],
    ["negative first", `{ claims(first: -1) { totalCount } }`, '"first"'],
    ["both first and last", `{ claims(first: 2, last: 2) { totalCount } }`, "not both"],
    [
      "a cursor that does not decode",
      `{ claims(first: 2, after: "not-a-cursor") { totalCount } }`,
      "cursor",
    ],
    [
      "an orderBy item with two keys",
      `{ claims(orderBy: [{ kind: ASC, text: DESC }]) { edges { cursor } } }`,
      "orderBy[0]",
    ],
    [
      "equals: null on a required field",
      `{ claims(filter: { text: { equals: null } }) { totalCount } }`,
      "filter.text",
    ],
    [
      "an overlap range that ends before it starts",
      `{ events(filter: { date: { overlaps: { start: "2025-08-01", end: "2025-07-01" } } }) { totalCount } }`,
      "overlaps",
    ],
  ])("%s", async (_name, source, fragment) => {
    const result = await graphql(source);
    expect(result.status).toBe(200);
    expect(result.errors?.length).toBeGreaterThan(0);
    expect(result.errors?.map((e) => e.message).join("\n")).toContain(fragment);
    expect(JSON.stringify(result.errors)).not.toContain("Unexpected error");
  });
});
