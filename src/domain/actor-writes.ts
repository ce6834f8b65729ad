// Creating, changing and merging actors, and giving them aliases: the write paths behind the
// actor mutations. Each validates before its first write and runs in one transaction; each
// returns the documents whose annotations it changed, for the caller to announce after commit.
import { z } from "zod";
import type { Actor, Prisma, PrismaClient } from "../generated/prisma/client.ts";
import { ActorKind } from "../generated/prisma/enums.ts";
import { findActorByNameOrAlias } from "./actors.ts";
import { actorSchema } from "./annotation-format.ts";
import { parseOrThrow } from "./document-writes.ts";
import {
  ConflictError,
  DomainValidationError,
  isUniqueViolation,
  NotFoundError,
} from "./errors.ts";
import { nameKey } from "./names.ts";

type Db = Prisma.TransactionClient;

export const TRANSACTION = { timeout: 60_000, maxWait: 30_000 };

const name = actorSchema.shape.name;
const description = z.string().trim().min(1, "must not be empty; use null to clear").nullable();

const createActorSchema = z.object({
  name,
  kind: z.enum(ActorKind),
  aliases: z
    .array(name)
    .nullish()
    .transform((aliases) => aliases ?? []),
  description: description.nullish().transform((value) => value ?? null),
});

// Absent means unchanged; null is only allowed where the field is optional (description).
const actorPatchSchema = z.object({
  name: name.optional(),
  kind: z.enum(ActorKind).optional(),
  description: description.optional(),
});

export interface ActorWrite {
  actor: Actor;
  /** Documents whose annotations changed (the actor appears in them or in their claims). */
  documentIds: number[];
}

/** Creates an actor with its aliases; any of those names already in use is a conflict. */
export async function createActor(prisma: PrismaClient, input: unknown): Promise<Actor> {
  const parsed = parseOrThrow(createActorSchema, input);
  return withNameRace(() =>
    prisma.$transaction(async (tx) => {
      for (const candidate of [parsed.name, ...parsed.aliases]) {
        const owner = await findActorByNameOrAlias(tx, candidate);
        if (owner) throw nameTaken(candidate, owner);
      }
      // Every name was free when checked. Create, never upsert: if a concurrent request took the
      // name since, the unique index refuses this insert and the retry reports the conflict
      // (an upsert would quietly return the other request's actor as if it were ours).
      const aliases = new Map<string, string>();
      for (const alias of parsed.aliases) {
        const key = nameKey(alias);
        if (key !== nameKey(parsed.name) && !aliases.has(key)) aliases.set(key, alias);
      }
      return tx.actor.create({
        data: {
          name: parsed.name,
          nameKey: nameKey(parsed.name),
          kind: parsed.kind,
          description: parsed.description ?? null,
          aliases: { create: [...aliases].map(([aliasKey, alias]) => ({ alias, aliasKey })) },
        },
      });
    }, TRANSACTION),
  );
}

/**
 * Changes name, kind or description. A new name may not name another actor (by name or alias);
 * when it was one of the actor's own aliases, that alias is dropped (it is the name now).
 */
export async function updateActor(
  prisma: PrismaClient,
  id: number,
  patch: unknown,
): Promise<ActorWrite> {
  const parsed = parseOrThrow(actorPatchSchema, patch);
  return withNameRace(() =>
    prisma.$transaction(async (tx) => {
      const actor = await requireActor(tx, id);
      if (parsed.name !== undefined && nameKey(parsed.name) !== actor.nameKey) {
        const owner = await findActorByNameOrAlias(tx, parsed.name);
        if (owner && owner.id !== id) throw nameTaken(parsed.name, owner);
        await tx.actorAlias.deleteMany({ where: { actorId: id, aliasKey: nameKey(parsed.name) } });
      }
      const updated = await tx.actor.update({
        where: { id },
        data: {
          ...(parsed.name !== undefined && { name: parsed.name, nameKey: nameKey(parsed.name) }),
          ...(parsed.kind !== undefined && { kind: parsed.kind }),
          ...(parsed.description !== undefined && { description: parsed.description }),
        },
      });
      return { actor: updated, documentIds: await actorDocumentIds(tx, [id]) };
    }, TRANSACTION),
  );
}

/**
 * Adds an alias. An alias already naming another actor is a conflict; one already naming this
 * actor (its name or an alias, case-insensitively) changes nothing (`added: false`).
 */
