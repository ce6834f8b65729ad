// Analysis queries — timeline, actorNetwork, Actor.stats, claimCounts — checked against what the
// seed annotation says, and against the number of SQL statements they may cost.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { getDb } from "../src/db/client.ts";
import { perRequestLoader } from "../src/schema/batch.ts";
import { createServer } from "../src/yoga.ts";
import { type GraphQLResponse, graphql, graphqlOn, query } from "./support/graphql.ts";
import { SEEDS_DIR, useTestDatabase } from "./support/test-database.ts";

useTestDatabase({ seed: true });

interface SeedDate {
  start: string | null;
  end: string | null;
  precision: "DAY" | "PART_OF_MONTH" | "MONTH" | "YEAR" | "UNKNOWN";
}
interface SeedEvent {
  slug: string;
  date: SeedDate;
  participants: { actor: string }[];
}
interface SeedClaim {
  text: string;
  kind: string;
  claimant: string | null;
  subjects: string[];
  statedAt: SeedDate | null;
}
interface SeedActor {
  name: string;
  kind: string;
  mentions: unknown[];
}
const seed = JSON.parse(readFileSync(join(SEEDS_DIR, "000_c259099762e85b88.json"), "utf8")) as {
  document: { title: string; publishedAt: string };
  actors: SeedActor[];
  events: SeedEvent[];
  claims: SeedClaim[];
};

const traced = createServer({ sqlTrace: true });

/** The data of `source` and the number of SQL statements it cost. */
async function measured(source: string): Promise<{ data: any; statements: number }> {
  const response: GraphQLResponse = await graphqlOn(traced, source);
  expect(response.errors).toBeUndefined();
  return { data: response.data, statements: response.extensions?.sql.statements };
}

function countBy<T>(items: T[], key: (item: T) => string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const item of items) counts.set(key(item), (counts.get(key(item)) ?? 0) + 1);
  return counts;
}

const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);

/**
 * The bucket key the documented scheme gives a seed date, written from the seed's strings: a date
 * at least as precise as the granularity goes in its period, a coarser one keeps its own range.
 */
function expectedKey(date: SeedDate, granularity: "DAY" | "MONTH" | "YEAR"): string {
  const { precision, start, end } = date;
  if (precision === "UNKNOWN" || start === null) return "undated";
  const rank = { DAY: 0, PART_OF_MONTH: 1, MONTH: 2, YEAR: 3 };
  const period = (value: string, g: "DAY" | "MONTH" | "YEAR") =>
    g === "DAY" ? value : g === "MONTH" ? value.slice(0, 7) : value.slice(0, 4);
  if (rank[precision] <= rank[granularity]) return period(start, granularity);
  if (precision === "MONTH" || precision === "YEAR") return period(start, precision);
  return `${start}/${end}`;
}

const TIMELINE = `query ($granularity: TimeGranularity!, $filter: EventFilter) {
  timeline(granularity: $granularity, filter: $filter) {
    key start end precision granularity coarse count
  }
}`;

