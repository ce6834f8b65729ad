// The library: documents, newest first, filtered by actor, event kind and publication date,
// a page at a time; or, with a search query, the API's full-text hits with their highlights.
// Every choice lives in the URL (?q=, ?actor=, ?kind=, ?from=, ?to=, ?after=, ?before=), so a
// filtered page can be bookmarked and the back button works.
import { type FormEvent, useState } from "react";
import { useQuery } from "urql";
import { DateField, EVENT_KIND_OPTIONS, SelectField } from "../components/filter-fields.tsx";
import { Failure, Loading } from "../components/Status.tsx";
import { Snippet } from "../format/snippet.tsx";
import { count } from "../format/words.ts";
import { graphql } from "../generated/gql.ts";
import type { DocumentFilter, EventKind } from "../generated/graphql.ts";
import { Link, navigate } from "../router.tsx";

const PAGE_SIZE = 10;

const LibraryDocuments = graphql(`
  query LibraryDocuments(
    $filter: DocumentFilter
    $first: Int
    $after: String
    $last: Int
    $before: String
  ) {
    documents(
      filter: $filter
      first: $first
      after: $after
      last: $last
      before: $before
      orderBy: [{ publishedAt: DESC }]
    ) {
      totalCount
      pageInfo {
        hasNextPage
        hasPreviousPage
        startCursor
        endCursor
      }
      edges {
        node {
          id
          slug
          title
          publishedAt
          source
          actors(first: 6, orderBy: [{ mentionCount: DESC }]) {
            totalCount
            nodes {
              id
              name
            }
          }
          claims(first: 0) {
            totalCount
          }
          events(first: 0) {
            totalCount
          }
        }
      }
    }
  }
`);

const LibraryActors = graphql(`
  query LibraryActors {
    actors(first: 100, orderBy: [{ name: ASC }]) {
      nodes {
        id
        name
      }
    }
  }
`);

const LibrarySearch = graphql(`
  query LibrarySearch($query: String!, $after: String) {
    search(query: $query, first: 20, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        rank
        snippet
        node {
          __typename
          ... on Document {
            id
            slug
            title
          }
          ... on Claim {
            id
            text
            claimant {
              id
              name
            }
            document {
              id
              slug
              title
            }
          }
          ... on Actor {
            id
            name
            kind
          }
          ... on Event {
            id
            title
            documents(first: 1) {
              nodes {
                id
                slug
              }
            }
          }
        }
      }
    }
  }
`);

function withParams(params: URLSearchParams, changes: Record<string, string | null>): string {
  const next = new URLSearchParams(params);
  for (const [key, value] of Object.entries(changes)) {
    if (value === null || value === "") next.delete(key);
    else next.set(key, value);
  }
  const query = next.toString();
  return query ? `/?${query}` : "/";
}

function documentFilter(params: URLSearchParams): DocumentFilter | undefined {
  const parts: DocumentFilter[] = [];
  const actor = params.get("actor");
  if (actor) parts.push({ actors: { some: { name: { equals: actor } } } });
  const kind = params.get("kind");
  if (kind) parts.push({ events: { some: { kind: { equals: kind as EventKind } } } });
  const from = params.get("from");
  if (from) parts.push({ publishedAt: { gte: `${from}T00:00:00.000Z` } });
  const to = params.get("to");
  if (to) parts.push({ publishedAt: { lte: `${to}T23:59:59.999Z` } });
  return parts.length > 0 ? { AND: parts } : undefined;
}

export function LibraryView({ params }: { params: URLSearchParams }) {
  const query = params.get("q")?.trim() ?? "";
  return (
    <section className="view library" aria-labelledby="library-title">
      <h1 id="library-title">Library</h1>
      {/* A new query in the URL (back, forward, a link) starts the form afresh. */}
      <SearchForm key={params.get("q") ?? ""} params={params} />
      {query ? <SearchResults query={query} params={params} /> : <DocumentList params={params} />}
    </section>
  );
}

function SearchForm({ params }: { params: URLSearchParams }) {
  const [text, setText] = useState(params.get("q") ?? "");
  const submit = (event: FormEvent) => {
    event.preventDefault();
    navigate(withParams(params, { q: text.trim(), after: null, searchAfter: null }));
  };
  return (
    <search>
      <form className="search-form" onSubmit={submit}>
        <label htmlFor="search-input">Search documents, claims, actors and events</label>
        <div className="search-row">
          <input
            id="search-input"
            type="search"
            value={text}
            placeholder='e.g. prisoner exchange, "Peskov" -Belarus'
            onChange={(event) => setText(event.target.value)}
          />
          <button type="submit">Search</button>
          {params.get("q") ? (
            <button
              type="button"
              className="secondary"
              onClick={() => {
                setText("");
                navigate(withParams(params, { q: null, searchAfter: null }));
              }}
            >
              Clear
            </button>
          ) : null}
        </div>
      </form>
    </search>
  );
}

function Filters({ params }: { params: URLSearchParams }) {
  const [{ data }] = useQuery({ query: LibraryActors });
  const set = (param: string, value: string) =>
    navigate(withParams(params, { [param]: value, after: null, before: null }), { replace: true });
  const field = { params, onChange: set };
  const actors = data?.actors.nodes.map((actor) => ({ value: actor.name, label: actor.name }));
  return (
    <form
      className="filters"
      aria-label="Filter the documents"
      onSubmit={(e) => e.preventDefault()}
    >
      <SelectField
        {...field}
        id="filter-actor"
        label="Actor"
        param="actor"
        anyLabel="Any actor"
        options={actors ?? []}
      />
      <SelectField
        {...field}
        id="filter-kind"
        label="Event kind"
        param="kind"
        anyLabel="Any event"
        options={EVENT_KIND_OPTIONS}
      />
      <DateField {...field} id="filter-from" label="Published from" param="from" />
      <DateField {...field} id="filter-to" label="to" param="to" />
    </form>
  );
}

