// Subscriptions, served over Server-Sent Events (POST or GET /graphql with
// `accept: text/event-stream`). The mutations publish after they commit (src/pubsub.ts); each
// event is answered with one Prisma query shaped by the subscriber's selection.
import { queryFromInfo } from "@pothos/plugin-prisma";
import { encodeGlobalID } from "@pothos/plugin-relay";
import { GraphQLError } from "graphql";
import type { Prisma } from "../generated/prisma/client.ts";
import { currentPubSub } from "../pubsub.ts";
import { builder } from "./builder.ts";
import { db } from "./db.ts";
import { Document } from "./document.ts";

// Subscribing needs what reading needs (scope-auth checks it when the subscription starts).
builder.subscriptionType({ authScopes: { read: true } });

interface Change {
  documentId: number;
  deleted: boolean;
}

const DocumentChange = builder.objectRef<Change>("DocumentChange").implement({
  description: "A document was created, updated or deleted",
  fields: (t) => ({
    documentId: t.id({
      description: "The document's global id; still given when it was deleted",
      resolve: (change) => encodeGlobalID("Document", change.documentId),
    }),
    deleted: t.exposeBoolean("deleted"),
    document: t.field({
      type: Document,
      nullable: true,
      description: "The document as it is now; null when it was deleted",
      resolve: async (change, _args, context, info) => {
        if (change.deleted) return null;
        const query = await queryFromInfo({
          context,
          info,
          typeName: "Document",
          select: { id: true },
          awaitSelections: true,
        });
        return db().document.findUnique({
          ...(query as { select: Prisma.DocumentSelect }),
          where: { id: change.documentId },
        });
      },
    }),
  }),
});

builder.subscriptionFields((t) => ({
  documentChanged: t.field({
    type: DocumentChange,
    description: "Every document created, updated or deleted from now on",
    subscribe: () => currentPubSub().subscribe("documentChanged"),
    resolve: (change) => change,
  }),
  annotationsChanged: t.prismaField({
    type: "Document",
    description:
      "The document, as it is then, each time a write changes its annotations " +
      "(importAnnotations and the actor, event, claim and mention edits)",
    args: { documentId: t.arg.globalID({ required: true, for: Document }) },
    subscribe: async (_root, args) => {
      const id = Number(args.documentId.id);
      const exists = await db().document.findUnique({ where: { id }, select: { id: true } });
      if (exists === null) {
        const globalId = encodeGlobalID("Document", args.documentId.id);
        throw new GraphQLError(`annotationsChanged: no document has the id ${globalId}`, {
          extensions: { code: "NOT_FOUND" },
        });
      }
      return currentPubSub().subscribe("annotationsChanged", id);
    },
    resolve: (query, change) =>
      db().document.findUniqueOrThrow({ ...query, where: { id: change.documentId } }),
  }),
}));
