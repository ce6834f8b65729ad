// Full-text search over documents, claims, actors and events, in PostgreSQL (and so PGlite).
//
// Storage (migration full_text_search): each searchable table has a stored, generated tsvector
// "searchVector", text search configuration 'english', with a GIN index:
//   Document   title A, body B
//   Claim      text B, quote B, spanText C
//   Actor      name A, description B
//   ActorAlias alias A
//   Event      title A, description B, location C
//
// Queries are parsed by websearch_to_tsquery('english', …): words are ANDed, "quoted phrases"
// must appear in order, `OR` between words is a disjunction and `-word` excludes. A query of only
// stop words or punctuation parses to an empty tsquery, which matches nothing (PostgreSQL says so
// with a NOTICE, never an error). Hits are ranked by ts_rank; ties go by type, then id, so the
// order is total and pages are stable.
//
// An actor is found by its name, description or aliases. Aliases are rows of ActorAlias, out of
// reach of a generated column on Actor, so the actor's searchable text is assembled in the query:
// an actor is a candidate when its own vector or one of its aliases' vectors matches (both
// through their GIN indexes), and a candidate is a hit when the whole (name, aliases,
// description) matches, which is also what it is ranked on. The second test keeps `-word` exact:
// "-russia" does not find Russia through its alias "Moscow". What this gives up: a query whose
// words are split between the name or description and an alias ("Kyiv opponent") finds nothing.
//
// All SQL is in Prisma tagged templates: user input only ever travels as a bind parameter.
import { Prisma } from "../generated/prisma/client.ts";

export const SEARCH_TYPES = ["DOCUMENT", "CLAIM", "ACTOR", "EVENT"] as const;
export type SearchType = (typeof SEARCH_TYPES)[number];

/** Anything that runs tagged-template SQL: the PrismaClient, or a transaction client. */
export interface SqlRunner {
  $queryRaw<T = unknown>(
    query: TemplateStringsArray | Prisma.Sql,
    ...values: unknown[]
  ): Prisma.PrismaPromise<T>;
}

/** Where a hit sits in the ranking: rank descending, then type (in SEARCH_TYPES order), then id. */
export interface SearchPosition {
  /** ts_rank as PostgreSQL computed it (a float4, carried exactly as a double). */
  rank: number;
  type: SearchType;
  id: number;
}

export interface SearchHit extends SearchPosition {
  /** The best passage(s) of the row's text, matched words in <mark>…</mark>, HTML-escaped. */
  snippet: string;
}

export interface SearchOptions {
  /** websearch_to_tsquery syntax: words, "phrases", OR, -word. */
  query: string;
  /** The types to search; default all. An empty list finds nothing. */
  types?: readonly SearchType[];
  /** Page size, at least 1. */
  first: number;
  /** Return only hits ranked after this one (keyset pagination). */
  after?: SearchPosition | null;
}

export interface SearchPage {
  /** Every hit of the query, whatever the page. */
  totalCount: number;
  /** At most `first` hits, best first. */
  hits: SearchHit[];
  hasNextPage: boolean;
}

const tsquery = (query: string) => Prisma.sql`websearch_to_tsquery('english', ${query})`;

// ts_headline: up to two passages of 15–35 words around the matches. Constant, not user input.
const HEADLINE_OPTIONS =
  'StartSel=<mark>, StopSel=</mark>, MaxWords=35, MinWords=15, MaxFragments=2, FragmentDelimiter=" … "';

const TYPE_ORDER: Record<SearchType, number> = { DOCUMENT: 0, CLAIM: 1, ACTOR: 2, EVENT: 3 };

/**
 * One page of hits for `query`, ranked, with snippets, and the total number of hits: a single SQL
 * statement, whatever the page size or the number of hits.
 */
