// Actor.stats: how much there is about an actor, without loading any of it.
//
// Statements: the counts are relation counts (`_count`) selected with the actor, so they are
// part of whichever query loads the actors, however many. firstSeen/lastSeen, when asked for,
// are one grouped SQL statement (MIN/MAX publishedAt per actor) for all the actors resolved in
// the same wave of the request, through a per-request batch loader (./batch.ts).
import { perRequestLoader } from "./batch.ts";
import { builder } from "./builder.ts";
import { db } from "./db.ts";

interface Seen {
  firstSeen: Date | null;
  lastSeen: Date | null;
}

interface StatsShape {
  actorId: number;
  claims: number;
  claimsAbout: number;
  documents: number;
  events: number;
  mentions: number;
}

/** Earliest and latest publishedAt of the documents mentioning each actor, in one statement. */
const seenLoader = perRequestLoader<number, Seen>(async (actorIds) => {
  const rows = await db().$queryRaw<({ actorId: number } & Seen)[]>`
    SELECT da."actorId", min(d."publishedAt") AS "firstSeen", max(d."publishedAt") AS "lastSeen"
    FROM "DocumentActor" da
    JOIN "Document" d ON d."id" = da."documentId"
    WHERE da."actorId" = ANY(${[...actorIds]}::int[])
    GROUP BY da."actorId"`;
  return new Map(rows.map(({ actorId, ...seen }) => [actorId, seen]));
});

const ActorStats = builder.objectRef<StatsShape>("ActorStats").implement({
  description: "How much the data says about an actor",
  fields: (t) => ({
    claims: t.exposeInt("claims", {
      nullable: false,
      description: "Claims the actor made (as claimant)",
    }),
    claimsAbout: t.exposeInt("claimsAbout", {
      nullable: false,
      description: "Claims the actor is a subject of",
    }),
    documents: t.exposeInt("documents", {
      nullable: false,
      description: "Documents mentioning the actor",
    }),
    events: t.exposeInt("events", {
      nullable: false,
      description: "Events the actor takes part in",
    }),
    mentions: t.exposeInt("mentions", {
      nullable: false,
      description: "Places the actor is mentioned, in all documents",
    }),
    firstSeen: t.field({
      type: "DateTime",
      nullable: true,
      description:
        "When the actor was first reported: the earliest publishedAt of the documents " +
        "mentioning it (not when the events or statements happened). Null when none of them " +
        "has a publication date.",
      resolve: async (stats, _args, context) =>
        (await seenLoader(context).load(stats.actorId))?.firstSeen ?? null,
    }),
    lastSeen: t.field({
      type: "DateTime",
      nullable: true,
      description:
        "The latest publishedAt of the documents mentioning the actor; null when none has one.",
      resolve: async (stats, _args, context) =>
        (await seenLoader(context).load(stats.actorId))?.lastSeen ?? null,
    }),
  }),
});

builder.prismaObjectField("Actor", "stats", (t) =>
  t.field({
    type: ActorStats,
    nullable: false,
    description: "Counts of what the actor is linked to, and when it was first and last reported",
    // Written as the unfiltered connections (Actor.claims, claimsAbout, documents, events,
    // mentions) write their totalCount, so Pothos merges a query asking for both into one count.
    select: {
      id: true,
      _count: {
        select: {
          claims: { where: {} },
          subjectOf: { where: { claim: {} } },
          documents: { where: { document: {} } },
          participations: { where: { event: {} } },
          mentions: { where: {} },
        },
      },
    },
    resolve: (actor) => ({
      actorId: actor.id,
      claims: actor._count.claims,
      claimsAbout: actor._count.subjectOf,
      documents: actor._count.documents,
      events: actor._count.participations,
      mentions: actor._count.mentions,
    }),
  }),
);
