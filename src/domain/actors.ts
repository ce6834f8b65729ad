// Actor identity: one actor per name, case-insensitively, and every alias names exactly one
// actor ("Moscow" → Russia). Resolution goes through the normalized keys.
import type { Actor, Prisma } from "../generated/prisma/client.ts";
import type { ActorKind } from "../generated/prisma/enums.ts";
import { ConflictError } from "./errors.ts";
import { nameKey } from "./names.ts";

type Db = Prisma.TransactionClient;

/** The actor whose canonical name or alias is `name` (case-insensitive), or null. */
export async function findActorByNameOrAlias(db: Db, name: string): Promise<Actor | null> {
  const key = nameKey(name);
  return db.actor.findFirst({
    where: { OR: [{ nameKey: key }, { aliases: { some: { aliasKey: key } } }] },
  });
}

export interface ActorDeclaration {
  name: string;
  kind: ActorKind;
  aliases: string[];
  description: string | null;
}

/**
 * Finds the stored actor that any of the declared names already denotes, or creates it, then
 * adds the aliases it lacks. Refuses when the names point at two different stored actors:
 * that is a merge, which must be asked for explicitly.
 */
export async function upsertActor(db: Db, declared: ActorDeclaration): Promise<Actor> {
  const names = [declared.name, ...declared.aliases];
  const keys = [...new Set(names.map(nameKey))];
  const [byName, byAlias] = await Promise.all([
    db.actor.findMany({ where: { nameKey: { in: keys } } }),
    db.actorAlias.findMany({ where: { aliasKey: { in: keys } } }),
  ]);
  const ownerIds = new Set([...byName.map((a) => a.id), ...byAlias.map((a) => a.actorId)]);
  if (ownerIds.size > 1) {
    throw new ConflictError(
      `the names of actor ${JSON.stringify(declared.name)} (${names.join(", ")}) already belong to ` +
        `${ownerIds.size} different actors; merge them first`,
    );
  }

  const [existingId] = ownerIds;
  const actor =
    existingId === undefined
      ? await db.actor.create({
          data: {
            name: declared.name,
            nameKey: nameKey(declared.name),
            kind: declared.kind,
            description: declared.description,
          },
        })
      : await fillDescription(db, existingId, declared.description);

  const taken = new Set([actor.nameKey, ...byAlias.map((a) => a.aliasKey)]);
  const newAliases = new Map<string, string>();
  for (const name of names) {
    const key = nameKey(name);
    if (!taken.has(key) && !newAliases.has(key)) newAliases.set(key, name);
  }
  if (newAliases.size > 0) {
    await db.actorAlias.createMany({
      data: [...newAliases].map(([aliasKey, alias]) => ({ actorId: actor.id, alias, aliasKey })),
    });
  }
  return actor;
}

async function fillDescription(db: Db, id: number, description: string | null): Promise<Actor> {
  const actor = await db.actor.findUniqueOrThrow({ where: { id } });
  if (actor.description !== null || description === null) return actor;
  return db.actor.update({ where: { id }, data: { description } });
}
