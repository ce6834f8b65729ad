// Document mutations: Relay style, one `input:` argument, a payload with the changed nodes, and
// the expected failures (ValidationError, NotFoundError, ConflictError) as union members.

import { encodeGlobalID } from "@pothos/plugin-relay";
import type { ImportSummary as ImportSummaryValue } from "../domain/annotation-import.ts";
import {
  createDocument,
  deleteDocument,
  importDocumentAnnotations,
  updateDocument,
} from "../domain/document-writes.ts";
import type { Prisma } from "../generated/prisma/client.ts";
import { publishAnnotationsChanged, publishDocumentChanged } from "../pubsub.ts";
import { builder } from "./builder.ts";
import { db } from "./db.ts";
import { Document } from "./document.ts";
import { MUTATION_ERRORS } from "./errors.ts";

const CreateDocumentInput = builder.inputType("CreateDocumentInput", {
  fields: (t) => ({
    title: t.string({ required: true }),
    body: t.string({ required: true, description: "The exact text; at most 2 MB" }),
    source: t.string(),
    url: t.string(),
    publishedAt: t.field({ type: "DateTime" }),
    language: t.string({ description: "BCP 47 tag; default en" }),
    slug: t.string({ description: "Default: made from the title" }),
  }),
});

type Stored = { document: Prisma.DocumentGetPayload<object> };

const CreateDocumentPayload = builder
  .objectRef<Stored & { created: boolean }>("CreateDocumentPayload")
  .implement({
    fields: (t) => ({
      created: t.exposeBoolean("created", {
        description: "false: the same body was stored before, and this is that document",
      }),
      document: t.field({ type: Document, resolve: (payload) => payload.document }),
    }),
  });

const UpdateDocumentPayload = builder.objectRef<Stored>("UpdateDocumentPayload").implement({
  fields: (t) => ({
    document: t.field({ type: Document, resolve: (payload) => payload.document }),
  }),
});

const DeleteDocumentPayload = builder
  .objectRef<{ deletedId: string; removedActors: number; removedEvents: number }>(
    "DeleteDocumentPayload",
  )
  .implement({
    fields: (t) => ({
      deletedId: t.exposeID("deletedId", { description: "The global id the document had" }),
      removedActors: t.exposeInt("removedActors", {
        description: "Actors deleted with it because nothing else referred to them",
      }),
      removedEvents: t.exposeInt("removedEvents", {
        description: "Events deleted with it because nothing else referred to them",
      }),
    }),
  });

const UpdateDocumentInput = builder.inputType("UpdateDocumentInput", {
  fields: (t) => ({
    id: t.globalID({ required: true, for: Document }),
    title: t.string(),
    body: t.string({ description: "Only while no annotation points into the document" }),
    source: t.string(),
    url: t.string(),
    publishedAt: t.field({ type: "DateTime" }),
    language: t.string(),
    slug: t.string(),
  }),
});

const DeleteDocumentInput = builder.inputType("DeleteDocumentInput", {
  fields: (t) => ({ id: t.globalID({ required: true, for: Document }) }),
});

export const ImportMode = builder.enumType("ImportMode", {
  values: {
    MERGE: { description: "Add to the document's mentions and claims" },
    REPLACE: { description: "Drop the document's mentions and claims first" },
  } as const,
});

const ImportAnnotationsInput = builder.inputType("ImportAnnotationsInput", {
  fields: (t) => ({
    documentId: t.globalID({ required: true, for: Document }),
    annotations: t.field({
      type: "JSON",
      required: true,
      description: "The content of a seeds/*.json file (its document block is ignored)",
    }),
    mode: t.field({ type: ImportMode, defaultValue: "MERGE", required: true }),
  }),
});

const ImportSummary = builder.objectRef<ImportSummaryValue>("ImportSummary").implement({
  description: "What the import wrote",
  fields: (t) => ({
    actors: t.exposeInt("actors", { description: "Actors declared (created or matched)" }),
    events: t.exposeInt("events", { description: "Events declared (created or updated)" }),
    actorMentions: t.exposeInt("actorMentions", { description: "Actor mentions added" }),
    eventMentions: t.exposeInt("eventMentions", { description: "Event mentions added" }),
    claims: t.exposeInt("claims", { description: "Claims added" }),
  }),
});

const ImportAnnotationsPayload = builder
  .objectRef<Stored & { summary: ImportSummaryValue }>("ImportAnnotationsPayload")
  .implement({
    fields: (t) => ({
      document: t.field({ type: Document, resolve: (payload) => payload.document }),
      summary: t.field({ type: ImportSummary, resolve: (payload) => payload.summary }),
    }),
  });

builder.mutationFields((t) => ({
  createDocument: t.field({
    type: CreateDocumentPayload,
    authScopes: { write: true },
    errors: { types: MUTATION_ERRORS },
    description: "Stores an article once per body: the same text again returns the stored one",
    args: { input: t.arg({ type: CreateDocumentInput, required: true }) },
    resolve: async (_root, { input }) => {
      const result = await createDocument(db(), input);
      if (result.created) publishDocumentChanged(result.document.id);
      return result;
    },
  }),
  updateDocument: t.field({
    type: UpdateDocumentPayload,
    authScopes: { write: true },
    errors: { types: MUTATION_ERRORS },
    args: { input: t.arg({ type: UpdateDocumentInput, required: true }) },
    resolve: async (_root, { input: { id, ...patch } }) => {
      const document = await updateDocument(db(), Number(id.id), patch);
      publishDocumentChanged(document.id);
      return { document };
    },
  }),
  deleteDocument: t.field({
    type: DeleteDocumentPayload,
    authScopes: { admin: true },
    errors: { types: MUTATION_ERRORS },
    description:
      "Deletes a document, its mentions and claims, and the actors and events only it used",
    args: { input: t.arg({ type: DeleteDocumentInput, required: true }) },
    resolve: async (_root, { input }) => {
      const deleted = await deleteDocument(db(), Number(input.id.id));
      publishDocumentChanged(deleted.document.id, true);
      return {
        deletedId: encodeGlobalID("Document", deleted.document.id),
        removedActors: deleted.removedActorIds.length,
        removedEvents: deleted.removedEventIds.length,
      };
    },
  }),
  importAnnotations: t.field({
    type: ImportAnnotationsPayload,
    authScopes: { write: true },
    errors: { types: MUTATION_ERRORS },
    description: "Applies an annotation (the content of a seeds/*.json file) in one transaction",
    args: { input: t.arg({ type: ImportAnnotationsInput, required: true }) },
    resolve: async (_root, { input }) => {
      const { document, summary } = await importDocumentAnnotations(
        db(),
        Number(input.documentId.id),
        input.annotations,
        input.mode,
      );
      publishAnnotationsChanged(document.id);
      return { document, summary };
    },
  }),
}));