export async function addActorAlias(
  prisma: PrismaClient,
  actorId: number,
  alias: unknown,
): Promise<ActorWrite & { added: boolean }> {
  const parsed = parseOrThrow(z.object({ alias: name }), { alias });
  return withNameRace(() =>
    prisma.$transaction(async (tx) => {
      const actor = await requireActor(tx, actorId);
      const owner = await findActorByNameOrAlias(tx, parsed.alias);
      if (owner && owner.id !== actorId) throw nameTaken(parsed.alias, owner);
      if (owner) return { actor, added: false, documentIds: [] };
      await tx.actorAlias.create({
        data: { actorId, alias: parsed.alias, aliasKey: nameKey(parsed.alias) },
      });
      // The alias list is part of the actor: its updatedAt moves.
      const updated = await tx.actor.update({
        where: { id: actorId },
        data: { updatedAt: new Date() },
      });
      return { actor: updated, added: true, documentIds: await actorDocumentIds(tx, [actorId]) };
    }, TRANSACTION),
  );
}

export interface MergeSummary {
  /** Mentions moved to the kept actor. */
  mentionsMoved: number;
  /** Mentions dropped because the kept actor was already mentioned at the same span. */
  mentionsDropped: number;
  /** Claims whose claimant was the merged actor. */
  claimsMoved: number;
  /** Claim subjects moved; dropped where the kept actor already was a subject of the claim. */
  subjectsMoved: number;
  subjectsDropped: number;
  /** Participations moved; dropped where the kept actor already took part in the event. */
  participationsMoved: number;
  participationsDropped: number;
  /** Aliases the kept actor gained, the merged actor's name included. */
  aliasesAdded: number;
}

/**
 * Merges actor `mergeId` into `keepId`: every mention, claim, claim subject and participation
 * of the merged actor is repointed to the kept one, duplicates this creates are dropped (the
 * kept actor's row wins; a participation keeps the kept actor's role, or takes the merged one's
 * when it had none), the aliases are unioned, the merged actor's name becomes an alias, its
 * description fills an empty one, and the merged actor is deleted. The kept actor's name and
 * kind stay.
 */
