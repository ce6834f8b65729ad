// npm run seed: loads every annotation in seeds/ through the domain code the API uses.
import { fileURLToPath } from "node:url";
import { getDb } from "../src/db/client.ts";
import { applyMigrations } from "../src/db/migrator.ts";
import { SeedError, seedDirectory } from "../src/domain/seeding.ts";

const seedsDir = fileURLToPath(new URL("../seeds/", import.meta.url));
const db = getDb();
try {
  await applyMigrations(db);
  for (const result of await seedDirectory(db.prisma, seedsDir)) {
    console.log(`${result.status.padEnd(9)} ${result.slug} (${result.file})`);
  }
} catch (error) {
  if (!(error instanceof SeedError)) throw error;
  console.error(error.message);
  process.exitCode = 1;
} finally {
  await db.close();
}
