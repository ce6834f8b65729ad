// Query.actorNetwork: pairs of actors that occur together, weighted by how often.
//
// Statements: with a filter, one findMany for the ids of the actors it allows (none without;
// a full-text `search` inside the filter adds its own lookup, as everywhere filters are taken);
// then one SQL statement for the links (the three self-joins, aggregated per pair, weighed,
// ordered and cut to the page in the database), and one findMany for the actors of the page,
// carrying the selection the query makes under `source` and `target`. Each evidence list
// (sharedEvents, sharedClaims, sharedDocuments) asked for costs one more findMany for all links.
import { queryFromInfo } from "@pothos/plugin-prisma";
import { type FieldNode, GraphQLError, type GraphQLResolveInfo } from "graphql";
import { Prisma } from "../generated/prisma/client.ts";
import { Actor } from "./actor.ts";
import { builder, MAX_PAGE_SIZE } from "./builder.ts";
import { Claim } from "./claim.ts";
import { db } from "./db.ts";
import { Document } from "./document.ts";
import { Event } from "./event.ts";
import { ActorFilter, actorFilter } from "./filters/index.ts";

const DEFAULT_LINKS = 50;
const DEFAULT_EVIDENCE = 20;
const EVIDENCE_FIRST = `At most this many, 0 to ${MAX_PAGE_SIZE} (null means ${DEFAULT_EVIDENCE})`;

type Row = { id: number };

/** One pair, as the SQL returns it: counts, and the first MAX_PAGE_SIZE ids of each evidence. */
interface LinkRow {
  source: number;
  target: number;
  events: number;
  claims: number;
  documents: number;
  weight: number;
  eventIds: number[];
  claimIds: number[];
  documentIds: number[];
}

type Evidence = "events" | "claims" | "documents";

/** What the links of one actorNetwork call share: their evidence, loaded once per selection. */
interface NetworkSource {
  links: LinkRow[];
  loads: Map<FieldNode, Promise<Map<number, Row>>>;
}

interface LinkShape extends LinkRow {
  sourceActor: Row;
  targetActor: Row;
  network: NetworkSource;
}

const EVIDENCE: Record<
  Evidence,
  {
    ids: (link: LinkRow) => number[];
    typeName: string;
    findMany: (ids: number[], query: object) => Promise<Row[]>;
  }
> = {
  events: {
    ids: (link) => link.eventIds,
    typeName: "Event",
    findMany: (ids, query) => db().event.findMany({ ...query, where: { id: { in: ids } } }),
  },
  claims: {
    ids: (link) => link.claimIds,
    typeName: "Claim",
    findMany: (ids, query) => db().claim.findMany({ ...query, where: { id: { in: ids } } }),
  },
  documents: {
    ids: (link) => link.documentIds,
    typeName: "Document",
    findMany: (ids, query) => db().document.findMany({ ...query, where: { id: { in: ids } } }),
  },
};

/**
 * The rows of one evidence list for every link of the network, in one findMany carrying the
 * selection under the field `info` resolves; each link then takes its own from the map.
 *
 * Every link plans the selection (no SQL), not only the first: the plan records, under this
 * link's path, that its rows carry that selection. The root resolver's own plan (for source and
 * target) is recorded under the actorNetwork field, and without a plan of their own the rows of
 * a link would be checked against that one and loaded again. The plans are alike (one field
 * node, one selection), so the rows of the one findMany serve them all.
 */
async function loadEvidence(
  network: NetworkSource,
  evidence: Evidence,
  first: number,
  context: object,
  info: GraphQLResolveInfo,
): Promise<Map<number, Row>> {
  const { ids, typeName, findMany } = EVIDENCE[evidence];
  const query = await queryFromInfo({
    context,
    info,
    typeName,
    select: { id: true },
    awaitSelections: true,
  });
  const field = info.fieldNodes[0]!;
  let load = network.loads.get(field);
  if (!load) {
    const wanted = [...new Set(network.links.flatMap((link) => ids(link).slice(0, first)))];
    load =
      wanted.length === 0
        ? Promise.resolve(new Map())
        : findMany(wanted, query).then((rows) => new Map(rows.map((row) => [row.id, row])));
    network.loads.set(field, load);
  }
  return load;
}

