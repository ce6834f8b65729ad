import { defineConfig } from "prisma/config";

// Only the CLI reads this file. The app connects through src/db (driver adapters, offline
// migrator), so no datasource URL is needed here; `prisma migrate deploy` users set DATABASE_URL.
export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  ...(process.env.DATABASE_URL?.startsWith("postgres")
    ? { datasource: { url: process.env.DATABASE_URL } }
    : {}),
});
