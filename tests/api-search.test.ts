// Query.search: PostgreSQL full-text search over documents, claims, actors and events, ranked,
// highlighted and paginated, through the API on the seeded database (PGlite and PostgreSQL).
// Results are compared as sets and orders, never as exact ranks or snippet text: ts_headline
// picks its passages slightly differently across PostgreSQL versions.
import { describe, expect, it } from "vitest";
import { claimIdsMatching } from "../src/domain/search.ts";
import { createServer } from "../src/yoga.ts";
import { type GraphQLResponse, graphql, graphqlOn, query } from "./support/graphql.ts";
import { useTestDatabase } from "./support/test-database.ts";

const { prisma } = useTestDatabase({ seed: true });

type Edge = {
  cursor: string;
  rank: number;
  snippet: string;
  node: { __typename: string; id: string };
};
type Page = {
  totalCount: number;
  pageInfo: {
    hasNextPage: boolean;
    hasPreviousPage: boolean;
    startCursor: string | null;
    endCursor: string | null;
  };
  edges: Edge[];
};

const SEARCH = `query Search($query: String!, $types: [SearchType!], $first: Int, $after: String) {
  search(query: $query, types: $types, first: $first, after: $after) {
    totalCount
    pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
    edges {
      cursor rank snippet
      node {
        __typename
        ... on Document { id title }
        ... on Claim { id text }
        ... on Actor { id name }
        ... on Event { id title }
      }
    }
  }
}`;

async function search(
  text: string,
  options: { types?: string[]; first?: number; after?: string } = {},
): Promise<Page> {
  return (await query(SEARCH, { query: text, ...options })).search;
}

/** "Claim:12" for every hit of a search, all pages (first: 100 is the largest page). */
async function keys(text: string, types?: string[]): Promise<string[]> {
  const page = await search(text, { first: 100, ...(types ? { types } : {}) });
  expect(page.pageInfo.hasNextPage).toBe(false);
  expect(page.edges).toHaveLength(page.totalCount);
  return page.edges.map((edge) => globalId(edge.node.id));
}

const globalId = (id: string) => Buffer.from(id, "base64").toString("utf8");

const TYPE_ORDER = ["Document", "Claim", "Actor", "Event"];

describe("search results", () => {
  it("finds documents, claims, actors and events, best first, with <mark>ed snippets", async () => {
    const page = await search("prisoner exchange", { first: 100 });
    expect(page.totalCount).toBeGreaterThan(5);
    expect(page.edges).toHaveLength(page.totalCount);
    expect(new Set(page.edges.map((e) => e.node.__typename))).toEqual(new Set(TYPE_ORDER));
    for (const edge of page.edges) {
      expect(edge.rank).toBeGreaterThan(0);
      expect(edge.snippet).toMatch(/<mark>[^<]+<\/mark>/);
      // The union resolves each row to its own type.
      expect(globalId(edge.node.id)).toMatch(new RegExp(`^${edge.node.__typename}:\\d+$`));
    }
    // Rank descending; equal ranks by type, then id: a total order.
    const order = page.edges.map((e) => ({
      rank: e.rank,
      type: TYPE_ORDER.indexOf(e.node.__typename),
      id: Number(globalId(e.node.id).split(":")[1]),
    }));
    const sorted = [...order].sort((a, b) => b.rank - a.rank || a.type - b.type || a.id - b.id);
    expect(order).toEqual(sorted);
    // The seed's prisoner-exchange events rank above the article, whose body says it once.
    expect(page.edges[0]?.node.__typename).toBe("Event");
  });

  it("marks the words that matched, stemmed: 'exchange' also marks 'exchanges'", async () => {
    const page = await search("exchange", { types: ["EVENT"], first: 100 });
    const marked = page.edges.flatMap((e) =>
      [...e.snippet.matchAll(/<mark>([^<]+)<\/mark>/g)].map((m) => m[1]?.toLowerCase()),
    );
    expect(new Set(marked)).toEqual(new Set(["exchange", "exchanges", "exchanging"]));
  });

  it("restricts to the types asked for", async () => {
    const all = await keys("prisoner exchange");
    const claims = await keys("prisoner exchange", ["CLAIM"]);
    expect(claims.length).toBeGreaterThan(0);
    expect(claims.every((key) => key.startsWith("Claim:"))).toBe(true);
    expect(claims).toEqual(all.filter((key) => key.startsWith("Claim:")));
    const some = await keys("prisoner exchange", ["ACTOR", "EVENT"]);
    expect(some).toEqual(all.filter((key) => /^(Actor|Event):/.test(key)));
    expect((await search("prisoner exchange", { types: [] })).totalCount).toBe(0);
  });

  it("finds an actor by its alias, and only that actor", async () => {
    for (const [alias, name] of [
      ["Kyiv", "Ukraine"],
      ["moscow", "Russia"],
    ] as const) {
      const page = await search(alias, { types: ["ACTOR"] });
      expect(page.edges.map((e) => (e.node as unknown as { name: string }).name)).toEqual([name]);
      expect(page.edges[0]?.snippet).toContain(`<mark>${alias[0]?.toUpperCase()}${alias.slice(1)}`);
    }
    // Name and description still count, and `-word` applies to the actor as a whole: Russia
    // is not found by "-russia" through its alias "Moscow".
    expect(await keys("Peskov", ["ACTOR"])).toHaveLength(1);
    const notRussia = await search("-russia", { types: ["ACTOR"], first: 100 });
    const names = notRussia.edges.map((e) => (e.node as unknown as { name: string }).name);
    expect(names.length).toBeGreaterThan(0);
    expect(names).not.toContain("Russia");
    expect(names).not.toContain("Ukraine"); // its description mentions Russia
  });
});

