import { prismaConnectionHelpers } from "@pothos/plugin-prisma";
import { relationLoadStrategy } from "../db/relation-load-strategy.ts";
import { builder } from "./builder.ts";
import { db } from "./db.ts";
import { ClaimKind, Origin } from "./enums.ts";
import { ClaimFilter, ClaimOrder, claimFilter } from "./filters/index.ts";
import { FuzzyDate } from "./fuzzy-date.ts";
import { linkConnection } from "./link-connection.ts";
import { Span } from "./span.ts";

export const Claim = builder.prismaNode("Claim", {
  id: { field: "id" },
  nullable: true,
  select: { id: true },
  description: "A statement made in a document, grounded in the span that makes it.",
  fields: (t) => ({
    text: t.exposeString("text", { description: "What is claimed, in plain words" }),
    quote: t.exposeString("quote", {
      nullable: true,
      description: "The verbatim words when quoted",
    }),
    kind: t.expose("kind", { type: ClaimKind }),
    origin: t.expose("origin", { type: Origin }),
    confidence: t.exposeFloat("confidence", {
      nullable: true,
      description: "How sure extraction was, 0–1; null for manual annotation",
    }),
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
    description: "All claims, by document and position unless orderBy says otherwise",
    args: {
      filter: t.arg({ type: ClaimFilter }),
      orderBy: t.arg({ type: [ClaimOrder.input] }),
    },
    totalCount: async (_parent, args) =>
      db().claim.count({ where: await claimFilter(args.filter) }),
    resolve: async (query, _parent, args) =>
      db().claim.findMany({
        ...query,
        relationLoadStrategy: relationLoadStrategy(),
        where: await claimFilter(args.filter),
        orderBy: [
          ...ClaimOrder.toPrisma(args.orderBy, [{ documentId: "asc" }, { spanStart: "asc" }]),
          { id: "asc" },
        ],
      }),
  }),
}));

const claimsAboutActor = prismaConnectionHelpers(builder, "ClaimSubject", {
  cursor: "claimId_actorId",
  select: async (nodeSelection) => ({ claim: await nodeSelection({ select: { id: true } }) }),
  resolveNode: (subject) => subject.claim,
});

builder.prismaObjectField("Actor", "claimsAbout", (t) =>
  t.connection(
    {
      type: Claim,
      description: "Claims about this actor (it is one of their subjects)",
      args: {
        filter: t.arg({ type: ClaimFilter }),
        orderBy: t.arg({ type: [ClaimOrder.input] }),
      },
      ...linkConnection({
        relation: "subjectOf",
        node: "claim",
        tieBreak: { claimId: "asc" },
        helper: claimsAboutActor,
        filter: claimFilter,
        order: ClaimOrder,
        defaultOrder: [{ documentId: "asc" }, { spanStart: "asc" }],
      }),
    },
    { fields: (c) => ({ totalCount: c.int({ resolve: (conn) => conn.totalCount }) }) },
  ),
);
