// Adding a mention of an actor or an event at a span of a document: the write path behind
// addMention. Mentions hang off the DocumentActor / DocumentEvent link rows (composite foreign
// key), so the link row is created first when the actor or event is new to the document.
import { z } from "zod";
import type {
  ActorMention,
  EventMention,
  Prisma,
  PrismaClient,
} from "../generated/prisma/client.ts";
import { requireActor, TRANSACTION } from "./actor-writes.ts";
import { spanSchema } from "./annotation-format.ts";
import { requireDocument } from "./claim-writes.ts";
import { parseOrThrow } from "./document-writes.ts";
import { DomainValidationError, isUniqueViolation } from "./errors.ts";
import { requireEvent } from "./event-writes.ts";
import { type Span, spanProblem } from "./spans.ts";

type Db = Prisma.TransactionClient;

const id = z.int().positive();

const mentionSchema = z.object({
  documentId: id,
  actorId: id.nullish(),
  eventId: id.nullish(),
  span: spanSchema,
});

type Target = { kind: "actor"; id: number } | { kind: "event"; id: number };

export type MentionWrite =
  | { kind: "actor"; mention: ActorMention; created: boolean }
  | { kind: "event"; mention: EventMention; created: boolean };

/**
 * Adds a mention of exactly one actor or event. Idempotent: the same target at the same span of
 * the same document is one mention (the unique key), so asking again returns the stored one with
 * `created: false`, also when two identical requests race.
 */
export async function addMention(prisma: PrismaClient, input: unknown): Promise<MentionWrite> {
  const { documentId, actorId, eventId, span } = parseOrThrow(mentionSchema, input);
  const target: Target | null =
    actorId != null && eventId == null
      ? { kind: "actor", id: actorId }
      : eventId != null && actorId == null
        ? { kind: "event", id: eventId }
        : null;
  if (!target) {
    throw new DomainValidationError([
      {
        path: [actorId == null ? "actorId" : "eventId"],
        message: "give exactly one of actorId and eventId",
      },
    ]);
  }
  try {
    return await prisma.$transaction(async (tx): Promise<MentionWrite> => {
      const document = await requireDocument(tx, documentId);
      const problem = spanProblem(document.body, span);
      if (problem) throw new DomainValidationError([{ path: ["span"], message: problem }]);
      if (target.kind === "actor") await requireActor(tx, target.id);
      else await requireEvent(tx, target.id);

      const existing = await findMention(tx, documentId, span, target);
      if (existing) return existing;
      if (target.kind === "actor") {
        const row = { documentId, actorId: target.id };
        await tx.documentActor.createMany({ data: [row], skipDuplicates: true });
        const mention = await tx.actorMention.create({ data: { ...row, ...span } });
        return { kind: "actor", mention, created: true };
      }
      const row = { documentId, eventId: target.id };
      await tx.documentEvent.createMany({ data: [row], skipDuplicates: true });
      const mention = await tx.eventMention.create({ data: { ...row, ...span } });
      return { kind: "event", mention, created: true };
    }, TRANSACTION);
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    // A concurrent request stored the same mention first: that one is the answer.
    const stored = await findMention(prisma, documentId, span, target);
    if (stored) return stored;
    throw error;
  }
}

async function findMention(
  db: Db,
  documentId: number,
  span: Span,
  target: Target,
): Promise<MentionWrite | null> {
  const at = { documentId, start: span.start, end: span.end };
  if (target.kind === "actor") {
    const mention = await db.actorMention.findUnique({
      where: { documentId_start_end_actorId: { ...at, actorId: target.id } },
    });
    return mention && { kind: "actor", mention, created: false };
  }
  const mention = await db.eventMention.findUnique({
    where: { documentId_start_end_eventId: { ...at, eventId: target.id } },
  });
  return mention && { kind: "event", mention, created: false };
}
