import { defineConfig } from "vitest/config";

// The suite runs on PGlite always. When TEST_DATABASE_URL names a PostgreSQL server (CI sets
// it), the tests that go through the API run a second time, each file on a database of its own.
const postgres = process.env.TEST_DATABASE_URL?.trim();
const databaseBound = ["tests/api-*.test.ts", "tests/seed*.test.ts"];

export default defineConfig({
  test: {
    // Starting PGlite and the wasm schema engine takes seconds, not milliseconds.
    testTimeout: 30_000,
    hookTimeout: 60_000,
    projects: [
      {
        extends: true,
        test: { name: "pglite", include: ["tests/**/*.test.ts"], env: { NEWSGRAPH_TEST_DB: "pglite" } },
      },
      ...(postgres
        ? [
            {
              extends: true,
              test: { name: "postgres", include: databaseBound, env: { NEWSGRAPH_TEST_DB: "postgres" } },
            },
          ]
        : []),
    ],
  },
});