function DocumentList({ params }: { params: URLSearchParams }) {
  const size = Math.min(100, Math.max(1, Number(params.get("size")) || PAGE_SIZE));
  const before = params.get("before");
  const after = params.get("after");
  const [{ data, fetching, error }] = useQuery({
    query: LibraryDocuments,
    variables: {
      filter: documentFilter(params),
      ...(before ? { last: size, before } : { first: size, ...(after ? { after } : {}) }),
    },
  });
  const documents = data?.documents;
  return (
    <>
      <Filters params={params} />
      {error ? <Failure error={error} /> : null}
      {fetching && !documents ? <Loading what="documents" /> : null}
      {documents ? (
        <>
          <p className="count" aria-live="polite">
            {count(documents.totalCount, "document")}
          </p>
          <ol className="document-list" aria-label="Documents">
            {documents.edges.map(({ node }) => (
              <li key={node.id} className="card">
                <h2>
                  <Link to={`/documents/${encodeURIComponent(node.slug)}`}>{node.title}</Link>
                </h2>
                <p className="meta">
                  {node.publishedAt ? (
                    <time dateTime={node.publishedAt}>
                      {new Date(node.publishedAt).toLocaleDateString("en-US", {
                        dateStyle: "long",
                        timeZone: "UTC",
                      })}
                    </time>
                  ) : (
                    "No publication date"
                  )}
                  {node.source ? ` · ${node.source}` : ""} ·{" "}
                  {count(node.claims.totalCount, "claim")} ·{" "}
                  {count(node.events.totalCount, "event")} ·{" "}
                  {count(node.actors.totalCount, "actor")}
                </p>
                <p className="actors-line">
                  {node.actors.nodes.map((actor) => (
                    <Link
                      key={actor.id}
                      className="chip actor"
                      to={`/actors/${encodeURIComponent(actor.name)}`}
                    >
                      {actor.name}
                    </Link>
                  ))}
                </p>
              </li>
            ))}
          </ol>
          <nav className="pager" aria-label="Pages of documents">
            <button
              type="button"
              disabled={!documents.pageInfo.hasPreviousPage}
              onClick={() =>
                navigate(
                  withParams(params, {
                    before: documents.pageInfo.startCursor ?? null,
                    after: null,
                  }),
                )
              }
            >
              ← Newer
            </button>
            <button
              type="button"
              disabled={!documents.pageInfo.hasNextPage}
              onClick={() =>
                navigate(
                  withParams(params, { after: documents.pageInfo.endCursor ?? null, before: null }),
                )
              }
            >
              Older →
            </button>
          </nav>
        </>
      ) : null}
    </>
  );
}

function hitLink(node: SearchNode): { to: string; label: string } {
  switch (node.__typename) {
    case "Document":
      return { to: `/documents/${encodeURIComponent(node.slug)}`, label: node.title };
    case "Claim":
      return {
        to: `/documents/${encodeURIComponent(node.document.slug)}#${encodeURIComponent(node.id)}`,
        label: `${node.claimant?.name ?? "The article"}: ${node.text}`,
      };
    case "Actor":
      return { to: `/actors/${encodeURIComponent(node.name)}`, label: node.name };
    case "Event": {
      const slug = node.documents.nodes[0]?.slug;
      return {
        to: slug ? `/documents/${encodeURIComponent(slug)}` : "/timeline",
        label: node.title,
      };
    }
  }
}

type SearchData = NonNullable<ReturnType<typeof useSearch>[0]["data"]>;
type SearchNode = SearchData["search"]["edges"][number]["node"];

const useSearch = (query: string, after: string | null) =>
  useQuery({ query: LibrarySearch, variables: { query, ...(after ? { after } : {}) } });

function SearchResults({ query, params }: { query: string; params: URLSearchParams }) {
  const [{ data, fetching, error }] = useSearch(query, params.get("searchAfter"));
  if (error) return <Failure error={error} />;
  if (fetching && !data) return <Loading what="search results" />;
  if (!data) return null;
  const { search } = data;
  return (
    <>
      <p className="count" aria-live="polite">
        {count(search.totalCount, "hit")} for “{query}”
      </p>
      <ol className="hit-list" aria-label="Search results">
        {search.edges.map((edge) => {
          const link = hitLink(edge.node);
          return (
            <li
              key={`${edge.node.__typename}:${"id" in edge.node ? edge.node.id : ""}`}
              className="card hit"
            >
              <span className={`badge ${edge.node.__typename.toLowerCase()}`}>
                {edge.node.__typename}
              </span>
              <h2>
                <Link to={link.to}>{link.label}</Link>
              </h2>
              <p>
                <Snippet html={edge.snippet} />
              </p>
            </li>
          );
        })}
      </ol>
      {search.pageInfo.hasNextPage ? (
        <nav className="pager" aria-label="More search results">
          <button
            type="button"
            onClick={() =>
              navigate(withParams(params, { searchAfter: search.pageInfo.endCursor ?? null }))
            }
          >
            More results →
          </button>
        </nav>
      ) : null}
    </>
  );
}
