import { prismaConnectionHelpers } from "@pothos/plugin-prisma";
import { relationLoadStrategy } from "../db/relation-load-strategy.ts";
import { nameKey } from "../domain/names.ts";
import { builder } from "./builder.ts";
import { db } from "./db.ts";
import { ActorKind } from "./enums.ts";
import {
  ActorFilter,
  ActorOrder,
  actorFilter,
  ClaimFilter,
  ClaimOrder,
  claimFilter,
  MentionFilter,
  MentionOrder,
  mentionFilter,
} from "./filters/index.ts";
import { linkConnection } from "./link-connection.ts";

export const Actor = builder.prismaNode("Actor", {
  id: { field: "id" },
  nullable: true,
  select: { id: true },
  description: "A person, organization, government, country, media outlet or group.",
  fields: (t) => ({
    name: t.exposeString("name", { description: "Canonical name, unique case-insensitively" }),
    kind: t.expose("kind", { type: ActorKind }),
    description: t.exposeString("description", { nullable: true }),
    aliases: t.field({
      type: ["String"],
      description: 'Other names that resolve to this actor ("Moscow" for Russia)',
      select: { aliases: { select: { alias: true }, orderBy: { alias: "asc" } } },
      resolve: (actor) => actor.aliases.map((a) => a.alias),
    }),
    claims: t.relatedConnection("claims", {
      cursor: "id",
      totalCount: true,
      description: "Claims this actor made, by date",
      args: {
        filter: t.arg({ type: ClaimFilter }),
        orderBy: t.arg({ type: [ClaimOrder.input] }),
      },
      query: async (args) => ({
        where: await claimFilter(args.filter),
        orderBy: [
          ...ClaimOrder.toPrisma(args.orderBy, [{ statedStart: { sort: "asc", nulls: "last" } }]),
          { id: "asc" },
        ],
      }),
    }),
    mentions: t.relatedConnection("mentions", {
      cursor: "id",
      totalCount: true,
      description: "Every place this actor is mentioned",
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

builder.queryFields((t) => ({
  actors: t.prismaConnection({
    type: "Actor",
    cursor: "id",
    description: "All actors, by name unless orderBy says otherwise",
    args: {
      filter: t.arg({ type: ActorFilter }),
      orderBy: t.arg({ type: [ActorOrder.input] }),
    },
    totalCount: async (_parent, args) =>
      db().actor.count({ where: await actorFilter(args.filter) }),
    resolve: async (query, _parent, args) =>
      db().actor.findMany({
        ...query,
        relationLoadStrategy: relationLoadStrategy(),
        where: await actorFilter(args.filter),
        orderBy: [...ActorOrder.toPrisma(args.orderBy, [{ nameKey: "asc" }]), { id: "asc" }],
      }),
  }),
  actor: t.prismaField({
    type: "Actor",
    nullable: true,
    description:
      'The actor with this canonical name or alias, case-insensitively ("Kyiv" → Ukraine)',
    args: { name: t.arg.string({ required: true }) },
    resolve: (query, _root, args) => {
      const key = nameKey(args.name);
      return db().actor.findFirst({
        ...query,
        relationLoadStrategy: relationLoadStrategy(),
        where: { OR: [{ nameKey: key }, { aliases: { some: { aliasKey: key } } }] },
      });
    },
  }),
}));

const documentActors = prismaConnectionHelpers(builder, "DocumentActor", {
  cursor: "documentId_actorId",
  select: async (nodeSelection) => ({ actor: await nodeSelection({ select: { id: true } }) }),
  resolveNode: (appearance) => appearance.actor,
});

builder.prismaObjectField("Document", "actors", (t) =>
  t.connection(
    {
      type: Actor,
      description: "The distinct actors mentioned in this document, by name",
      args: {
        filter: t.arg({ type: ActorFilter }),
        orderBy: t.arg({ type: [ActorOrder.input] }),
      },
      ...linkConnection({
        relation: "actors",
        node: "actor",
        tieBreak: { actorId: "asc" },
        helper: documentActors,
        filter: actorFilter,
        order: ActorOrder,
        defaultOrder: [{ nameKey: "asc" }],
      }),
    },
    { fields: (c) => ({ totalCount: c.int({ resolve: (conn) => conn.totalCount }) }) },
  ),
);

builder.prismaObjectField("Claim", "subjects", (t) =>
  t.field({
    type: [Actor],
    description: "The actors the claim is about",
    select: async (_args, _ctx, nestedSelection) => ({
      subjects: { select: { actor: await nestedSelection(true) }, orderBy: { actorId: "asc" } },
    }),
    resolve: (claim) => claim.subjects.map((s) => s.actor),
  }),
);
