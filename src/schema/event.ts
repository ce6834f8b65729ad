import { prismaConnectionHelpers } from "@pothos/plugin-prisma";
import { builder } from "./builder.ts";
import { db } from "./db.ts";
import { EventKind, EventRelationKind, EventStatus } from "./enums.ts";
import { FuzzyDate } from "./fuzzy-date.ts";

export const Participant = builder.prismaObject("EventParticipant", {
  select: { id: true },
  name: "Participant",
  description: 'An actor taking part in an event, in a role ("negotiator", "host", "mediator" …)',
  fields: (t) => ({
    actor: t.relation("actor"),
    role: t.exposeString("role", { nullable: true }),
  }),
});

export const Event = builder.prismaNode("Event", {
  id: { field: "id" },
  select: { id: true },
  description: "Something that happened, is happening or is planned.",
  fields: (t) => ({
    slug: t.exposeString("slug", {
      description: "Stable key shared by every document that reports it",
    }),
    title: t.exposeString("title"),
    kind: t.expose("kind", { type: EventKind }),
    status: t.expose("status", { type: EventStatus }),
    description: t.exposeString("description", { nullable: true }),
    location: t.exposeString("location", { nullable: true }),
    date: t.field({
      type: FuzzyDate,
      description: "When it happened (or is planned), as precisely as the sources say",
      select: {
        dateStart: true,
        dateEnd: true,
        datePrecision: true,
        dateText: true,
        dateYearInferred: true,
      },
      resolve: (event) => ({
        start: event.dateStart,
        end: event.dateEnd,
        precision: event.datePrecision,
        text: event.dateText,
        yearInferred: event.dateYearInferred,
      }),
    }),
    participants: t.relation("participants", { query: { orderBy: { actorId: "asc" } } }),
    claims: t.relatedConnection("claims", {
      cursor: "id",
      totalCount: true,
      description: "Claims about this event",
      query: () => ({ orderBy: [{ documentId: "asc" }, { spanStart: "asc" }, { id: "asc" }] }),
    }),
    mentions: t.relatedConnection("mentions", {
      cursor: "id",
      totalCount: true,
      description: "Every place a document refers to this event",
      query: () => ({ orderBy: [{ documentId: "asc" }, { start: "asc" }, { id: "asc" }] }),
    }),
  }),
});

builder.queryFields((t) => ({
  events: t.prismaConnection({
    type: "Event",
    cursor: "id",
    totalCount: () => db().event.count(),
    description: "All events, by date",
    resolve: (query) =>
      db().event.findMany({
        ...query,
        orderBy: [{ dateStart: { sort: "asc", nulls: "last" } }, { id: "asc" }],
      }),
  }),
  event: t.prismaField({
    type: "Event",
    nullable: true,
    description: "An event by its slug (or use node(id:) with its global id)",
    args: { slug: t.arg.string({ required: true }) },
    resolve: (query, _root, args) =>
      db().event.findUnique({ ...query, where: { slug: args.slug } }),
  }),
}));

const relatedEvents = prismaConnectionHelpers(builder, "EventRelation", {
  cursor: "fromEventId_toEventId",
  select: (nodeSelection) => ({ kind: true, to: nodeSelection({ select: { id: true } }) }),
  resolveNode: (relation) => relation.to,
});

builder.prismaObjectField("Event", "related", (t) =>
  t.connection(
    {
      type: Event,
      description:
        'Events linked to this one; the edge\'s relation reads "this event <relation> node"',
      select: (args, ctx, nestedSelection) => ({
        relatedTo: relatedEvents.getQuery(args, ctx, nestedSelection),
        _count: { select: { relatedTo: true } },
      }),
      resolve: (event, args, ctx) => ({
        ...relatedEvents.resolve(event.relatedTo, args, ctx),
        totalCount: event._count.relatedTo,
      }),
    },
    { fields: (c) => ({ totalCount: c.int({ resolve: (conn) => conn.totalCount }) }) },
    { fields: (e) => ({ relation: e.field({ type: EventRelationKind, resolve: (r) => r.kind }) }) },
  ),
);

const documentEvents = prismaConnectionHelpers(builder, "DocumentEvent", {
  cursor: "documentId_eventId",
  select: (nodeSelection) => ({ event: nodeSelection({ select: { id: true } }) }),
  resolveNode: (appearance) => appearance.event,
});

builder.prismaObjectField("Document", "events", (t) =>
  t.connection(
    {
      type: Event,
      description: "The distinct events this document refers to",
      select: (args, ctx, nestedSelection) => ({
        events: documentEvents.getQuery(args, ctx, nestedSelection),
        _count: { select: { events: true } },
      }),
      resolve: (document, args, ctx) => ({
        ...documentEvents.resolve(document.events, args, ctx),
        totalCount: document._count.events,
      }),
    },
    { fields: (c) => ({ totalCount: c.int({ resolve: (conn) => conn.totalCount }) }) },
  ),
);

const participations = prismaConnectionHelpers(builder, "EventParticipant", {
  cursor: "id",
  select: (nodeSelection) => ({ role: true, event: nodeSelection({ select: { id: true } }) }),
  resolveNode: (participation) => participation.event,
});

builder.prismaObjectField("Actor", "events", (t) =>
  t.connection(
    {
      type: Event,
      description: "Events this actor takes part in; the edge gives the role",
      select: (args, ctx, nestedSelection) => ({
        participations: participations.getQuery(args, ctx, nestedSelection),
        _count: { select: { participations: true } },
      }),
      resolve: (actor, args, ctx) => ({
        ...participations.resolve(actor.participations, args, ctx),
        totalCount: actor._count.participations,
      }),
    },
    { fields: (c) => ({ totalCount: c.int({ resolve: (conn) => conn.totalCount }) }) },
    { fields: (e) => ({ role: e.string({ nullable: true, resolve: (p) => p.role }) }) },
  ),
);