function evidenceField(evidence: Evidence, description: string) {
  return {
    description,
    resolve: async (
      link: LinkShape,
      args: { first?: number | null },
      context: object,
      info: GraphQLResolveInfo,
    ) => {
      const first = bounded("first", args.first ?? DEFAULT_EVIDENCE, 0, MAX_PAGE_SIZE);
      const rows = await loadEvidence(link.network, evidence, first, context, info);
      return EVIDENCE[evidence]
        .ids(link)
        .slice(0, first)
        .flatMap((id) => {
          const row = rows.get(id);
          return row ? [row] : [];
        });
    },
  };
}

const ActorLink = builder.objectRef<LinkShape>("ActorLink").implement({
  description:
    "Two actors that occur together: taking part in the same event, one making a claim the " +
    "other is a subject of, or mentioned in the same document. Each pair once: source is the " +
    "one stored first (the lower database id).",
  fields: (t) => ({
    source: t.field({ type: Actor, nullable: false, resolve: (link) => link.sourceActor as never }),
    target: t.field({ type: Actor, nullable: false, resolve: (link) => link.targetActor as never }),
    weight: t.exposeInt("weight", { nullable: false, description: "events + claims + documents" }),
    events: t.exposeInt("events", { nullable: false, description: "Events both take part in" }),
    claims: t.exposeInt("claims", {
      nullable: false,
      description: "Claims one of them makes with the other among its subjects",
    }),
    documents: t.exposeInt("documents", {
      nullable: false,
      description: "Documents mentioning both",
    }),
    sharedEvents: t.field({
      type: [Event],
      nullable: false,
      args: {
        first: t.arg.int({ defaultValue: DEFAULT_EVIDENCE, description: EVIDENCE_FIRST }),
      },
      ...evidenceField("events", "The events both take part in, by date"),
    }),
    sharedClaims: t.field({
      type: [Claim],
      nullable: false,
      args: {
        first: t.arg.int({ defaultValue: DEFAULT_EVIDENCE, description: EVIDENCE_FIRST }),
      },
      ...evidenceField("claims", "The claims linking them, by document and position"),
    }),
    sharedDocuments: t.field({
      type: [Document],
      nullable: false,
      args: {
        first: t.arg.int({ defaultValue: DEFAULT_EVIDENCE, description: EVIDENCE_FIRST }),
      },
      ...evidenceField("documents", "The documents mentioning both, latest first"),
    }),
  }),
});

function bounded(argument: string, value: number, min: number, max: number): number {
  if (value < min || value > max) {
    throw new GraphQLError(
      `Argument "${argument}" must be between ${min} and ${max}, not ${value}.`,
      { extensions: { code: "BAD_USER_INPUT", argument } },
    );
  }
  return value;
}

/**
 * The links between the actors in `allowed` (every actor when null), weight at least
 * `minWeight`, heaviest first, then by source and target id; at most `first`. One statement.
 */