describe("web search syntax (websearch_to_tsquery)", () => {
  const claims = (text: string) => keys(text, ["CLAIM"]).then((found) => new Set(found));

  it("requires every word, in any order", async () => {
    const [both, prisoner, exchange] = await Promise.all([
      claims("exchange prisoner"),
      claims("prisoner"),
      claims("exchange"),
    ]);
    expect(both.size).toBeGreaterThan(0);
    expect(both).toEqual(new Set([...prisoner].filter((key) => exchange.has(key))));
  });

  it('requires a "quoted phrase" in order', async () => {
    const [phrase, words] = await Promise.all([
      search('"prisoner exchange"', { types: ["CLAIM"], first: 100 }),
      claims("prisoner exchange"),
    ]);
    expect(phrase.totalCount).toBeGreaterThan(0);
    expect(phrase.totalCount).toBeLessThan(words.size);
    for (const edge of phrase.edges) {
      expect(words.has(globalId(edge.node.id))).toBe(true);
      expect(edge.snippet).toMatch(/<mark>prisoner<\/mark> <mark>exchange<\/mark>/i);
    }
  });

  it("takes OR between alternatives", async () => {
    const [either, peskov, belarus] = await Promise.all([
      claims("Peskov OR Belarus"),
      claims("Peskov"),
      claims("Belarus"),
    ]);
    expect(peskov.size).toBeGreaterThan(0);
    expect(belarus.size).toBeGreaterThan(0);
    expect(either).toEqual(new Set([...peskov, ...belarus]));
  });

  it("excludes -word", async () => {
    const [without, prisoner, exchange] = await Promise.all([
      claims("prisoner -exchange"),
      claims("prisoner"),
      claims("exchange"),
    ]);
    expect(without.size).toBeGreaterThan(0);
    expect(without).toEqual(new Set([...prisoner].filter((key) => !exchange.has(key))));
  });

  it("finds nothing, without an error, for stop words, punctuation or nothing at all", async () => {
    for (const text of ["the of", "!!!", "a an -the", '""', "or", "   ", ""]) {
      const result = await graphql(SEARCH, { query: text });
      expect(result.errors, text).toBeUndefined();
      expect(result.data.search, text).toMatchObject({
        totalCount: 0,
        edges: [],
        pageInfo: { hasNextPage: false, startCursor: null, endCursor: null },
      });
    }
  });

  it("treats SQL and tsquery syntax in the query as plain words", async () => {
    for (const text of ['\'; DROP TABLE "Claim" --', "prisoner & | ! <-> :*", "exchange)("]) {
      const result = await graphql(SEARCH, { query: text });
      expect(result.errors, text).toBeUndefined();
    }
    expect(await prisma().claim.count()).toBeGreaterThan(0);
  });
});