describe("timeline", () => {
  it("counts events by month (the default); counts sum to the events, undated last", async () => {
    const data = await query(`{ timeline { key start end precision granularity coarse count } }`);
    const buckets = data.timeline;
    const expected = countBy(seed.events, (e) => expectedKey(e.date, "MONTH"));
    expect(new Map(buckets.map((b: any) => [b.key, b.count]))).toEqual(expected);
    expect(sum(buckets.map((b: any) => b.count))).toBe(seed.events.length);
    expect(buckets.at(-1)).toMatchObject({
      key: "undated",
      start: null,
      end: null,
      precision: "UNKNOWN",
      granularity: null,
      coarse: true,
    });
    const dated = buckets.slice(0, -1);
    expect(dated.map((b: any) => b.start)).toEqual([...dated.map((b: any) => b.start)].sort());
    for (const bucket of dated) {
      expect(bucket).toMatchObject({ precision: "MONTH", granularity: "MONTH", coarse: false });
      expect(bucket.start).toBe(`${bucket.key}-01`);
      expect(bucket.end.slice(0, 7)).toBe(bucket.key);
    }
    const explicit = await query(TIMELINE, { granularity: "MONTH" });
    expect(explicit.timeline).toEqual(buckets);
    const asNull = await query(
      `{ timeline(granularity: null) { key start end precision granularity coarse count } }`,
    );
    expect(asNull.timeline).toEqual(buckets);
  });

  it("by day keeps an event known only to part of a month in a bucket of its own range", async () => {
    const data = await query(TIMELINE, { granularity: "DAY" });
    const expected = countBy(seed.events, (e) => expectedKey(e.date, "DAY"));
    expect(new Map(data.timeline.map((b: any) => [b.key, b.count]))).toEqual(expected);
    expect(sum(data.timeline.map((b: any) => b.count))).toBe(seed.events.length);

    const partOfMonth = seed.events.filter((e) => e.date.precision === "PART_OF_MONTH");
    expect(partOfMonth.length).toBeGreaterThan(0);
    for (const event of partOfMonth) {
      const bucket = data.timeline.find(
        (b: any) => b.key === `${event.date.start}/${event.date.end}`,
      );
      expect(bucket).toMatchObject({
        start: event.date.start,
        end: event.date.end,
        precision: "PART_OF_MONTH",
        granularity: null,
        coarse: true,
      });
    }
    for (const bucket of data.timeline.filter((b: any) => b.precision === "DAY")) {
      expect(bucket).toMatchObject({ start: bucket.key, end: bucket.key, coarse: false });
    }
    // By start, finer first on the same start, undated last.
    const rank: Record<string, number> = { DAY: 0, PART_OF_MONTH: 1, MONTH: 2, YEAR: 3 };
    const dated = data.timeline.filter((b: any) => b.start !== null);
    for (let i = 1; i < dated.length; i++) {
      const [a, b] = [dated[i - 1], dated[i]];
      expect(
        a.start < b.start || (a.start === b.start && rank[a.precision]! <= rank[b.precision]!),
      ).toBe(true);
    }
    expect(data.timeline.at(-1).key).toBe("undated");
  });

  it("by year", async () => {
    const data = await query(TIMELINE, { granularity: "YEAR" });
    const expected = countBy(seed.events, (e) => expectedKey(e.date, "YEAR"));
    expect(new Map(data.timeline.map((b: any) => [b.key, b.count]))).toEqual(expected);
    for (const bucket of data.timeline.filter((b: any) => b.key !== "undated")) {
      expect(bucket).toMatchObject({
        start: `${bucket.key}-01-01`,
        end: `${bucket.key}-12-31`,
        precision: "YEAR",
        coarse: false,
      });
    }
  });

  it("applies the filter", async () => {
    const filter = { participants: { some: { actor: { name: { equals: "Belarus" } } } } };
    const matching = seed.events.filter((e) => e.participants.some((p) => p.actor === "Belarus"));
    expect(matching.length).toBeGreaterThan(0);
    expect(matching.length).toBeLessThan(seed.events.length);
    for (const granularity of ["DAY", "MONTH", "YEAR"] as const) {
      const data = await query(TIMELINE, { granularity, filter });
      const expected = countBy(matching, (e) => expectedKey(e.date, granularity));
      expect(new Map(data.timeline.map((b: any) => [b.key, b.count]))).toEqual(expected);
    }
    const none = await query(TIMELINE, {
      granularity: "DAY",
      filter: { slug: { equals: "nope" } },
    });
    expect(none.timeline).toEqual([]);
  });

  it("lists each bucket's events, loaded for all buckets in one statement", async () => {
    const source = (granularity: string) => `{ timeline(granularity: ${granularity}) {
      key count events(first: 100) { totalCount nodes { slug date { start precision } } } } }`;
    const { data, statements } = await measured(source("DAY"));
    const expected = new Map<string, string[]>();
    for (const event of seed.events) {
      const key = expectedKey(event.date, "DAY");
      expected.set(key, [...(expected.get(key) ?? []), event.slug]);
    }
    for (const bucket of data.timeline) {
      const slugs = bucket.events.nodes.map((e: any) => e.slug);
      expect(new Set(slugs)).toEqual(new Set(expected.get(bucket.key)));
      expect(bucket.events.totalCount).toBe(bucket.count);
    }
    expect(data.timeline.length).toBeGreaterThan(2);
    // One groupBy for the counts, one findMany for the events of every bucket.
    expect(statements).toBe(2);
    expect((await measured(source("YEAR"))).statements).toBe(2);
    expect((await measured(`{ timeline(granularity: DAY) { key count } }`)).statements).toBe(1);
    // Nested selections fold into that findMany: + participants, + their actors.
    const nested = await measured(`{ timeline(granularity: DAY) { key
      events { nodes { slug participants { role actor { name stats { claims } } } } } } }`);
    expect(nested.statements).toBe(4);
    for (const bucket of nested.data.timeline) {
      for (const event of bucket.events.nodes) {
        const participants = seed.events.find((e) => e.slug === event.slug)!.participants;
        expect(new Set(event.participants.map((p: any) => p.actor.name))).toEqual(
          new Set(participants.map((p) => p.actor)),
        );
      }
    }
  });

  it("pages a bucket's events", async () => {
    const pageOf = (after: string | null) =>
      query(
        `query ($after: String) { timeline(granularity: DAY) { key count
        events(first: 1, after: $after) { pageInfo { hasNextPage endCursor } nodes { slug } } } }`,
        {
          after,
        },
      );
    const first = await pageOf(null);
    const bucket = first.timeline.find((b: any) => b.count > 1);
    expect(bucket).toBeDefined();
    expect(bucket.events.nodes).toHaveLength(1);
    expect(bucket.events.pageInfo.hasNextPage).toBe(true);
    const second = await pageOf(bucket.events.pageInfo.endCursor);
    const next = second.timeline.find((b: any) => b.key === bucket.key);
    expect(next.events.nodes).toHaveLength(1);
    expect(next.events.nodes[0].slug).not.toBe(bucket.events.nodes[0].slug);
  });

  it("gives month and year dates their own flagged buckets under a finer granularity", async () => {
    const prisma = getDb().prisma;
    const created = await Promise.all([
      prisma.event.create({
        data: {
          slug: "test-month-precision",
          title: "Known to the month",
          kind: "OTHER",
          status: "OCCURRED",
          datePrecision: "MONTH",
          dateStart: new Date("2025-06-01"),
          dateEnd: new Date("2025-06-30"),
          dateText: "in June",
        },
      }),
      prisma.event.create({
        data: {
          slug: "test-year-precision",
          title: "Known to the year",
          kind: "OTHER",
          status: "OCCURRED",
          datePrecision: "YEAR",
          dateStart: new Date("2025-01-01"),
          dateEnd: new Date("2025-12-31"),
          dateText: "this year",
        },
      }),
    ]);
    try {
      const filter = { slug: { startsWith: "test-" } };
      const day = await query(TIMELINE, { granularity: "DAY", filter });
      expect(day.timeline).toEqual([
        {
          key: "2025",
          start: "2025-01-01",
          end: "2025-12-31",
          precision: "YEAR",
          granularity: "YEAR",
          coarse: true,
          count: 1,
        },
        {
          key: "2025-06",
          start: "2025-06-01",
          end: "2025-06-30",
          precision: "MONTH",
          granularity: "MONTH",
          coarse: true,
          count: 1,
        },
      ]);
      const month = await query(TIMELINE, { granularity: "MONTH", filter });
      expect(month.timeline.map((b: any) => [b.key, b.precision, b.coarse])).toEqual([
        ["2025", "YEAR", true],
        ["2025-06", "MONTH", false],
      ]);
      const year = await query(TIMELINE, { granularity: "YEAR", filter });
      expect(year.timeline.map((b: any) => [b.key, b.count, b.coarse])).toEqual([
        ["2025", 2, false],
      ]);
      // With the seed's events: the month bucket comes after the days of its month that start on
      // the same day, and the counts still sum to every event.
      const all = await query(TIMELINE, { granularity: "DAY" });
      expect(sum(all.timeline.map((b: any) => b.count))).toBe(seed.events.length + 2);
    } finally {
      await prisma.event.deleteMany({ where: { id: { in: created.map((e) => e.id) } } });
    }
  });
});