export async function actorLinks(
  allowed: number[] | null,
  minWeight: number,
  first: number,
): Promise<LinkRow[]> {
  const isAllowed = (column: Prisma.Sql) =>
    allowed === null ? Prisma.sql`TRUE` : Prisma.sql`${column} = ANY(${allowed}::int[])`;
  const cap = MAX_PAGE_SIZE;
  return db().$queryRaw<LinkRow[]>`
    WITH shared_events AS (
      SELECT a."actorId" AS source, b."actorId" AS target, count(*)::int AS n,
        (array_agg(e."id" ORDER BY e."dateStart" ASC NULLS LAST, e."id"))[1:${cap}] AS ids
      FROM "EventParticipant" a
      JOIN "EventParticipant" b ON b."eventId" = a."eventId" AND a."actorId" < b."actorId"
      JOIN "Event" e ON e."id" = a."eventId"
      WHERE ${isAllowed(Prisma.sql`a."actorId"`)} AND ${isAllowed(Prisma.sql`b."actorId"`)}
      GROUP BY a."actorId", b."actorId"
    ),
    shared_claims AS (
      SELECT LEAST(c."claimantId", s."actorId") AS source,
        GREATEST(c."claimantId", s."actorId") AS target, count(*)::int AS n,
        (array_agg(c."id" ORDER BY c."documentId", c."spanStart", c."id"))[1:${cap}] AS ids
      FROM "Claim" c
      JOIN "ClaimSubject" s ON s."claimId" = c."id" AND s."actorId" <> c."claimantId"
      WHERE ${isAllowed(Prisma.sql`c."claimantId"`)} AND ${isAllowed(Prisma.sql`s."actorId"`)}
      GROUP BY 1, 2
    ),
    shared_documents AS (
      SELECT a."actorId" AS source, b."actorId" AS target, count(*)::int AS n,
        (array_agg(d."id" ORDER BY d."publishedAt" DESC NULLS LAST, d."id"))[1:${cap}] AS ids
      FROM "DocumentActor" a
      JOIN "DocumentActor" b ON b."documentId" = a."documentId" AND a."actorId" < b."actorId"
      JOIN "Document" d ON d."id" = a."documentId"
      WHERE ${isAllowed(Prisma.sql`a."actorId"`)} AND ${isAllowed(Prisma.sql`b."actorId"`)}
      GROUP BY a."actorId", b."actorId"
    ),
    links AS (
      SELECT source, target,
        COALESCE(shared_events.n, 0) AS events,
        COALESCE(shared_claims.n, 0) AS claims,
        COALESCE(shared_documents.n, 0) AS documents,
        COALESCE(shared_events.ids, '{}') AS "eventIds",
        COALESCE(shared_claims.ids, '{}') AS "claimIds",
        COALESCE(shared_documents.ids, '{}') AS "documentIds"
      FROM shared_events
      FULL JOIN shared_claims USING (source, target)
      FULL JOIN shared_documents USING (source, target)
    )
    SELECT source, target, events, claims, documents, events + claims + documents AS weight,
      "eventIds", "claimIds", "documentIds"
    FROM links
    WHERE events + claims + documents >= ${minWeight}
    ORDER BY weight DESC, source, target
    LIMIT ${first}`;
}

builder.queryField("actorNetwork", (t) =>
  t.field({
    type: [ActorLink],
    nullable: false,
    description:
      "Pairs of actors that occur together, heaviest first (then by the ids of source and " +
      "target). weight = shared events (both take part) + claims (one claims, the other is a " +
      "subject) + documents (both mentioned). Only actors matching `filter` appear in a pair.",
    args: {
      filter: t.arg({ type: ActorFilter, description: "Both actors of a pair must match it" }),
      minWeight: t.arg.int({
        defaultValue: 1,
        description: "Leave out pairs lighter than this (at least 1; null means 1)",
      }),
      first: t.arg.int({
        defaultValue: DEFAULT_LINKS,
        description: `At most this many pairs, 0 to ${MAX_PAGE_SIZE} (null means ${DEFAULT_LINKS})`,
      }),
    },
    resolve: async (_root, args, context, info) => {
      const minWeight = bounded("minWeight", args.minWeight ?? 1, 1, Number.MAX_SAFE_INTEGER);
      const first = bounded("first", args.first ?? DEFAULT_LINKS, 0, MAX_PAGE_SIZE);
      let allowed: number[] | null = null;
      if (args.filter) {
        const where = await actorFilter(args.filter);
        allowed = (await db().actor.findMany({ where, select: { id: true } })).map((a) => a.id);
      }
      if (first === 0 || allowed?.length === 0) return [];
      const links = await actorLinks(allowed, minWeight, first);
      if (links.length === 0) return [];
      const query = await queryFromInfo({
        context,
        info,
        typeName: "Actor",
        paths: [["source"], ["target"]],
        select: { id: true },
        awaitSelections: true,
      });
      const ids = [...new Set(links.flatMap((link) => [link.source, link.target]))];
      const actors = await db().actor.findMany({
        ...(query as { select: Prisma.ActorSelect }),
        where: { id: { in: ids } },
      });
      const byId = new Map(actors.map((actor) => [actor.id, actor as Row]));
      const network: NetworkSource = { links, loads: new Map() };
      // An actor deleted between the two statements takes its links with it.
      return links.flatMap((link) => {
        const sourceActor = byId.get(link.source);
        const targetActor = byId.get(link.target);
        return sourceActor && targetActor ? [{ ...link, sourceActor, targetActor, network }] : [];
      });
    },
  }),
);
