import { prismaConnectionHelpers } from "@pothos/plugin-prisma";
import { relationLoadStrategy } from "../db/relation-load-strategy.ts";
import type { EventParticipant, EventRelation } from "../generated/prisma/client.ts";
import { builder } from "./builder.ts";
import { db } from "./db.ts";
import { EventKind, EventRelationKind, EventStatus, Origin } from "./enums.ts";
import {
  ClaimFilter,
  ClaimOrder,
  claimFilter,
  EventFilter,
  EventOrder,
  eventFilter,
  MentionFilter,
  MentionOrder,
  mentionFilter,
} from "./filters/index.ts";
import { FuzzyDate } from "./fuzzy-date.ts";
import { linkConnection } from "./link-connection.ts";

export const Participant = builder.prismaObject("EventParticipant", {
  name: "Participant",
  select: { id: true },
  description: 'An actor taking part in an event, in a role ("negotiator", "host", "mediator" …)',
  fields: (t) => ({
    actor: t.relation("actor"),
    role: t.exposeString("role", { nullable: true }),
  }),
});

export const Event = builder.prismaNode("Event", {
  id: { field: "id" },
  nullable: true,
  select: { id: true },
  description: "Something that happened, is happening or is planned.",
  fields: (t) => ({
    slug: t.exposeString("slug", {
      description: "Stable key shared by every document that reports it",
    }),
    title: t.exposeString("title"),
    kind: t.expose("kind", { type: EventKind }),
    status: t.expose("status", { type: EventStatus }),
    origin: t.expose("origin", { type: Origin }),
    confidence: t.exposeFloat("confidence", {
      nullable: true,
      description: "How sure extraction was, 0–1; null for manual annotation",
    }),
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
      args: {
        filter: t.arg({ type: ClaimFilter }),
        orderBy: t.arg({ type: [ClaimOrder.input] }),
      },
      query: async (args) => ({
        where: await claimFilter(args.filter),
        orderBy: [
          ...ClaimOrder.toPrisma(args.orderBy, [{ documentId: "asc" }, { spanStart: "asc" }]),
          { id: "asc" },
        ],
      }),
    }),
    mentions: t.relatedConnection("mentions", {
      cursor: "id",
      totalCount: true,
      description: "Every place a document refers to this event",
      args: {
        filter: t.arg({ type: MentionFilter }),
        orderBy: t.arg({ type: [MentionOrder.input] }),
      },
      query: async (args) => ({
        where: await mentionFilter(args.filter),
        orderBy: [
          ...MentionOrder.toPrisma(args.orderBy, [{ documentId: "asc" }, { start: "asc" }]),
          { id: "asc" },
        ],
      }),
    }),
  }),
});

const DEFAULT_EVENT_ORDER = [{ dateStart: { sort: "asc" as const, nulls: "last" as const } }];

builder.queryFields((t) => ({
  events: t.prismaConnection({
    type: "Event",
    cursor: "id",
    description: "All events, by date unless orderBy says otherwise",
    args: {
      filter: t.arg({ type: EventFilter }),
      orderBy: t.arg({ type: [EventOrder.input] }),
    },
    totalCount: async (_parent, args) =>
      db().event.count({ where: await eventFilter(args.filter) }),
    resolve: async (query, _parent, args) =>
      db().event.findMany({
        ...query,
        relationLoadStrategy: relationLoadStrategy(),
        where: await eventFilter(args.filter),
        orderBy: [...EventOrder.toPrisma(args.orderBy, DEFAULT_EVENT_ORDER), { id: "asc" }],
      }),
  }),
  event: t.prismaField({
    type: "Event",
    nullable: true,
    description: "An event by its slug (or use node(id:) with its global id)",
    args: { slug: t.arg.string({ required: true }) },
    resolve: (query, _root, args) =>
      db().event.findUnique({
        ...query,
        relationLoadStrategy: relationLoadStrategy(),
        where: { slug: args.slug },
      }),
  }),
}));

const relatedEvents = prismaConnectionHelpers(builder, "EventRelation", {
  cursor: "fromEventId_toEventId",
  select: async (nodeSelection) => ({
    kind: true,
    to: await nodeSelection({ select: { id: true } }),
  }),
  resolveNode: (relation) => relation.to,
});

builder.prismaObjectField("Event", "related", (t) =>
  t.connection(
    {
      type: Event,
      description:
        'Events linked to this one; the edge\'s relation reads "this event <relation> node"',
      args: {
        filter: t.arg({ type: EventFilter }),
        orderBy: t.arg({ type: [EventOrder.input] }),
      },
      ...linkConnection({
        relation: "relatedTo",
        node: "to",
        tieBreak: { toEventId: "asc" },
        helper: relatedEvents,
        filter: eventFilter,
        order: EventOrder,
        defaultOrder: DEFAULT_EVENT_ORDER,
      }),
    },
    { fields: (c) => ({ totalCount: c.int({ resolve: (conn) => conn.totalCount }) }) },
    {
      fields: (e) => ({
        // Edges are the link rows the helper paged over (typed loosely by linkConnection).
        relation: e.field({
          type: EventRelationKind,
          resolve: (link) => (link as unknown as EventRelation).kind,
        }),
      }),
    },
  ),
);

const documentEvents = prismaConnectionHelpers(builder, "DocumentEvent", {
  cursor: "documentId_eventId",
  select: async (nodeSelection) => ({ event: await nodeSelection({ select: { id: true } }) }),
  resolveNode: (appearance) => appearance.event,
});

builder.prismaObjectField("Document", "events", (t) =>
  t.connection(
    {
      type: Event,
      description: "The distinct events this document refers to, by date",
      args: {
        filter: t.arg({ type: EventFilter }),
        orderBy: t.arg({ type: [EventOrder.input] }),
      },
      ...linkConnection({
        relation: "events",
        node: "event",
        tieBreak: { eventId: "asc" },
        helper: documentEvents,
        filter: eventFilter,
        order: EventOrder,
        defaultOrder: DEFAULT_EVENT_ORDER,
      }),
    },
    { fields: (c) => ({ totalCount: c.int({ resolve: (conn) => conn.totalCount }) }) },
  ),
);

const participations = prismaConnectionHelpers(builder, "EventParticipant", {
  cursor: "id",
  select: async (nodeSelection) => ({
    role: true,
    event: await nodeSelection({ select: { id: true } }),
  }),
  resolveNode: (participation) => participation.event,
});

builder.prismaObjectField("Actor", "events", (t) =>
  t.connection(
    {
      type: Event,
      description: "Events this actor takes part in, by date; the edge gives the role",
      args: {
        filter: t.arg({ type: EventFilter }),
        orderBy: t.arg({ type: [EventOrder.input] }),
      },
      ...linkConnection({
        relation: "participations",
        node: "event",
        tieBreak: { id: "asc" },
        helper: participations,
        filter: eventFilter,
        order: EventOrder,
        defaultOrder: DEFAULT_EVENT_ORDER,
      }),
    },
    { fields: (c) => ({ totalCount: c.int({ resolve: (conn) => conn.totalCount }) }) },
    {
      fields: (e) => ({
        role: e.string({
          nullable: true,
          resolve: (link) => (link as unknown as EventParticipant).role,
        }),
      }),
    },
  ),
);