/** Per unordered pair of actor names: shared events, claims, documents, from the seed. */
function expectedLinks() {
  const links = new Map<
    string,
    { a: string; b: string; events: number; claims: number; documents: number }
  >();
  const link = (x: string, y: string) => {
    const [a, b] = [x, y].sort();
    const key = `${a}|${b}`;
    let value = links.get(key);
    if (!value) {
      value = { a: a!, b: b!, events: 0, claims: 0, documents: 0 };
      links.set(key, value);
    }
    return value;
  };
  for (const event of seed.events) {
    const names = event.participants.map((p) => p.actor);
    for (const [i, x] of names.entries()) for (const y of names.slice(i + 1)) link(x, y).events++;
  }
  for (const claim of seed.claims) {
    if (claim.claimant === null) continue;
    for (const subject of claim.subjects) {
      if (subject !== claim.claimant) link(claim.claimant, subject).claims++;
    }
  }
  // One document, and every actor is mentioned in it.
  const mentioned = seed.actors.filter((a) => a.mentions.length > 0).map((a) => a.name);
  for (const [i, x] of mentioned.entries())
    for (const y of mentioned.slice(i + 1)) link(x, y).documents++;
  return [...links.values()].map((l) => ({ ...l, weight: l.events + l.claims + l.documents }));
}

