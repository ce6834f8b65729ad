// Creating, changing and deleting documents, and importing their annotations: the write paths
// behind the mutations. Each runs in one transaction and validates before its first write.

import { z } from "zod";
import type { Document, PrismaClient } from "../generated/prisma/client.ts";
import { annotationContentSchema } from "./annotation-format.ts";
import { type ImportMode, type ImportSummary, importAnnotation } from "./annotation-import.ts";
import {
  contentHash,
  type DocumentInput,
  documentInputSchema,
  ingestDocument,
  lockDocument,
} from "./documents.ts";
import {
  ConflictError,
  DomainValidationError,
  isUniqueViolation,
  NotFoundError,
} from "./errors.ts";

const TRANSACTION = { timeout: 60_000, maxWait: 30_000 };

/**
 * Stores a document once per body. Concurrent calls with the same body race on the unique
 * content hash; the losers find the winner's row and report created: false.
 */
export async function createDocument(
  prisma: PrismaClient,
  input: DocumentInput,
): Promise<{ document: Document; created: boolean }> {
  try {
    return await prisma.$transaction((tx) => ingestDocument(tx, input), TRANSACTION);
  } catch (error) {
    // A concurrent twin may have committed between our checks and our insert: the unique index
    // (or our slug check) then refuses, and the stored twin is the answer.
    if (!(isUniqueViolation(error) || error instanceof ConflictError)) throw error;
    const existing = await prisma.document.findUnique({
      where: { contentHash: contentHash(input.body) },
    });
    if (existing) return { document: existing, created: false };
    if (error instanceof ConflictError) throw error;
    throw new ConflictError("another document took this slug at the same moment; try again");
  }
}

const documentPatchSchema = documentInputSchema.partial().extend({
  title: documentInputSchema.shape.title.optional(),
  body: documentInputSchema.shape.body.optional(),
});
/** Changes the fields given; `patch` is checked here (a null title is an error, not a no-op). */
export async function updateDocument(
  prisma: PrismaClient,
  id: number,
  patch: unknown,
): Promise<Document> {
  const parsed = parseOrThrow(documentPatchSchema, patch);
  return prisma.$transaction(async (tx) => {
    const document = await tx.document.findUnique({
      where: { id },
      include: { _count: { select: { claims: true, actorMentions: true, eventMentions: true } } },
    });
    if (!document) throw new NotFoundError("Document", String(id));
    const changesBody = parsed.body !== undefined && parsed.body !== document.body;
    if (changesBody) {
      const spans =
        document._count.claims + document._count.actorMentions + document._count.eventMentions;
      if (spans > 0) {
        throw new ConflictError(
          `the body cannot change while ${spans} annotation span(s) point into it: ` +
            "delete the document and create it again, or import annotations for a new one",
        );
      }
      const twin = await tx.document.findUnique({
        where: { contentHash: contentHash(parsed.body as string) },
      });
      if (twin) throw new ConflictError(`document ${twin.slug} already has this body`);
    }
    if (parsed.slug && parsed.slug !== document.slug) {
      const taken = await tx.document.findUnique({ where: { slug: parsed.slug } });
      if (taken) throw new ConflictError(`slug ${JSON.stringify(parsed.slug)} is already used`);
    }
    return tx.document.update({
      where: { id },
      data: {
        ...(parsed.title !== undefined && { title: parsed.title }),
        ...(parsed.slug != null && { slug: parsed.slug }),
        ...(parsed.source !== undefined && { source: parsed.source }),
        ...(parsed.url !== undefined && { url: parsed.url }),
        ...(parsed.publishedAt !== undefined && { publishedAt: parsed.publishedAt }),
        ...(parsed.language != null && { language: parsed.language }),
        ...(changesBody && {
          body: parsed.body as string,
          contentHash: contentHash(parsed.body as string),
        }),
      },
    });
  }, TRANSACTION);
}

