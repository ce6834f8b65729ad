// Reading the seeded API through HTTP: the acceptance query, the span invariant for
// every stored span, alias lookup, and every relation in both directions.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { query } from "./support/graphql.ts";
import { SEEDS_DIR, useTestDatabase } from "./support/test-database.ts";

useTestDatabase({ seed: true });

const seed = JSON.parse(readFileSync(join(SEEDS_DIR, "000_c259099762e85b88.json"), "utf8"));
const seedBody = readFileSync(join(SEEDS_DIR, seed.document.bodyFile), "utf8");

describe("the seeded document", () => {
  it("answers the acceptance query with every claim, claimant and a matching span", async () => {
    const data = await query(`{
      documents(first: 5) { totalCount edges { node { title body claims(first: 100) { totalCount
        edges { node { text quote claimant { name kind } statedAt { start precision text }
          span { start end text } event { title } } } } } } } }`);
    expect(data.documents.totalCount).toBe(1);
    const document = data.documents.edges[0].node;
    expect(document.body).toBe(seedBody);
    expect(document.claims.totalCount).toBe(seed.claims.length);
    expect(document.claims.edges).toHaveLength(seed.claims.length);
    for (const { node: claim } of document.claims.edges) {
      expect(document.body.slice(claim.span.start, claim.span.end)).toBe(claim.span.text);
      if (claim.quote !== null) expect(claim.span.text).toContain(claim.quote);
    }
    const claimants = document.claims.edges.map((e: any) => e.node.claimant?.name ?? null);
    expect(claimants).toContain("Dmitry Peskov");
    expect(claimants).toContain("Russian Ministry of Defense");
    expect(claimants).toContain(null);
  });

  it("lists claims in text order", async () => {
    const data = await query(`{ documents(first: 1) { edges { node { claims(first: 100) {
      edges { node { span { start } } } } } } } }`);
    const starts = data.documents.edges[0].node.claims.edges.map((e: any) => e.node.span.start);
    expect(starts).toEqual([...starts].sort((a, b) => a - b));
  });

  it("keeps body.slice(start, end) === text for every stored span", async () => {
    const data = await query(`{ documents(first: 1) { edges { node { body
      claims(first: 100) { totalCount edges { node { span { start end text } } } }
      mentions(first: 100) { totalCount edges { node { span { start end text } } } }
      eventMentions(first: 100) { totalCount edges { node { span { start end text } } } } } } } }`);
    const document = data.documents.edges[0].node;
    let checked = 0;
    for (const list of [document.claims, document.mentions, document.eventMentions]) {
      expect(list.edges).toHaveLength(list.totalCount);
      for (const { node } of list.edges) {
        expect(document.body.slice(node.span.start, node.span.end)).toBe(node.span.text);
        checked++;
      }
    }
    const expected =
      seed.claims.length +
      seed.actors.reduce((n: number, a: any) => n + a.mentions.length, 0) +
      seed.events.reduce((n: number, e: any) => n + e.mentions.length, 0);
    expect(checked).toBe(expected);
  });

  it("gives fuzzy dates with their precision, words and inferred year", async () => {
    const data = await query(`{ events(first: 100) { edges { node { slug date {
      start end precision text yearInferred } } } } }`);
    const dates = new Map(data.events.edges.map((e: any) => [e.node.slug, e.node.date]));
    for (const event of seed.events) {
      const date: any = dates.get(event.slug);
      expect(date).toMatchObject({ precision: event.date.precision, text: event.date.text });
      expect(date.start).toBe(event.date.start ?? null);
      expect(date.yearInferred).toBe(event.date.yearInferred ?? false);
    }
    const lateJune = [...dates.values()].find((d: any) => d.text === "late June") as any;
    expect(lateJune).toMatchObject({ precision: "PART_OF_MONTH", yearInferred: true });
    expect(lateJune.start >= "2025-06-01" && lateJune.end <= "2025-06-30").toBe(true);
  });
});

