// The workloads, each written once per system, and how to bring the three answers to one
// canonical shape so they can be compared before anything is timed.
import { encodeGlobalID } from "@pothos/plugin-relay";

export type System = "newsgraph" | "postgraphile" | "floor";
export const SYSTEMS: System[] = ["newsgraph", "postgraphile", "floor"];

export type WorkloadName = "W1" | "W2" | "W3" | "W4" | "W5" | "W6";

export interface HttpRequest {
  path: string;
  body: string;
}

export interface ReadWorkload {
  name: Exclude<WorkloadName, "W6">;
  title: string;
  /** Systems with an equivalent; the reason for the others goes in the report. */
  systems: System[];
  missing?: string;
  request(system: System, params: any): HttpRequest;
  /** The answer's data in a shape common to the three systems. */
  canonical(system: System, data: any): unknown;
  /** Rows the answer carries (entities, not wrappers): the denominator of rows read/returned. */
  rows(canonical: any): number;
}

const gql = (query: string, variables: Record<string, unknown> = {}): HttpRequest => ({
  path: "/graphql",
  body: JSON.stringify({ query, variables }),
});
const floor = (path: string, params: unknown): HttpRequest => ({
  path: `/${path}`,
  body: JSON.stringify(params),
});
const iso = (value: string | null | undefined) =>
  value === null || value === undefined ? null : new Date(value).toISOString();
const day = (value: string | null | undefined) =>
  value === null || value === undefined ? null : String(value).slice(0, 10);