describe("pagination", () => {
  const TEXT = "Russia OR Ukraine OR prisoner";

  it("walks every hit exactly once with first/after, in the order of one big page", async () => {
    const all = await keys(TEXT);
    expect(all.length).toBeGreaterThan(20);
    const seen: string[] = [];
    let page = await search(TEXT, { first: 7 });
    expect(page.pageInfo.hasPreviousPage).toBe(false);
    for (;;) {
      expect(page.totalCount).toBe(all.length);
      expect(page.edges.length).toBeLessThanOrEqual(7);
      seen.push(...page.edges.map((e) => globalId(e.node.id)));
      expect(page.pageInfo.startCursor).toBe(page.edges[0]?.cursor);
      expect(page.pageInfo.endCursor).toBe(page.edges.at(-1)?.cursor);
      if (!page.pageInfo.hasNextPage) break;
      page = await search(TEXT, { first: 7, after: page.pageInfo.endCursor ?? "" });
      expect(page.pageInfo.hasPreviousPage).toBe(true);
    }
    expect(seen).toEqual(all);
  });

  it("gives the same page for the same cursor, and resumes after any edge's cursor", async () => {
    const first = await search(TEXT, { first: 10 });
    const again = await search(TEXT, { first: 10 });
    expect(again).toEqual(first);
    const fourth = first.edges[3]?.cursor ?? "";
    const rest = await search(TEXT, { first: 6, after: fourth });
    expect(rest.edges.map((e) => e.cursor)).toEqual(first.edges.slice(4).map((e) => e.cursor));
  });

  it("pages through ties (a query of only -word ranks every hit 0) by type, then id", async () => {
    const all = await keys("-zebra");
    const big = await search("-zebra", { first: 100 });
    expect(big.edges.every((e) => e.rank === 0)).toBe(true);
    expect(all.length).toBeGreaterThan(20);
    const seen: string[] = [];
    let page = await search("-zebra", { first: 9 });
    for (;;) {
      seen.push(...page.edges.map((e) => globalId(e.node.id)));
      if (!page.pageInfo.hasNextPage) break;
      page = await search("-zebra", { first: 9, after: page.pageInfo.endCursor ?? "" });
    }
    expect(seen).toEqual(all);
  });

  it("ends with an empty page after the last hit", async () => {
    const all = await search("Peskov", { first: 100 });
    const after = await search("Peskov", { after: all.pageInfo.endCursor ?? "" });
    expect(after).toMatchObject({
      totalCount: all.totalCount,
      edges: [],
      pageInfo: { hasNextPage: false, hasPreviousPage: true },
    });
  });
});

describe("bad arguments", () => {
  async function errorOf(variables: Record<string, unknown>) {
    const result: GraphQLResponse = await graphql(SEARCH, { query: "exchange", ...variables });
    expect(result.data?.search ?? null).toBeNull();
    expect(result.errors).toHaveLength(1);
    return result.errors?.[0];
  }

  it("refuses a page size outside 1..100, naming first", async () => {
    for (const first of [0, -1, 101, 1000]) {
      const error = await errorOf({ first });
      // The wording may come from the schema-wide page-size check (src/plugins) or from search.
      expect(error?.message).toContain('"first"');
      expect(error?.extensions).toMatchObject({ code: "BAD_USER_INPUT", argument: "first" });
    }
  });

  it("refuses a cursor it did not make, naming after", async () => {
    const b64 = (text: string) => Buffer.from(text).toString("base64");
    for (const after of [
      "nope",
      "",
      "!!!!",
      b64("arrayconnection:3"),
      b64("search:not json"),
      b64('search:[1,"SPACESHIP",2]'),
      b64('search:[1,"CLAIM"]'),
      b64('search:["1","CLAIM",2]'),
      b64('search:[1,"CLAIM",2.5]'),
    ]) {
      const error = await errorOf({ after });
      expect(error?.message, after).toContain('"after"');
      expect(error?.extensions).toMatchObject({ code: "BAD_USER_INPUT", argument: "after" });
    }
  });

  it("refuses a query longer than 1000 characters, naming query", async () => {
    const error = await errorOf({ query: "exchange ".repeat(200) });
    expect(error?.message).toContain('"query"');
  });
});

