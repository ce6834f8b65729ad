// Runs the pipeline on a stored document and writes the result through importAnnotation, the
// path hand annotations take, marked EXTRACTED with each item's confidence. Everything happens
// in the caller's transaction: an error leaves nothing half-written.

import type { Annotation } from "../domain/annotation-format.ts";
import {
  type ImportMode,
  type ImportSummary,
  importAnnotation,
} from "../domain/annotation-import.ts";
import {
  contentHash,
  type DocumentInput,
  ingestDocument,
  lockDocument,
} from "../domain/documents.ts";
import {
  ConflictError,
  DomainValidationError,
  isUniqueViolation,
  NotFoundError,
} from "../domain/errors.ts";
import { nameKey } from "../domain/names.ts";
import type { Document, Prisma, PrismaClient } from "../generated/prisma/client.ts";
import { ExtractInputError, extractAnnotation, type KnownActor } from "./index.ts";

type Db = Prisma.TransactionClient;

const TRANSACTION = { timeout: 60_000, maxWait: 30_000 };

export interface ExtractionOutcome {
  /** False when the text was not analysed (another language): the document is stored as is. */
  extracted: boolean;
  language: string;
  warnings: string[];
  summary: ImportSummary | null;
}

/** Extracts the document's annotation and stores it (REPLACE drops what extraction stored before). */
export async function extractIntoDocument(
  db: Db,
  document: Document,
  mode: ImportMode,
): Promise<ExtractionOutcome> {
  const publishedAt = document.publishedAt;
  let result: ReturnType<typeof extractAnnotation>;
  try {
    result = extractAnnotation(document.body, { publishedAt });
    if (result.annotation.actors.length > 0) {
      // Second pass with the stored actors the text names, so "Peskov" resolves to the stored
      // "Dmitry Peskov" rather than becoming an actor of its own.
      const knownActors = await storedActors(db, result.annotation);
      if (knownActors.length > 0)
        result = extractAnnotation(document.body, { publishedAt, knownActors });
    }
  } catch (error) {
    if (error instanceof ExtractInputError)
      throw new DomainValidationError([{ path: [error.field], message: error.message }]);
    throw error;
  }
  const { annotation, warnings, language } = result;
  // Another language: the document stays as it is, and the warning says why.
  if (language !== "eng" && language !== "und")
    return { extracted: false, language, warnings, summary: null };

  await keepAliasesUnambiguous(db, annotation);
  scopeEventSlugs(annotation, document.id);
  const before = await db.documentEvent.findMany({
    where: { documentId: document.id },
    select: { eventId: true },
  });
  const summary = await importAnnotation(db, document, annotation, mode, "EXTRACTED");
  if (mode === "REPLACE") {
    // Extracted events of an earlier run that this run no longer mentions leave the document,
    // and go altogether when nothing else refers to them.
    await db.documentEvent.deleteMany({
      where: { documentId: document.id, event: { origin: "EXTRACTED" }, mentions: { none: {} } },
    });
    await db.event.deleteMany({
      where: {
        id: { in: before.map((e) => e.eventId) },
        origin: "EXTRACTED",
        documents: { none: {} },
        claims: { none: {} },
      },
    });
  }
  return { extracted: true, language, warnings, summary };
}

/** Every actor name and alias of the annotation, as lookup keys. */
function nameKeysOf(annotation: Annotation): string[] {
  return [...new Set(annotation.actors.flatMap((a) => [a.name, ...a.aliases].map(nameKey)))];
}

/** Stored actors whose name or alias is one of the annotation's names. */
async function storedActors(db: Db, annotation: Annotation): Promise<KnownActor[]> {
  const keys = nameKeysOf(annotation);
  const rows = await db.actor.findMany({
    where: { OR: [{ nameKey: { in: keys } }, { aliases: { some: { aliasKey: { in: keys } } } }] },
    select: { name: true, kind: true, aliases: { select: { alias: true } } },
  });
  return rows.map((r) => ({ name: r.name, kind: r.kind, aliases: r.aliases.map((a) => a.alias) }));
}

/**
 * importAnnotation refuses an actor whose names belong to two stored actors (that is a merge a
 * person must ask for). An extracted actor keeps only the names of one stored actor: the one
 * its canonical name (else its first stored alias) belongs to.
 */