export async function searchPage(db: SqlRunner, options: SearchOptions): Promise<SearchPage> {
  const { query, first, after } = options;
  if (!Number.isSafeInteger(first) || first < 1) {
    throw new RangeError(`first must be a positive integer, not ${first}`);
  }
  const types = SEARCH_TYPES.filter((type) => (options.types ?? SEARCH_TYPES).includes(type));
  if (types.length === 0) return { totalCount: 0, hits: [], hasNextPage: false };
  const q = tsquery(query);
  const branches = types.map((type) => hitsOf(type, q));
  // Keyset: rows strictly after `after` in (rank DESC, type, id ASC) order.
  const afterCondition = after
    ? Prisma.sql`(-hits.rank, hits.type_order, hits.id) > (${-after.rank}::float8, ${TYPE_ORDER[after.type]}::int, ${after.id}::int)`
    : Prisma.sql`TRUE`;
  const rows = await db.$queryRaw<
    {
      total: number;
      type: SearchType | null;
      id: number | null;
      rank: number | null;
      snippet: string | null;
    }[]
  >`
    WITH hits AS (${Prisma.join(branches, " UNION ALL ")}),
    page AS (
      SELECT hits.type, hits.type_order, hits.id, hits.rank FROM hits
      WHERE ${afterCondition}
      ORDER BY hits.rank DESC, hits.type_order, hits.id
      LIMIT ${first + 1}
    )
    SELECT total.n AS total, page.type, page.id, page.rank,
      CASE page.type
        WHEN 'DOCUMENT' THEN (
          SELECT ts_headline('english', d."title" || chr(10) || d."body", ${q}, ${HEADLINE_OPTIONS})
          FROM "Document" d WHERE d."id" = page.id)
        WHEN 'CLAIM' THEN (
          SELECT ts_headline('english', concat_ws(' — ', c."text", c."quote", c."spanText"), ${q}, ${HEADLINE_OPTIONS})
          FROM "Claim" c WHERE c."id" = page.id)
        WHEN 'ACTOR' THEN (
          SELECT ts_headline('english',
            a."name" || COALESCE(' (' || (SELECT string_agg(al."alias", ', ' ORDER BY al."alias", al."id")
              FROM "ActorAlias" al WHERE al."actorId" = a."id") || ')', '')
            || COALESCE(': ' || a."description", ''), ${q}, ${HEADLINE_OPTIONS})
          FROM "Actor" a WHERE a."id" = page.id)
        WHEN 'EVENT' THEN (
          SELECT ts_headline('english', concat_ws(' — ', e."title", e."location", e."description"), ${q}, ${HEADLINE_OPTIONS})
          FROM "Event" e WHERE e."id" = page.id)
      END AS snippet
    FROM (SELECT count(*)::int AS n FROM hits) total
    LEFT JOIN page ON TRUE
    ORDER BY page.rank DESC, page.type_order, page.id`;
  const totalCount = rows[0]?.total ?? 0;
  const hits: SearchHit[] = [];
  for (const row of rows) {
    if (row.type === null || row.id === null || row.rank === null) continue;
    hits.push({
      type: row.type,
      id: row.id,
      rank: row.rank,
      snippet: escapeSnippet(row.snippet ?? ""),
    });
  }
  return { totalCount, hits: hits.slice(0, first), hasNextPage: hits.length > first };
}

/** The rows of one type that match `q`, as (type, type_order, id, rank). */
function hitsOf(type: SearchType, q: Prisma.Sql): Prisma.Sql {
  const head = (alias: string) =>
    Prisma.sql`SELECT ${type}::text AS type, ${TYPE_ORDER[type]}::int AS type_order, ${Prisma.raw(alias)}."id" AS id`;
  switch (type) {
    case "DOCUMENT":
      return Prisma.sql`${head("d")}, ts_rank(d."searchVector", ${q})::float8 AS rank
        FROM "Document" d WHERE d."searchVector" @@ ${q}`;
    case "CLAIM":
      return Prisma.sql`${head("c")}, ts_rank(c."searchVector", ${q})::float8 AS rank
        FROM "Claim" c WHERE c."searchVector" @@ ${q}`;
    case "EVENT":
      return Prisma.sql`${head("e")}, ts_rank(e."searchVector", ${q})::float8 AS rank
        FROM "Event" e WHERE e."searchVector" @@ ${q}`;
    case "ACTOR":
      // Candidates through either GIN index, then the whole actor (name, aliases, description)
      // must match: see the top of this file.
      return Prisma.sql`${head("a")}, ts_rank(a."searchVector" || aliases.v, ${q})::float8 AS rank
        FROM (
          SELECT x."id" FROM "Actor" x WHERE x."searchVector" @@ ${q}
          UNION
          SELECT al."actorId" FROM "ActorAlias" al WHERE al."searchVector" @@ ${q}
        ) candidate
        JOIN "Actor" a ON a."id" = candidate."id"
        CROSS JOIN LATERAL (
          SELECT COALESCE(setweight(to_tsvector('english',
            string_agg(al."alias", ' ' ORDER BY al."alias", al."id")), 'A'), ''::tsvector) AS v
          FROM "ActorAlias" al WHERE al."actorId" = a."id"
        ) aliases
        WHERE (a."searchVector" || aliases.v) @@ ${q}`;
  }
}

/**
 * Ids of the claims matching `query` (websearch syntax, as in searchPage), best first (rank
 * descending, then id), optionally only those of one document. A query of only stop words or
 * punctuation matches nothing: []. One SQL statement, through Claim's GIN index.
 *
 * For a Prisma filter: `where: { id: { in: await claimIdsMatching(db, { query }) } }`.
 */
export async function claimIdsMatching(
  db: SqlRunner,
  options: { documentId?: number; query: string },
): Promise<number[]> {
  const q = tsquery(options.query);
  const inDocument =
    options.documentId === undefined
      ? Prisma.empty
      : Prisma.sql`AND c."documentId" = ${options.documentId}::int`;
  const rows = await db.$queryRaw<{ id: number }[]>`
    SELECT c."id" AS id FROM "Claim" c
    WHERE c."searchVector" @@ ${q} ${inDocument}
    ORDER BY ts_rank(c."searchVector", ${q}) DESC, c."id"`;
  return rows.map((row) => row.id);
}

/**
 * ts_headline copies the text as is, so a "<" or "&" in an article would reach a client that
 * renders the snippet as HTML. Everything but the <mark> tags is escaped.
 */
function escapeSnippet(headline: string): string {
  return headline
    .split(/(<\/?mark>)/)
    .map((part, i) => (i % 2 === 1 ? part : escapeHtml(part)))
    .join("");
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}
