// Writes an annotation into the database for one document. Used by `npm run seed` and by the
// importAnnotations mutation: one code path for content. Call it inside a transaction; it
// validates everything before its first write.
import type { Prisma } from "../generated/prisma/client.ts";
import type { EventRelationKind, Origin } from "../generated/prisma/enums.ts";
import { upsertActor } from "./actors.ts";
import { actorNameIndex, checkAnnotation, claimKey } from "./annotation-checks.ts";
import type { Annotation, EventAnnotation } from "./annotation-format.ts";
import { DomainValidationError } from "./errors.ts";
import { fuzzyDateColumns } from "./fuzzy-dates.ts";
import { nameKey } from "./names.ts";

type Db = Prisma.TransactionClient;

/** REPLACE drops the document's previous mentions and claims first; MERGE adds to them. */
export type ImportMode = "REPLACE" | "MERGE";

export interface ImportSummary {
  actors: number;
  events: number;
  actorMentions: number;
  eventMentions: number;
  claims: number;
}

const INVERSE: Record<EventRelationKind, EventRelationKind> = {
  RELATED: "RELATED",
  PART_OF: "HAS_PART",
  HAS_PART: "PART_OF",
  CAUSES: "CAUSED_BY",
  CAUSED_BY: "CAUSES",
  PRECEDES: "FOLLOWS",
  FOLLOWS: "PRECEDES",
};

/**
 * `origin` marks every mention, claim and new event written (EXTRACTED for the pipeline's
 * output); each item's optional `confidence` is stored with it, an actor's on its mentions.
 */
export async function importAnnotation(
  db: Db,
  document: { id: number; body: string },
  annotation: Annotation,
  mode: ImportMode,
  origin: Origin = "MANUAL",
): Promise<ImportSummary> {
  const issues = checkAnnotation(document.body, annotation);
  if (issues.length > 0) throw new DomainValidationError(issues);

  const actorIds = await upsertActors(db, annotation);
  const actorId = (name: string) => {
    const index = actorNameIndex(annotation).get(nameKey(name));
    return actorIds[index as number] as number;
  };
  const eventIds = await upsertEvents(db, annotation.events, actorId, origin);

  if (mode === "REPLACE" && origin === "EXTRACTED") {
    // Extracting again replaces only what extraction wrote: hand annotation stays. The link rows
    // stay too (manual claims may hang off them); createMany below skips the ones that exist.
    const extracted = { documentId: document.id, origin };
    await db.claim.deleteMany({ where: extracted });
    await db.actorMention.deleteMany({ where: extracted });
    await db.eventMention.deleteMany({ where: extracted });
  } else if (mode === "REPLACE") {
    await db.claim.deleteMany({ where: { documentId: document.id } });
    await db.documentActor.deleteMany({ where: { documentId: document.id } });
    await db.documentEvent.deleteMany({ where: { documentId: document.id } });
  }

  const actorMentions = annotation.actors.flatMap((actor, i) =>
    actor.mentions.map((span) => ({
      documentId: document.id,
      actorId: actorIds[i] as number,
      ...span,
      origin,
      confidence: actor.confidence ?? null,
    })),
  );
  const eventMentions = annotation.events.flatMap((event) =>
    event.mentions.map((span) => ({
      documentId: document.id,
      eventId: eventIds.get(event.slug) as number,
      ...span,
      origin,
      confidence: event.confidence ?? null,
    })),
  );
  await db.documentActor.createMany({
    data: unique(actorMentions.map((m) => m.actorId)).map((id) => ({
      documentId: document.id,
      actorId: id,
    })),
    skipDuplicates: true,
  });
  await db.documentEvent.createMany({
    data: unique(eventMentions.map((m) => m.eventId)).map((id) => ({
      documentId: document.id,
      eventId: id,
    })),
    skipDuplicates: true,
  });
  const mentionCounts = await Promise.all([
    db.actorMention.createMany({ data: actorMentions, skipDuplicates: true }),
    db.eventMention.createMany({ data: eventMentions, skipDuplicates: true }),
  ]);

  const claims = await createClaims(db, document.id, annotation, actorId, eventIds, origin);
  return {
    actors: actorIds.length,
    events: eventIds.size,
    actorMentions: mentionCounts[0].count,
    eventMentions: mentionCounts[1].count,
    claims,
  };
}

