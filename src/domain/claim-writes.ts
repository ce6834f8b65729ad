// Creating, changing, deleting claims and linking them to events: the write paths behind the
// claim mutations. Each validates before its first write (the span against the body, the quote
// inside the span, the date against its precision, every reference) and runs in one transaction.
import { z } from "zod";
import type { Claim, Prisma, PrismaClient } from "../generated/prisma/client.ts";
import { requireActors, TRANSACTION } from "./actor-writes.ts";
import { claimSchema, fuzzyDateSchema, spanSchema } from "./annotation-format.ts";
import { parseOrThrow } from "./document-writes.ts";
import { ConflictError, IssueCollector, NotFoundError } from "./errors.ts";
import { requireEvent } from "./event-writes.ts";
import { fuzzyDateColumns, fuzzyDateProblems } from "./fuzzy-dates.ts";
import { type Span, spanProblem } from "./spans.ts";

type Db = Prisma.TransactionClient;

const id = z.int().positive();
const quote = z.string().min(1, "must not be empty; use null for no quote").nullable();
const orNull = <T extends z.ZodType>(schema: T) =>
  schema.nullish().transform((value) => value ?? null);

const createClaimSchema = z.object({
  documentId: id,
  span: spanSchema,
  text: claimSchema.shape.text,
  quote: orNull(quote),
  kind: claimSchema.shape.kind,
  claimantId: orNull(id),
  subjectIds: z
    .array(id)
    .nullish()
    .transform((ids) => ids ?? []),
  statedAt: orNull(fuzzyDateSchema),
  eventId: orNull(id),
});

// Absent means unchanged; null clears where the field is optional (quote, claimant, statedAt,
// event). The document is fixed: a claim is grounded in its text.
const claimPatchSchema = z.object({
  span: spanSchema.optional(),
  text: claimSchema.shape.text.optional(),
  quote: quote.optional(),
  kind: claimSchema.shape.kind.optional(),
  claimantId: id.nullable().optional(),
  subjectIds: z.array(id).optional(),
  statedAt: fuzzyDateSchema.nullable().optional(),
  eventId: id.nullable().optional(),
});

/** Creates a claim in a document, with its subjects. */
export async function createClaim(prisma: PrismaClient, input: unknown): Promise<Claim> {
  const parsed = parseOrThrow(createClaimSchema, input);
  return prisma.$transaction(async (tx) => {
    const document = await requireDocument(tx, parsed.documentId);
    checkContent(document.body, parsed);
    await checkReferences(tx, parsed);
    await refuseDuplicate(tx, parsed.documentId, parsed);
    return tx.claim.create({
      data: {
        documentId: parsed.documentId,
        text: parsed.text,
        quote: parsed.quote,
        kind: parsed.kind,
        claimantId: parsed.claimantId,
        eventId: parsed.eventId,
        ...spanColumns(parsed.span),
        ...(parsed.statedAt && fuzzyDateColumns("stated", parsed.statedAt)),
        subjects: {
          createMany: { data: [...new Set(parsed.subjectIds)].map((actorId) => ({ actorId })) },
        },
      },
    });
  }, TRANSACTION);
}

/**
 * Changes the fields given. The merged claim is checked as a whole: a new quote must lie in the
 * (new or stored) span; `subjectIds` replaces the subjects.
 */
