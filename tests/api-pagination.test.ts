// Relay cursor pagination, forwards and backwards, on root and nested connections.
import { beforeAll, describe, expect, it } from "vitest";
import { query } from "./support/graphql.ts";
import { useTestDatabase } from "./support/test-database.ts";

useTestDatabase({ seed: true });

const PAGE = `pageInfo { hasNextPage hasPreviousPage startCursor endCursor } totalCount edges { cursor node { id } }`;

type Page = {
  totalCount: number;
  pageInfo: {
    hasNextPage: boolean;
    hasPreviousPage: boolean;
    startCursor: string;
    endCursor: string;
  };
  edges: { cursor: string; node: { id: string } }[];
};

let allIds: string[];
beforeAll(async () => {
  const data = await query(`{ claims(first: 100) { ${PAGE} } }`);
  allIds = data.claims.edges.map((e: any) => e.node.id);
  expect(allIds.length).toBe(data.claims.totalCount);
  expect(allIds.length).toBeGreaterThan(20);
});

async function claimsPage(args: string): Promise<Page> {
  return (await query(`{ claims${args ? `(${args})` : ""} { ${PAGE} } }`)).claims;
}

describe("root connections", () => {
  it("walk forwards with first/after through every item exactly once", async () => {
    const seen: string[] = [];
    let page = await claimsPage("first: 7");
    expect(page.pageInfo.hasPreviousPage).toBe(false);
    for (;;) {
      expect(page.totalCount).toBe(allIds.length);
      seen.push(...page.edges.map((e) => e.node.id));
      expect(page.pageInfo.endCursor).toBe(page.edges.at(-1)?.cursor);
      if (!page.pageInfo.hasNextPage) break;
      page = await claimsPage(`first: 7, after: ${JSON.stringify(page.pageInfo.endCursor)}`);
    }
    expect(seen).toEqual(allIds);
  });

  it("walk backwards with last/before through every item exactly once", async () => {
    const seen: string[] = [];
    let page = await claimsPage("last: 7");
    expect(page.pageInfo.hasNextPage).toBe(false);
    for (;;) {
      seen.unshift(...page.edges.map((e) => e.node.id));
      expect(page.pageInfo.startCursor).toBe(page.edges[0]?.cursor);
      if (!page.pageInfo.hasPreviousPage) break;
      page = await claimsPage(`last: 7, before: ${JSON.stringify(page.pageInfo.startCursor)}`);
    }
    expect(seen).toEqual(allIds);
  });

  it("return the items between two cursors", async () => {
    const first = await claimsPage("first: 10");
    const middle = await claimsPage(`first: 3, after: ${JSON.stringify(first.edges[4]?.cursor)}`);
    expect(middle.edges.map((e) => e.node.id)).toEqual(allIds.slice(5, 8));
    expect(middle.pageInfo).toMatchObject({ hasNextPage: true });
  });

  it("default to 20 items", async () => {
    const page = await claimsPage("");
    expect(page.edges).toHaveLength(20);
    expect(page.pageInfo.hasNextPage).toBe(true);
  });
});

describe("nested connections", () => {
  it("page through a document's claims with the same cursors semantics", async () => {
    const fetchPage = async (args: string): Promise<Page> =>
      (await query(`{ documents(first: 1) { edges { node { claims(${args}) { ${PAGE} } } } } }`))
        .documents.edges[0].node.claims;
    const seen: string[] = [];
    let page = await fetchPage("first: 10");
    for (;;) {
      seen.push(...page.edges.map((e) => e.node.id));
      if (!page.pageInfo.hasNextPage) break;
      page = await fetchPage(`first: 10, after: ${JSON.stringify(page.pageInfo.endCursor)}`);
    }
    expect(seen).toHaveLength(page.totalCount);
    expect(new Set(seen).size).toBe(seen.length);
  });

  it("page through a join-table connection (document actors) forwards and backwards", async () => {
    const fetchPage = async (args: string): Promise<Page> =>
      (await query(`{ documents(first: 1) { edges { node { actors(${args}) { ${PAGE} } } } } }`))
        .documents.edges[0].node.actors;
    const all = await fetchPage("first: 100");
    const forwards: string[] = [];
    let page = await fetchPage("first: 4");
    for (;;) {
      forwards.push(...page.edges.map((e) => e.node.id));
      if (!page.pageInfo.hasNextPage) break;
      page = await fetchPage(`first: 4, after: ${JSON.stringify(page.pageInfo.endCursor)}`);
    }
    expect(forwards).toEqual(all.edges.map((e) => e.node.id));
    expect(forwards).toHaveLength(all.totalCount);
    const last = await fetchPage("last: 3");
    expect(last.edges.map((e) => e.node.id)).toEqual(forwards.slice(-3));
  });
});