async function upsertActors(db: Db, annotation: Annotation): Promise<number[]> {
  const ids: number[] = [];
  // Sequential on purpose: two declarations may share a stored actor, and the second must see
  // the aliases the first added.
  for (const actor of annotation.actors) ids.push((await upsertActor(db, actor)).id);
  return ids;
}

async function upsertEvents(
  db: Db,
  events: EventAnnotation[],
  actorId: (name: string) => number,
  origin: Origin,
): Promise<Map<string, number>> {
  const ids = new Map<string, number>();
  for (const event of events) {
    const fields = {
      title: event.title,
      kind: event.kind,
      status: event.status,
      description: event.description,
      location: event.location,
      ...fuzzyDateColumns("date", event.date),
    };
    const confidence = event.confidence ?? null;
    const stored = await db.event.upsert({
      where: { slug: event.slug },
      create: { slug: event.slug, ...fields, origin, confidence },
      // An event keeps the origin it was created with; a manual update clears the guess.
      update: {
        ...fields,
        ...(origin === "MANUAL" ? { origin, confidence: null } : { confidence }),
      },
    });
    ids.set(event.slug, stored.id);
  }
  for (const event of events) {
    const eventId = ids.get(event.slug) as number;
    for (const participant of event.participants) {
      await db.eventParticipant.upsert({
        where: { eventId_actorId: { eventId, actorId: actorId(participant.actor) } },
        create: { eventId, actorId: actorId(participant.actor), role: participant.role },
        update: { role: participant.role },
      });
    }
    const links = event.related.flatMap((link) => {
      const otherId = ids.get(link.event) as number;
      return [
        { fromEventId: eventId, toEventId: otherId, kind: link.kind },
        { fromEventId: otherId, toEventId: eventId, kind: INVERSE[link.kind] },
      ];
    });
    await db.eventRelation.createMany({ data: links, skipDuplicates: true });
  }
  return ids;
}

async function createClaims(
  db: Db,
  documentId: number,
  annotation: Annotation,
  actorId: (name: string) => number,
  eventIds: Map<string, number>,
  origin: Origin,
): Promise<number> {
  const existing = await db.claim.findMany({
    where: { documentId },
    select: { text: true, spanStart: true, spanEnd: true },
  });
  const stored = new Set(
    existing.map((c) =>
      claimKey({ text: c.text, span: { start: c.spanStart, end: c.spanEnd, text: "" } }),
    ),
  );
  const fresh = annotation.claims.filter((claim) => !stored.has(claimKey(claim)));
  if (fresh.length === 0) return 0;

  const created = await db.claim.createManyAndReturn({
    select: { id: true, text: true, spanStart: true, spanEnd: true },
    data: fresh.map((claim) => ({
      documentId,
      text: claim.text,
      quote: claim.quote,
      kind: claim.kind,
      claimantId: claim.claimant === null ? null : actorId(claim.claimant),
      eventId: claim.event === null ? null : (eventIds.get(claim.event) as number),
      spanStart: claim.span.start,
      spanEnd: claim.span.end,
      spanText: claim.span.text,
      ...(claim.statedAt ? fuzzyDateColumns("stated", claim.statedAt) : {}),
      origin,
      confidence: claim.confidence ?? null,
    })),
  });
  // RETURNING order is not guaranteed, so rows are matched back to claims by their key.
  const idByKey = new Map(
    created.map((c) => [
      claimKey({ text: c.text, span: { start: c.spanStart, end: c.spanEnd, text: "" } }),
      c.id,
    ]),
  );
  const subjects = fresh.flatMap((claim) =>
    unique(claim.subjects.map(actorId)).map((id) => ({
      claimId: idByKey.get(claimKey(claim)) as number,
      actorId: id,
    })),
  );
  await db.claimSubject.createMany({ data: subjects });
  return created.length;
}

function unique<T>(values: T[]): T[] {
  return [...new Set(values)];
}