const LINK_FIELDS = `source { name } target { name } weight events claims documents`;

describe("actorNetwork", () => {
  async function idsByName() {
    const actors = await getDb().prisma.actor.findMany({ select: { id: true, name: true } });
    return new Map(actors.map((a) => [a.name, a.id]));
  }

  /** The expected links in API order: weight descending, then source id, then target id. */
  async function expectedOrder(links: ReturnType<typeof expectedLinks>) {
    const ids = await idsByName();
    return links
      .map((l) => {
        const [source, target] = ids.get(l.a)! < ids.get(l.b)! ? [l.a, l.b] : [l.b, l.a];
        return {
          source: { name: source },
          target: { name: target },
          weight: l.weight,
          events: l.events,
          claims: l.claims,
          documents: l.documents,
          order: [ids.get(source)!, ids.get(target)!],
        };
      })
      .sort((x, y) => y.weight - x.weight || x.order[0]! - y.order[0]! || x.order[1]! - y.order[1]!)
      .map(({ order: _, ...rest }) => rest);
  }

  it("links Russia and Ukraine by the events both take part in, with the evidence", async () => {
    const data = await query(`{ actorNetwork(first: 100) { ${LINK_FIELDS}
      sharedEvents(first: 100) { slug date { start } } sharedClaims { text } sharedDocuments { title } } }`);
    const link = data.actorNetwork.find(
      (l: any) =>
        [l.source.name, l.target.name].sort().join("|") === ["Russia", "Ukraine"].sort().join("|"),
    );
    const both = seed.events.filter(
      (e) =>
        e.participants.some((p) => p.actor === "Russia") &&
        e.participants.some((p) => p.actor === "Ukraine"),
    );
    expect(both.length).toBeGreaterThan(0);
    const claims = seed.claims.filter(
      (c) =>
        (c.claimant === "Russia" && c.subjects.includes("Ukraine")) ||
        (c.claimant === "Ukraine" && c.subjects.includes("Russia")),
    );
    expect(link).toMatchObject({
      events: both.length,
      claims: claims.length,
      documents: 1,
      weight: both.length + claims.length + 1,
    });
    expect(new Set(link.sharedEvents.map((e: any) => e.slug))).toEqual(
      new Set(both.map((e) => e.slug)),
    );
    const starts = link.sharedEvents.map((e: any) => e.date.start);
    expect(starts).toEqual([...starts].sort());
    expect(link.sharedClaims.map((c: any) => c.text)).toEqual(claims.map((c) => c.text));
    expect(link.sharedDocuments).toEqual([{ title: seed.document.title }]);
  });

  it("links a claimant to the subjects of its claims", async () => {
    const data = await query(`{ actorNetwork(first: 100, minWeight: 2) { ${LINK_FIELDS}
      sharedClaims(first: 100) { text claimant { name } } } }`);
    const link = data.actorNetwork.find(
      (l: any) =>
        [l.source.name, l.target.name].sort().join("|") ===
        ["Russian Ministry of Defense", "Russian soldiers"].sort().join("|"),
    );
    const claims = seed.claims.filter(
      (c) =>
        c.claimant === "Russian Ministry of Defense" && c.subjects.includes("Russian soldiers"),
    );
    expect(claims.length).toBeGreaterThan(0);
    expect(link.claims).toBe(claims.length);
    expect(link.sharedClaims.map((c: any) => c.text)).toEqual(claims.map((c) => c.text));
    for (const claim of link.sharedClaims)
      expect(claim.claimant.name).toBe("Russian Ministry of Defense");
  });

  it("returns every pair once, heaviest first, as the seed says", async () => {
    const data = await query(`{ actorNetwork { ${LINK_FIELDS} } }`);
    const expected = await expectedOrder(expectedLinks());
    expect(expected.length).toBeGreaterThan(50);
    expect(data.actorNetwork).toEqual(expected.slice(0, 50)); // first defaults to 50
    const asNull = await query(`{ actorNetwork(first: null, minWeight: null) { ${LINK_FIELDS} } }`);
    expect(asNull.actorNetwork).toEqual(data.actorNetwork);
  });

  it("leaves out pairs lighter than minWeight", async () => {
    const data = await query(`{ actorNetwork(minWeight: 3, first: 100) { ${LINK_FIELDS} } }`);
    const expected = await expectedOrder(expectedLinks().filter((l) => l.weight >= 3));
    expect(expected.length).toBeGreaterThan(0);
    expect(data.actorNetwork).toEqual(expected);
    const none = await query(`{ actorNetwork(minWeight: 1000) { weight } }`);
    expect(none.actorNetwork).toEqual([]);
  });

  it("only links actors matching the filter", async () => {
    const data = await query(`{ actorNetwork(filter: { kind: { equals: COUNTRY } }, first: 100) {
      ${LINK_FIELDS} source { kind } target { kind } } }`);
    const countries = new Set(seed.actors.filter((a) => a.kind === "COUNTRY").map((a) => a.name));
    const expected = await expectedOrder(
      expectedLinks().filter((l) => countries.has(l.a) && countries.has(l.b)),
    );
    expect(expected.length).toBeGreaterThan(0);
    expect(
      data.actorNetwork.map(({ source, target, ...rest }: any) => ({
        source: { name: source.name },
        target: { name: target.name },
        ...rest,
      })),
    ).toEqual(expected);
    for (const link of data.actorNetwork) {
      expect([link.source.kind, link.target.kind]).toEqual(["COUNTRY", "COUNTRY"]);
    }
    const none = await query(`{ actorNetwork(filter: { name: { equals: "nobody" } }) { weight } }`);
    expect(none.actorNetwork).toEqual([]);
  });

  it("costs a fixed number of statements", async () => {
    const plain = await measured(
      `{ actorNetwork(first: 100) { source { name } target { name } weight } }`,
    );
    expect(plain.data.actorNetwork.length).toBeGreaterThan(50);
    expect(plain.statements).toBe(2); // the links, the actors
    const filtered = await measured(`{ actorNetwork(filter: { kind: { not: { equals: PERSON } } }) {
      source { name } target { name } } }`);
    expect(filtered.statements).toBe(3); // + the ids the filter allows
    const evidence = await measured(`{ actorNetwork(first: 100) { source { name stats { claims } }
      target { name } sharedEvents { slug } sharedClaims { text } sharedDocuments { title } } }`);
    expect(evidence.statements).toBe(5); // + one per evidence list
  });

  it("refuses a minWeight below 1 and a page outside 0–100", async () => {
    for (const args of ["minWeight: 0", "first: -1", "first: 101"]) {
      const result = await graphql(`{ actorNetwork(${args}) { weight } }`);
      expect(result.errors?.[0]?.extensions?.code, args).toBe("BAD_USER_INPUT");
    }
    const evidence = await graphql(
      `{ actorNetwork(first: 1) { sharedEvents(first: 101) { slug } } }`,
    );
    expect(evidence.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
  });
});

describe("Actor.stats", () => {
  const STATS = "claims claimsAbout documents events mentions firstSeen lastSeen";

  function expectedStats(name: string) {
    const publishedAt = new Date(seed.document.publishedAt).toISOString();
    const actor = seed.actors.find((a) => a.name === name)!;
    return {
      claims: seed.claims.filter((c) => c.claimant === name).length,
      claimsAbout: seed.claims.filter((c) => c.subjects.includes(name)).length,
      documents: actor.mentions.length > 0 ? 1 : 0,
      events: seed.events.filter((e) => e.participants.some((p) => p.actor === name)).length,
      mentions: actor.mentions.length,
      firstSeen: actor.mentions.length > 0 ? publishedAt : null,
      lastSeen: actor.mentions.length > 0 ? publishedAt : null,
    };
  }

  it("counts Dmitry Peskov's claims, documents, events and mentions", async () => {
    const data = await query(`{ actor(name: "Peskov") { name stats { ${STATS} } } }`);
    expect(data.actor.name).toBe("Dmitry Peskov");
    expect(data.actor.stats).toEqual(expectedStats("Dmitry Peskov"));
    expect(data.actor.stats.claims).toBe(
      seed.claims.filter((c) => c.claimant === "Dmitry Peskov").length,
    );
    expect(data.actor.stats.documents).toBe(1);
  });

  it("gives every actor's stats in two statements, however many actors", async () => {
    const all = await measured(
      `{ actors(first: 50) { edges { node { name stats { ${STATS} } } } } }`,
    );
    const nodes = all.data.actors.edges.map((e: any) => e.node);
    expect(nodes).toHaveLength(seed.actors.length);
    for (const node of nodes) expect(node.stats, node.name).toEqual(expectedStats(node.name));
    // The actors with their relation counts, then one grouped statement for firstSeen/lastSeen.
    expect(all.statements).toBe(2);
    const one = await measured(`{ actors(first: 1) { edges { node { stats { ${STATS} } } } } }`);
    expect(one.statements).toBe(2);
    const counts = await measured(
      `{ actors(first: 50) { edges { node { stats { claims events } } } } }`,
    );
    expect(counts.statements).toBe(1);
  });

  it("shares its counts with the connections' totals", async () => {
    const plain = await measured(`{ actor(name: "Peskov") { claims(first: 1) { totalCount } } }`);
    const both = await measured(
      `{ actor(name: "Peskov") { stats { claims } claims(first: 1) { totalCount } } }`,
    );
    expect(both.data.actor.stats.claims).toBe(both.data.actor.claims.totalCount);
    expect(both.statements).toBe(plain.statements);
    // A filtered connection counts its own claims; stats still counts them all.
    const filtered = await query(`{ actor(name: "Peskov") { stats { claims }
      claims(first: 1, filter: { kind: { equals: PREDICTION } }) { totalCount } } }`);
    expect(filtered.actor.stats.claims).toBe(expectedStats("Dmitry Peskov").claims);
    expect(filtered.actor.claims.totalCount).toBe(
      seed.claims.filter((c) => c.claimant === "Dmitry Peskov" && c.kind === "PREDICTION").length,
    );
  });
});

describe("claimCounts", () => {
  const byCountThenKey = (entries: [string, number][]) =>
    entries.sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));

  it("by kind", async () => {
    const data = await query(
      `{ claimCounts(groupBy: KIND) { key count kind claimant { name } month } }`,
    );
    const expected = byCountThenKey([...countBy(seed.claims, (c) => c.kind)]);
    expect(data.claimCounts.map((g: any) => [g.key, g.count])).toEqual(expected);
    expect(sum(data.claimCounts.map((g: any) => g.count))).toBe(seed.claims.length);
    for (const group of data.claimCounts) {
      expect(group).toMatchObject({ kind: group.key, claimant: null, month: null });
    }
  });

  it("by claimant, the document itself included, in two statements", async () => {
    const { data, statements } = await measured(
      `{ claimCounts(groupBy: CLAIMANT) { key count kind month claimant { name stats { claims } } } }`,
    );
    const expected = byCountThenKey([...countBy(seed.claims, (c) => c.claimant ?? "(document)")]);
    expect(data.claimCounts.map((g: any) => [g.key, g.count])).toEqual(expected);
    expect(sum(data.claimCounts.map((g: any) => g.count))).toBe(seed.claims.length);
    for (const group of data.claimCounts) {
      if (group.key === "(document)") expect(group.claimant).toBeNull();
      else expect(group.claimant).toEqual({ name: group.key, stats: { claims: group.count } });
      expect(group).toMatchObject({ kind: null, month: null });
    }
    expect(statements).toBe(2); // the groupBy, the claimants
  });

  it("by month of statedAt, undated apart", async () => {
    const data = await query(
      `{ claimCounts(groupBy: MONTH) { key count month kind claimant { name } } }`,
    );
    const expected = byCountThenKey([
      ...countBy(seed.claims, (c) => (c.statedAt ? expectedKey(c.statedAt, "MONTH") : "undated")),
    ]);
    expect(data.claimCounts.map((g: any) => [g.key, g.count])).toEqual(expected);
    expect(sum(data.claimCounts.map((g: any) => g.count))).toBe(seed.claims.length);
    for (const group of data.claimCounts) {
      expect(group.month).toBe(/^\d{4}-\d{2}$/.test(group.key) ? group.key : null);
    }
    expect(data.claimCounts.some((g: any) => g.key === "undated")).toBe(true);
  });

  it("applies the filter", async () => {
    const data =
      await query(`{ claimCounts(groupBy: CLAIMANT, filter: { kind: { equals: STATEMENT } }) {
      key count } }`);
    const statements = seed.claims.filter((c) => c.kind === "STATEMENT");
    expect(data.claimCounts.map((g: any) => [g.key, g.count])).toEqual(
      byCountThenKey([...countBy(statements, (c) => c.claimant ?? "(document)")]),
    );
  });
});