export async function mergeActors(
  prisma: PrismaClient,
  keepId: number,
  mergeId: number,
): Promise<ActorWrite & { merged: Actor; summary: MergeSummary }> {
  if (keepId === mergeId) {
    throw new DomainValidationError([
      { path: ["merge"], message: "an actor cannot be merged into itself" },
    ]);
  }
  return prisma.$transaction(async (tx) => {
    const keep = await requireActor(tx, keepId);
    const merge = await requireActor(tx, mergeId);
    const documentIds = await actorDocumentIds(tx, [keepId, mergeId]);

    // Mentions hang off DocumentActor rows: give the kept actor an appearance in every document
    // the merged one appears in, drop the merged mentions the kept actor already has at the same
    // span, move the rest, then drop the merged actor's appearances.
    const appearances = await tx.documentActor.findMany({
      where: { actorId: mergeId },
      select: { documentId: true },
    });
    const appearanceDocuments = appearances.map((a) => a.documentId);
    await tx.documentActor.createMany({
      data: appearanceDocuments.map((documentId) => ({ documentId, actorId: keepId })),
      skipDuplicates: true,
    });
    const spanKey = (m: { documentId: number; start: number; end: number }) =>
      `${m.documentId}:${m.start}:${m.end}`;
    const [mergedMentions, keptMentions] = await Promise.all([
      tx.actorMention.findMany({
        where: { actorId: mergeId },
        select: { id: true, documentId: true, start: true, end: true },
      }),
      tx.actorMention.findMany({
        where: { actorId: keepId, documentId: { in: appearanceDocuments } },
        select: { documentId: true, start: true, end: true },
      }),
    ]);
    const keptSpans = new Set(keptMentions.map(spanKey));
    const duplicateMentions = mergedMentions.filter((m) => keptSpans.has(spanKey(m)));
    await tx.actorMention.deleteMany({ where: { id: { in: duplicateMentions.map((m) => m.id) } } });
    const mentionsMoved = await tx.actorMention.updateMany({
      where: { actorId: mergeId },
      data: { actorId: keepId },
    });
    await tx.documentActor.deleteMany({ where: { actorId: mergeId } });

    const claimsMoved = await tx.claim.updateMany({
      where: { claimantId: mergeId },
      data: { claimantId: keepId },
    });
    const mergedSubjects = await tx.claimSubject.findMany({
      where: { actorId: mergeId },
      select: { claimId: true },
    });
    const keptSubjects = await tx.claimSubject.findMany({
      where: { actorId: keepId, claimId: { in: mergedSubjects.map((s) => s.claimId) } },
      select: { claimId: true },
    });
    const subjectsDropped = await tx.claimSubject.deleteMany({
      where: { actorId: mergeId, claimId: { in: keptSubjects.map((s) => s.claimId) } },
    });
    const subjectsMoved = await tx.claimSubject.updateMany({
      where: { actorId: mergeId },
      data: { actorId: keepId },
    });

    const mergedParticipations = await tx.eventParticipant.findMany({
      where: { actorId: mergeId },
    });
    const keptParticipations = new Map(
      (
        await tx.eventParticipant.findMany({
          where: { actorId: keepId, eventId: { in: mergedParticipations.map((p) => p.eventId) } },
        })
      ).map((p) => [p.eventId, p]),
    );
    const duplicateParticipations = mergedParticipations.filter((p) =>
      keptParticipations.has(p.eventId),
    );
    for (const participation of duplicateParticipations) {
      const kept = keptParticipations.get(participation.eventId);
      if (kept && kept.role === null && participation.role !== null) {
        await tx.eventParticipant.update({
          where: { id: kept.id },
          data: { role: participation.role },
        });
      }
    }
    await tx.eventParticipant.deleteMany({
      where: { id: { in: duplicateParticipations.map((p) => p.id) } },
    });
    const participationsMoved = await tx.eventParticipant.updateMany({
      where: { actorId: mergeId },
      data: { actorId: keepId },
    });

    // Aliases are unique across actors, so the merged actor's move over as they are (one equal
    // to the kept name would be redundant and is dropped); its name joins them once it is gone.
    await tx.actorAlias.deleteMany({ where: { actorId: mergeId, aliasKey: keep.nameKey } });
    const aliasesMoved = await tx.actorAlias.updateMany({
      where: { actorId: mergeId },
      data: { actorId: keepId },
    });
    await tx.actor.delete({ where: { id: mergeId } });
    await tx.actorAlias.create({
      data: { actorId: keepId, alias: merge.name, aliasKey: merge.nameKey },
    });
    const actor = await tx.actor.update({
      where: { id: keepId },
      data: keep.description === null ? { description: merge.description } : {},
    });
    return {
      actor,
      merged: merge,
      documentIds,
      summary: {
        mentionsMoved: mentionsMoved.count,
        mentionsDropped: duplicateMentions.length,
        claimsMoved: claimsMoved.count,
        subjectsMoved: subjectsMoved.count,
        subjectsDropped: subjectsDropped.count,
        participationsMoved: participationsMoved.count,
        participationsDropped: duplicateParticipations.length,
        aliasesAdded: aliasesMoved.count + 1,
      },
    };
  }, TRANSACTION);
}

export async function requireActor(db: Db, id: number): Promise<Actor> {
  const actor = await db.actor.findUnique({ where: { id } });
  if (!actor) throw new NotFoundError("Actor", String(id));
  return actor;
}

/** Checks that every actor exists; the first missing one is the NotFoundError. */
export async function requireActors(db: Db, ids: readonly number[]): Promise<void> {
  const wanted = [...new Set(ids)];
  if (wanted.length === 0) return;
  const found = await db.actor.findMany({ where: { id: { in: wanted } }, select: { id: true } });
  const known = new Set(found.map((a) => a.id));
  const missing = wanted.find((id) => !known.has(id));
  if (missing !== undefined) throw new NotFoundError("Actor", String(missing));
}

/** Documents in which the actors appear: mentioned, as claimant, or as a claim's subject. */
export async function actorDocumentIds(db: Db, actorIds: number[]): Promise<number[]> {
  const [appearances, claims] = await Promise.all([
    db.documentActor.findMany({
      where: { actorId: { in: actorIds } },
      select: { documentId: true },
    }),
    db.claim.findMany({
      where: {
        OR: [
          { claimantId: { in: actorIds } },
          { subjects: { some: { actorId: { in: actorIds } } } },
        ],
      },
      select: { documentId: true },
      distinct: ["documentId"],
    }),
  ]);
  return [...new Set([...appearances, ...claims].map((row) => row.documentId))];
}

function nameTaken(name: string, owner: Actor): ConflictError {
  return new ConflictError(
    `${JSON.stringify(name)} already names actor ${JSON.stringify(owner.name)}` +
      " (as its name or an alias); use mergeActors if they are the same",
  );
}

/** Two writers claiming one name at once: the unique index decides, the loser gets a conflict. */
async function withNameRace<T>(write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    throw new ConflictError("another write took this name at the same moment; try again");
  }
}
