// Creating, changing and deleting events, and setting who took part: the write paths behind the
// event mutations. Each validates before its first write and runs in one transaction; each
// returns the documents whose annotations it changed, for the caller to announce after commit.
import { z } from "zod";
import type { Event, Prisma, PrismaClient } from "../generated/prisma/client.ts";
import { requireActors, TRANSACTION } from "./actor-writes.ts";
import {
  eventSchema,
  fuzzyDateSchema,
  MAX_NAME_LENGTH,
  participantSchema,
} from "./annotation-format.ts";
import { parseOrThrow } from "./document-writes.ts";
import { ConflictError, IssueCollector, isUniqueViolation, NotFoundError } from "./errors.ts";
import { type FuzzyDate, fuzzyDateColumns, fuzzyDateProblems } from "./fuzzy-dates.ts";
import { slugify } from "./names.ts";

type Db = Prisma.TransactionClient;

/** How often a generated slug is chosen again after concurrent writes took it. */
const SLUG_ATTEMPTS = 10;

const optionalText = (max?: number) => {
  const text = z.string().trim().min(1, "must not be empty; use null to clear");
  return (max === undefined ? text : text.max(max)).nullable();
};
const description = optionalText();
const location = optionalText(MAX_NAME_LENGTH);

const createEventSchema = z.object({
  slug: eventSchema.shape.slug.nullish(),
  title: eventSchema.shape.title,
  kind: eventSchema.shape.kind,
  status: eventSchema.shape.status,
  description: description.nullish().transform((value) => value ?? null),
  location: location.nullish().transform((value) => value ?? null),
  date: fuzzyDateSchema,
});

// Absent means unchanged; null only where the field is optional.
const eventPatchSchema = z.object({
  slug: eventSchema.shape.slug.optional(),
  title: eventSchema.shape.title.optional(),
  kind: eventSchema.shape.kind.optional(),
  status: eventSchema.shape.status.optional(),
  description: description.optional(),
  location: location.optional(),
  date: fuzzyDateSchema.optional(),
});

const participantsSchema = z.object({
  participants: z.array(
    z.object({ actorId: z.int().positive(), role: participantSchema.shape.role }),
  ),
});

export interface EventWrite {
  event: Event;
  /** Documents whose annotations changed (they mention the event or have claims about it). */
  documentIds: number[];
}

/**
 * Creates an event. Without a slug, one is made from the title and the date
 * ("istanbul-talks-2025-06"), with -2, -3 … appended while it is taken; a slug given and taken
 * is a conflict.
 */
export async function createEvent(prisma: PrismaClient, input: unknown): Promise<Event> {
  const parsed = parseOrThrow(createEventSchema, input);
  throwDateProblems(["date"], parsed.date);
  const fields = {
    title: parsed.title,
    kind: parsed.kind,
    status: parsed.status,
    description: parsed.description,
    location: parsed.location,
    ...fuzzyDateColumns("date", parsed.date),
  };
  // A generated slug can lose a race to a concurrent write; it is chosen again then.
  for (let attempt = 1; ; attempt++) {
    try {
      return await prisma.$transaction(async (tx) => {
        const slug = parsed.slug ?? (await freeSlug(tx, slugBase(parsed.title, parsed.date)));
        if (parsed.slug && (await tx.event.findUnique({ where: { slug: parsed.slug } }))) {
          throw slugTaken(parsed.slug);
        }
        return tx.event.create({ data: { slug, ...fields } });
      }, TRANSACTION);
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
      if (parsed.slug) throw slugTaken(parsed.slug);
      if (attempt >= SLUG_ATTEMPTS) throw new ConflictError("could not find a free slug; give one");
    }
  }
}

/** Changes the fields given; a new slug must be free. */
export async function updateEvent(
  prisma: PrismaClient,
  id: number,
  patch: unknown,
): Promise<EventWrite> {
  const parsed = parseOrThrow(eventPatchSchema, patch);
  if (parsed.date) throwDateProblems(["date"], parsed.date);
  try {
    return await prisma.$transaction(async (tx) => {
      const event = await requireEvent(tx, id);
      if (parsed.slug !== undefined && parsed.slug !== event.slug) {
        if (await tx.event.findUnique({ where: { slug: parsed.slug } })) {
          throw slugTaken(parsed.slug);
        }
      }
      const updated = await tx.event.update({
        where: { id },
        data: {
          ...(parsed.slug !== undefined && { slug: parsed.slug }),
          ...(parsed.title !== undefined && { title: parsed.title }),
          ...(parsed.kind !== undefined && { kind: parsed.kind }),
          ...(parsed.status !== undefined && { status: parsed.status }),
          ...(parsed.description !== undefined && { description: parsed.description }),
          ...(parsed.location !== undefined && { location: parsed.location }),
          ...(parsed.date !== undefined && fuzzyDateColumns("date", parsed.date)),
        },
      });
      return { event: updated, documentIds: await eventDocumentIds(tx, id) };
    }, TRANSACTION);
  } catch (error) {
    if (isUniqueViolation(error) && parsed.slug) throw slugTaken(parsed.slug);
    throw error;
  }
}