describe("the per-request batch loader", () => {
  it("answers one wave of loads with one batch, caches per request, keeps requests apart", async () => {
    const batches: number[][] = [];
    const loader = perRequestLoader<number, string>(async (keys) => {
      batches.push([...keys]);
      return new Map(keys.filter((k) => k !== 3).map((k) => [k, `v${k}`]));
    });
    const request = {};
    const values = await Promise.all([1, 2, 3, 1].map((k) => loader(request).load(k)));
    expect(values).toEqual(["v1", "v2", undefined, "v1"]);
    expect(batches).toEqual([[1, 2, 3]]);
    // Loads made after a promise resolves, in the same wave, still share a batch.
    await Promise.all([4, 5].map(async (k) => loader(request).load(await Promise.resolve(k))));
    expect(batches).toEqual([
      [1, 2, 3],
      [4, 5],
    ]);
    expect(await loader(request).load(2)).toBe("v2");
    expect(batches).toHaveLength(2);
    expect(await loader({}).load(2)).toBe("v2");
    expect(batches).toEqual([[1, 2, 3], [4, 5], [2]]);
  });

  it("rejects every load of a failed batch", async () => {
    const loader = perRequestLoader<number, string>(async () => {
      throw new Error("down");
    });
    const request = {};
    await expect(Promise.all([loader(request).load(1), loader(request).load(2)])).rejects.toThrow(
      "down",
    );
  });
});
