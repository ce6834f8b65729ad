// npm run db:diff -- <name>: writes the next migration from prisma/schema.prisma, offline.
import path from "node:path";
import { createMigration, MigrationNameError } from "../src/db/diff.ts";
import { SchemaEngineError } from "../src/db/schema-engine.ts";

const name = process.argv.slice(2).join(" ").trim();
if (name === "") {
  console.error("Usage: npm run db:diff -- <migration_name>");
  process.exit(2);
}

try {
  const created = await createMigration(name);
  if (created === null) {
    console.log("No schema changes: prisma/schema.prisma matches the migrations; nothing written.");
  } else {
    console.log(`Wrote ${path.relative(process.cwd(), created.file)}`);
  }
} catch (error) {
  if (!(error instanceof SchemaEngineError || error instanceof MigrationNameError)) throw error;
  console.error(error.message);
  process.exitCode = 1;
}