describe("actor lookup by name or alias", () => {
  it.each([
    ["Kyiv", "Ukraine"],
    ["kyiv", "Ukraine"],
    ["  KYIV ", "Ukraine"],
    ["Moscow", "Russia"],
    ["Ukraine", "Ukraine"],
    ["Peskov", "Dmitry Peskov"],
  ])("%j is %j", async (name, expected) => {
    const data = await query(`query($name: String!) { actor(name: $name) { name aliases } }`, {
      name,
    });
    expect(data.actor.name).toBe(expected);
  });

  it("answers null for a name nobody has", async () => {
    const data = await query(`{ actor(name: "Atlantis") { name } }`);
    expect(data.actor).toBeNull();
  });

  it("lists aliases on the actor", async () => {
    const data = await query(`{ actor(name: "Russia") { aliases } }`);
    expect(data.actor.aliases).toContain("Moscow");
  });
});

describe("relations in both directions", () => {
  it("claim.claimant ↔ actor.claims", async () => {
    const data = await query(`{ actor(name: "Peskov") { id claims(first: 100) { totalCount
      edges { node { id claimant { id } } } } } }`);
    const peskov = data.actor;
    expect(peskov.claims.totalCount).toBeGreaterThan(0);
    for (const { node } of peskov.claims.edges) expect(node.claimant.id).toBe(peskov.id);
    const expected = seed.claims.filter((c: any) => c.claimant === "Dmitry Peskov").length;
    expect(peskov.claims.totalCount).toBe(expected);
  });

  it("claim.document ↔ document.claims", async () => {
    const data = await query(`{ claims(first: 100) { totalCount edges { node { id document { id
      claims(first: 100) { edges { node { id } } } } } } } }`);
    for (const { node } of data.claims.edges) {
      expect(node.document.claims.edges.map((e: any) => e.node.id)).toContain(node.id);
    }
  });

  it("claim.event ↔ event.claims", async () => {
    const data = await query(`{ claims(first: 100) { edges { node { id event { id
      claims(first: 100) { edges { node { id event { id } } } } } } } } }`);
    const withEvent = data.claims.edges.filter((e: any) => e.node.event !== null);
    expect(withEvent.length).toBe(seed.claims.filter((c: any) => c.event !== null).length);
    for (const { node } of withEvent) {
      const back = node.event.claims.edges.map((e: any) => e.node);
      expect(back.map((c: any) => c.id)).toContain(node.id);
      for (const claim of back) expect(claim.event.id).toBe(node.event.id);
    }
  });

  it("claim.subjects ↔ actor.claimsAbout", async () => {
    const data = await query(`{ claims(first: 100) { edges { node { id subjects { id name
      claimsAbout(first: 100) { totalCount edges { node { id } } } } } } } }`);
    let pairs = 0;
    for (const { node: claim } of data.claims.edges) {
      for (const subject of claim.subjects) {
        expect(subject.claimsAbout.edges.map((e: any) => e.node.id)).toContain(claim.id);
        pairs++;
      }
    }
    expect(pairs).toBe(seed.claims.reduce((n: number, c: any) => n + new Set(c.subjects).size, 0));
  });

  it("document.actors ↔ actor.documents, with distinct actors", async () => {
    const data = await query(`{ documents(first: 1) { edges { node { id actors(first: 100) {
      totalCount edges { node { name documents(first: 10) { totalCount edges { node { id } } } } } } } } } }`);
    const document = data.documents.edges[0].node;
    const names = document.actors.edges.map((e: any) => e.node.name);
    expect(new Set(names).size).toBe(names.length);
    expect(document.actors.totalCount).toBe(
      seed.actors.filter((a: any) => a.mentions.length > 0).length,
    );
    const byKey = (a: string, b: string) => (a.toLowerCase() < b.toLowerCase() ? -1 : 1);
    expect(names).toEqual([...names].sort(byKey));
    for (const { node: actor } of document.actors.edges) {
      expect(actor.documents.edges.map((e: any) => e.node.id)).toEqual([document.id]);
    }
  });

  it("document.events ↔ event.documents", async () => {
    const data = await query(`{ documents(first: 1) { edges { node { id events(first: 100) {
      totalCount edges { node { slug documents(first: 10) { edges { node { id } } } } } } } } } }`);
    const document = data.documents.edges[0].node;
    expect(document.events.totalCount).toBe(
      seed.events.filter((e: any) => e.mentions.length > 0).length,
    );
    for (const { node: event } of document.events.edges) {
      expect(event.documents.edges.map((e: any) => e.node.id)).toEqual([document.id]);
    }
  });

  it("event.participants ↔ actor.events, with the role on both sides", async () => {
    const data =
      await query(`{ events(first: 100) { edges { node { id participants { role actor { id
      events(first: 100) { edges { role node { id } } } } } } } } }`);
    let participations = 0;
    for (const { node: event } of data.events.edges) {
      for (const participant of event.participants) {
        const edge = participant.actor.events.edges.find((e: any) => e.node.id === event.id);
        expect(edge).toBeDefined();
        expect(edge.role).toBe(participant.role);
        participations++;
      }
    }
    expect(participations).toBe(
      seed.events.reduce((n: number, e: any) => n + e.participants.length, 0),
    );
  });

  it("mention.actor ↔ actor.mentions and mention.document ↔ document.mentions", async () => {
    const data = await query(`{ documents(first: 1) { edges { node { id mentions(first: 100) {
      edges { node { id document { id } actor { mentions(first: 100) { edges { node { id } } } } } } } } } } }`);
    const document = data.documents.edges[0].node;
    for (const { node: mention } of document.mentions.edges) {
      expect(mention.document.id).toBe(document.id);
      expect(mention.actor.mentions.edges.map((e: any) => e.node.id)).toContain(mention.id);
    }
  });

  it("eventMention.event ↔ event.mentions", async () => {
    const data = await query(`{ events(first: 100) { edges { node { id mentions(first: 100) {
      edges { node { event { id } document { title } } } } } } } }`);
    for (const { node: event } of data.events.edges) {
      for (const { node: mention } of event.mentions.edges) expect(mention.event.id).toBe(event.id);
    }
  });

  it("event.related is stored both ways with inverse relations", async () => {
    const inverse: Record<string, string> = {
      RELATED: "RELATED",
      PART_OF: "HAS_PART",
      HAS_PART: "PART_OF",
      CAUSES: "CAUSED_BY",
      CAUSED_BY: "CAUSES",
      PRECEDES: "FOLLOWS",
      FOLLOWS: "PRECEDES",
    };
    const data = await query(`{ events(first: 100) { edges { node { id related(first: 20) {
      totalCount edges { relation node { id related(first: 20) { edges { relation node { id } } } } } } } } } }`);
    let links = 0;
    for (const { node: event } of data.events.edges) {
      for (const edge of event.related.edges) {
        const back = edge.node.related.edges.find((e: any) => e.node.id === event.id);
        expect(back?.relation).toBe(inverse[edge.relation]);
        links++;
      }
    }
    expect(links).toBe(2 * seed.events.reduce((n: number, e: any) => n + e.related.length, 0));
  });
});

