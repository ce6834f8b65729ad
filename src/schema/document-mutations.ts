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
import {
  createDocumentWithExtraction,
  type ExtractionOutcome,
  extractDocument,
} from "../extract/store.ts";
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
    extract: t.boolean({
      defaultValue: false,
      description:
        "Run the extraction pipeline and store its actors, claims and events (origin EXTRACTED)",
    }),
  }),
});

type Stored = { document: Prisma.DocumentGetPayload<object> };

// Declared here, implemented below ImportSummary, which it contains.
const ExtractionResult = builder.objectRef<ExtractionOutcome>("ExtractionResult");

const CreateDocumentPayload = builder
  .objectRef<Stored & { created: boolean; extraction: ExtractionOutcome | null }>(
    "CreateDocumentPayload",
  )
  .implement({
    fields: (t) => ({
      created: t.exposeBoolean("created", {
        description: "false: the same body was stored before, and this is that document",
      }),
      document: t.field({ type: Document, resolve: (payload) => payload.document }),
      extraction: t.field({
        type: ExtractionResult,
        nullable: true,
        description: "What extraction did, when extract: true was asked for",
        resolve: (payload) => payload.extraction,
      }),
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

ExtractionResult.implement({
  description: "What the extraction pipeline found and stored",
  fields: (t) => ({
    extracted: t.exposeBoolean("extracted", {
      description: "false: the text was not analysed (another language); the document is stored",
    }),
    language: t.exposeString("language", {
      description: "ISO 639-3 code detected (eng), or und when the text is too short to tell",
    }),
    warnings: t.exposeStringList("warnings"),
    summary: t.field({
      type: ImportSummary,
      nullable: true,
      description: "What was written, when anything was",
      resolve: (result) => result.summary,
    }),
  }),
});

const ExtractDocumentInput = builder.inputType("ExtractDocumentInput", {
  fields: (t) => ({
    id: t.globalID({ required: true, for: Document }),
    mode: t.field({
      type: ImportMode,
      defaultValue: "REPLACE",
      required: true,
      description:
        "REPLACE drops what extraction stored before (hand annotation stays); MERGE adds to it",
    }),
  }),
});

const ExtractDocumentPayload = builder
  .objectRef<Stored & { extraction: ExtractionOutcome }>("ExtractDocumentPayload")
  .implement({
    fields: (t) => ({
      document: t.field({ type: Document, resolve: (payload) => payload.document }),
      extraction: t.field({ type: ExtractionResult, resolve: (payload) => payload.extraction }),
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
    resolve: async (_root, { input: { extract, ...input } }) => {
      if (!extract) {
        const result = await createDocument(db(), input);
        if (result.created) publishDocumentChanged(result.document.id);
        return { ...result, extraction: null };
      }
      const result = await createDocumentWithExtraction(db(), input);
      if (result.created) publishDocumentChanged(result.document.id);
      if (result.extraction.summary) publishAnnotationsChanged(result.document.id);
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
  extractDocument: t.field({
    type: ExtractDocumentPayload,
    authScopes: { write: true },
    errors: { types: MUTATION_ERRORS },
    description:
      "Runs the extraction pipeline on a stored document and stores what it finds " +
      "(origin EXTRACTED, with confidences) in one transaction",
    args: { input: t.arg({ type: ExtractDocumentInput, required: true }) },
    resolve: async (_root, { input }) => {
      const result = await extractDocument(db(), Number(input.id.id), input.mode);
      if (result.extraction.summary) publishAnnotationsChanged(result.document.id);
      return result;
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
