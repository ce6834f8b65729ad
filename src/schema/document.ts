import { prismaConnectionHelpers } from "@pothos/plugin-prisma";
import { relationLoadStrategy } from "../db/relation-load-strategy.ts";
import { builder } from "./builder.ts";
import { db } from "./db.ts";
import {
  ClaimFilter,
  ClaimOrder,
  claimFilter,
  DocumentFilter,
  DocumentOrder,
  documentFilter,
  MentionFilter,
  MentionOrder,
  mentionFilter,
} from "./filters/index.ts";
import { linkConnection } from "./link-connection.ts";

export const Document = builder.prismaNode("Document", {
  id: { field: "id" },
  // node(id:) of a deleted or unknown row answers null rather than an error.
  nullable: true,
  // Select mode: a row loads only the columns the query asks for (a body is large).
  select: { id: true },
  description: "A news article: the exact body every span points into.",
  fields: (t) => ({
    slug: t.exposeString("slug"),
    title: t.exposeString("title"),
    body: t.exposeString("body"),
    source: t.exposeString("source", { nullable: true }),
    url: t.exposeString("url", { nullable: true }),
    publishedAt: t.expose("publishedAt", { type: "DateTime", nullable: true }),
    language: t.exposeString("language"),
    contentHash: t.exposeString("contentHash", { description: "sha256 of the body" }),
    claims: t.relatedConnection("claims", {
      cursor: "id",
      totalCount: true,
      description: "Claims made in this document, in text order unless orderBy says otherwise",
      args: {
        filter: t.arg({ type: ClaimFilter }),
        orderBy: t.arg({ type: [ClaimOrder.input] }),
      },
      query: async (args) => ({
        where: await claimFilter(args.filter),
        orderBy: [...ClaimOrder.toPrisma(args.orderBy, [{ spanStart: "asc" }]), { id: "asc" }],
      }),
    }),
    mentions: t.relatedConnection("actorMentions", {
      cursor: "id",
      totalCount: true,
      description: "Every place an actor is mentioned, in text order",
      args: {
        filter: t.arg({ type: MentionFilter }),
        orderBy: t.arg({ type: [MentionOrder.input] }),
      },
      query: async (args) => ({
        where: await mentionFilter(args.filter),
        orderBy: [...MentionOrder.toPrisma(args.orderBy, [{ start: "asc" }]), { id: "asc" }],
      }),
    }),
    eventMentions: t.relatedConnection("eventMentions", {
      cursor: "id",
      totalCount: true,
      description: "Every place an event is referred to, in text order",
      args: {
        filter: t.arg({ type: MentionFilter }),
        orderBy: t.arg({ type: [MentionOrder.input] }),
      },
      query: async (args) => ({
        where: await mentionFilter(args.filter),
        orderBy: [...MentionOrder.toPrisma(args.orderBy, [{ start: "asc" }]), { id: "asc" }],
      }),
    }),
  }),
});

builder.queryFields((t) => ({
  documents: t.prismaConnection({
    type: "Document",
    cursor: "id",
    description: "All documents, newest publication first unless orderBy says otherwise",
    args: {
      filter: t.arg({ type: DocumentFilter }),
      orderBy: t.arg({ type: [DocumentOrder.input] }),
    },
    totalCount: async (_parent, args) =>
      db().document.count({ where: await documentFilter(args.filter) }),
    resolve: async (query, _parent, args) =>
      db().document.findMany({
        ...query,
        relationLoadStrategy: relationLoadStrategy(),
        where: await documentFilter(args.filter),
        orderBy: [
          ...DocumentOrder.toPrisma(args.orderBy, [
            { publishedAt: { sort: "desc", nulls: "last" } },
          ]),
          { id: "asc" },
        ],
      }),
  }),
  document: t.prismaField({
    type: "Document",
    nullable: true,
    args: { slug: t.arg.string({ required: true }) },
    resolve: (query, _root, args) =>
      db().document.findUnique({
        ...query,
        relationLoadStrategy: relationLoadStrategy(),
        where: { slug: args.slug },
      }),
  }),
}));

const actorAppearances = prismaConnectionHelpers(builder, "DocumentActor", {
  cursor: "documentId_actorId",
  select: async (nodeSelection) => ({ document: await nodeSelection({ select: { id: true } }) }),
  resolveNode: (appearance) => appearance.document,
});

builder.prismaObjectField("Actor", "documents", (t) =>
  t.connection(
    {
      type: Document,
      description: "Documents that mention this actor",
      args: {
        filter: t.arg({ type: DocumentFilter }),
        orderBy: t.arg({ type: [DocumentOrder.input] }),
      },
      ...linkConnection({
        relation: "documents",
        node: "document",
        tieBreak: { documentId: "asc" },
        helper: actorAppearances,
        filter: documentFilter,
        order: DocumentOrder,
        defaultOrder: [{ publishedAt: { sort: "desc", nulls: "last" } }],
      }),
    },
    { fields: (c) => ({ totalCount: c.int({ resolve: (conn) => conn.totalCount }) }) },
  ),
);

const eventAppearances = prismaConnectionHelpers(builder, "DocumentEvent", {
  cursor: "documentId_eventId",
  select: async (nodeSelection) => ({ document: await nodeSelection({ select: { id: true } }) }),
  resolveNode: (appearance) => appearance.document,
});

builder.prismaObjectField("Event", "documents", (t) =>
  t.connection(
    {
      type: Document,
      description: "Documents that report this event",
      args: {
        filter: t.arg({ type: DocumentFilter }),
        orderBy: t.arg({ type: [DocumentOrder.input] }),
      },
      ...linkConnection({
        relation: "documents",
        node: "document",
        tieBreak: { documentId: "asc" },
        helper: eventAppearances,
        filter: documentFilter,
        order: DocumentOrder,
        defaultOrder: [{ publishedAt: { sort: "desc", nulls: "last" } }],
      }),
    },
    { fields: (c) => ({ totalCount: c.int({ resolve: (conn) => conn.totalCount }) }) },
  ),
);