describe("SQL statements", () => {
  const traced = createServer({ sqlTrace: true });

  /** Every type's fields, nested relations included, under fragments of the union. */
  const NESTED = `query ($types: [SearchType!], $first: Int) {
    search(query: "Russia OR Ukraine OR prisoner OR exchange", types: $types, first: $first) {
      totalCount
      edges { rank snippet node {
        __typename
        ... on Document { title actors(first: 5) { edges { node { name } } } }
        ... on Claim { text claimant { name } subjects { name } event { title } }
        ... on Actor { name aliases }
        ... on Event { title participants { role actor { name } } }
      } }
      nodes { ... on Claim { quote } }
    }
  }`;

  async function statements(types: string[] | undefined, first: number) {
    const result = await graphqlOn(traced, NESTED, { types, first });
    expect(result.errors).toBeUndefined();
    const edges = result.data.search.edges as Edge[];
    return { statements: result.extensions?.sql?.statements as number, hits: edges.length };
  }

  it("do not depend on the number of hits: one for the hits, then a fixed set per type", async () => {
    let perTypeTotal = 0;
    for (const type of ["DOCUMENT", "CLAIM", "ACTOR", "EVENT"]) {
      const one = await statements([type], 1);
      const many = await statements([type], 100);
      expect(one.hits).toBe(1);
      if (type !== "DOCUMENT") expect(many.hits, type).toBeGreaterThan(1);
      expect(many.statements, type).toBe(one.statements);
      perTypeTotal += one.statements - 1;
    }
    // All four types on one page: the search statement, plus each type's loads once.
    const mixed = await statements(undefined, 100);
    expect(mixed.hits).toBeGreaterThan(20);
    expect(mixed.statements).toBe(1 + perTypeTotal);
  });
});

describe("claimIdsMatching (for filters)", () => {
  it("returns matching claim ids, best first, optionally of one document", async () => {
    const ids = await claimIdsMatching(prisma(), { query: "prisoner exchange" });
    const viaApi = await keys("prisoner exchange", ["CLAIM"]);
    expect(ids.map((id) => `Claim:${id}`)).toEqual(viaApi);
    const document = await prisma().document.findFirstOrThrow({ select: { id: true } });
    expect(
      await claimIdsMatching(prisma(), { query: "prisoner exchange", documentId: document.id }),
    ).toEqual(ids);
    expect(
      await claimIdsMatching(prisma(), { query: "prisoner exchange", documentId: -1 }),
    ).toEqual([]);
    expect(await claimIdsMatching(prisma(), { query: "the of" })).toEqual([]);
  });
});

describe("the search columns", () => {
  it("follow every write (generated by PostgreSQL), and snippets are safe HTML", async () => {
    const db = prisma();
    const document = await db.document.create({
      data: {
        slug: "search-write-test",
        title: "Quokkas & <b>wombats</b> > 3",
        body: "A quokka census <script>alert(1)</script> on Rottnest: quokkas < tourists.",
        contentHash: "search-write-test",
      },
    });
    try {
      const found = await search("quokka", { types: ["DOCUMENT"] });
      expect(found.totalCount).toBe(1);
      const snippet = found.edges[0]?.snippet ?? "";
      // ts_headline drops what its parser reads as tags, and the rest is escaped: the only
      // markup left is <mark>.
      expect(snippet).toContain("<mark>Quokkas</mark> &amp;");
      expect(snippet).toContain("&gt; 3");
      expect(snippet).toContain("<mark>quokkas</mark> &lt; tourists");
      expect(snippet.replace(/<\/?mark>/g, "")).not.toMatch(/[<>]/);

      await db.document.update({
        where: { id: document.id },
        data: { title: "Numbats", body: "Nothing else here." },
      });
      expect((await search("quokka")).totalCount).toBe(0);
      expect((await search("numbat", { types: ["DOCUMENT"] })).totalCount).toBe(1);

      // An alias added later is found at once.
      const ukraine = await db.actor.findFirstOrThrow({ where: { name: "Ukraine" } });
      await db.actorAlias.create({
        data: { actorId: ukraine.id, alias: "Ukrayina", aliasKey: "ukrayina" },
      });
      expect(await keys("Ukrayina", ["ACTOR"])).toEqual([`Actor:${ukraine.id}`]);
      await db.actorAlias.delete({ where: { aliasKey: "ukrayina" } });
      expect(await keys("Ukrayina", ["ACTOR"])).toEqual([]);
    } finally {
      await db.document.deleteMany({ where: { slug: "search-write-test" } });
    }
  });
});
