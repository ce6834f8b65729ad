// npm run db:migrate: applies prisma/migrations to DATABASE_URL (default: PGlite in .data/pglite).
import { createDatabase } from "../src/db/client.ts";
import { DatabaseConfigError } from "../src/db/config.ts";
import { describeConnectionError } from "../src/db/errors.ts";
import { applyMigrations } from "../src/db/migrator.ts";

try {
  const db = createDatabase();
  try {
    console.log(`Migrating ${db.describe}`);
    const applied = await applyMigrations(db);
    if (applied.length === 0) console.log("Already up to date: no migration to apply.");
    for (const name of applied) console.log(`Applied ${name}`);
  } finally {
    await db.close();
  }
} catch (error) {
  if (error instanceof DatabaseConfigError) {
    console.error(error.message);
  } else {
    console.error(describeConnectionError(error));
  }
  process.exitCode = 1;
}