export const READ_WORKLOADS: ReadWorkload[] = [
  {
    name: "W1",
    title: "node lookup by id (a claim)",
    systems: SYSTEMS,
    request(system, p: { id: number }) {
      if (system === "newsgraph") {
        return gql(
          `query W1($id: ID!) { node(id: $id) { ... on Claim { text quote kind
            span { start end text } statedAt { start end precision text } } } }`,
          { id: encodeGlobalID("Claim", p.id) },
        );
      }
      if (system === "postgraphile") {
        return gql(
          `query W1($id: Int!) { claimByRowId(rowId: $id) { text quote kind spanStart spanEnd
            spanText statedStart statedEnd statedPrecision statedText } }`,
          { id: p.id },
        );
      }
      return floor("w1", p);
    },
    canonical(system, data) {
      if (system === "postgraphile") {
        const c = data.claimByRowId;
        return {
          text: c.text,
          quote: c.quote,
          kind: c.kind,
          span: { start: c.spanStart, end: c.spanEnd, text: c.spanText },
          statedAt:
            c.statedPrecision === null
              ? null
              : {
                  start: day(c.statedStart),
                  end: day(c.statedEnd),
                  precision: c.statedPrecision,
                  text: c.statedText,
                },
        };
      }
      const c = system === "newsgraph" ? data.node : data;
      return {
        ...c,
        statedAt:
          c.statedAt === null
            ? null
            : { ...c.statedAt, start: day(c.statedAt.start), end: day(c.statedAt.end) },
      };
    },
    rows: () => 1,
  },
  {
    name: "W2",
    title: "20 newest documents → 10 claims each → claimant, event → participants → actor",
    systems: SYSTEMS,
    request(system) {
      if (system === "newsgraph") {
        return gql(`query W2 { documents(first: 20, orderBy: [{ publishedAt: DESC }]) { edges { node {
          title publishedAt claims(first: 10) { edges { node { text kind claimant { name }
          event { title participants { role actor { name } } } } } } } } } }`);
      }
      if (system === "postgraphile") {
        return gql(`query W2 { allDocuments(first: 20, orderBy: [PUBLISHED_AT_DESC]) { nodes {
          title publishedAt claimsByDocumentId(first: 10, orderBy: [SPAN_START_ASC, PRIMARY_KEY_ASC]) { nodes {
          text kind actorByClaimantId { name } eventByEventId { title
          eventParticipantsByEventId { nodes { role actorByActorId { name } } } } } } } } }`);
      }
      return floor("w2", { documents: 20, claims: 10 });
    },
    canonical(system, data) {
      const participants = (list: { name: string; role: string | null }[]) =>
        [...list].sort((a, b) => a.name.localeCompare(b.name));
      if (system === "newsgraph") {
        return data.documents.edges.map(({ node: d }: any) => ({
          title: d.title,
          publishedAt: iso(d.publishedAt),
          claims: d.claims.edges.map(({ node: c }: any) => ({
            text: c.text,
            kind: c.kind,
            claimant: c.claimant?.name ?? null,
            event: c.event && {
              title: c.event.title,
              participants: participants(
                c.event.participants.map((p: any) => ({ name: p.actor.name, role: p.role })),
              ),
            },
          })),
        }));
      }
      if (system === "postgraphile") {
        return data.allDocuments.nodes.map((d: any) => ({
          title: d.title,
          publishedAt: iso(d.publishedAt),
          claims: d.claimsByDocumentId.nodes.map((c: any) => ({
            text: c.text,
            kind: c.kind,
            claimant: c.actorByClaimantId?.name ?? null,
            event: c.eventByEventId && {
              title: c.eventByEventId.title,
              participants: participants(
                c.eventByEventId.eventParticipantsByEventId.nodes.map((p: any) => ({
                  name: p.actorByActorId.name,
                  role: p.role,
                })),
              ),
            },
          })),
        }));
      }
      return data.map((d: any) => ({
        title: d.title,
        publishedAt: iso(d.publishedAt),
        claims: d.claims.map((c: any) => ({
          ...c,
          event: c.event && { ...c.event, participants: participants(c.event.participants) },
        })),
      }));
    },
    rows: (docs: any[]) =>
      docs.reduce(
        (sum, d) =>
          sum +
          1 +
          d.claims.reduce(
            (s: number, c: any) =>
              s +
              1 +
              (c.claimant === null ? 0 : 1) +
              (c.event === null ? 0 : 1 + 2 * c.event.participants.length),
            0,
          ),
        0,
      ),
  },
  {
    name: "W3",
    title: "claims by claimant name and date range, by date (first 20)",
    systems: SYSTEMS,
    request(system, p: { name: string; from: string; to: string }) {
      if (system === "newsgraph") {
        return gql(
          `query W3($name: String!, $from: Date!, $to: Date!) { claims(first: 20,
            filter: { claimant: { name: { equals: $name } }, statedAt: { start: { gte: $from, lte: $to } } },
            orderBy: [{ statedAt: ASC }]) { edges { node { text statedAt { start } span { start }
            document { title } } } } }`,
          p,
        );
      }
      if (system === "postgraphile") {
        return gql(
          `query W3($name: String!, $from: Date!, $to: Date!) { allClaims(first: 20,
            filter: { actorByClaimantId: { name: { equalTo: $name } },
              statedStart: { greaterThanOrEqualTo: $from, lessThanOrEqualTo: $to } },
            orderBy: [STATED_START_ASC, PRIMARY_KEY_ASC]) { nodes { text statedStart spanStart
            documentByDocumentId { title } } } }`,
          p,
        );
      }
      return floor("w3", { ...p, first: 20 });
    },
    canonical(system, data) {
      if (system === "newsgraph") {
        return data.claims.edges.map(({ node: c }: any) => ({
          text: c.text,
          statedStart: day(c.statedAt.start),
          spanStart: c.span.start,
          document: c.document.title,
        }));
      }
      if (system === "postgraphile") {
        return data.allClaims.nodes.map((c: any) => ({
          text: c.text,
          statedStart: day(c.statedStart),
          spanStart: c.spanStart,
          document: c.documentByDocumentId.title,
        }));
      }
      return data.map((c: any) => ({ ...c, statedStart: day(c.statedStart) }));
    },
    rows: (claims: unknown[]) => claims.length * 2,
  },
  {
    name: "W4",
    title: "full-text search over documents and claims, top 20 with snippets",
    systems: ["newsgraph", "floor"],
    missing:
      "PostGraphile has no ranked full-text search with snippets out of the box (the tsvector columns are hidden; it would take a custom SQL function or plugin)",
    request(system, p: { query: string }) {
      if (system === "newsgraph") {
        return gql(
          `query W4($q: String!) { search(query: $q, first: 20, types: [DOCUMENT, CLAIM]) { edges {
            rank snippet node { __typename ... on Document { title } ... on Claim { text } } } } }`,
          { q: p.query },
        );
      }
      return floor("w4", { query: p.query, first: 20 });
    },
    canonical(system, data) {
      const hits =
        system === "newsgraph"
          ? data.search.edges.map((e: any) => ({
              type: e.node.__typename === "Document" ? "DOCUMENT" : "CLAIM",
              rank: e.rank,
              label: e.node.title ?? e.node.text,
              snippet: e.snippet,
            }))
          : data;
      return hits.map((h: any) => ({ ...h, rank: Number(Number(h.rank).toPrecision(6)) }));
    },
    rows: (hits: unknown[]) => hits.length,
  },
  {
    name: "W5",
    title: "timeline by month of the events of some kinds",
    systems: ["newsgraph", "floor"],
    missing:
      "PostGraphile has no grouping/aggregates without @graphile/pg-aggregates, and no fuzzy-date buckets at all",
    request(system, p: { kinds: string[] }) {
      if (system === "newsgraph") {
        return gql(
          `query W5($kinds: [EventKind!]) { timeline(filter: { kind: { in: $kinds } }, granularity: MONTH) {
            key count start end coarse precision } }`,
          p,
        );
      }
      return floor("w5", p);
    },
    canonical(system, data) {
      const buckets = system === "newsgraph" ? data.timeline : data;
      return buckets.map((b: any) => ({ ...b, start: day(b.start), end: day(b.end) }));
    },
    rows: (buckets: unknown[]) => buckets.length,
  },
];

export const W6_TITLE = "mutation mix: create a document, then import its annotation (~15 claims)";
export const W6_MISSING =
  "PostGraphile's generated CRUD would need dozens of mutations per annotation; compared newsgraph vs the floor only";

export const CREATE_DOCUMENT = `mutation W6Create($in: CreateDocumentInput!) { createDocument(input: $in) {
  __typename ... on CreateDocumentPayload { created document { id } } ... on UserError { message } } }`;
export const IMPORT_ANNOTATIONS = `mutation W6Import($in: ImportAnnotationsInput!) { importAnnotations(input: $in) {
  __typename ... on ImportAnnotationsPayload { summary { actors events claims actorMentions eventMentions } }
  ... on UserError { message } } }`;

/** A response passes when it is JSON with data and without errors (and, for W6, no UserError). */
export function verifyBody(body: string): boolean {
  try {
    const json = JSON.parse(body);
    if (json.errors !== undefined || json.data === null || json.data === undefined) return false;
    const payload = json.data.createDocument ?? json.data.importAnnotations;
    if (
      payload !== undefined &&
      payload.__typename !== "CreateDocumentPayload" &&
      payload.__typename !== "ImportAnnotationsPayload"
    ) {
      return false;
    }
    return true;
  } catch {
    return false;
  }
}