describe("Relay node lookup", () => {
  it("refetches any node by global id, and several with nodes(ids:)", async () => {
    const data = await query(`{ actor(name: "Russia") { id name }
      claims(first: 1) { edges { node { id text } } } events(first: 1) { edges { node { id title } } } }`);
    const ids = [data.actor.id, data.claims.edges[0].node.id, data.events.edges[0].node.id];
    const refetched = await query(
      `query($ids: [ID!]!) { nodes(ids: $ids) { __typename id
      ... on Actor { name } ... on Claim { text } ... on Event { title } } }`,
      { ids },
    );
    expect(refetched.nodes.map((n: any) => n.__typename)).toEqual(["Actor", "Claim", "Event"]);
    expect(refetched.nodes[0].name).toBe("Russia");
    const single = await query(`query($id: ID!) { node(id: $id) { ... on Claim { text } } }`, {
      id: ids[1],
    });
    expect(single.node.text).toBe(data.claims.edges[0].node.text);
  });

  it("finds a document by slug and an event by slug", async () => {
    const data = await query(
      `query($doc: String!, $event: String!) { document(slug: $doc) { title }
      event(slug: $event) { slug } }`,
      { doc: seed.document.slug, event: seed.events[0].slug },
    );
    expect(data.document.title).toBe(seed.document.title);
    expect(data.event.slug).toBe(seed.events[0].slug);
  });
});