/**
 * Deletes an event with its mentions, participants and relations (both directions); claims
 * about it stay, no longer linked to an event.
 */
export async function deleteEvent(prisma: PrismaClient, id: number): Promise<EventWrite> {
  return prisma.$transaction(async (tx) => {
    const event = await requireEvent(tx, id);
    const documentIds = await eventDocumentIds(tx, id);
    await tx.event.delete({ where: { id } });
    return { event, documentIds };
  }, TRANSACTION);
}

/**
 * Replaces the event's participants with this list (empty clears it). An actor listed twice is
 * a validation error; every actor must exist.
 */
export async function setEventParticipants(
  prisma: PrismaClient,
  eventId: number,
  participants: unknown,
): Promise<EventWrite> {
  const parsed = parseOrThrow(participantsSchema, { participants });
  const issues = new IssueCollector();
  const seen = new Set<number>();
  parsed.participants.forEach((participant, i) => {
    if (seen.has(participant.actorId)) {
      issues.add(["participants", i, "actorId"], "this actor is already listed");
    }
    seen.add(participant.actorId);
  });
  issues.throwIfAny();
  return prisma.$transaction(async (tx) => {
    await requireEvent(tx, eventId);
    await requireActors(
      tx,
      parsed.participants.map((p) => p.actorId),
    );
    await tx.eventParticipant.deleteMany({ where: { eventId } });
    await tx.eventParticipant.createMany({
      data: parsed.participants.map((p) => ({ eventId, actorId: p.actorId, role: p.role })),
    });
    const updated = await tx.event.update({
      where: { id: eventId },
      data: { updatedAt: new Date() },
    });
    return { event: updated, documentIds: await eventDocumentIds(tx, eventId) };
  }, TRANSACTION);
}

export async function requireEvent(db: Db, id: number): Promise<Event> {
  const event = await db.event.findUnique({ where: { id } });
  if (!event) throw new NotFoundError("Event", String(id));
  return event;
}

/** Documents that mention the event or hold claims about it. */
export async function eventDocumentIds(db: Db, eventId: number): Promise<number[]> {
  const [appearances, claims] = await Promise.all([
    db.documentEvent.findMany({ where: { eventId }, select: { documentId: true } }),
    db.claim.findMany({
      where: { eventId },
      select: { documentId: true },
      distinct: ["documentId"],
    }),
  ]);
  return [...new Set([...appearances, ...claims].map((row) => row.documentId))];
}

/** Every inconsistency of a fuzzy date, as a ValidationError under `path`. */
export function throwDateProblems(path: string[], date: FuzzyDate): void {
  const issues = new IssueCollector();
  for (const problem of fuzzyDateProblems(date)) issues.add(path, problem);
  issues.throwIfAny();
}

/** title + the date as precisely as it is known: "istanbul-talks-2025-06-02", "…-2025-06". */
function slugBase(title: string, date: FuzzyDate): string {
  const start = date.start;
  const when =
    start === null || date.precision === "UNKNOWN"
      ? ""
      : date.precision === "DAY"
        ? start
        : date.precision === "YEAR"
          ? start.slice(0, 4)
          : start.slice(0, 7);
  const words = slugify(title, 100);
  return when ? `${words}-${when}` : words;
}

async function freeSlug(db: Db, base: string): Promise<string> {
  const taken = new Set(
    (
      await db.event.findMany({
        where: { OR: [{ slug: base }, { slug: { startsWith: `${base}-` } }] },
        select: { slug: true },
      })
    ).map((e) => e.slug),
  );
  let slug = base;
  for (let n = 2; taken.has(slug); n++) slug = `${base}-${n}`;
  return slug;
}

function slugTaken(slug: string): ConflictError {
  return new ConflictError(`event slug ${JSON.stringify(slug)} is already used`);
}