/**
 * Deletes a document with its mentions and claims. Actors and events it referred to stay when
 * anything else still refers to them; those only it knew are deleted too.
 */
export async function deleteDocument(
  prisma: PrismaClient,
  id: number,
): Promise<{ document: Document; removedActorIds: number[]; removedEventIds: number[] }> {
  return prisma.$transaction(async (tx) => {
    const document = await tx.document.findUnique({ where: { id } });
    if (!document) throw new NotFoundError("Document", String(id));
    const [appearances, eventAppearances, claims] = await Promise.all([
      tx.documentActor.findMany({ where: { documentId: id }, select: { actorId: true } }),
      tx.documentEvent.findMany({ where: { documentId: id }, select: { eventId: true } }),
      tx.claim.findMany({
        where: { documentId: id },
        select: { claimantId: true, eventId: true, subjects: { select: { actorId: true } } },
      }),
    ]);
    const eventIds = unique([
      ...eventAppearances.map((e) => e.eventId),
      ...claims.flatMap((c) => (c.eventId === null ? [] : [c.eventId])),
    ]);
    await tx.document.delete({ where: { id } });

    const orphanEvents = await tx.event.findMany({
      where: { id: { in: eventIds }, documents: { none: {} }, claims: { none: {} } },
      select: { id: true },
    });
    await tx.event.deleteMany({ where: { id: { in: orphanEvents.map((e) => e.id) } } });

    const actorIds = unique([
      ...appearances.map((a) => a.actorId),
      ...claims.flatMap((c) => [
        ...(c.claimantId === null ? [] : [c.claimantId]),
        ...c.subjects.map((s) => s.actorId),
      ]),
    ]);
    const orphanActors = await tx.actor.findMany({
      where: {
        id: { in: actorIds },
        documents: { none: {} },
        claims: { none: {} },
        subjectOf: { none: {} },
        participations: { none: {} },
      },
      select: { id: true },
    });
    await tx.actor.deleteMany({ where: { id: { in: orphanActors.map((a) => a.id) } } });
    return {
      document,
      removedActorIds: orphanActors.map((a) => a.id),
      removedEventIds: orphanEvents.map((e) => e.id),
    };
  }, TRANSACTION);
}

// The content of a seeds/*.json file: its `document` block (and `$schema`) describe the seed's
// own document and are ignored here, where the document is the one named by id.
const importedAnnotationSchema = annotationContentSchema.extend({
  $schema: z.string().optional(),
  document: z.unknown().optional(),
});

export async function importDocumentAnnotations(
  prisma: PrismaClient,
  documentId: number,
  annotations: unknown,
  mode: ImportMode,
): Promise<{ document: Document; summary: ImportSummary }> {
  const content = parseOrThrow(importedAnnotationSchema, annotations, ["annotations"]);
  return prisma.$transaction(async (tx) => {
    const document = await lockDocument(tx, documentId);
    if (!document) throw new NotFoundError("Document", String(documentId));
    const summary = await importAnnotation(tx, document, content, mode).catch((error: unknown) => {
      if (error instanceof DomainValidationError) {
        throw new DomainValidationError(
          error.issues.map((issue) => ({ ...issue, path: ["annotations", ...issue.path] })),
        );
      }
      throw error;
    });
    // The seeder's "unchanged" shortcut no longer describes this document.
    const updated = await tx.document.update({
      where: { id: documentId },
      data: { annotationHash: null },
    });
    return { document: updated, summary };
  }, TRANSACTION);
}

export function parseOrThrow<T extends z.ZodType>(
  schema: T,
  value: unknown,
  prefix: string[] = [],
): z.output<T> {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  throw new DomainValidationError(
    parsed.error.issues.map((issue) => ({
      path: [...prefix, ...issue.path.map(String)],
      message: issue.message,
    })),
  );
}

function unique<T>(values: T[]): T[] {
  return [...new Set(values)];
}
