import { configDefaults, defineConfig } from "vitest/config";

// The suite runs on PGlite always. When TEST_DATABASE_URL names a PostgreSQL server (CI sets
// it), the tests that go through the API run a second time, each file on a database of its own.
const postgres = process.env.TEST_DATABASE_URL?.trim();
if (process.env.CI && !postgres) {
  throw new Error("CI runs the suite on PostgreSQL too: set TEST_DATABASE_URL (see .ci/run)");
}
const databaseBound = ["tests/api-*.test.ts", "tests/seed*.test.ts"];
// Need a PostgreSQL server (a throwaway cluster, a 30 s load on a pool): the postgres project only.
const postgresOnly = ["tests/ops-postgres-*.test.ts"];
// The front end in real Chromium (tests/e2e): a project of its own, with a build of web/ first.
const browser = ["tests/e2e/**/*.test.ts"];

export default defineConfig({
  // One copy of graphql: Pothos and Yoga load its CommonJS build, and a test importing the ESM
  // build would get "Cannot use GraphQLObjectType from another module or realm".
  resolve: { alias: [{ find: /^graphql$/, replacement: "graphql/index.js" }] },
  test: {
    // Starting PGlite and the wasm schema engine takes seconds, not milliseconds.
    testTimeout: 30_000,
    // The default pub/sub stays in-process in tests (a developer's REDIS_URL would otherwise open
    // connections nothing closes); the Redis tests build their own from TEST_REDIS_URL.
    // Logs of the servers under test stay out of the test output (tests that read logs give
    // their server a logger of their own); LOG_LEVEL=debug npx vitest shows them.
    env: { REDIS_URL: "", LOG_LEVEL: process.env.LOG_LEVEL ?? "silent" },
    hookTimeout: 60_000,
    projects: [
      {
        extends: true as const,
        test: {
          name: "pglite",
          include: ["tests/**/*.test.ts"],
          exclude: [...configDefaults.exclude, ...postgresOnly, ...browser],
          env: { NEWSGRAPH_TEST_DB: "pglite" },
        },
      },
      {
        extends: true as const,
        test: { name: "web", include: ["web/src/**/*.test.ts"] },
      },
      {
        extends: true as const,
        test: {
          name: "e2e",
          include: browser,
          // Builds web/dist when it is missing or older than web/src (src/plugins/web-app.ts
          // serves that build), so the browser tests never run against a stale page.
          globalSetup: ["tests/e2e/support/build-web.ts"],
          testTimeout: 60_000,
          hookTimeout: 180_000,
          // The page renders after its requests: give it time when the machine is busy.
          expect: { poll: { timeout: 15_000, interval: 100 } },
          env: { NEWSGRAPH_TEST_DB: "pglite" },
        },
      },
      ...(postgres
        ? [
            {
              extends: true as const,
              test: {
                name: "postgres",
                include: [...databaseBound, ...postgresOnly],
                env: { NEWSGRAPH_TEST_DB: "postgres" },
              },
            },
          ]
        : []),
    ],
  },
});