async function keepAliasesUnambiguous(db: Db, annotation: Annotation): Promise<void> {
  const keys = nameKeysOf(annotation);
  const [byName, byAlias] = await Promise.all([
    db.actor.findMany({ where: { nameKey: { in: keys } }, select: { id: true, nameKey: true } }),
    db.actorAlias.findMany({
      where: { aliasKey: { in: keys } },
      select: { actorId: true, aliasKey: true },
    }),
  ]);
  const owner = new Map<string, number>([
    ...byName.map((a) => [a.nameKey, a.id] as const),
    ...byAlias.map((a) => [a.aliasKey, a.actorId] as const),
  ]);
  for (const actor of annotation.actors) {
    const chosen =
      owner.get(nameKey(actor.name)) ??
      actor.aliases.map((a) => owner.get(nameKey(a))).find((id) => id !== undefined);
    if (chosen === undefined) continue;
    actor.aliases = actor.aliases.filter((alias) => {
      const id = owner.get(nameKey(alias));
      return id === undefined || id === chosen;
    });
  }
}

/** Extracted event slugs are the document's own: another document's event is never overwritten. */
function scopeEventSlugs(annotation: Annotation, documentId: number): void {
  const renamed = new Map<string, string>();
  for (const event of annotation.events) {
    const slug = `d${documentId}-${event.slug}`.slice(0, 120).replace(/-+$/u, "");
    renamed.set(event.slug, slug);
    event.slug = slug;
  }
  for (const event of annotation.events)
    event.related = event.related.map((r) => ({ ...r, event: renamed.get(r.event) ?? r.event }));
  for (const claim of annotation.claims)
    if (claim.event !== null) claim.event = renamed.get(claim.event) ?? claim.event;
}

const ATTEMPTS = 3;

/**
 * createDocument with extraction in the same transaction. A unique violation has two causes:
 * a concurrent twin stored the same body (its document is the answer, as in createDocument), or
 * a concurrent write took an actor name or alias this extraction was adding (the whole
 * transaction is tried again, then reported as a conflict — never stored without extraction).
 */
export async function createDocumentWithExtraction(
  prisma: PrismaClient,
  input: DocumentInput,
): Promise<{ document: Document; created: boolean; extraction: ExtractionOutcome }> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await prisma.$transaction(async (tx) => {
        const { document, created } = await ingestDocument(tx, input);
        if (!created) return { document, created, extraction: storedBefore(document) };
        const extraction = await extractIntoDocument(tx, document, "REPLACE");
        return { document, created, extraction };
      }, TRANSACTION);
    } catch (error) {
      if (!(error instanceof ConflictError || isUniqueViolation(error))) throw error;
      const twin = await prisma.document.findUnique({
        where: { contentHash: contentHash(input.body) },
      });
      if (twin) return { document: twin, created: false, extraction: storedBefore(twin) };
      if (error instanceof ConflictError || attempt === ATTEMPTS) throw asConflict(error);
    }
  }
}

function asConflict(error: unknown): unknown {
  if (!isUniqueViolation(error)) return error;
  return new ConflictError(
    "a concurrent write took a name or alias this extraction was adding; try again",
  );
}

function storedBefore(document: Document): ExtractionOutcome {
  return {
    extracted: false,
    language: document.language,
    warnings: [
      "this body was stored before; nothing was extracted (extractDocument runs it again)",
    ],
    summary: null,
  };
}

/** extractDocument: run the pipeline again on a stored document. */
export async function extractDocument(
  prisma: PrismaClient,
  id: number,
  mode: ImportMode,
): Promise<{ document: Document; extraction: ExtractionOutcome }> {
  return prisma
    .$transaction(async (tx) => {
      const document = await lockDocument(tx, id);
      if (!document) throw new NotFoundError("Document", String(id));
      const extraction = await extractIntoDocument(tx, document, mode);
      // The seeder's "unchanged" shortcut no longer describes this document.
      const updated = extraction.summary
        ? await tx.document.update({ where: { id }, data: { annotationHash: null } })
        : document;
      return { document: updated, extraction };
    }, TRANSACTION)
    .catch((error: unknown) => {
      throw asConflict(error);
    });
}
