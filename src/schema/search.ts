// Query.search: full-text search over documents, claims, actors and events (the SQL is in
// src/domain/search.ts), as a Relay connection of the union SearchResult, with each hit's rank
// and a highlighted snippet on its edge.
//
// A page costs a fixed number of SQL statements, whatever its size: one for the ranked hits,
// their snippets and the total, then one findMany per type on the page, each carrying the
// selection the query makes under `... on <Type>` (queryFromInfo), nested relations included.
import { queryFromInfo } from "@pothos/plugin-prisma";
import { GraphQLError, type GraphQLResolveInfo } from "graphql";
import {
  SEARCH_TYPES,
  type SearchHit,
  type SearchPosition,
  type SearchType,
  searchPage,
} from "../domain/search.ts";
import { Actor } from "./actor.ts";
import { builder, DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from "./builder.ts";
import { Claim } from "./claim.ts";
import { db } from "./db.ts";
import { Document } from "./document.ts";
import { Event } from "./event.ts";

/** Longer search strings are refused rather than parsed, highlighted and ranked. */
export const MAX_QUERY_LENGTH = 1000;

export const SearchTypeEnum = builder.enumType("SearchType", {
  description: "The kinds of objects search looks at",
  values: SEARCH_TYPES,
});

export const SearchResult = builder.unionType("SearchResult", {
  description: "An object found by full-text search",
  types: [Document, Claim, Actor, Event],
  // No resolveType: every row search returns is branded with its type when loaded.
});

type Row = { id: number };

interface SearchEdgeShape {
  cursor: string;
  rank: number;
  snippet: string;
  node: Row;
}

interface SearchConnectionShape {
  totalCount: number;
  edges: SearchEdgeShape[];
  pageInfo: {
    hasNextPage: boolean;
    hasPreviousPage: boolean;
    startCursor: string | null;
    endCursor: string | null;
  };
}

const SearchEdge = builder.objectRef<SearchEdgeShape>("SearchEdge").implement({
  description: "A search hit: the object, how well it matches, and where",
  fields: (t) => ({
    cursor: t.exposeString("cursor"),
    rank: t.exposeFloat("rank", {
      description: "Relevance (PostgreSQL ts_rank), higher is better; edges come best first",
    }),
    snippet: t.exposeString("snippet", {
      description:
        "The best passages of the object's text, matched words wrapped in <mark>…</mark>. " +
        "HTML: the text itself is escaped (&amp; &lt; &gt;), so it can be rendered as is.",
    }),
    node: t.field({ type: SearchResult, resolve: (edge) => edge.node as never }),
  }),
});

const SearchConnection = builder.objectRef<SearchConnectionShape>("SearchConnection").implement({
  description: "Search hits, best first",
  fields: (t) => ({
    totalCount: t.exposeInt("totalCount", { description: "Hits in all pages" }),
    edges: t.field({ type: [SearchEdge], resolve: (connection) => connection.edges }),
    nodes: t.field({
      type: [SearchResult],
      resolve: (connection) => connection.edges.map((edge) => edge.node as never),
    }),
    pageInfo: t.field({
      type: builder.pageInfoRef(),
      resolve: (connection) => connection.pageInfo,
    }),
  }),
});

builder.queryField("search", (t) =>
  t.field({
    type: SearchConnection,
    description:
      "Full-text search (English stemming) over document titles and bodies, claims (text, " +
      "quote, source span), actors (name, aliases, description) and events (title, " +
      'description, location). Web-search syntax: words must all appear, "a phrase" in that ' +
      "order, `or` between alternatives, `-word` excludes. Best matches first.",
    args: {
      query: t.arg.string({ required: true }),
      types: t.arg({
        type: [SearchTypeEnum],
        description: "Only these kinds (default: all)",
      }),
      first: t.arg.int({
        description: `Page size, 1 to ${MAX_PAGE_SIZE} (default ${DEFAULT_PAGE_SIZE})`,
      }),
      after: t.arg.string({ description: "A cursor from a previous page of the same search" }),
    },
    resolve: async (_root, args, context, info) => {
      const first = pageSize(args.first);
      const after = args.after == null ? null : decodeCursor(args.after);
      if (args.query.length > MAX_QUERY_LENGTH) {
        throw badInput("query", `is longer than ${MAX_QUERY_LENGTH} characters`);
      }
      const page = await searchPage(db(), {
        query: args.query,
        ...(args.types == null ? {} : { types: args.types }),
        first,
        after,
      });
      const rows = await loadRows(page.hits, context, info);
      // A row deleted between the two statements is left out rather than returned as null.
      const edges = page.hits.flatMap((hit) => {
        const node = rows.get(rowKey(hit.type, hit.id));
        return node
          ? [{ cursor: encodeCursor(hit), rank: hit.rank, snippet: hit.snippet, node }]
          : [];
      });
      return {
        totalCount: page.totalCount,
        edges,
        pageInfo: {
          hasNextPage: page.hasNextPage,
          hasPreviousPage: after !== null,
          startCursor: edges[0]?.cursor ?? null,
          endCursor: edges.at(-1)?.cursor ?? null,
        },
      };
    },
  }),
);

const rowKey = (type: SearchType, id: number) => `${type}:${id}`;

/**
 * The page's rows, one findMany per type present, each selecting what the query asks for under
 * `... on <Type>` (at edges.node or nodes), so nested fields need no query of their own.
 */
async function loadRows(
  hits: SearchHit[],
  context: object,
  info: GraphQLResolveInfo,
): Promise<Map<string, Row>> {
  const idsByType = new Map<SearchType, number[]>();
  for (const hit of hits) idsByType.set(hit.type, [...(idsByType.get(hit.type) ?? []), hit.id]);
  const loaded = await Promise.all(
    [...idsByType].map(async ([type, ids]) => {
      const { ref, typeName, findMany } = MODELS[type];
      const query = await queryFromInfo({
        context,
        info,
        typeName,
        paths: [["edges", "node"], ["nodes"]],
        select: { id: true },
        awaitSelections: true,
      });
      const rows = await findMany({ ...query, where: { id: { in: ids } } });
      return rows.map((row) => [rowKey(type, row.id), ref.addBrand(row)] as const);
    }),
  );
  return new Map(loaded.flat());
}

type FindMany = (args: { where: { id: { in: number[] } } }) => Promise<Row[]>;

// The queryFromInfo result is a select (or include) for the type named; Prisma's per-model
// argument types cannot be picked by a runtime key, hence the loose FindMany signature.
const MODELS: Record<
  SearchType,
  { ref: { addBrand(row: Row): Row }; typeName: string; findMany: FindMany }
> = {
  DOCUMENT: {
    ref: Document,
    typeName: "Document",
    findMany: (args) => db().document.findMany(args as never),
  },
  CLAIM: { ref: Claim, typeName: "Claim", findMany: (args) => db().claim.findMany(args as never) },
  ACTOR: { ref: Actor, typeName: "Actor", findMany: (args) => db().actor.findMany(args as never) },
  EVENT: { ref: Event, typeName: "Event", findMany: (args) => db().event.findMany(args as never) },
};

function pageSize(first: number | null | undefined): number {
  if (first == null) return DEFAULT_PAGE_SIZE;
  if (first < 1 || first > MAX_PAGE_SIZE) {
    throw badInput("first", `must be between 1 and ${MAX_PAGE_SIZE}, not ${first}`);
  }
  return first;
}

// Cursors: base64 of "search:" and the JSON [rank, type, id] of the hit, its place in the order
// (rank descending, type, id). Keyset, not offset: rows added or removed above the cursor do not
// shift the next page. The rank is JSON of the double PostgreSQL computed, so it round-trips.
const CURSOR_PREFIX = "search:";

function encodeCursor(position: SearchPosition): string {
  const json = JSON.stringify([position.rank, position.type, position.id]);
  return Buffer.from(`${CURSOR_PREFIX}${json}`, "utf8").toString("base64");
}

function decodeCursor(cursor: string): SearchPosition {
  const invalid = () =>
    badInput("after", "is not a search cursor: pass a cursor from a previous page of this search");
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(cursor)) throw invalid();
  const text = Buffer.from(cursor, "base64").toString("utf8");
  if (!text.startsWith(CURSOR_PREFIX)) throw invalid();
  let value: unknown;
  try {
    value = JSON.parse(text.slice(CURSOR_PREFIX.length));
  } catch {
    throw invalid();
  }
  if (!Array.isArray(value) || value.length !== 3) throw invalid();
  const [rank, type, id] = value as unknown[];
  if (
    typeof rank !== "number" ||
    !Number.isFinite(rank) ||
    !SEARCH_TYPES.includes(type as SearchType) ||
    !Number.isSafeInteger(id)
  ) {
    throw invalid();
  }
  return { rank, type: type as SearchType, id: id as number };
}

function badInput(argument: string, problem: string): GraphQLError {
  return new GraphQLError(`Argument "${argument}" of search ${problem}.`, {
    extensions: { code: "BAD_USER_INPUT", argument },
  });
}