export async function updateClaim(
  prisma: PrismaClient,
  claimId: number,
  patch: unknown,
): Promise<Claim> {
  const parsed = parseOrThrow(claimPatchSchema, patch);
  return prisma.$transaction(async (tx) => {
    const claim = await tx.claim.findUnique({
      where: { id: claimId },
      include: { document: { select: { body: true } } },
    });
    if (!claim) throw new NotFoundError("Claim", String(claimId));
    const merged = {
      span: parsed.span ?? { start: claim.spanStart, end: claim.spanEnd, text: claim.spanText },
      text: parsed.text ?? claim.text,
      quote: parsed.quote !== undefined ? parsed.quote : claim.quote,
      statedAt: parsed.statedAt ?? null,
      claimantId: parsed.claimantId ?? null,
      subjectIds: parsed.subjectIds ?? [],
      eventId: parsed.eventId ?? null,
    };
    checkContent(claim.document.body, merged);
    await checkReferences(tx, merged);
    if (parsed.span !== undefined || parsed.text !== undefined) {
      await refuseDuplicate(tx, claim.documentId, merged, claimId);
    }
    if (parsed.subjectIds !== undefined) {
      await tx.claimSubject.deleteMany({ where: { claimId } });
      await tx.claimSubject.createMany({
        data: [...new Set(parsed.subjectIds)].map((actorId) => ({ claimId, actorId })),
      });
    }
    return tx.claim.update({
      where: { id: claimId },
      data: {
        ...(parsed.span !== undefined && spanColumns(parsed.span)),
        ...(parsed.text !== undefined && { text: parsed.text }),
        ...(parsed.quote !== undefined && { quote: parsed.quote }),
        ...(parsed.kind !== undefined && { kind: parsed.kind }),
        ...(parsed.claimantId !== undefined && { claimantId: parsed.claimantId }),
        ...(parsed.eventId !== undefined && { eventId: parsed.eventId }),
        ...(parsed.statedAt !== undefined &&
          (parsed.statedAt === null
            ? {
                statedStart: null,
                statedEnd: null,
                statedPrecision: null,
                statedText: null,
                statedYearInferred: false,
              }
            : fuzzyDateColumns("stated", parsed.statedAt))),
        // Subjects are rows of their own: the claim changed all the same.
        updatedAt: new Date(),
      },
    });
  }, TRANSACTION);
}

/** Deletes a claim (its subject rows go with it). */
export async function deleteClaim(prisma: PrismaClient, claimId: number): Promise<Claim> {
  return prisma.$transaction(async (tx) => {
    const claim = await tx.claim.findUnique({ where: { id: claimId } });
    if (!claim) throw new NotFoundError("Claim", String(claimId));
    await tx.claim.delete({ where: { id: claimId } });
    return claim;
  }, TRANSACTION);
}

/** Sets the event a claim concerns; null unlinks it. */
export async function linkClaimToEvent(
  prisma: PrismaClient,
  claimId: number,
  eventId: number | null,
): Promise<Claim> {
  return prisma.$transaction(async (tx) => {
    const claim = await tx.claim.findUnique({ where: { id: claimId } });
    if (!claim) throw new NotFoundError("Claim", String(claimId));
    if (eventId !== null) await requireEvent(tx, eventId);
    return tx.claim.update({ where: { id: claimId }, data: { eventId } });
  }, TRANSACTION);
}

export async function requireDocument(db: Db, id: number): Promise<{ id: number; body: string }> {
  const document = await db.document.findUnique({
    where: { id },
    select: { id: true, body: true },
  });
  if (!document) throw new NotFoundError("Document", String(id));
  return document;
}

/** The span against the body, the quote inside the span, the date against its precision. */
function checkContent(
  body: string,
  claim: { span: Span; quote: string | null; statedAt: z.output<typeof fuzzyDateSchema> | null },
): void {
  const issues = new IssueCollector();
  const problem = spanProblem(body, claim.span);
  if (problem) issues.add(["span"], problem);
  if (claim.quote !== null && !claim.span.text.includes(claim.quote)) {
    issues.add(["quote"], "the quote must appear verbatim inside the span text");
  }
  if (claim.statedAt) {
    for (const dateProblem of fuzzyDateProblems(claim.statedAt)) {
      issues.add(["statedAt"], dateProblem);
    }
  }
  issues.throwIfAny();
}

async function checkReferences(
  db: Db,
  claim: { claimantId: number | null; subjectIds: number[]; eventId: number | null },
): Promise<void> {
  await requireActors(db, [
    ...(claim.claimantId === null ? [] : [claim.claimantId]),
    ...claim.subjectIds,
  ]);
  if (claim.eventId !== null) await requireEvent(db, claim.eventId);
}

/** A claim is identified in its document by its text and span, as the annotation import does. */
async function refuseDuplicate(
  db: Db,
  documentId: number,
  claim: { span: Span; text: string },
  exceptId?: number,
): Promise<void> {
  const twin = await db.claim.findFirst({
    where: {
      documentId,
      spanStart: claim.span.start,
      spanEnd: claim.span.end,
      text: claim.text,
      ...(exceptId !== undefined && { id: { not: exceptId } }),
    },
    select: { id: true },
  });
  if (twin) throw new ConflictError("the document already has a claim with this text and span");
}

function spanColumns(span: Span) {
  return { spanStart: span.start, spanEnd: span.end, spanText: span.text };
}
