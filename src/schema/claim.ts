import { prismaConnectionHelpers } from "@pothos/plugin-prisma";
import { builder } from "./builder.ts";
import { db } from "./db.ts";
import { ClaimKind } from "./enums.ts";
import { FuzzyDate } from "./fuzzy-date.ts";
import { Span } from "./span.ts";

export const Claim = builder.prismaNode("Claim", {
  id: { field: "id" },
  select: { id: true },
  description: "A statement made in a document, grounded in the span that makes it.",
  fields: (t) => ({
    text: t.exposeString("text", { description: "What is claimed, in plain words" }),
    quote: t.exposeString("quote", {
      nullable: true,
      description: "The verbatim words when quoted",
    }),
    kind: t.expose("kind", { type: ClaimKind }),
    claimant: t.relation("claimant", {
      nullable: true,
      description: "Who asserts it; null when the document itself does",
    }),
    statedAt: t.field({
      type: FuzzyDate,
      nullable: true,
      description: "When the claim was made",
      select: {
        statedStart: true,
        statedEnd: true,
        statedPrecision: true,
        statedText: true,
        statedYearInferred: true,
      },
      resolve: (claim) =>
        claim.statedPrecision === null
          ? null
          : {
              start: claim.statedStart,
              end: claim.statedEnd,
              precision: claim.statedPrecision,
              text: claim.statedText,
              yearInferred: claim.statedYearInferred,
            },
    }),
    span: t.field({
      type: Span,
      select: { spanStart: true, spanEnd: true, spanText: true },
      resolve: (claim) => ({ start: claim.spanStart, end: claim.spanEnd, text: claim.spanText }),
    }),
    document: t.relation("document"),
    event: t.relation("event", { nullable: true, description: "The event the claim concerns" }),
  }),
});

builder.queryFields((t) => ({
  claims: t.prismaConnection({
    type: "Claim",
    cursor: "id",
    totalCount: () => db().claim.count(),
    description: "All claims, by document and position in the text",
    resolve: (query) =>
      db().claim.findMany({
        ...query,
        orderBy: [{ documentId: "asc" }, { spanStart: "asc" }, { id: "asc" }],
      }),
  }),
}));

const claimsAboutActor = prismaConnectionHelpers(builder, "ClaimSubject", {
  cursor: "claimId_actorId",
  select: (nodeSelection) => ({ claim: nodeSelection({ select: { id: true } }) }),
  resolveNode: (subject) => subject.claim,
});

builder.prismaObjectField("Actor", "claimsAbout", (t) =>
  t.connection(
    {
      type: Claim,
      description: "Claims about this actor (it is one of their subjects)",
      select: (args, ctx, nestedSelection) => ({
        subjectOf: claimsAboutActor.getQuery(args, ctx, nestedSelection),
        _count: { select: { subjectOf: true } },
      }),
      resolve: (actor, args, ctx) => ({
        ...claimsAboutActor.resolve(actor.subjectOf, args, ctx),
        totalCount: actor._count.subjectOf,
      }),
    },
    { fields: (c) => ({ totalCount: c.int({ resolve: (conn) => conn.totalCount }) }) },
  ),
);
