import { prismaConnectionHelpers } from "@pothos/plugin-prisma";
import { builder } from "./builder.ts";
import { db } from "./db.ts";

export const Document = builder.prismaNode("Document", {
  id: { field: "id" },
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
      description: "Claims made in this document, in text order",
      query: () => ({ orderBy: [{ spanStart: "asc" }, { id: "asc" }] }),
    }),
    mentions: t.relatedConnection("actorMentions", {
      cursor: "id",
      totalCount: true,
      description: "Every place an actor is mentioned, in text order",
      query: () => ({ orderBy: [{ start: "asc" }, { id: "asc" }] }),
    }),
    eventMentions: t.relatedConnection("eventMentions", {
      cursor: "id",
      totalCount: true,
      description: "Every place an event is referred to, in text order",
      query: () => ({ orderBy: [{ start: "asc" }, { id: "asc" }] }),
    }),
  }),
});

builder.queryFields((t) => ({
  documents: t.prismaConnection({
    type: "Document",
    cursor: "id",
    totalCount: () => db().document.count(),
    description: "All documents, newest publication first",
    resolve: (query) =>
      db().document.findMany({
        ...query,
        orderBy: [{ publishedAt: { sort: "desc", nulls: "last" } }, { id: "asc" }],
      }),
  }),
  document: t.prismaField({
    type: "Document",
    nullable: true,
    args: { slug: t.arg.string({ required: true }) },
    resolve: (query, _root, args) =>
      db().document.findUnique({ ...query, where: { slug: args.slug } }),
  }),
}));

const actorAppearances = prismaConnectionHelpers(builder, "DocumentActor", {
  cursor: "documentId_actorId",
  select: (nodeSelection) => ({ document: nodeSelection({ select: { id: true } }) }),
  resolveNode: (appearance) => appearance.document,
});

builder.prismaObjectField("Actor", "documents", (t) =>
  t.connection(
    {
      type: Document,
      description: "Documents that mention this actor",
      select: (args, ctx, nestedSelection) => ({
        documents: actorAppearances.getQuery(args, ctx, nestedSelection),
        _count: { select: { documents: true } },
      }),
      resolve: (actor, args, ctx) => ({
        ...actorAppearances.resolve(actor.documents, args, ctx),
        totalCount: actor._count.documents,
      }),
    },
    { fields: (c) => ({ totalCount: c.int({ resolve: (conn) => conn.totalCount }) }) },
  ),
);

const eventAppearances = prismaConnectionHelpers(builder, "DocumentEvent", {
  cursor: "documentId_eventId",
  select: (nodeSelection) => ({ document: nodeSelection({ select: { id: true } }) }),
  resolveNode: (appearance) => appearance.document,
});

builder.prismaObjectField("Event", "documents", (t) =>
  t.connection(
    {
      type: Document,
      description: "Documents that report this event",
      select: (args, ctx, nestedSelection) => ({
        documents: eventAppearances.getQuery(args, ctx, nestedSelection),
        _count: { select: { documents: true } },
      }),
      resolve: (event, args, ctx) => ({
        ...eventAppearances.resolve(event.documents, args, ctx),
        totalCount: event._count.documents,
      }),
    },
    { fields: (c) => ({ totalCount: c.int({ resolve: (conn) => conn.totalCount }) }) },
  ),
);
