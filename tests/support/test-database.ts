// Gives a test file its own empty database: in-memory PGlite, or a fresh PostgreSQL database
// when the suite runs as the "postgres" project (TEST_DATABASE_URL set). Migrated, optionally
// seeded, and dropped when the file is done.
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll } from "vitest";
import { closeDb, getDb } from "../../src/db/client.ts";
import { applyMigrations } from "../../src/db/migrator.ts";
import { seedDirectory } from "../../src/domain/seeding.ts";
import { createTestDatabase, type TestDatabase } from "./postgres.ts";

export const SEEDS_DIR = fileURLToPath(new URL("../../seeds/", import.meta.url));

export function onPostgres(): boolean {
  return process.env.NEWSGRAPH_TEST_DB === "postgres";
}

export function useTestDatabase(options: { seed?: boolean } = {}) {
  let postgres: TestDatabase | undefined;
  beforeAll(async () => {
    if (onPostgres()) {
      postgres = await createTestDatabase();
      process.env.DATABASE_URL = postgres.url;
    } else {
      process.env.DATABASE_URL = "pglite:memory";
    }
    await applyMigrations(getDb());
    if (options.seed) await seedDirectory(getDb().prisma, SEEDS_DIR);
  });
  afterAll(async () => {
    await closeDb();
    await postgres?.drop();
  });
  return { prisma: () => getDb().prisma };
}

/** Row counts of every table, to prove a rejected write changed nothing. */
export async function countRows() {
  const prisma = getDb().prisma;
  return {
    documents: await prisma.document.count(),
    actors: await prisma.actor.count(),
    actorAliases: await prisma.actorAlias.count(),
    documentActors: await prisma.documentActor.count(),
    actorMentions: await prisma.actorMention.count(),
    claims: await prisma.claim.count(),
    claimSubjects: await prisma.claimSubject.count(),
    events: await prisma.event.count(),
    eventParticipants: await prisma.eventParticipant.count(),
    documentEvents: await prisma.documentEvent.count(),
    eventMentions: await prisma.eventMention.count(),
    eventRelations: await prisma.eventRelation.count(),
  };
}
